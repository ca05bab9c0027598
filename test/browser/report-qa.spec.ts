import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { realFixture, repoRoot } from '../fixtures/paths';
import { expect, test } from './fixtures';
import { datasetCard, importFiles, waitForImportDone } from './importHelpers';
import { exposeModule } from './pageModule';
import { build } from 'esbuild';
import { buildReportCase } from '../unit/report/reportCase';
import { excerptPath } from '../../renderer/src/cases/caseBundleInput';
import { PRINT_MARGINS, footerTemplate, headerTemplate } from '../../shared/report/printTemplates';
import type { ReportModel } from '../../shared/report/reportModel';

/** The evidence report as a fact-checker reads it: what it says about each item's source. */

type Modules = { caseStore: typeof import('../../renderer/src/cases/caseStore'); database: typeof import('../../renderer/src/store/database') };
const sha256Of = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

test('a case citing a deleted dataset: its preview still names every source row, and says which file is no longer in the store', async ({ page }) => {
  test.setTimeout(240_000);
  const excel = realFixture('fivethirtyeight_IRAhandle_tweets_sample_EXCEL_RESAVED.csv');
  const tweets = realFixture('ira_2018_tweets_csv_hashed_excerpt.csv');
  await importFiles(page, [excel]);
  await waitForImportDone(page);
  await importFiles(page, [tweets]);
  await waitForImportDone(page);
  await exposeModule(page, 'renderer/src/cases/caseStore.ts', 'caseStore');
  await exposeModule(page, 'renderer/src/store/database.ts', 'database');
  const [excelSha, tweetsSha] = [sha256Of(excel), sha256Of(tweets)];
  // One post from each dataset, attached as the Cases view does (the custody log records each file's import).
  const caseId = await page.evaluate(async ({ excelSha, tweetsSha }) => {
    const { caseStore, database } = globalThis as unknown as Modules;
    const db = database.db;
    const datasets = await db.datasets.toArray();
    const ds = (part: string) => datasets.find((d) => d.name.includes(part))!.id;
    const c = await caseStore.createCase(db, 'Deleted source', 'qa@example.org');
    const pin = (id: string, datasetId: string, fileSha256: string, tweetid: string, text: string) =>
      db.pins.put({ id, kind: 'tweet', datasetId, title: `post ${tweetid}`, payload: { tweetid, tweetText: text, userid: 'u1', tweetTime: 25_000_000 }, provenance: [{ fileSha256, row: 3, byteOffset: 420, byteLength: 97 }], pinnedAt: new Date().toISOString() });
    await pin('pin-kept', ds('ira_2018'), tweetsSha, '1111', 'Kept source post');
    await pin('pin-gone', ds('EXCEL_RESAVED'), excelSha, '2222', 'منشور مصدره محذوف');
    await caseStore.attachPins(db, c.id, ['pin-kept', 'pin-gone'], 'qa@example.org');
    return c.id;
  }, { excelSha, tweetsSha });
  await page.goto('#/datasets');
  const card = datasetCard(page, /EXCEL_RESAVED/);
  await card.getByRole('button', { name: 'Delete dataset…' }).click();
  await card.getByRole('button', { name: 'Delete permanently' }).click();
  await expect(page.getByRole('article')).toHaveCount(1);

  await page.goto(`#/report/case/${caseId}`);
  await expect(page.locator('html')).toHaveAttribute('data-report-ready', 'true', { timeout: 120_000 });
  const source = (n: number) => page.locator(`#item-${n} dl.facts`).last().locator('dt', { hasText: /^Source file$/ }).locator('xpath=following-sibling::dd[1]');
  // The post whose dataset is still here keeps its source file and row (it said "rests on no single source row").
  await expect(source(1)).toHaveText('ira_2018_tweets_csv_hashed_excerpt.csv, row 3, byte offset 420, 97 bytes');
  await expect(page.locator('#item-1')).toContainText(tweetsSha);
  // The other names its file as the custody log recorded it, and says it is gone, not that the post rests on no row.
  await expect(source(2)).toHaveText(
    'fivethirtyeight_IRAhandle_tweets_sample_EXCEL_RESAVED.csv, row 3, byte offset 420, 97 bytes (no longer in this workbench: its dataset was deleted after it was cited; import the file again to export the case)',
  );
  await expect(page.locator('#item-2')).toContainText(excelSha);
  // The Source files table lists both, the deleted one said so (one <tbody> a file: its row, its SHA-256 on the line under it).
  const rows = page.getByRole('table', { name: 'Source files' }).locator('tbody');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: tweetsSha })).toContainText('ira_2018_tweets_csv_hashed_excerpt.csv');
  await expect(rows.filter({ hasText: excelSha })).toContainText('fivethirtyeight_IRAhandle_tweets_sample_EXCEL_RESAVED.csv');
  await expect(rows.filter({ hasText: excelSha })).toContainText('deleted');
  await expect(page.getByText('rests on no single source row')).toHaveCount(0);
});

