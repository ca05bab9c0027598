import type { Locator, Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { csvRecord, TWEETS_COLUMNS } from '../../shared/archive/demo/csvFormat';
import { realFixture } from '../fixtures/paths';
import { SCRIPT_SAMPLES } from '../unit/report/reportCase';
import { expect, test } from './fixtures';
import { datasetCard, importFiles, waitForImportDone } from './importHelpers';
import { tempDir } from './importTempFiles';
import { fontsUsed, inkIn, textInk, type Ink } from './screenInk';

/**
 * Emoji are drawn, not just laid out: each emoji's own box (a Range over its text node) is
 * screenshotted and must hold ink. The bundled colour font (Noto Color Emoji, COLRv1) is drawn
 * blank by the Debian Chromium these tests run on, so the app's stacks use the monochrome Noto
 * Emoji, and Twemoji's COLRv0 flag font (DW Flags) for flags alone. Every check is paired with the same measurement of the same emoji made invisible
 * (color: transparent): the measurement itself must see a blank glyph as blank.
 */

/** A drawn emoji at the app's 11–15 px sizes inks about a fifth to a half of its box; a blank one none. */
const MIN_INK = 0.08;
/** Ink share in the middle of the box: a .notdef box ("tofu", a hollow rectangle) has none there. */
const MIN_MIDDLE = 0.05;
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

async function expectInk(scope: Locator, emoji: string, what: string): Promise<Ink> {
  // Web fonts swap in when loaded: poll rather than race the first paint.
  let ink: Ink = { share: 0, middle: 0, colour: 0, box: { x: 0, y: 0, width: 0, height: 0 }, mask: '' };
  await expect.poll(async () => (ink = await textInk(scope, emoji)).share, { message: `${what}: ink share of ${emoji}`, timeout: 15_000 }).toBeGreaterThanOrEqual(MIN_INK);
  console.log(`${what}: ${emoji} ink ${pct(ink.share)} of ${ink.box.width}×${ink.box.height} px, ${pct(ink.middle)} in its middle`);
  expect(ink.middle, `${what}: ${emoji} is a glyph, not a .notdef box`).toBeGreaterThanOrEqual(MIN_MIDDLE);
  return ink;
}

/** The same emoji, same box, with its glyphs made transparent: the measurement must read (almost) nothing. */
async function expectBlankWhenHidden(scope: Locator, emoji: string): Promise<void> {
  await scope.evaluate((el) => ((el as HTMLElement).style.color = 'transparent'));
  const blank = await textInk(scope, emoji);
  await scope.evaluate((el) => ((el as HTMLElement).style.color = ''));
  console.log(`  same box, glyphs transparent: ink ${pct(blank.share)}`);
  expect(blank.share).toBeLessThan(0.01);
}

test('emoji have ink on the account page (display name after CJK, profile description) of the real China 2019 users file', async ({ page, requests }) => {
  await importFiles(page, [realFixture('china_082019_1_users_csv_hashed.csv')]);
  await waitForImportDone(page);
  const field = (label: string) => page.getByTestId('profile').locator('div', { has: page.locator('dt', { hasText: label }) }).locator('dd');

  // "花非花🌸": Noto Sans SC draws the CJK; the flower must come from the emoji font, not be left blank.
  await page.goto('#/explore/account/2991885448');
  await expect(field('Display name')).toHaveText('花非花🌸');
  await expectInk(field('Display name'), '🌸', 'account page, display name');
  await expectBlankWhenHidden(field('Display name'), '🌸');
  const nameFonts = await fontsUsed(page, '[data-testid=profile] div:nth-child(3) dd');
  console.log('  fonts drawing the display name:', nameFonts);
  expect(Object.keys(nameFonts)).toContain('Noto Emoji');
  expect(Object.keys(nameFonts)).not.toContain('Noto Color Emoji');

  // "😇🥰": two different emoji side by side are two different drawings (not two .notdef boxes).
  await page.goto('#/explore/account/2914062932');
  await expect(field('Description')).toHaveText('😇🥰');
  const a = await expectInk(field('Description'), '😇', 'account page, description');
  const b = await expectInk(field('Description'), '🥰', 'account page, description');
  expect(a.mask).not.toBe(b.mask);

  // A ZWJ sequence (woman facepalming) is one glyph with ink.
  await page.goto('#/explore/account/1532024256');
  await expectInk(field('Display name'), '🤦‍♀️', 'account page, ZWJ sequence');
  expect(requests.outside()).toEqual([]);
});

test('emoji have ink in the quarantine table (monospace raw text): the real spreadsheet-damaged IRA file, 🐝 and the 🇺🇸 flag in colour', async ({ page, requests }) => {
  await importFiles(page, [realFixture('fivethirtyeight_IRAhandle_tweets_sample_EXCEL_RESAVED.csv')]);
  await waitForImportDone(page);
  const card = datasetCard(page, /EXCEL_RESAVED/);
  await card.getByRole('button', { name: /Show quarantined rows/ }).click();
  const table = card.getByRole('table', { name: /Quarantined rows/ });
  const raw = (row: number) => table.getByRole('row').nth(row).locator('pre.raw');
  await expect(raw(7)).toContainText('🐝🐝🐝');
  await expectInk(raw(7), '🐝', 'quarantine table, row 7');
  await expectBlankWhenHidden(raw(7), '🐝');
  await expect(raw(5)).toContainText('#StandForOurAnthem🇺🇸');
  await expectInk(raw(5), '🇺🇸', 'quarantine table, row 5 (flag)');
  // In colour (DW Flags, styles/flagEmoji.css), not Noto Emoji's black outline holding the letters
  // "US": measured at 48 px, where its thin stripes are not blurred into pink by the screen's pixels.
  await raw(5).evaluate((el) => Object.assign((el as HTMLElement).style, { fontSize: '48px', maxHeight: 'none' }));
  const flag = await expectInk(raw(5), '🇺🇸', 'quarantine table, row 5 (flag at 48 px)');
  console.log(`  ${pct(flag.colour)} of the flag's box in colour`);
  expect(flag.colour).toBeGreaterThan(0.08); // its red stripes (the blue is too dark to count); the black outline has none
  expect(requests.outside()).toEqual([]);
});

/** A tiny retweet archive: two accounts retweet a third whose display name is CJK followed by emoji; one label is emoji alone. */
function writeEmojiArchive(): string {
  const row = (f: Partial<Record<(typeof TWEETS_COLUMNS)[number], string>>) =>
    csvRecord(TWEETS_COLUMNS.map((c) => f[c] ?? ({ follower_count: '1', following_count: '1', account_creation_date: '2018-01-01', account_language: 'en', tweet_language: 'en', tweet_time: '2019-03-01 10:00', is_retweet: 'False', quote_count: '0', reply_count: '0', like_count: '0', retweet_count: '0', hashtags: '[]', urls: '[]', user_mentions: '[]' } as Record<string, string>)[c] ?? ''));
  const author = { userid: '7001', user_display_name: '花🌸🔥', user_screen_name: 'flower_fire' };
  let csv = csvRecord(TWEETS_COLUMNS);
  csv += row({ ...author, tweetid: '9001', tweet_text: 'spring 🌸', retweet_count: '2' });
  // 7002's display name is its screen name, so its label is just that: two emoji and nothing else.
  for (const [id, name, screen] of [['7002', '🐝🔥', '🐝🔥'], ['7003', 'Noa', 'noa_r']] as const) {
    csv += row({ tweetid: `9${id}`, userid: id, user_display_name: name, user_screen_name: screen, tweet_text: 'RT @flower_fire: spring 🌸', tweet_time: '2019-03-01 10:05', is_retweet: 'True', retweet_userid: '7001', retweet_tweetid: '9001' });
  }
  const file = path.join(tempDir(), 'emoji_tweets_csv_hashed.csv');
  writeFileSync(file, csv);
  return file;
}

/** Page box of the left or right half of a node's label as Cytoscape drew it on its canvas. */
async function labelHalfBox(page: Page, nodeId: string, half: 0 | 1): Promise<{ x: number; y: number; width: number; height: number }> {
  return page.getByTestId('network-canvas').evaluate(
    (el, [id, h]) => {
      const cy = (el as unknown as { cy: import('cytoscape').Core }).cy;
      const node = cy.getElementById(id as string);
      const labelBox = () => node.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false } as never);
      // Screenshots clip to the viewport: show the canvas, then pan the label to the middle of its visible part.
      el.scrollIntoView({ block: 'start' });
      const c = el.getBoundingClientRect();
      const visibleMiddle = (Math.max(c.top, 0) + Math.min(c.bottom, window.innerHeight)) / 2 - c.top;
      let bb = labelBox();
      if (Math.abs(bb.y1 + bb.h / 2 - visibleMiddle) > 20) {
        cy.panBy({ x: 0, y: visibleMiddle - (bb.y1 + bb.h / 2) });
        bb = labelBox();
      }
      return { x: c.x + bb.x1 + (h as number) * (bb.w / 2), y: c.y + bb.y1, width: bb.w / 2, height: bb.h };
    },
    [nodeId, half] as const,
  );
}

