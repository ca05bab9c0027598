import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { PDFDocument, PDFName } from 'pdf-lib';
import { REPORT_PATH, REPORT_SIG_PATH } from '../../shared/evidence/bundleWriter';
import { bundleAttachments, finishReportPdf } from '../../shared/report/finishReportPdf';
import { PRINT_MARGINS, footerTemplate, headerTemplate } from '../../shared/report/printTemplates';
import type { ReportModel, ReportPageSize } from '../../shared/report/reportModel';
import { childrenCpuMs } from '../bench/processCpu';
import { repoRoot } from '../fixtures/paths';
import { ARABIC_LIGATURE_NOTE, buildReportCase, LIGATURE_AFTER_HYPHEN, CANTONESE_NOTE, EMOJI_NOTE, EMOJI_WORDS, EXTENSION_B_WORDS, FIGURE_LABEL, HEBREW_NOTE, KOREAN_NOTE, RTL_SCRIPTS_NOTE, SCRIPT_SAMPLES, SCRIPT_WORDS, SCRIPTS_NOTE, reportSigningOf, type ReportCase } from '../unit/report/reportCase';
import { expect, test } from './fixtures';
import { inkShare, RTL, type3FontFamilies, wordBoxes } from './pdfInk';
import { openDemoArchive } from './exploreHelpers';
import { buildNetwork } from './networkHelpers';
import { installReportPrinter } from './reportPrinter';

/**
 * The evidence report printed by real Chromium (page.pdf: the engine Electron's printToPDF uses)
 * from the app's report page, then finished with pdf-lib and signed as the bundle writer does,
 * and checked with poppler (pdftotext, pdffonts, pdfdetach, pdfinfo) and ssh-keygen.
 */

const tool = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 << 20 });
/** Invisible bidi/format controls cannot come back from a PDF's text layer; whitespace differs by line breaks. */
const comparable = (s: string) => s.replace(/[\s\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]+/g, '');
const THAANA = SCRIPT_SAMPLES.find((s) => s.face === 'Noto Sans Thaana')!.word;

/**
 * Is `text` in the PDF's text layer (`raw`, pdftotext's output)? Left-to-right text (Latin, CJK):
 * exactly, as one substring, line breaks aside. Right-to-left paragraphs: poppler's pdftotext returns
 * them in visual run order (the runs of a line left to right, each run's letters in logical order),
 * so the check is that every RTL word comes back whole (not split by a space, as some Arabic fonts
 * make it), every LTR token comes back, and no character of the text is missing.
 */
function inTextLayer(raw: string, text: string): boolean {
  const all = comparable(raw);
  if (!RTL.test(text)) return all.includes(comparable(text));
  const words = text.match(/[\u0590-\u08FF_]+|[A-Za-z0-9]+|[\u4E00-\u9FFF]+/g) ?? [];
  const whole = (w: string) => new RegExp(`(^|[^\\u0590-\\u08FF])${w}($|[^\\u0590-\\u08FF])`, 'u').test(raw);
  const count = (s: string) => [...comparable(s)].reduce((m, c) => m.set(c, (m.get(c) ?? 0) + 1), new Map<string, number>());
  const have = count(all);
  return words.every((w) => (RTL.test(w) ? whole(w) : all.includes(w))) && [...count(text)].every(([c, n]) => (have.get(c) ?? 0) >= n);
}

async function openReport(page: Page, model: ReportModel, key: string, timeout = 180_000): Promise<void> {
  await page.evaluate(([k, json]) => sessionStorage.setItem(`dw-report:${k}`, json), [key, JSON.stringify(model)] as const);
  await page.goto(`/#/report/${key}`);
  await expect(page.locator('html')).toHaveAttribute('data-report-ready', 'true', { timeout });
}

async function printPdf(page: Page, model: ReportModel, pageSize: ReportPageSize = 'A4'): Promise<Uint8Array> {
  return page.pdf({
    format: pageSize,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: headerTemplate(model),
    footerTemplate: footerTemplate(model),
    margin: PRINT_MARGINS,
    tagged: true,
    outline: true,
  });
}

