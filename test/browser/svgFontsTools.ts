import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import type { TweetsRow as Row } from './importTempFiles';

/** Client names as archives hold them: Chinese, Arabic, emoji and a flag (made of two regional indicators). */
export const CLIENTS = ['微博 国际版', 'تويتر للأندرويد', 'Fire 🔥 App 🇭🇰'];
export const CLIENT_ROWS: Row[] = CLIENTS.flatMap((client, c) =>
  [0, 1, 2].map((i) => ({ tweetid: `9${c}${i}`, userid: `${c + 1}`, user_screen_name: `user${c}`, tweet_client_name: client, tweet_time: `2019-06-1${i} 12:0${c}` })));

/** Latin in Noto Sans, Chinese in Noto Sans SC, Arabic in Noto Sans Arabic, 🔥 in Noto Emoji, the flag in DW Flags: as on screen. */
export const CLIENT_FACES = ['Noto Sans', 'Noto Sans SC', 'Noto Sans Arabic', 'Noto Emoji', 'DW Flags'];

/** The family of each @font-face rule an SVG embeds as a woff2 data URL, in order. */
export const embeddedFamilies = (svg: string): string[] =>
  [...svg.matchAll(/@font-face\{font-family:"([^"]+)";[^}]*src:url\(data:font\/woff2;base64,/g)].map((m) => m[1]!);

/**
 * Checks that another browser profile, in a page holding only `svg` (no stylesheet of the app), loads
 * each CLIENT_FACES family from the SVG's own faces for its sample of the client names.
 */
export async function expectFacesLoadedElsewhere(page: Page, svg: string): Promise<void> {
  const elsewhere = await page.context().browser()!.newContext();
  const viewer = await elsewhere.newPage();
  await viewer.setContent(`<!doctype html><meta charset="utf-8"><body>${svg.replace(/^<\?xml[^>]*>/, '')}</body>`);
  const loaded = await viewer.evaluate(async (samples) => {
    const out: Record<string, string[]> = {};
    for (const [family, text] of samples) out[family] = (await document.fonts.load(`16px "${family}"`, text)).map((f) => `${f.family} ${f.status}`);
    return out;
  }, [['Noto Sans SC', '微博国际版'], ['Noto Sans Arabic', 'تويتر'], ['Noto Emoji', '🔥'], ['DW Flags', '🇭🇰'], ['Noto Sans', 'Fire App']] as [string, string][]);
  await elsewhere.close();
  expect(Object.keys(loaded).sort()).toEqual([...CLIENT_FACES].sort());
  for (const [family, faces] of Object.entries(loaded)) {
    expect(faces.length, family).toBeGreaterThan(0);
    for (const f of faces) expect(f).toBe(`${family} loaded`);
  }
}
