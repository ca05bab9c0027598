import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../fixtures/paths';
import { tamper, writeBundle } from './bundleFixture';
import { run, tempDir } from './tools';

const dir = tempDir('verify-cli-');
const cli = (...args: string[]) => run(path.join(repoRoot, 'node_modules/.bin/tsx'), [path.join(repoRoot, 'main/cli/index.ts'), 'verify', ...args], { cwd: repoRoot });

describe('npm run cli -- verify', async () => {
  const { prepared, file, bytes } = await writeBundle(dir);

  it('prints the verdict JSON and exits 0 for a good bundle with the trusted fingerprint', () => {
    const r = cli(file, '--json', '--trust', prepared.fingerprint);
    expect(r.code).toBe(0);
    const v = JSON.parse(r.stdout);
    expect(v).toMatchObject({ ok: true, bundleId: prepared.bundleId, fingerprint: prepared.fingerprint });
    expect(v.checks.map((c: { name: string }) => c.name)).toEqual(['zip', 'signature', 'minisign', 'key-history', 'trust', 'tagmanifest', 'payload', 'completeness', 'custody', 'report']);
    // The whole line ssh-keygen -lf prints (as the app shows it and senders pass it on) names the same key by its second field only.
    expect(cli(file, '--trust', `256 ${prepared.fingerprint} analyst@example.org (ED25519)`).code).toBe(0);
    expect(cli(file, '--trust', `256 SHA256:${'A'.repeat(43)} ${prepared.fingerprint} (ED25519)`).code).toBe(1);
    expect(cli(file, '--trust', `${prepared.fingerprint} extra`).code).toBe(2);
    // The prefix in any case, as the Verify page takes it (a fingerprint typed by hand).
    expect(cli(file, '--trust', prepared.fingerprint.replace('SHA256:', 'sha256:')).code).toBe(0);
  });

  it('exits 1 naming the failed check for a tampered bundle, and for an untrusted signer', async () => {
    const bad = path.join(dir, 'bad.zip');
    writeFileSync(bad, await tamper(bytes, (f) => f.set('bag-info.txt', new TextEncoder().encode('Source-Organization: someone else\n'))));
    const r = cli(bad, '--json');
    expect(r.code).toBe(1);
    const v = JSON.parse(r.stdout);
    expect(v.ok).toBe(false);
    expect(v.checks.find((c: { name: string }) => c.name === 'tagmanifest').detail).toMatch(/^bag-info.txt: expected sha512/);
    const untrusted = cli(file, '--json', '--trust', 'SHA256:' + 'A'.repeat(43));
    expect(untrusted.code).toBe(1);
    expect(JSON.parse(untrusted.stdout).checks.find((c: { name: string }) => c.name === 'trust').detail).toContain('is not one of the trusted fingerprints');
    expect(cli('--trust', 'nope').code).toBe(2);
    // A missing file exits 1, as it does for the other commands; 2 stays for usage mistakes.
    expect(cli(path.join(dir, 'no-such.zip'))).toMatchObject({ code: 1, stderr: expect.stringMatching(/^error: cannot read .*no-such\.zip: ENOENT/) });
    // With --json, standard output still holds a verdict: the zip check failed, saying why, the others not made.
    const missing = cli(path.join(dir, 'no-such.zip'), '--json');
    expect(missing.code).toBe(1);
    const mv = JSON.parse(missing.stdout);
    expect(mv).toMatchObject({ ok: false, bundleId: null, fingerprint: null });
    expect(mv.checks.map((c: { name: string; status: string }) => `${c.name}:${c.status}`)).toEqual(['zip:fail', 'signature:skip', 'minisign:skip', 'key-history:skip', 'trust:skip', 'tagmanifest:skip', 'payload:skip', 'completeness:skip', 'custody:skip', 'report:skip']);
    expect(mv.checks[0].detail).toMatch(/^cannot read .*no-such\.zip: ENOENT/);
    // An extracted bundle's folder (as VERIFY.txt leaves it): told to give the .zip, not Node's EISDIR.
    expect(cli(dir)).toMatchObject({ code: 1, stderr: expect.stringMatching(/^error: cannot read .*: it is a folder: give the bundle's \.zip as received/) });
  });

  it('without --trust the signer is not established: exit 1, unless --allow-unknown-signer asks for integrity only', () => {
    const r = cli(file);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`FAIL  trust        no trusted fingerprint given: compare the signer's ${prepared.fingerprint} with the fingerprint received out of band`);
    expect(r.stdout).toContain(`run again with --trust ${prepared.fingerprint}`);
    const integrity = cli(file, '--json', '--allow-unknown-signer');
    expect(integrity.code).toBe(0);
    expect(JSON.parse(integrity.stdout).checks.find((c: { name: string }) => c.name === 'trust')).toMatchObject({ ok: true, status: 'warn' });
  });
});
