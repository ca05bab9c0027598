/**
 * Renders the evidence report of a real-fixture case with N items in real Chromium (the app's
 * report page from a production build, page.pdf = Electron's printToPDF engine), finishes it with
 * pdf-lib, signs it inside (CMS) and into the bundle, and prints one JSON line of timings.
 *
 *   npm run demo:report -- --out DIR [--items 200] [--page-size A4|Letter]
 *   (serves $DW_RENDERER_OUT if set, else a fresh production build of the renderer in a temp folder)
 *
 * With --out, writes DIR/<bundle>.zip (the signed bundle holding report/evidence-report.pdf and
 * signatures/evidence-report.pdf.sig), DIR/evidence-report.pdf and DIR/page-N.png (first pages, 60 dpi).
 */
import { chromium } from '@playwright/test';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
// @ts-expect-error plain ESM helper without types
import { startStaticServer } from '../../scripts/staticServer.mjs';
import { verifyBundle } from '../../shared/evidence/bundleVerifier';
import { verifyReportPdf } from '../../shared/evidence/reportPdfVerifier';
import { bundleAttachments, finishReportPdf } from '../../shared/report/finishReportPdf';
import { PRINT_MARGINS, footerTemplate, headerTemplate } from '../../shared/report/printTemplates';
import type { ReportPageSize } from '../../shared/report/reportModel';
import { CHROMIUM_ARGS, chromiumExecutable } from '../browser/chromium';
import { repoRoot } from '../fixtures/paths';
import { buildReportCase, reportSigningOf } from '../unit/report/reportCase';
import { childrenCpuMs } from './processCpu';
import { scriptArgs } from './scriptArgs';

const args = scriptArgs('usage: npm run demo:report -- [--out DIR] [--items N] [--page-size A4|Letter]', { options: ['--out', '--items', '--page-size'] });
const items = args.count('--items', 200);
const pageSize = args.choice<ReportPageSize>('--page-size', ['A4', 'Letter'], 'A4');
const out = args.folder('--out');
/** The renderer built for this run (removed at the end), unless DW_RENDERER_OUT names one. */
const built = process.env.DW_RENDERER_OUT ? undefined : buildRenderer();
const root = process.env.DW_RENDERER_OUT ?? built!;

/** A production build of the renderer (as demo:bundle does), so the command works on a fresh clone. */
function buildRenderer(): string {
  const dist = mkdtempSync(path.join(tmpdir(), 'dw-demo-report-dist-'));
  const b = spawnSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'error'], { cwd: repoRoot, env: { ...process.env, DW_RENDERER_OUT: dist }, stdio: ['ignore', 'inherit', 'inherit'] });
  if (b.status !== 0) throw new Error('renderer build failed');
  return dist;
}

const t = performance.now.bind(performance);

/** A verdict's failed checks, for an error message. */
const failedChecks = (checks: { name: string; ok: boolean; detail: string }[]): string =>
  checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.detail}`).join('; ');


const t0 = t();
const rc = await buildReportCase(items);
const tCase = t();
const csp = readFileSync(path.join(root, 'csp.txt'), 'utf8').trim();
const { server, url } = (await startStaticServer({ root, port: 0, csp })) as { server: import('node:http').Server; url: string };
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
  await page.goto(url);
  const tOpen = t();
  // Chromium runs as children of this Node process.
  const cpu0 = childrenCpuMs(process.pid);
  const node0 = process.cpuUsage();
  await page.evaluate((json) => sessionStorage.setItem('dw-report:bench', json), JSON.stringify(rc.model));
  await page.goto(`${url}#/report/bench`);
  await page.waitForSelector('html[data-report-ready="true"]', { timeout: 300_000 });
  const tReady = t();
  const raw = await page.pdf({
    format: pageSize,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: headerTemplate(rc.model),
    footerTemplate: footerTemplate(rc.model),
    margin: PRINT_MARGINS,
    tagged: true,
    outline: true,
  });
  const tPrinted = t();
  // Signed inside as an export signs it (CMS, by the report key the case's key vouches for), so the PDF verifies alone.
  const pdf = await finishReportPdf(raw, rc.model, bundleAttachments(rc.prepared), await reportSigningOf(rc.model));
  const extra = await rc.prepared.signReport(pdf);
  const tSigned = t();
  const chromiumCpuMs = childrenCpuMs(process.pid) - cpu0;
  const nodeCpu = process.cpuUsage(node0);
  let pages: number | null = null;
  if (out) {
    const file = path.join(out, 'evidence-report.pdf');
    writeFileSync(file, pdf);
    const zip = new Uint8Array(await new Response(rc.prepared.zip(extra)).arrayBuffer());
    // The demo bundle must pass the app's own verifier (its signer is the demo key: integrity only).
    const verdict = verifyBundle(zip);
    if (!verdict.ok) throw new Error(`the demo bundle does not verify: ${failedChecks(verdict.checks)}`);
    // ...and so must the PDF alone (its signature inside, the certificate the case's key vouches for).
    const alone = await verifyReportPdf(pdf, { trustedFingerprints: [rc.model.signer.fingerprint] });
    if (!alone.ok) throw new Error(`the demo report PDF does not verify alone: ${failedChecks(alone.checks)}`);
    writeFileSync(path.join(out, rc.prepared.zipName), zip);
    pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '6', file, path.join(out, 'page')]);
  }
  console.log(
    JSON.stringify({
      bench: 'report-render',
      items,
      pageSize,
      pages,
      pdfBytes: pdf.length,
      buildCaseMs: Math.round(tCase - t0),
      renderMs: Math.round(tReady - tOpen),
      printMs: Math.round(tPrinted - tReady),
      finishAndSignMs: Math.round(tSigned - tPrinted),
      renderToSignedMs: Math.round(tSigned - tOpen),
      chromiumCpuMs,
      nodeCpuMs: Math.round((nodeCpu.user + nodeCpu.system) / 1000),
      loadAverage1m: Number((await import('node:os')).loadavg()[0]!.toFixed(1)),
      consoleErrors: errors,
    }),
  );
} finally {
  await browser.close();
  server.close();
  if (built) rmSync(built, { recursive: true, force: true });
}