/**
 * The desktop host as far as the report page's Save as PDF uses it, over the browser's host for the
 * rest: Electron's printer (report:print) stands in as a one-page PDF, held until the test lets it go,
 * and the save dialog records the name it is offered.
 */
async function desktopHostForSave(page: import('@playwright/test').Page): Promise<void> {
  const script = await build({
    stdin: {
      contents: `
        import { createBrowserHost } from './renderer/src/host/browserHost';
        import { HOST_API_GLOBAL } from './shared/api/hostApi';
        import { PDFDocument } from 'pdf-lib';
        const real = createBrowserHost();
        const w = globalThis;
        w.__offered = [];
        let release;
        w.__printHeld = new Promise((r) => { release = r; });
        w.__releasePrint = () => release();
        let bytes = 0;
        w[HOST_API_GLOBAL] = {
          ...real,
          'app:info': async () => ({ ...(await real['app:info']()), host: 'electron', printsReport: true }),
          'report:print': async () => {
            await w.__printHeld;
            const doc = await PDFDocument.create();
            doc.addPage();
            return doc.save();
          },
          'save:begin': async (request) => { w.__offered.push(request.suggestedName); return { id: 'save-1' }; },
          'save:write': async (_id, chunk) => { bytes += chunk.length; },
          'save:end': async () => ({ path: '/home/analyst/' + w.__offered.at(-1), bytes }),
        };`,
      resolveDir: repoRoot,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    logLevel: 'silent',
  });
  await page.addInitScript(script.outputFiles[0]!.text);
}

test('Save as PDF (desktop) by keyboard: offers a file named by the case, says each step in words while it prints, keeps focus, says where it saved', async ({ page }) => {
  test.setTimeout(240_000);
  await desktopHostForSave(page);
  const rc = await buildReportCase(1);
  // An Arabic case name (Arabic-Indic digits too): the file offered is named by it, not by the case id.
  const model = { ...rc.model, caseTitle: 'حملة التأثير ٢٠١٩: منشورات' };
  await page.goto('/');
  await page.evaluate((json) => sessionStorage.setItem('dw-report:save', json), JSON.stringify(model));
  await page.goto('/#/report/save');
  await expect(page.locator('html')).toHaveAttribute('data-report-ready', 'true', { timeout: 120_000 });
  const save = page.getByRole('button', { name: 'Save as PDF' });
  await save.focus();
  await page.keyboard.press('Enter');
  const status = page.getByRole('status');
  // Printing takes a while on a large case: the page says what it is doing, in words, and a second press does not print again.
  await expect(status).toHaveText('Saving the PDF: printing it (A4)…');
  await expect(save).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Enter');
  await page.evaluate(() => (globalThis as unknown as { __releasePrint: () => void }).__releasePrint());
  await expect(status).toHaveText(/^Saved \/home\/analyst\/\S+\.pdf \([\d,]+ bytes\)\.$/);
  const offered = await page.evaluate(() => (globalThis as unknown as { __offered: string[] }).__offered);
  expect(offered).toEqual(['حملة_التأثير_٢٠١٩_منشورات_evidence-report-preview.pdf']);
  await expect(status).toContainText(offered[0]!);
  // Focus stays on the button (a button disabled while busy would have dropped it to the page's body).
  await expect(save).toBeFocused();
  await expect(save).not.toHaveAttribute('aria-disabled', 'true');
});

test('the report says whether the custody chain it prints is intact, and where it breaks when an entry was changed behind the app', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await exposeModule(page, 'renderer/src/cases/caseStore.ts', 'caseStore');
  await exposeModule(page, 'renderer/src/store/database.ts', 'database');
  const caseId = await page.evaluate(async () => {
    const { caseStore, database } = globalThis as unknown as Modules;
    const c = await caseStore.createCase(database.db, 'Chain check', 'qa@example.org');
    await caseStore.renameCase(database.db, c.id, 'Chain check 2', 'qa@example.org');
    return c.id;
  });
  const custody = page.locator('section.section-custody');
  await page.goto(`/#/report/case/${caseId}`);
  await expect(page.locator('html')).toHaveAttribute('data-report-ready', 'true', { timeout: 120_000 });
  await expect(custody.locator('p.custody-check')).toHaveText('Chain checked when this report was made: intact, 2 entries.');
  // The first entry's detail edited in IndexedDB: the report must not print the log as a sound chain.
  await page.evaluate(async (id) => {
    const { database } = globalThis as unknown as Modules;
    const rows = (await database.db.custody.toArray()) as unknown as Array<{ caseId: string; seq: number; entry: { detail: { name: string } } }>;
    const first = rows.find((r) => r.caseId === id && r.seq === 1)!;
    first.entry.detail.name = 'A quietly different case';
    await database.db.custody.put(first as never);
  }, caseId);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-report-ready', 'true', { timeout: 120_000 });
  await expect(custody.locator('p.custody-check')).toHaveText(
    /^Chain broken at entry 1: hash is [0-9a-f]{64}, recomputed [0-9a-f]{64}\. The entries are printed as stored: from entry 1 on, the log cannot be relied on\.$/,
  );
  await expect(custody.locator('p.custody-check')).toHaveClass(/refused/);
});

