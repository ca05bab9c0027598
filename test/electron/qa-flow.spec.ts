import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EVIDENCE_NAMESPACE } from '../../shared/evidence/sshsig';
import { recipientChecks, run } from '../browser/casesTools';
import { countStore } from '../browser/exploreHelpers';
import { counts, datasetCard } from '../browser/importHelpers';
import { gotoHash } from '../browser/pageNav';
import { egressLog, recordErrors, recordRequests, stubSaveDialog } from './appTools';
import {
  CASE_NAME,
  caseWithAllPins,
  cliVerify,
  coordinationEdgeEvidence,
  createKey,
  demo,
  exploreBoth,
  exportBundle,
  importBoth,
  pinFromAccount,
  PRINCIPAL,
  verifyOnPage,
  writeDemoFiles,
} from './flowSteps';
import { electronMissing, launchApp, requireElectron } from './launch';

/**
 * The QA flow in the real desktop app: import (demo archive + the real China 2019 users file),
 * explore, a coordination network and an edge's evidence, a case with pins, an analyst key, a
 * signed bundle with its PDF report and a report PDF saved on its own, verification by the app, the
 * CLI and ssh-keygen, then quit and relaunch on the same profile: everything is still there. All
 * along, nothing leaves the app (the main process's egress log and every request Playwright sees).
 * The steps are shared with the browser suite (flowSteps.ts), which runs them in Chromium.
 */
requireElectron();
test.describe.configure({ mode: 'serial' });

let work: string;
let zipPath: string;
let pdfPath: string;
let app: ElectronApplication;
let userData: string;
let page: Page;
let requests: ReturnType<typeof recordRequests>;
let errors: string[];
let demoFiles: string[];
let member: string;
let fingerprintLine: string;
let caseUrl: string;
let caseItems: number;
let bundleId: string;

async function start(dir?: string): Promise<void> {
  ({ app, userData } = await launchApp(dir));
  requests = recordRequests(app);
  page = await app.firstWindow();
  errors = recordErrors(page);
  await expect(page.getByRole('heading', { name: 'Datasets', level: 1 })).toBeVisible({ timeout: 30_000 });
  expect(page.url()).toMatch(/^app:\/\/workbench\//);
}

test.beforeAll(async () => {
  if (electronMissing()) return;
  work = mkdtempSync(path.join(tmpdir(), 'dw-qa-'));
  zipPath = path.join(work, 'bundle.zip');
  pdfPath = path.join(work, 'report-preview.pdf');
  const demoDir = path.join(work, 'demo');
  mkdirSync(demoDir, { recursive: true });
  demoFiles = await writeDemoFiles(demoDir);
  await start();
});

test.afterAll(async () => {
  await app?.close().catch(() => {});
});

test('import: the demo archive and the real China 2019 users file (744 accounts, 254 hashed)', async () => {
  test.setTimeout(240_000);
  // The empty Datasets page says where the data lives: Electron's userData folder, here the suite's --user-data-dir.
  await expect(page.getByText(/Data is stored in/)).toContainText(path.basename(userData));
  await expect(page.getByText(/Data is stored in/)).toContainText('electron host');
  await importBoth(page);
});

test('explore: overview numbers, accounts table, an account page and a search', async () => {
  test.setTimeout(180_000);
  ({ member } = await exploreBoth(page));
  await pinFromAccount(page, member);
});

test('network: co-retweet coordination, an edge with its post pairs, pinned', async () => {
  test.setTimeout(240_000);
  expect(await coordinationEdgeEvidence(page)).toBeGreaterThanOrEqual(1);
});

test('case and key: pins attached, analyst key created (passphrase when safeStorage is basic_text)', async () => {
  test.setTimeout(120_000);
  const status = await page.evaluate(() => (globalThis as any).workbenchHost['keys:status']());
  // Linux CI without a keyring: safeStorage falls back to a fixed key, so the app must ask for a passphrase.
  if (status.backend === 'basic_text') expect(status.needsPassphrase).toBe(true);
  fingerprintLine = await createKey(page);
  ({ url: caseUrl, items: caseItems } = await caseWithAllPins(page));
  expect(caseItems).toBe(3); // account + tweet from Explore, edge from Network
});

test('export: a signed bundle (with its report) and a report PDF, through the save dialog, to temp paths', async () => {
  test.setTimeout(240_000);
  const exported = await exportBundle(page, demoFiles, async (click) => {
    await stubSaveDialog(app, zipPath);
    await click();
    return zipPath;
  });
  bundleId = exported.bundleId;
  await expect(page.locator('.export-result')).toContainText(zipPath);
  expect(existsSync(zipPath)).toBe(true);
  expect(readdirSync(path.dirname(zipPath)).filter((n) => n.endsWith('.partial'))).toEqual([]);
  await expect(page.getByTestId('bundle-fingerprint')).toHaveText(fingerprintLine);

  // The report preview saved on its own from the report page (Electron prints with printToPDF).
  const caseId = decodeURIComponent(caseUrl.split('#/cases/')[1]!);
  await gotoHash(page, `#/report/case/${encodeURIComponent(caseId)}`);
  await expect(page.locator('html')).toHaveAttribute('data-report-ready', 'true', { timeout: 60_000 });
  await stubSaveDialog(app, pdfPath);
  await page.getByRole('button', { name: 'Save as PDF' }).click();
  await expect(page.getByRole('status')).toContainText(`Saved ${pdfPath}`, { timeout: 120_000 });
  expect(readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' })).toContain(PRINCIPAL);
  await gotoHash(page, '#/cases');
});

test('verify: the app’s verify page, `npm run cli -- verify --json`, ssh-keygen -Y verify and the other recipient tools', async () => {
  test.setTimeout(180_000);
  const fingerprint = fingerprintLine.split(' ')[1]!;
  await verifyOnPage(page, zipPath, fingerprintLine);

  const cli = cliVerify(zipPath, fingerprint);
  expect(cli.code).toBe(0);
  expect(cli.verdict.ok).toBe(true);
  expect(cli.verdict.bundleId).toBe(bundleId);
  expect(cli.verdict.fingerprint).toBe(fingerprint);

  const { bag, runs } = recipientChecks(zipPath, path.join(work, 'unzipped'), PRINCIPAL, fingerprintLine);
  for (const r of runs) expect(r.code, `${r.cmd}\n${r.out}`).toBe(0);
  expect(runs.find((r) => r.cmd.startsWith('ssh-keygen -lf'))!.out.trim()).toBe(fingerprintLine);
  expect(createHash('sha256').update(readFileSync(path.join(bag, 'tagmanifest-sha512.txt'))).digest('hex')).toBe(bundleId);

  // Electron prints the report into the bundle and signs it: report/evidence-report.pdf + its SSHSIG.
  const report = readFileSync(path.join(bag, 'report/evidence-report.pdf'));
  const reportSig = run('ssh-keygen', ['-Y', 'verify', '-f', 'metadata/signer/allowed_signers', '-I', PRINCIPAL, '-n', EVIDENCE_NAMESPACE, '-s', 'signatures/evidence-report.pdf.sig'], bag, report);
  expect(reportSig.code, reportSig.out).toBe(0);
  // ... and binds it to this bundle: report/evidence-report.sha256 (signed) names the report and the bundle id.
  const binding = run('ssh-keygen', ['-Y', 'verify', '-f', 'metadata/signer/allowed_signers', '-I', PRINCIPAL, '-n', EVIDENCE_NAMESPACE, '-s', 'signatures/evidence-report.sha256.sig'], bag, readFileSync(path.join(bag, 'report/evidence-report.sha256')));
  expect(binding.code, binding.out).toBe(0);
  expect(execFileSync('sha256sum', ['-c', '--strict', 'report/evidence-report.sha256'], { cwd: bag, encoding: 'utf8' })).toBe('report/evidence-report.pdf: OK\ntagmanifest-sha512.txt: OK\n');
  expect(execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(bag, 'report/evidence-report.pdf'), '-'], { encoding: 'utf8' })).toContain(bundleId);
  // Signed inside too (CMS): pdfsig finds it valid over the whole file, by the certificate naming the analyst's key.
  const inside = execFileSync('pdfsig', [path.join(bag, 'report/evidence-report.pdf')], { encoding: 'utf8' });
  expect(inside).toContain('Signature Validation: Signature is Valid.');
  expect(inside).toContain('Total document signed');
  expect(inside).toContain(`SSH key ${fingerprint}`);

  // The egress log went into the bundle: nothing was blocked because nothing was attempted.
  const provenance = JSON.parse(readFileSync(path.join(bag, 'metadata/provenance.json'), 'utf8'));
  expect(provenance.egress).toEqual({ blockedRequests: 0, urls: [], since: expect.any(String) });
});