test('emoji have ink in network node labels (Cytoscape canvas)', async ({ page, requests }) => {
  await importFiles(page, [writeEmojiArchive()]);
  await waitForImportDone(page);
  await page.goto('#/network');
  await page.getByLabel('Network kind').selectOption({ label: 'Retweet' });
  await page.getByRole('button', { name: 'Build network' }).click();
  const canvas = page.getByTestId('network-canvas');
  await expect(canvas).toHaveAttribute('data-rendered', 'true', { timeout: 60_000 });
  const labels = await canvas.evaluate((el) => (el as unknown as { cy: import('cytoscape').Core }).cy.nodes().map((n) => [n.id(), String(n.data('label'))]));
  expect(Object.fromEntries(labels)).toEqual({ '7001': '花🌸🔥 @flower_fire', '7002': '🐝🔥', '7003': 'Noa @noa_r' });
  // Label "🐝🔥": each emoji is one half of the label's box (same advance width in the emoji font).
  for (const [half, emoji] of [[0, '🐝'], [1, '🔥']] as const) {
    let ink: Ink | undefined;
    const measure = async () => (ink = await inkIn(page, await labelHalfBox(page, '7002', half)).catch(() => undefined));
    // While the layout still moves, the box may be off the page for a moment: measure again.
    await expect.poll(async () => (await measure())?.share ?? 0, { message: `ink of ${emoji} in the node label`, timeout: 15_000 }).toBeGreaterThanOrEqual(MIN_INK);
    console.log(`network label: ${emoji} ink ${pct(ink!.share)} of ${ink!.box.width}×${ink!.box.height} px, ${pct(ink!.middle)} in its middle`);
    // Canvas text falls back to a .notdef box (a hollow rectangle, with ink) when no loaded font has the glyph.
    expect(ink!.middle, `${emoji} is a glyph, not a .notdef box`).toBeGreaterThanOrEqual(MIN_MIDDLE);
  }
  expect(requests.outside()).toEqual([]);
});

