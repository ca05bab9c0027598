/**
 * `npm run demo:bundle -- --out DIR [--tweets N] [--seed S]`: a signed evidence bundle made by the
 * REAL app. Builds the renderer into its own folder, serves it on 127.0.0.1, and drives headless
 * Chromium (persistent profile) through the UI: imports a generated demo archive via the Datasets
 * file input, creates a key and a case, pins accounts and tweets (Explore) and a coordination edge
 * (Network), attaches them, re-selects the sources and exports the bundle into DIR. Then runs the
 * recipient's tools on it and prints ONE JSON line.
 * The evidence PDF: the browser host cannot print a page to a PDF (in a person's browser the bundle
 * has no report), so this script hands it Playwright's page.pdf() (test/browser/reportPrinter.ts:
 * the report HTML served from the app's origin, printed with report.spec.ts's options, the engine of
 * Electron's printToPDF). With it, the Cases page's own Export bundle does what the desktop app does:
 * prints the report with the bundle id, finishes it (finishReportPdf: attachments, CMS signature
 * inside) and signs it into the bundle (report/evidence-report.pdf, its SSHSIG and its binding).
 * The PDF is copied to DIR and checked as a recipient checks it (verify.sh covers it too; then
 * ssh-keygen -Y verify, sha256sum -c of the binding, pdfsig, pdfinfo, pdfdetach -list, and pdftotext
 * holding the bundle id on every page and the exact text of every cited post): the JSON's `pdf`.
 * Exit status 1 if a tool fails, no coordination edge was pinned, or the PDF is missing or fails a check.
 * DIR gets: source/ (the archive files), the bundle .zip, evidence-report.pdf, fingerprint.txt,
 * passphrase.txt (demo only).
 */
import { chromium, type Page } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_TWEETS_FILE, DEMO_USERS_FILE } from '../../shared/archive/demo/demoArchive';
import { CHROMIUM_ARGS, chromiumExecutable } from '../browser/chromium';
import { pinButtons, recipientChecks } from '../browser/casesTools';
import { demoArchiveArg } from './cachedDemoArchive';
import { checkReportPdf, citedPostTexts, custodyLine, toolCodes, type PdfFacts } from './demoBundleReport';
import { installReportPrinter } from '../browser/reportPrinter';
import { REPORT_PATH } from '../../shared/evidence/bundleWriter';
import { EVIDENCE_NAMESPACE } from '../../shared/evidence/sshsig';
import { scriptArgs } from './scriptArgs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = scriptArgs('usage: npm run demo:bundle -- --out DIR [--tweets N] [--seed S]', { options: ['--out', '--tweets', '--seed'] });
const tweets = args.count('--tweets', 20_000);
const seed = args.seed(20191);
const PRINCIPAL = 'demo-analyst@example.org';
const PASSPHRASE = 'demo passphrase, not a secret';
const T = Number(process.env.DEMO_BUNDLE_TIMEOUT_MS ?? 180_000);
const log = (s: string) => process.stderr.write(`[demo:bundle] ${s}\n`);

const demo = demoArchiveArg({ seed, tweets }, args.usageError);
const out = args.folder('--out') ?? args.usageError('--out DIR is required');

async function writeArchive(dir: string) {
  mkdirSync(dir, { recursive: true });
  const write = async (name: string, chunks: AsyncGenerator<string>) => {
    const parts: string[] = [];
    for await (const c of chunks) parts.push(c);
    writeFileSync(path.join(dir, name), parts.join(''));
    return path.join(dir, name);
  };
  return { files: [await write(DEMO_USERS_FILE, demo.usersCsv()), await write(DEMO_TWEETS_FILE, demo.tweetsCsv())], truth: demo.groundTruth };
}

