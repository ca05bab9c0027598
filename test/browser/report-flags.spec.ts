import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { expect, test } from './fixtures';
import { colourShare, inkShare, wordBoxes } from './pdfInk';
import { printReportWithPost } from './reportPostPdf';
import { textInk } from './screenInk';

/**
 * Flags in a cited post are drawn in colour (DW Flags, styles/flagEmoji.css) in the report's
 * preview and in its PDF, not as Noto Emoji's black outline holding two letters, and the PDF's text
 * layer gives every flag back where it stood (Chromium prints colour glyphs as Type 3 fonts, which
 * pdftotext set apart from their line until shared/report/type3TextSize.ts).
 */
const LINES = [
  'Tehran 🇮🇷 and Hong Kong 🇭🇰 and China 🇨🇳 today',
  'Scotland 🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F} England 🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F} Wales 🏴\u{E0067}\u{E0062}\u{E0077}\u{E006C}\u{E0073}\u{E007F} tags',
  'Pair 🇮🇷🇭🇰 end',
  // Not country flags: the black flag alone, the white flag and the rainbow flag (ZWJ) stay drawn.
  'Others 🏴 and 🏳️ and 🏳️‍🌈 end',
];
const COLOURED = 0.15;
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

test('flags in a cited post are drawn in colour on the report page and in its PDF, whose text layer gives them back in place (pdftotext)', async ({ page, requests }) => {
  test.setTimeout(180_000);
  const { dir, file } = await printReportWithPost(page, 'flags', LINES.join('\n'));

  // The report page, left open: each flag drawn in colour.
  const quote = page.locator('blockquote.post-text', { hasText: 'Tehran' });
  for (const flag of ['🇮🇷', '🇭🇰', '🇨🇳', LINES[1]!.split(' ')[1]!]) {
    const ink = await textInk(quote, flag);
    console.log(`report page: ${flag} ${ink.box.width.toFixed(1)}×${ink.box.height.toFixed(1)} px, ${pct(ink.colour)} in colour`);
    expect(ink.colour, `${flag} in colour on the report page`).toBeGreaterThan(COLOURED);
  }

  // The finished PDF.
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const codes = (s: string) => [...s].map((c) => c.codePointAt(0)!.toString(16)).join(' ');
  // Each line whole, in order, its flags where they stood (the same code points).
  expect(LINES.filter((l) => !text.includes(l)).map(codes)).toEqual([]);
  for (const flag of ['🇮🇷', '🇭🇰', '🇨🇳']) {
    const [box] = wordBoxes(file, flag);
    expect(box, `${flag} is a word of the PDF's text layer`).toBeDefined();
    const colour = colourShare(file, box!);
    console.log(`report PDF: ${flag} ${pct(colour)} in colour, ${pct(inkShare(file, box!))} dark`);
    expect(colour, `${flag} in colour in the PDF`).toBeGreaterThan(COLOURED);
  }
  // The other flags are drawn too (the black one by DW Flags, the white and rainbow ones by Noto Emoji).
  for (const flag of ['🏴', '🏳️', '🏳️‍🌈']) {
    const [box] = wordBoxes(file, flag);
    expect(box, `${flag} is a word of the PDF's text layer`).toBeDefined();
    expect(inkShare(file, box!), `${flag} has ink in the PDF`).toBeGreaterThan(0.03);
  }
  expect(requests.outside()).toEqual([]);
  rmSync(dir, { recursive: true, force: true });
});