test('offline: zero blocked egress in normal use, and every request was app://, blob: or data:', async () => {
  expect(await egressLog(page)).toEqual({ blockedRequests: 0, urls: [], since: expect.any(String) });
  expect(requests.urls.length).toBeGreaterThan(0);
  expect(requests.outside()).toEqual([]);
  expect(errors).toEqual([]);
});

test('relaunch on the same --user-data-dir: datasets, key, case, pins and custody are all still there', async () => {
  test.setTimeout(180_000);
  const egressSince = (await egressLog(page)).since;
  await app.close();
  await start(userData);
  // The egress log counts from the first run: a restart does not start it again at zero.
  expect((await egressLog(page)).since).toBe(egressSince);

  await expect(datasetCard(page, 'china_082019_1')).toBeVisible({ timeout: 30_000 });
  expect(await counts(datasetCard(page, 'china_082019_1'))).toMatchObject({ accounts: 744, hashedAccounts: 254 });
  expect(await counts(datasetCard(page, /^demo/))).toMatchObject({ tweets: demo.groundTruth.counts.tweets, accounts: demo.groundTruth.counts.accounts });

  await gotoHash(page, `#/explore/account/${encodeURIComponent(member)}`);
  await expect(page.getByRole('heading', { name: /^Tweets \(/ })).toBeVisible({ timeout: 60_000 });
  // The three pins (account, tweet, edge) are in the profile's IndexedDB, read without app code.
  expect(await countStore(page, 'pins')).toBe(caseItems);

  await gotoHash(page, '#/cases');
  await expect(page.getByTestId('key-fingerprint')).toHaveText(fingerprintLine);
  await expect(page.getByRole('link', { name: CASE_NAME })).toBeVisible();
  await gotoHash(page, caseUrl.slice(caseUrl.indexOf('#')));
  await expect(page.getByRole('table', { name: 'Evidence items' }).locator('tbody tr')).toHaveCount(caseItems);
  await expect(page.getByTestId('custody-verdict')).toHaveText(/^Chain intact/);
  const actions = await page.getByRole('table', { name: 'Custody log' }).locator('tbody tr td:nth-child(4)').allInnerTexts();
  expect(actions).toContain('Bundle exported');

  await verifyOnPage(page, zipPath, fingerprintLine);
  expect(await egressLog(page)).toEqual({ blockedRequests: 0, urls: [], since: expect.any(String) });
  expect(requests.outside()).toEqual([]);
  expect(errors).toEqual([]);
});
