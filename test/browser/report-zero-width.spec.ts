import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { expect, test } from './fixtures';
import { printReportWithPost } from './reportPostPdf';

/**
 * Zero-width characters in a cited post (the space U+200B that Thai, Khmer and Myanmar posts use
 * between words, ZWNJ in Persian and Devanagari, ZWJ in emoji sequences, the word joiner U+2060,
 * a BOM inside the text) are part of its exact text: the printed and finished report's text layer
 * gives each back where it was (pdftotext, as a recipient runs it). report.spec's check sets them
 * aside (comparable()), so this one holds them.
 */
const LINES = [
  'ZWSP a\u200Bb',
  'ZWNJ a\u200Cb',
  'ZWJ a\u200Db',
  'WJ a\u2060b',
  'BOM a\uFEFFb',
  'CJK 香\u200B港',
  'Thai ตรวจ\u200Bสอบ',
  'Myanmar မြန်\u200Bမာ',
  'Emoji 👨\u200D👩\u200D👧 family',
  // Wraps in its card: a line ends at one of its zero-width spaces, which stays in the text layer.
  `Wrapped ${Array.from({ length: 30 }, (_, i) => `segment${i}`).join('\u200B')}`,
];

test('zero-width spaces, joiners and non-joiners in a cited post come back from the report PDF exactly (pdftotext)', async ({ page }) => {
  test.setTimeout(180_000);
  const { dir, file } = await printReportWithPost(page, 'zw', LINES.join('\n'));
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const codes = (s: string) => [...s].map((c) => c.codePointAt(0)!.toString(16)).join(' ');
  // Each line whole, its invisible characters where they were (a wrapped line's breaks aside).
  expect(LINES.filter((l) => !text.replace(/\n(?=segment)/g, '').includes(l)).map(codes)).toEqual([]);
  rmSync(dir, { recursive: true, force: true });
});