/** The report of `model` as its page prints it (Chromium, A4), through pdftotext: the text a fact-checker gets. */
async function printedText(page: import('@playwright/test').Page, model: ReportModel): Promise<string> {
  await page.goto('/');
  await page.evaluate((json) => sessionStorage.setItem('dw-report:printed', json), JSON.stringify(model));
  await page.goto('/#/report/printed');
  await expect(page.locator('html')).toHaveAttribute('data-report-ready', 'true', { timeout: 120_000 });
  const dir = mkdtempSync(path.join(tmpdir(), 'dw-report-printed-'));
  try {
    const file = path.join(dir, 'report.pdf');
    writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true, displayHeaderFooter: true, headerTemplate: headerTemplate(model), footerTemplate: footerTemplate(model), margin: PRINT_MARGINS }));
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('every path, id and name the report prints comes back whole from pdftotext: no line of them ends at a hyphen', async ({ page }) => {
  test.setTimeout(240_000);
  const rc = await buildReportCase(3);
  // Each item in the bundle as an export names it: data/source/<sha prefix>_<file>/row-<row>_bytes-<offset>-<length>.csv, in the appendix too.
  const items = rc.model.items.map((it) => ({ ...it, bundlePath: `data/${excerptPath({ sha256: it.source!.fileSha256, fileName: it.source!.fileName, size: 0, format: '', importedAt: '' }, { ...it.source! })}` }));
  const model = { ...rc.model, items, hashes: [...rc.model.hashes, ...items.map((it) => ({ path: it.bundlePath, sha256: it.sha256! }))] };
  // Line breaks aside: poppler's pdftotext drops a hyphen that ends a line (row-102_bytes-13548-367.csv came back as …13548367.csv).
  const layer = (await printedText(page, model)).replace(/\s+/g, '');
  const printed = [...items.flatMap((it) => [it.bundlePath, it.itemId]), ...model.hashes.map((h) => h.path), `${model.bagName}.zip`];
  expect(printed.filter((p) => /-[0-9]/.test(p)).length).toBeGreaterThan(6);
  expect(printed.filter((p) => !layer.includes(p))).toEqual([]);
});

test("the Source files table comes back from pdftotext as a fact-checker reads it: each file's name whole, then its format, rows and SHA-256, then the next file", async ({ page }) => {
  test.setTimeout(240_000);
  const { model } = await buildReportCase(3);
  const all = await printedText(page, model);
  const flat = (s: string) => s.replace(/\s+/g, '');
  const table = flat(all.slice(all.indexOf('Source files'), all.indexOf('Evidence items')));
  expect(model.sources.length).toBe(3);
  // In columns, a name wrapped in pieces came back with its end after the next file's format, rows read and hash.
  const starts = model.sources.map((s) => table.indexOf(s.fileName));
  const misread = model.sources.filter((s, i) => {
    const own = table.slice(starts[i], i + 1 < starts.length ? starts[i + 1] : undefined);
    return starts[i]! < 0 || (i > 0 && starts[i]! < starts[i - 1]!) || ![flat(s.format), `${s.rows}rowsread`, s.sha256].every((fact) => own.includes(fact));
  });
  expect(misread.map((s) => s.fileName)).toEqual([]);
});
