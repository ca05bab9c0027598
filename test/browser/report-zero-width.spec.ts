import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bundleAttachments, finishReportPdf } from '../../shared/report/finishReportPdf';
import { PRINT_MARGINS, footerTemplate, headerTemplate } from '../../shared/report/printTemplates';
import { buildReportCase } from '../unit/report/reportCase';
import { expect, test } from './fixtures';

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
  const dir = mkdtempSync(path.join(tmpdir(), 'dw-report-zw-'));
  const rc = await buildReportCase(1);
  const post = rc.model.items.findIndex((it) => it.kind === 'post');
  expect(post).toBeGreaterThanOrEqual(0);
  const model = { ...rc.model, items: rc.model.items.map((it, i) => (i === post ? { ...it, text: LINES.join('\n') } : it)) };
  await page.goto('/');
  await page.evaluate((json) => sessionStorage.setItem('dw-report:zw', json), JSON.stringify(model));
  await page.goto('/#/report/zw');
  await expect(page.locator('html')).toHaveAttribute('data-report-ready', 'true', { timeout: 120_000 });
  const raw = await page.pdf({ format: 'A4', printBackground: true, displayHeaderFooter: true, headerTemplate: headerTemplate(model), footerTemplate: footerTemplate(model), margin: PRINT_MARGINS, tagged: true, outline: true });
  const file = path.join(dir, 'report.pdf');
  writeFileSync(file, await finishReportPdf(raw, model, bundleAttachments(rc.prepared)));
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const codes = (s: string) => [...s].map((c) => c.codePointAt(0)!.toString(16)).join(' ');
  // Each line whole, its invisible characters where they were (a wrapped line's breaks aside).
  expect(LINES.filter((l) => !text.replace(/\n(?=segment)/g, '').includes(l)).map(codes)).toEqual([]);
  rmSync(dir, { recursive: true, force: true });
});
