import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { bundleAttachments, finishReportPdf } from '../../shared/report/finishReportPdf';
import { PRINT_MARGINS, footerTemplate, headerTemplate } from '../../shared/report/printTemplates';
import { buildReportCase } from '../unit/report/reportCase';
import { expect } from './fixtures';

/**
 * The sample report case with its first cited post's text set to `text`, opened on the report
 * page (left open for screen checks), printed by Chromium and finished as the bundle writer does.
 * Returns the finished PDF's path, in a temporary folder the caller removes (`dir`).
 */
export async function printReportWithPost(page: Page, id: string, text: string): Promise<{ dir: string; file: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), `dw-report-${id}-`));
  const rc = await buildReportCase(1);
  const post = rc.model.items.findIndex((it) => it.kind === 'post');
  expect(post).toBeGreaterThanOrEqual(0);
  const model = { ...rc.model, items: rc.model.items.map((it, i) => (i === post ? { ...it, text } : it)) };
  await page.goto('/');
  await page.evaluate(([key, json]) => sessionStorage.setItem(key, json), [`dw-report:${id}`, JSON.stringify(model)] as const);
  await page.goto(`/#/report/${id}`);
  await expect(page.locator('html')).toHaveAttribute('data-report-ready', 'true', { timeout: 120_000 });
  const raw = await page.pdf({ format: 'A4', printBackground: true, displayHeaderFooter: true, headerTemplate: headerTemplate(model), footerTemplate: footerTemplate(model), margin: PRINT_MARGINS, tagged: true, outline: true });
  const file = path.join(dir, 'report.pdf');
  writeFileSync(file, await finishReportPdf(raw, model, bundleAttachments(rc.prepared)));
  return { dir, file };
}
