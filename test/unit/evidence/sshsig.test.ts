import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowedSignersLine, parseOpenSshPrivateKey } from '../../../shared/evidence/opensshKeys';
import { seedSigner } from '../../../shared/evidence/signer';
import { EVIDENCE_NAMESPACE, sshsigSign, sshsigVerify } from '../../../shared/evidence/sshsig';
import { realFixture } from '../../fixtures/paths';
import { run, sshKeygen, tempDir } from './tools';

const dir = tempDir('sshsig-');
const keyFile = sshKeygen(dir, 'id_ed25519', 'analyst@example.org');
const key = parseOpenSshPrivateKey(readFileSync(keyFile, 'utf8'));
const signer = seedSigner(key.seed);
const allowed = path.join(dir, 'allowed_signers');
writeFileSync(allowed, `${allowedSignersLine('analyst@example.org', key.publicKey, EVIDENCE_NAMESPACE)}\n`);
const message = readFileSync(realFixture('ira_2018_users_csv_hashed_excerpt.csv'));

function sshVerify(sigText: string, msg: Uint8Array, namespace = EVIDENCE_NAMESPACE) {
  const sigFile = path.join(dir, `s${Math.random().toString(36).slice(2)}.sig`);
  writeFileSync(sigFile, sigText);
  return run('ssh-keygen', ['-Y', 'verify', '-f', allowed, '-I', 'analyst@example.org', '-n', namespace, '-s', sigFile], { input: msg });
}

describe('SSHSIG', () => {
  it('is byte-identical to ssh-keygen -Y sign for the same key and message', async () => {
    const ours = await sshsigSign(signer, message);
    const theirs = run('ssh-keygen', ['-Y', 'sign', '-q', '-n', EVIDENCE_NAMESPACE, '-f', keyFile], { input: message });
    expect(theirs.code).toBe(0);
    expect(ours).toBe(theirs.stdout);
    expect(ours.startsWith('-----BEGIN SSH SIGNATURE-----\n')).toBe(true);
  });

  it('is accepted by ssh-keygen -Y verify, and ssh-keygen signatures by our verifier', async () => {
    const ours = await sshsigSign(signer, message);
    const v = sshVerify(ours, message);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain('Good "evidence-bundle@org.disclosure-workbench" signature for analyst@example.org with ED25519 key');
    const theirs = run('ssh-keygen', ['-Y', 'sign', '-q', '-n', EVIDENCE_NAMESPACE, '-f', keyFile], { input: 'hello\n' }).stdout;
    const ok = sshsigVerify(theirs, new TextEncoder().encode('hello\n'));
    expect(ok.ok).toBe(true);
  });

  it('fails (ours and ssh-keygen) for a changed message or another namespace', async () => {
    const ours = await sshsigSign(signer, message);
    const edited = Uint8Array.from(message);
    edited[100] ^= 1;
    expect(sshVerify(ours, edited).code).not.toBe(0);
    expect(sshsigVerify(ours, edited)).toMatchObject({ ok: false, reason: 'Ed25519 signature does not match the signed data' });
    const other = await sshsigSign(signer, message, 'file');
    expect(sshVerify(other, message).code).not.toBe(0);
    expect(sshsigVerify(other, message)).toMatchObject({ ok: false, reason: `namespace is 'file', expected '${EVIDENCE_NAMESPACE}'` });
    expect(sshsigVerify('garbage', message)).toMatchObject({ ok: false, reason: expect.stringMatching(/not an SSH signature/) });
  });
});
