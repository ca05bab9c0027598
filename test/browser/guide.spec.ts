import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  caseWithAllPins,
  cliVerify,
  coordinationEdgeEvidence,
  createKey,
  exploreBoth,
  exportBundle,
  importBoth,
  pinFromAccount,
  PRINCIPAL,
  verifyOnPage,
  writeDemoFiles,
} from '../electron/flowSteps';
import { repoRoot } from '../fixtures/paths';
import { recipientChecks } from './casesTools';
import { expect, test } from './fixtures';

/**
 * The QA flow of the Electron suite (test/electron/qa-flow.spec.ts), run step for step in Chromium
 * with the browser host: it keeps the shared steps honest where no Electron binary exists, and it
 * takes the user guide's network screenshots (docs/USER_GUIDE.md) from the demo archive.
 */
const shots = path.join(repoRoot, 'docs/screenshots');

test('user-guide flow on the demo archive + China users file: import, explore, network edge, case, key, bundle, verify (page, CLI, ssh-keygen)', async ({ page, requests, consoleLog }) => {
  test.setTimeout(480_000);
  mkdirSync(shots, { recursive: true });
  const dir = mkdtempSync(path.join(tmpdir(), 'dw-guide-'));
  const demoFiles = await writeDemoFiles(dir);

  await importBoth(page);
  const { member } = await exploreBoth(page);
  await pinFromAccount(page, member);
  const pairs = await coordinationEdgeEvidence(page, (name) => page.screenshot({ path: path.join(shots, name) }).then(() => {}));
  expect(pairs).toBeGreaterThanOrEqual(1);

  const fingerprintLine = await createKey(page);
  const { items } = await caseWithAllPins(page);
  expect(items).toBe(3);
  const { zip, bundleId } = await exportBundle(page, demoFiles, async (click) => {
    const downloadP = page.waitForEvent('download', { timeout: 120_000 });
    await click();
    const download = await downloadP;
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    return file;
  });
  await expect(page.getByTestId('bundle-fingerprint')).toHaveText(fingerprintLine);

  const fingerprint = fingerprintLine.split(' ')[1]!;
  await verifyOnPage(page, zip, fingerprintLine);
  const cli = cliVerify(zip, fingerprint);
  expect(cli.code).toBe(0);
  expect(cli.verdict.ok).toBe(true);
  expect(cli.verdict.bundleId).toBe(bundleId);
  const { bag, runs } = recipientChecks(zip, path.join(dir, 'unzipped'), PRINCIPAL, fingerprintLine);
  for (const r of runs) expect(r.code, `${r.cmd}\n${r.out}`).toBe(0);
  expect(createHash('sha256').update(readFileSync(path.join(bag, 'tagmanifest-sha512.txt'))).digest('hex')).toBe(bundleId);

  expect(requests.outside()).toEqual([]);
  expect(consoleLog.errors).toEqual([]);
});
