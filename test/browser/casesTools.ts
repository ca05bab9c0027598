/**
 * Node-side checks of an exported bundle with the independent tools a recipient has (EVIDENCE.md):
 * unzip, ssh-keygen, sha256sum/sha512sum, minisign, sh verify.sh. Shared by the cases spec and
 * `npm run demo:bundle`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { EVIDENCE_NAMESPACE } from '../../shared/evidence/sshsig';
import { tamper } from '../unit/evidence/bundleFixture';
import { gotoHash } from './pageNav';

export interface ToolRun {
  cmd: string;
  code: number;
  out: string;
}

export function run(cmd: string, args: string[], cwd?: string, input?: Uint8Array): ToolRun {
  const r = spawnSync(cmd, args, { cwd, input, maxBuffer: 64 << 20 });
  if (r.error) throw r.error;
  return { cmd: [cmd, ...args].join(' '), code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

/**
 * Unzips `zip` into `dir` and runs every recipient check; returns each run (all must be code 0).
 * `fingerprintLine` is the signer's key as the app shows it (`256 SHA256:… principal (ED25519)`), which
 * the analyst sends out of band: verify.sh needs its fingerprint to call the bundle verified.
 */
export function recipientChecks(zip: string, dir: string, principal: string, fingerprintLine: string): { bag: string; runs: ToolRun[] } {
  const runs: ToolRun[] = [run('unzip', ['-t', zip])];
  runs.push(run('unzip', ['-q', '-o', zip, '-d', dir]));
  const bagName = readdirSync(dir)[0]!;
  const bag = path.join(dir, bagName);
  const tag = readFileSync(path.join(bag, 'tagmanifest-sha512.txt'));
  runs.push(run('ssh-keygen', ['-lf', 'metadata/signer/id_ed25519.pub'], bag));
  runs.push(
    run('ssh-keygen', ['-Y', 'verify', '-f', 'metadata/signer/allowed_signers', '-I', principal, '-n', EVIDENCE_NAMESPACE, '-s', 'signatures/tagmanifest-sha512.txt.sig'], bag, tag),
  );
  runs.push(run('sha512sum', ['-c', 'tagmanifest-sha512.txt'], bag));
  runs.push(run('sha512sum', ['-c', 'manifest-sha512.txt'], bag));
  runs.push(run('sha256sum', ['-c', 'manifest-sha256.txt'], bag));
  runs.push(run('minisign', ['-Vm', 'tagmanifest-sha512.txt', '-x', 'signatures/tagmanifest-sha512.txt.minisig', '-p', 'metadata/signer/minisign.pub'], bag));
  runs.push(run('sh', ['verify.sh', fingerprintLine.split(' ')[1]!], bag));
  return { bag, runs };
}

/** A copy of the bundle with one payload file's bytes changed (same name, same manifests), zipped as the app zips. */
export async function tamperPayload(zipBytes: Uint8Array, match: RegExp): Promise<{ bytes: Uint8Array; path: string }> {
  let target = '';
  const bytes = await tamper(zipBytes, (files) => {
    target = [...files.keys()].find((p) => match.test(p)) ?? '';
    if (!target) throw new Error(`no entry matches ${match}`);
    files.set(target, new Uint8Array([...files.get(target)!, ...new TextEncoder().encode('tampered')]));
  });
  return { bytes, path: target };
}

/** Unpinned "Pin to case" buttons (explore/network views) for `what`: 'account', 'tweet', 'edge'… */
export const pinButtons = (scope: Page | Locator, what: string): Locator =>
  scope.locator(
    ['Pin to case: ', 'Pin '].map((p) => `button.pin-button[aria-pressed="false"][aria-label^="${p}${what} "]`).join(', '),
  );

/** A new case named `name`, made on the Cases page; its page is open. Returns its URL. */
export async function createCase(page: Page, name: string): Promise<string> {
  await gotoHash(page, '#/cases');
  await page.getByLabel('Case name').fill(name);
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  return page.url();
}

/** Unlocks the key, clicks Export bundle on the open case page and saves the download into a new temporary folder. */
export async function exportBundleZip(page: Page, passphrase: string, prefix: string, timeout = 60_000): Promise<{ dir: string; zip: string }> {
  await page.getByLabel('Key passphrase').fill(passphrase);
  const downloadP = page.waitForEvent('download', { timeout });
  await page.getByRole('button', { name: 'Export bundle' }).click();
  const download = await downloadP;
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const zip = path.join(dir, download.suggestedFilename());
  await download.saveAs(zip);
  return { dir, zip };
}