test('Hangul, which Noto Sans SC lacks, is drawn from the bundled Noto Sans KR (a dataset named in Korean)', async ({ page }) => {
  const file = path.join(tempDir(), '한국어_계정.csv');
  writeFileSync(file, readFileSync(realFixture('china_082019_1_users_csv_hashed.csv')));
  await importFiles(page, [file]);
  await waitForImportDone(page);
  await expect(datasetCard(page, '한국어_계정')).toBeVisible();
  const fonts = await fontsUsed(page, 'article h2');
  console.log('  fonts drawing the dataset name:', fonts);
  // The @fontsource files carry the name of the variable font they were cut from ('Noto Sans KR Thin'); the system's CJK font is 'Noto Sans CJK KR'.
  expect(Object.keys(fonts).filter((f) => f.startsWith('Noto Sans KR'))).toHaveLength(1);
});

// A dataset per group of words, since a file name (the dataset's name) holds at most 255 bytes.
const SCRIPT_GROUPS: { fixture: string; samples: (typeof SCRIPT_SAMPLES)[number][] }[] = [];
for (const sample of SCRIPT_SAMPLES) {
  const last = SCRIPT_GROUPS[SCRIPT_GROUPS.length - 1];
  if (last && Buffer.byteLength([...last.samples, sample].map((s) => s.word).join('_') + '.csv') < 200) last.samples.push(sample);
  else SCRIPT_GROUPS.push({ fixture: SCRIPT_GROUPS.length % 2 ? 'ira_2018_users_csv_hashed_excerpt.csv' : 'china_082019_1_users_csv_hashed.csv', samples: [sample] });
}
for (const [i, group] of SCRIPT_GROUPS.entries()) {
  test(`${group.samples.map((s) => s.face.replace(/^Noto \w+ /, '')).join(', ')} are drawn from the bundled Noto faces, not system fonts`, async ({ page }) => {
    const name = group.samples.map((s) => s.word).join('_');
    const file = path.join(tempDir(), `${name}.csv`);
    expect(Buffer.byteLength(path.basename(file))).toBeLessThan(256);
    writeFileSync(file, readFileSync(realFixture(group.fixture)));
    await importFiles(page, [file]);
    await waitForImportDone(page);
    const heading = datasetCard(page, name).locator('h2');
    await expect(heading).toContainText(name);
    const fonts = await fontsUsed(page, 'article h2');
    console.log(`  group ${i + 1}, fonts drawing the dataset name:`, fonts);
    // The @fontsource files carry the name of the variable font they were cut from ('Noto Sans Thai Thin').
    for (const { face } of group.samples) expect(Object.keys(fonts).filter((f) => f.startsWith(face)), face).toHaveLength(1);
  });
}