function serve(root: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['scripts/serve.mjs', '--port', '0'], { cwd: repo, env: { ...process.env, DW_RENDERER_OUT: root }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (b: Buffer) => {
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(b.toString());
      if (m) resolve({ url: m[1]!, stop: () => child.kill() });
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

async function pinFromExplore(page: Page, userid: string): Promise<number> {
  await page.goto(`#/explore/account/${encodeURIComponent(userid)}`);
  // PinButton keeps its "Pinned" state across account pages (same React position): start fresh.
  await page.reload();
  await pinButtons(page, 'account').first().click({ timeout: T });
  await pinButtons(page, 'tweet').first().click({ timeout: T });
  await page.locator('button.pin-button[aria-pressed="true"]').nth(1).waitFor();
  return 2;
}

/** Builds the co-retweet coordination network and pins its most significant edge (the network view's own button). */
async function pinCoordinationEdge(page: Page): Promise<boolean> {
  await page.goto('#/network');
  await page.getByLabel('Network kind').selectOption({ label: 'Co-retweet (coordination)' });
  await page.getByRole('button', { name: 'Build network' }).click();
  // The first row of the edge table is the most significant edge; its button opens the details.
  await page.getByTestId('edge-table').locator('tbody tr').first().getByRole('button', { name: /^Show edge/ }).click({ timeout: T });
  await pinButtons(page.getByTestId('edge-details'), 'edge').first().click({ timeout: T });
  await page.getByTestId('edge-details').locator('button.pin-button[aria-pressed="true"]').first().waitFor();
  return true;
}

async function main() {
  const t0 = performance.now();
  const outDir = path.resolve(out!);
  const { files, truth } = await writeArchive(path.join(outDir, 'source'));
  log(`archive written: ${files.map((f) => `${path.basename(f)} ${statSync(f).size} B`).join(', ')}`);

  const dist = mkdtempSync(path.join(tmpdir(), 'dw-demo-bundle-dist-'));
  const profile = mkdtempSync(path.join(tmpdir(), 'dw-demo-bundle-profile-'));
  const b = spawnSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'error'], { cwd: repo, env: { ...process.env, DW_RENDERER_OUT: dist }, stdio: ['ignore', 'inherit', 'inherit'] });
  if (b.status !== 0) throw new Error('renderer build failed');
  const server = await serve(dist);
  const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS, viewport: { width: 1400, height: 900 }, acceptDownloads: true, baseURL: server.url });
  // The browser host cannot print: hand it page.pdf() (as report.spec.ts prints), so Export bundle prints and signs the report in.
  await installReportPrinter(context, server.url, T);
  const outside: string[] = [];
  context.on('request', (r) => {
    if (!/^(http:\/\/127\.0\.0\.1[:/]|blob:|data:|about:)/.test(r.url())) outside.push(r.url());
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url);
    log('importing through the Datasets view');
    await page.getByLabel(/Import archive files/).setInputFiles(files);
    await page.locator('.import-done').waitFor({ timeout: T });

    log('creating key and case');
    await page.goto('#/cases');
    await page.getByLabel('Principal (e-mail-like name)').fill(PRINCIPAL);
    await page.getByLabel('Passphrase', { exact: true }).first().fill(PASSPHRASE);
    await page.getByLabel('Repeat passphrase').first().fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Create key' }).click();
    const fingerprintLine = (await page.getByTestId('key-fingerprint').innerText({ timeout: T })).trim();
    await page.getByLabel('Case name').fill('Demo: planted co-retweet group');
    await page.getByRole('button', { name: 'Create case' }).click();
    await page.getByRole('heading', { level: 1, name: 'Demo: planted co-retweet group' }).waitFor();
    const caseUrl = page.url();

    const group = truth.groups.find((g) => g.behaviours.includes('coretweet')) ?? truth.groups[0]!;
    let pins = 0;
    for (const m of group.members.slice(0, 2)) pins += await pinFromExplore(page, m);
    let edge = false;
    try {
      edge = await pinCoordinationEdge(page);
      pins++;
    } catch (e) {
      log(`coordination edge not pinned: ${(e as Error).message.split('\n')[0]}`);
      await page.screenshot({ path: path.join(outDir, 'edge-error.png') }).catch(() => {});
      log(`edge details: ${await page.getByTestId('edge-details').innerHTML({ timeout: 1000 }).catch(() => '(none)')}`.slice(0, 1500));
    }

    log(`attaching ${pins} pins`);
    await page.goto(caseUrl);
    const add = page.getByRole('button', { name: /^Add .* to this case$/ });
    await add.first().waitFor();
    while ((await add.count()) > 0) {
      const before = await add.count();
      await add.first().click();
      await page.waitForFunction((n) => document.querySelectorAll('button[aria-label$=" to this case"]').length < n, before);
    }
    await page.getByRole('textbox', { name: /^Note on / }).first().fill(`Member of planted group ${group.id}; accounts created ${group.accountsCreatedOn}.`);
    await page.getByRole('button', { name: 'Save note' }).first().click();

    log('exporting');
    await page.getByLabel('Source files').setInputFiles(files);
    await page.getByLabel('Key passphrase').fill(PASSPHRASE);
    const tExport = performance.now();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: T }), page.getByRole('button', { name: 'Export bundle' }).click()]);
    const zip = path.join(outDir, download.suggestedFilename());
    await download.saveAs(zip);
    const bundleId = (await page.getByTestId('bundle-id').innerText({ timeout: T })).trim();
    // Re-hash of the sources, excerpts, 2 signatures (2 PBKDF2 unlocks), zip, download.
    const exportSeconds = Math.round((performance.now() - tExport) / 100) / 10;
    const custody = (await page.getByTestId('custody-verdict').innerText()).trim();
    writeFileSync(path.join(outDir, 'fingerprint.txt'), `${fingerprintLine}\n`);
    writeFileSync(path.join(outDir, 'passphrase.txt'), `${PASSPHRASE}\n`);

    const check = mkdtempSync(path.join(tmpdir(), 'dw-demo-bundle-check-'));
    const { bag, runs } = recipientChecks(zip, check, PRINCIPAL, fingerprintLine);
    const bundleCustodyEntries = readFileSync(path.join(bag, 'metadata/custody.jsonl'), 'utf8').split('\n').filter(Boolean).length;
    // The evidence PDF, out of the bundle into DIR, checked as a recipient checks it.
    let pdf: PdfFacts | null = null;
    if (existsSync(path.join(bag, REPORT_PATH))) {
      const file = path.join(outDir, path.basename(REPORT_PATH));
      copyFileSync(path.join(bag, REPORT_PATH), file);
      const checked = checkReportPdf({ bag, file, principal: PRINCIPAL, namespace: EVIDENCE_NAMESPACE, bundleId, texts: citedPostTexts(bag) });
      pdf = checked.pdf;
      runs.push(...checked.runs);
    } else log(`the bundle holds no ${REPORT_PATH}`);
    rmSync(check, { recursive: true, force: true });
    const failed = runs.filter((r) => r.code !== 0);
    for (const r of failed) log(`FAILED: ${r.cmd}\n${r.out}`);
    console.log(
      JSON.stringify({
        out: outDir,
        zip,
        bytes: statSync(zip).size,
        bundleId,
        fingerprint: fingerprintLine,
        items: pins,
        coordinationEdge: edge,
        custody: custodyLine(custody, bundleCustodyEntries),
        tools: toolCodes(runs, [outDir, check]),
        toolsOk: failed.length === 0,
        requestsOutside127: outside.length,
        pdf,
        exportSeconds,
        sourceBytes: files.reduce((n, f) => n + statSync(f).size, 0),
        seconds: Math.round((performance.now() - t0) / 100) / 10,
      }),
    );
    const pdfOk = pdf !== null && pdf.signatureVerified && pdf.sshsigVerified && pdf.bindingVerified && pdf.pagesWithBundleId === pdf.pages && pdf.citedTextsFound === pdf.citedTexts;
    if (failed.length || !edge || !pdfOk) process.exitCode = 1; // the issue promises a pinned coordination edge; the brief, a signed evidence PDF
  } catch (e) {
    await context.pages()[0]?.screenshot({ path: path.join(outDir, 'error.png') }).catch(() => {});
    log(`pin buttons on the page: ${await context.pages()[0]?.locator('button.pin-button').evaluateAll((bs) => bs.map((b) => b.outerHTML).join('\n')).catch(() => '?')}`);
    throw e;
  } finally {
    await context.close();
    server.stop();
    rmSync(profile, { recursive: true, force: true });
    rmSync(dist, { recursive: true, force: true });
  }
}

await main();