/** Finish and sign exactly as an export does; returns the PDF path in dir. */
async function finishAndSign(rc: ReportCase, raw: Uint8Array, dir: string) {
  const pdf = await finishReportPdf(raw, rc.model, bundleAttachments(rc.prepared), await reportSigningOf(rc.model));
  const signed = await rc.prepared.signReport(pdf);
  const report = signed.find((e) => e.path === REPORT_PATH);
  const sig = signed.find((e) => e.path === REPORT_SIG_PATH);
  const file = path.join(dir, 'evidence-report.pdf');
  writeFileSync(file, report!.bytes);
  if (process.env.DW_REPORT_KEEP) writeFileSync(process.env.DW_REPORT_KEEP, report!.bytes); // keep a copy for inspection
  writeFileSync(path.join(dir, 'evidence-report.pdf.sig'), sig!.bytes);
  writeFileSync(path.join(dir, 'allowed_signers'), rc.prepared.tagFiles.find((t) => t.path === 'metadata/signer/allowed_signers')!.bytes);
  return { file, pdf };
}

test.describe('evidence report PDF', () => {
  let dir: string;
  test.beforeEach(() => {
    test.setTimeout(400_000); // real Chromium printing on a shared 2-core machine
    dir = mkdtempSync(path.join(tmpdir(), 'dw-report-pdf-'));
  });
  test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('prints the exact text of every cited post (CJK, Arabic), fingerprint and bundle id on every page; emoji drawn and in the text layer; fonts embedded; attachments; tagged with an outline; signature verifies', async ({ page, consoleLog, requests }) => {
    const rc = await buildReportCase(7);
    const m = rc.model;
    await openReport(page, m, 'case6');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(m.caseTitle);
    mkdirSync(path.join(repoRoot, 'docs/screenshots'), { recursive: true });
    await page.screenshot({ path: path.join(repoRoot, 'docs/screenshots/report.png') });

    const { file } = await finishAndSign(rc, await printPdf(page, m), dir);

    // Text layer: every cited text, exactly (ignoring line breaks), in its script.
    const all = tool('pdftotext', ['-enc', 'UTF-8', file, '-']);
    const cited = rc.items.map((it) => (it.kind === 'post' ? it.text : it.kind === 'account' ? it.description : it.detail));
    expect(cited.some((t) => /[\u4E00-\u9FFF]/.test(t))).toBe(true);
    expect(cited.some((t) => /[\u0600-\u06FF]/.test(t))).toBe(true);
    const missing = cited.filter((t) => !inTextLayer(all, t));
    expect(missing).toEqual([]);
    expect(inTextLayer(all, HEBREW_NOTE)).toBe(true);
    expect(inTextLayer(all, EMOJI_NOTE)).toBe(true);
    expect(inTextLayer(all, KOREAN_NOTE)).toBe(true);
    expect(inTextLayer(all, CANTONESE_NOTE)).toBe(true); // CJK Extension B: astral code points
    expect(inTextLayer(all, ARABIC_LIGATURE_NOTE)).toBe(true); // لا, السلام, الله: ligature glyphs
    expect(inTextLayer(all, SCRIPTS_NOTE)).toBe(true); // Thai, Bengali, Tamil, ..., Georgian, Armenian, Ethiopic, Tifinagh
    // Syriac comes back whole; Thaana with its letters in order but a word split by a space (as pdftotext
    // does with some Arabic fonts): the report's method note says to quote right-to-left text from the bundle.
    expect(inTextLayer(all, RTL_SCRIPTS_NOTE.replace(THAANA, ''))).toBe(true);
    const thaanaInLayer = new RegExp([...THAANA].join('\\s?')).exec(all);
    expect(thaanaInLayer).not.toBeNull();
    // A figure's labels are drawn with the report's fonts (the figure is inlined), so they come back exactly.
    expect(inTextLayer(all, FIGURE_LABEL)).toBe(true);
    // A line break typed inside a paragraph of the summary (the case notes) is kept, and one in an item's note.
    expect(all).toContain("August 2019 China disclosure,\ncited verbatim.");
    // A hyphen is kept on its line with the next letter (keepHyphens); a ligature of that letter and the one after it lost the second.
    expect(inTextLayer(all, LIGATURE_AFTER_HYPHEN)).toBe(true);
    expect(all).toContain('계정 확인\n원문과');
    // The check is not vacuous: a word that is not in the report fails it.
    expect(inTextLayer(all, 'قروب مختلقة')).toBe(false);
    for (const it of rc.items) if (it.kind === 'post') expect(all).toContain(it.tweetid);
    // The hash appendix: each SHA-256 whole on one line of the text layer, so a fact-checker finds
    // the hex sha256sum prints by searching the PDF (a hash wrapped in its cell comes back in pieces).
    const appendix = all.slice(all.lastIndexOf('Hash appendix'));
    expect(m.hashes.length).toBeGreaterThan(5);
    expect(m.hashes.filter((h) => !appendix.includes(h.sha256)).map((h) => h.path)).toEqual([]);
    // The same for the source files' SHA-256 (Method and limits) and the custody chain's entry hashes.
    const between = (from: string, to: string) => all.slice(all.indexOf(from), all.indexOf(to, all.indexOf(from)));
    const sourceTable = between('SHA-256 at import', 'Evidence items (');
    expect(m.sources.length).toBeGreaterThan(2);
    expect(m.sources.filter((s) => !sourceTable.includes(s.sha256)).map((s) => s.fileName)).toEqual([]);
    const custodyTable = between('Entries in log order', 'How to verify');
    expect(m.custody.length).toBeGreaterThan(4);
    expect(m.custody.filter((c) => !custodyTable.includes(c.hash)).map((c) => c.seq)).toEqual([]);
    // A SHA-256 inside an entry's detail (here each source file's, as its import entry names it) is whole too.
    const inDetails = m.custody.flatMap((c) => JSON.stringify(c.detail).match(/[0-9a-f]{64}/g) ?? []);
    expect(inDetails).toHaveLength(3);
    expect(inDetails.filter((h) => !custodyTable.includes(h))).toEqual([]);

    // Emoji are drawn, not only in the text layer: each emoji word's box (pdftotext -bbox) has ink
    // when poppler renders it (a COLR emoji printed by Chromium has a box and no ink at all).
    for (const w of EMOJI_WORDS) {
      const boxes = wordBoxes(file, w);
      expect(boxes.length, w).toBeGreaterThan(0);
      for (const b of boxes) expect(inkShare(file, b), `${w} on page ${b.page}`).toBeGreaterThan(0.03);
    }
    // Thaana's word is two in the text layer (above): each piece's box is checked.
    const thaanaPieces = thaanaInLayer![0].split(/\s/);
    for (const w of [...EXTENSION_B_WORDS, ...SCRIPT_WORDS.filter((x) => x !== THAANA), ...thaanaPieces]) {
      const boxes = wordBoxes(file, w);
      expect(boxes.length, w).toBeGreaterThan(0);
      for (const b of boxes) expect(inkShare(file, b), `${w} on page ${b.page}`).toBeGreaterThan(0.03);
    }
    const [label] = wordBoxes(file, 'posted:');
    expect(inkShare(file, label!)).toBeGreaterThan(0.03); // the same measure on plain text of that line

    // Every page: fingerprint, bundle id, case, page x/y.
    const pages = Number(/Pages:\s+(\d+)/.exec(tool('pdfinfo', [file]))![1]);
    expect(pages).toBeGreaterThan(5);
    for (let p = 1; p <= pages; p++) {
      const t = tool('pdftotext', ['-enc', 'UTF-8', '-f', String(p), '-l', String(p), file, '-']);
      expect(t, `page ${p}`).toContain(m.signer.fingerprint);
      expect(t, `page ${p}`).toContain(m.bundleId);
      expect(t, `page ${p}`).toContain(`${m.caseId} · bundle`);
      expect(t.replace(/\s+/g, ' '), `page ${p}`).toContain(`page ${p}/${pages}`);
    }

    // Fonts: every one embedded (emb = yes), including CJK, Arabic and Hebrew faces.
    const fonts = tool('pdffonts', [file]).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(2);
    for (const line of fonts) expect(line, line).toMatch(/\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
    const notEmbedded = fonts.filter((l) => !/\s+yes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.test(l));
    expect(notEmbedded).toEqual([]);
    const names = fonts.join('\n');
    for (const face of ['NotoSansSC', 'NotoSansKR', 'NotoSansHK', 'NotoSansJP', 'Vazirmatn', 'NotoSansHebrew', 'NotoSans-', 'NotoEmoji-']) expect(names).toContain(face);
    // Not the computer's CJK font (CI installs fonts-noto-cjk): 𠮷 and 𩸽 came from it, boxes where it is missing.
    expect(names).not.toMatch(/NotoSansCJK|NotoSerifCJK/);
    // The bundled faces of the other scripts, not whatever the computer has (these machines have none).
    for (const { face } of SCRIPT_SAMPLES) expect(names).toContain(face.replaceAll(' ', ''));
    // All CJK glyphs from one font file, so one PDF font (report.css says why).
    expect(fonts.filter((l) => l.includes('NotoSansSC'))).toHaveLength(1);
    // Emoji come from the monochrome Noto Emoji (outlines), never the COLR colour font. The only
    // Type 3 fonts (colour glyphs) are the flags' (DW Flags, Twemoji): 🇭🇰 is one of the emoji words.
    expect(names).not.toContain('NotoColorEmoji');
    expect(names).toMatch(/Type 3/);
    expect(await type3FontFamilies(new Uint8Array(readFileSync(file)))).toEqual(['Twemoji Mozilla']);

    // Attachments and metadata.
    const list = tool('pdfdetach', ['-list', file]);
    for (const n of ['tagmanifest-sha512.txt', 'tagmanifest-sha512.txt.sig', 'tagmanifest-sha512.txt.minisig', 'allowed_signers', 'VERIFY.txt']) expect(list).toContain(`: ${n}\n`);
    const info = tool('pdfinfo', [file]);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toContain(`Title:           Evidence report: ${m.caseTitle}`);
    // Outline built from the headings, kept through pdf-lib.
    const doc = await PDFDocument.load(new Uint8Array(readFileSync(file)));
    expect(doc.catalog.get(PDFName.of('Outlines'))).toBeDefined();
    expect(doc.catalog.get(PDFName.of('StructTreeRoot'))).toBeDefined();

    // The report's own signature, as a recipient checks it.
    const verified = execFileSync(
      'ssh-keygen',
      ['-Y', 'verify', '-f', path.join(dir, 'allowed_signers'), '-I', m.signer.principal, '-n', m.signer.namespace, '-s', path.join(dir, 'evidence-report.pdf.sig')],
      { input: readFileSync(file), encoding: 'utf8' },
    );
    expect(verified).toContain(`Good "${m.signer.namespace}" signature for ${m.signer.principal}`);
    // ... and its signature inside (CMS) over Chromium's printed PDF, as pdfsig checks it.
    const inside = tool('pdfsig', [file]);
    expect(inside).toContain('Signature Validation: Signature is Valid.');
    expect(inside).toContain('Total document signed');
    expect(inside).toContain(`SSH key ${m.signer.fingerprint}`);
    for (const n of ['report-signing-certificate.der', 'report-signing-certificate.der.sig']) expect(list).toContain(`: ${n}\n`);

    // Page images for review (a few pages at 60 dpi).
    const out = path.join(repoRoot, 'docs/report');
    mkdirSync(out, { recursive: true });
    for (const f of readdirSync(out)) if (/^page-\d+\.png$/.test(f)) rmSync(path.join(out, f));
    tool('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '6', file, path.join(dir, 'p')]);
    for (const f of readdirSync(dir).filter((x) => /^p-\d+\.png$/.test(x))) renameSync(path.join(dir, f), path.join(out, `page-${Number(/\d+/.exec(f)![0])}.png`));

    expect(consoleLog.errors).toEqual([]);
    expect(requests.outside()).toEqual([]);
  });

  test('a 200-item case renders, prints, is finished and signed in under 60 s of CPU (figures printed as one JSON line)', async ({ page, consoleLog }) => {
    const rc = await buildReportCase(200);
    const cpu0 = childrenCpuMs(process.pid); // Chromium runs as children of this worker
    const node0 = process.cpuUsage();
    const t0 = performance.now();
    await openReport(page, rc.model, 'case200', 240_000);
    const tReady = performance.now();
    const raw = await printPdf(page, rc.model);
    const tPrinted = performance.now();
    const { file, pdf } = await finishAndSign(rc, raw, dir);
    const tDone = performance.now();
    const chromiumCpuMs = childrenCpuMs(process.pid) - cpu0;
    const nodeCpu = process.cpuUsage(node0);
    const info = tool('pdfinfo', [file]);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    const last = tool('pdftotext', ['-enc', 'UTF-8', '-f', String(pages), '-l', String(pages), file, '-']);
    expect(last).toContain(rc.model.bundleId);
    expect(last.replace(/\s+/g, ' ')).toContain(`page ${pages}/${pages}`);
    const text = tool('pdftotext', ['-enc', 'UTF-8', file, '-']);
    const cards = (text.match(/Item \d+: (post|account) /g) ?? []).length;
    expect(cards).toBe(200);
    // Every real text of the case (each China post of the fixture, ~100 profiles, Cyrillic posts) comes back exactly.
    const cited = rc.items.map((it) => (it.kind === 'post' ? it.text : it.kind === 'account' ? it.description : it.detail));
    expect(cited.filter((t) => !inTextLayer(text, t))).toEqual([]);
    const figure = {
      bench: 'report-200-items',
      items: 200,
      pages,
      pdfBytes: pdf.length,
      renderMs: Math.round(tReady - t0),
      printMs: Math.round(tPrinted - tReady),
      finishAndSignMs: Math.round(tDone - tPrinted),
      wallMs: Math.round(tDone - t0),
      cpuMs: chromiumCpuMs + Math.round((nodeCpu.user + nodeCpu.system) / 1000),
      loadAverage1m: Number(loadavg()[0]!.toFixed(1)),
    };
    console.log(JSON.stringify(figure));
    // The budget is asserted on CPU time: on this shared 2-core machine other processes (load 15–27)
    // stretch wall time several-fold; on an idle machine wall time is about the CPU time or less.
    expect(figure.cpuMs).toBeGreaterThan(0);
    expect(figure.cpuMs).toBeLessThan(60_000);
    expect(consoleLog.errors).toEqual([]);
  });

  test('preview: page size A4/Letter by keyboard, Print button, Letter PDF is Letter-sized', async ({ page }) => {
    const rc = await buildReportCase(3);
    await openReport(page, rc.model, 'case3');
    await expect(page.getByRole('status')).toContainText('Ready: 3 items and 2 figures, A4');
    await expect(page.locator('#r-title')).toBeFocused(); // keyboard focus starts on the report's title, not the body
    const a4 = page.getByRole('radio', { name: 'A4' });
    await a4.focus();
    await expect(a4).toBeChecked();
    // The paper names the print CSS's page and nothing on screen: switching it keeps the report laid out as it is
    // (it was built and laid out again, all at once for the markup, and as long as the first time for a large case).
    await page.evaluate(() => {
      const w = window as unknown as { __card: Element | null; __readyChanges: number };
      w.__card = document.getElementById('item-1');
      w.__readyChanges = 0;
      new MutationObserver(() => w.__readyChanges++).observe(document.documentElement, { attributeFilter: ['data-report-ready'] });
    });
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: 'Letter' })).toBeChecked();
    await expect(page.locator('article.dw-report')).toHaveAttribute('data-page-size', 'letter');
    await expect(page.getByRole('status')).toContainText('Ready: 3 items and 2 figures, Letter');
    expect(await page.evaluate(() => {
      const w = window as unknown as { __card: Element | null; __readyChanges: number };
      return { sameCard: w.__card !== null && w.__card === document.getElementById('item-1'), readyChanges: w.__readyChanges };
    })).toEqual({ sameCard: true, readyChanges: 0 });
    await expect(page.getByRole('button', { name: 'Print…' })).toBeEnabled();
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
    // Print… (window.print) adds the footer as CSS page-margin boxes only while the dialog is open.
    await page.evaluate(() => {
      const w = window as unknown as { __printed: string[] };
      w.__printed = [];
      window.print = () => void w.__printed.push([...document.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n'));
    });
    await page.getByRole('button', { name: 'Print…' }).click();
    const css = await page.evaluate(() => (window as unknown as { __printed: string[] }).__printed[0]!);
    expect(css).toContain(`${rc.model.caseId} · bundle ${rc.model.bundleId}`);
    expect(css).toContain(rc.model.signer.fingerprint);
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
    // …and those boxes really print (Chromium's own header/footer off).
    await page.evaluate((rules) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(rules);
      document.adoptedStyleSheets = [sheet];
    }, css);
    const viaCss = path.join(dir, 'css-footer.pdf');
    // A4 asked for, Letter printed: the page size is the CSS's, from the paper switched in the preview.
    writeFileSync(viaCss, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
    expect(tool('pdfinfo', [viaCss])).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    const first = tool('pdftotext', ['-enc', 'UTF-8', '-f', '1', '-l', '1', viaCss, '-']);
    expect(first).toContain(rc.model.bundleId);
    expect(first).toContain(rc.model.signer.fingerprint);
    expect(first.replace(/\s+/g, ' ')).toMatch(/page 1\/\d+/);
    await page.evaluate(() => void (document.adoptedStyleSheets = []));
    // The browser host has no PDF printer: no "Save as PDF" button there.
    await expect(page.getByRole('button', { name: 'Save as PDF' })).toHaveCount(0);
    // The print CSS hides the controls.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('region', { name: 'Report controls' })).toBeHidden();
    await page.emulateMedia({ media: 'screen' });
    const file = path.join(dir, 'letter.pdf');
    writeFileSync(file, await printPdf(page, rc.model, 'Letter'));
    expect(tool('pdfinfo', [file])).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    // Unknown report key: a clear message, no crash.
    await page.goto('/#/report/nope');
    await expect(page.getByRole('status')).toContainText('no longer available');
  });

  test('given a report printer (automation, as demo:bundle installs), the browser build saves the preview as a PDF too: Save as PDF offers the file, its text holds the cited posts and the bundle id', async ({ page, context, baseURL }) => {
    await installReportPrinter(context, baseURL!);
    const rc = await buildReportCase(2);
    await page.goto('/');
    await openReport(page, rc.model, 'case2');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save as PDF' }).click();
    const saved = await download;
    const file = path.join(dir, saved.suggestedFilename());
    await saved.saveAs(file);
    await expect(page.getByRole('status')).toHaveText(/^Saved \S+\.pdf \([\d,]+ bytes\)\.$/);
    expect(tool('pdfinfo', [file])).toMatch(/Page size:.* pts \(A4\)/);
    const text = tool('pdftotext', ['-enc', 'UTF-8', file, '-']);
    expect(text).toContain(rc.model.bundleId);
    const cited = rc.items.map((it) => (it.kind === 'post' ? it.text : it.kind === 'account' ? it.description : it.detail));
    expect(cited.filter((t) => !inTextLayer(text, t))).toEqual([]);
  });
});

test('a case with a pinned chart and network view: its report preview draws both inline, labels in the report fonts, nothing refused by the CSP', async ({ page }) => {
  test.setTimeout(360_000); // and prints the preview (real Chromium, the report's CJK fonts) on a shared machine
  await openDemoArchive(page);
  await page.goto('#/explore');
  // The zone chosen for the charts is the report's analyst zone, not the computer's.
  await page.getByLabel('Time zone').selectOption('Asia/Kathmandu');
  await page.getByRole('button', { name: /Pin to case: Posting rhythm/ }).click();
  await page.goto('#/network');
  await buildNetwork(page, 'Co-hashtag');
  await page.getByRole('button', { name: 'Pin to case: this network view' }).click();
  await expect(page.getByRole('button', { name: 'Pinned: this network view' })).toBeVisible();
  await page.goto('#/cases');
  await page.getByLabel('Case name').fill('Figures');
  await page.getByRole('button', { name: 'Create case' }).click();
  // When the case was opened, as the report writes its other times (not a raw ISO string with milliseconds).
  const opened = page.getByText(/^Case .*, opened /);
  await expect(opened).toHaveText(/, opened \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC by /);
  const openedAt = /opened (.+ UTC)/.exec(await opened.innerText())![1]!;
  for (let i = 1; i <= 2; i++) {
    await page.getByRole('button', { name: /^Add .* to this case$/ }).first().click();
    await expect(page.getByRole('table', { name: 'Evidence items' }).locator('tbody tr')).toHaveCount(i);
  }
  await page.getByRole('link', { name: 'Preview the evidence report' }).click();
  await page.waitForSelector('html[data-report-ready="true"]', { timeout: 60_000 });
  // Both figures inline (not an <img>), their text in the report's fonts; the fixture fails the test on any CSP violation.
  await expect(page.locator('.figure .figure-drawing svg')).toHaveCount(2);
  await expect(page.locator('.figure img')).toHaveCount(0);
  await expect(page.getByRole('row', { name: /Analyst time zone/ })).toContainText('Asia/Kathmandu');
  await expect(page.getByText(/^Evidence report for a case opened /)).toHaveText(new RegExp(`^Evidence report for a case opened ${openedAt} by `));
  const fonts = await page.locator('.figure-drawing svg text').evaluateAll((ts) => [...new Set(ts.map((t) => getComputedStyle(t).fontFamily))]);
  expect(fonts.length).toBeGreaterThan(0);
  for (const f of fonts) expect(f).toMatch(/^"?Noto Sans"?, "?DW Flags"?, "?Noto Emoji"?, "?DW Report CJK"?/);
  expect(await page.locator('.figure-drawing svg text').count()).toBeGreaterThan(10);

  // Each figure's caption is said once: as text in its figcaption, not drawn in the figure as well.
  const captions = await page.locator('.figure figcaption > .user-text').allInnerTexts();
  expect(captions).toHaveLength(2);
  expect(captions.find((c) => c.startsWith('Co-hashtag network · '))).toBeDefined();
  const drawn = (await page.locator('.figure-drawing svg text').allTextContents()).join('\n');
  for (const c of captions) expect(drawn).not.toContain(c.slice(0, 40));
  // Nor its title, which its heading says (a pinned chart's SVG has its title in the band the report takes off).
  const titles = await page.locator('.figure h3').allInnerTexts();
  expect(titles).toHaveLength(2);
  for (const t of titles) expect(drawn).not.toContain(t);
  const pdf = path.join(mkdtempSync(path.join(tmpdir(), 'dw-figures-')), 'figures.pdf');
  writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
  // Up to the custody log, whose pin entries name each item by its title (a chart's title holds its caption).
  const all = comparable(tool('pdftotext', ['-enc', 'UTF-8', pdf, '-']));
  const custodyAt = all.indexOf('Hash-chained:');
  expect(custodyAt).toBeGreaterThan(0);
  const layer = all.slice(0, custodyAt);
  for (const c of captions) expect(layer.split(comparable(c)).length - 1, c).toBe(1);
  rmSync(path.dirname(pdf), { recursive: true, force: true });
  // The pinned SVG (the bundle's data/derived/figures file, which stands alone) still draws its caption and title.
  const pinned = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('disclosure-workbench');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const all = await new Promise<Array<{ kind: string; payload: { svg?: string; caption?: string; title?: string } }>>((res) => {
      const r = db.transaction('pins').objectStore('pins').getAll();
      r.onsuccess = () => res(r.result);
    });
    db.close();
    return all.filter((p) => p.kind === 'chart' || p.kind === 'network').map((p) => ({ svg: p.payload.svg ?? '', caption: p.payload.caption ?? '', title: p.payload.title ?? '' }));
  });
  expect(pinned).toHaveLength(2);
  for (const p of pinned) {
    expect(p.svg).toContain('<g id="figure-caption"');
    expect(p.svg).toContain(p.caption.slice(0, 40).replace(/&/g, '&amp;'));
    expect(p.title.length).toBeGreaterThan(3);
    expect(p.svg).toContain(p.title);
  }
});