// Cantonese from Noto Sans HK; Japanese names' 𠮷 and 𩸽, which Noto Sans HK lacks too, from Noto Sans JP (drawn by a system font before, boxes where there is none).
for (const { name, chars, face } of [
  { name: '𨋢𡃁_accounts', chars: ['𨋢', '𡃁'], face: 'Noto Sans HK' },
  { name: '𠮷野家𩸽_accounts', chars: ['𠮷', '𩸽'], face: 'Noto Sans JP' },
]) {
  test(`CJK Extension B (${chars.join(', ')}), which Noto Sans SC lacks, is drawn from the bundled ${face}, not a system font`, async ({ page }) => {
    const file = path.join(tempDir(), `${name}.csv`);
    writeFileSync(file, readFileSync(realFixture('china_082019_1_users_csv_hashed.csv')));
    await importFiles(page, [file]);
    await waitForImportDone(page);
    const heading = datasetCard(page, name).locator('h2');
    await expect(heading).toContainText(name);
    const fonts = await fontsUsed(page, 'article h2');
    console.log('  fonts drawing the dataset name:', fonts);
    // The system's CJK fonts (Debian's fonts-noto-cjk) are 'Noto Sans CJK …': the bundled files are 'Noto Sans HK' and 'Noto Sans JP'.
    expect(Object.keys(fonts).filter((f) => f.startsWith(face))).toHaveLength(1);
    expect(Object.keys(fonts).filter((f) => f.includes('CJK'))).toEqual([]);
    for (const c of chars) await expectInk(heading, c, 'dataset name');
  });
}
