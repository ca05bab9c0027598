import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKeyService } from '../../../main/services/keys/keyService';
import type { SecretStore } from '../../../main/services/keys/secretStore';
import { parseOpenSshPrivateKey } from '../../../shared/evidence/opensshKeys';
import { EVIDENCE_NAMESPACE, sshsigSign, sshsigVerify } from '../../../shared/evidence/sshsig';
import { run, sshKeygen, tempDir } from './tools';

/** The one thin fake allowed: Electron's safeStorage cannot run here. Reversible but not plaintext. */
function fakeSecretStore(backend: string): SecretStore & { calls: number } {
  const s = {
    calls: 0,
    isEncryptionAvailable: () => true,
    backend: () => backend,
    encrypt: async (t: string) => (s.calls++, Uint8Array.from(new TextEncoder().encode(t), (b) => b ^ 0x5a)),
    decrypt: async (b: Uint8Array) => (s.calls++, new TextDecoder().decode(Uint8Array.from(b, (x) => x ^ 0x5a))),
  };
  return s;
}
const clock = () => new Date('2026-11-28T12:00:00.000Z');
const base = tempDir('keys-');
const msg = new TextEncoder().encode('tag manifest bytes');

describe('key service (real fs, fake safeStorage)', () => {
  it('creates a key protected by safeStorage and signs; keys.json holds no plaintext seed', async () => {
    const secrets = fakeSecretStore('gnome_libsecret');
    const svc = createKeyService({ dir: path.join(base, 'a'), secrets, clock });
    expect(svc.passphraseRequired()).toBe(false);
    const k = await svc.createKey({ principal: 'analyst@example.org' });
    expect(k).toMatchObject({ protection: 'safeStorage', principal: 'analyst@example.org', createdAt: '2026-11-28T12:00:00.000Z' });
    const signer = await svc.signer();
    const sig = await sshsigSign(signer, msg);
    expect(sshsigVerify(sig, msg)).toMatchObject({ ok: true });
    // The public line and fingerprint agree with ssh-keygen.
    const pub = path.join(base, 'a', 'k.pub');
    writeFileSync(pub, `${k.publicKeyLine}\n`);
    expect(run('ssh-keygen', ['-lf', pub]).stdout.trim()).toBe(k.fingerprintLine);
    expect(k.allowedSigners).toBe(`analyst@example.org namespaces="${EVIDENCE_NAMESPACE}" ${k.publicKeyLine.split(' ').slice(0, 2).join(' ')}`);
    const stored = readFileSync(path.join(base, 'a', 'keys.json'), 'utf8');
    expect(stored).not.toMatch(/PRIVATE KEY/);
    expect(JSON.parse(stored).keys[k.fingerprint].sealed).toMatch(/^[A-Za-z0-9+/=]+$/);
    expect(secrets.calls).toBe(2);
  });

  it('with the basic_text backend it refuses to store a key without a passphrase, and sign needs it', async () => {
    const svc = createKeyService({ dir: path.join(base, 'b'), secrets: fakeSecretStore('basic_text'), clock });
    expect(svc.passphraseRequired()).toBe(true);
    await expect(svc.createKey({ principal: 'b@example.org' })).rejects.toThrow("a passphrase is required: safeStorage backend 'basic_text' does not protect secrets on this machine");
    const k = await svc.createKey({ principal: 'b@example.org', passphrase: 'pass phrase' });
    expect(k.protection).toBe('passphrase');
    await expect(svc.sign(msg)).rejects.toThrow(`a passphrase is required: key ${k.fingerprint} is passphrase-protected`);
    await expect(svc.sign(msg, { passphrase: 'nope' })).rejects.toThrow(/wrong passphrase/);
    const raw = await svc.sign(msg, { passphrase: 'pass phrase' });
    expect(raw.length).toBe(64);
  });

  it('imports a key made by ssh-keygen: same fingerprint as ssh-keygen -lf, signatures identical to ssh-keygen -Y sign', async () => {
    const keyFile = sshKeygen(base, 'imported', 'c@example.org');
    const svc = createKeyService({ dir: path.join(base, 'c'), secrets: fakeSecretStore('kwallet6'), clock });
    const k = await svc.importOpenSshKey(readFileSync(keyFile, 'utf8'), { principal: 'c@example.org' });
    expect(run('ssh-keygen', ['-lf', `${keyFile}.pub`]).stdout.trim()).toBe(k.fingerprintLine);
    const ours = await sshsigSign(await svc.signer(), msg);
    expect(ours).toBe(run('ssh-keygen', ['-Y', 'sign', '-q', '-n', EVIDENCE_NAMESPACE, '-f', keyFile], { input: msg }).stdout);
    expect(parseOpenSshPrivateKey(readFileSync(keyFile, 'utf8')).comment).toBe('c@example.org');
  });

  it('rotates: the old key is retired and vouches for the new one; a reload sees the same state', async () => {
    const dir = path.join(base, 'd');
    const svc = createKeyService({ dir, secrets: fakeSecretStore('keychain'), clock });
    const old = await svc.createKey({ principal: 'd@example.org' });
    const { previous, current } = await svc.rotate();
    expect(previous).toMatchObject({ fingerprint: old.fingerprint, retiredAt: '2026-11-28T12:00:00.000Z', replacedBy: current.fingerprint });
    expect(current.fingerprint).not.toBe(old.fingerprint);
    const statement = sshsigVerify(current.rotationStatement!, new TextEncoder().encode(`${current.allowedSigners}\n`));
    expect(statement.ok).toBe(true);
    // ...and ssh-keygen agrees that the old key signed the new key's allowed_signers line.
    writeFileSync(path.join(dir, 'old_allowed'), `${previous.allowedSigners}\n`);
    writeFileSync(path.join(dir, 'rot.sig'), current.rotationStatement!);
    const v = run('ssh-keygen', ['-Y', 'verify', '-f', path.join(dir, 'old_allowed'), '-I', 'd@example.org', '-n', EVIDENCE_NAMESPACE, '-s', path.join(dir, 'rot.sig')], { input: `${current.allowedSigners}\n` });
    expect(v.code).toBe(0);
    const reloaded = createKeyService({ dir, secrets: fakeSecretStore('keychain'), clock });
    expect((await reloaded.active())!.fingerprint).toBe(current.fingerprint);
    expect((await reloaded.list()).map((k) => k.fingerprint).sort()).toEqual([old.fingerprint, current.fingerprint].sort());
    expect(sshsigVerify(await sshsigSign(await reloaded.signer(), msg), msg)).toMatchObject({ ok: true });
  });

  it("sets a damaged keys.json aside with a message naming where, then works again; a crashed save's temporary file is removed", async () => {
    const dir = path.join(base, 'damaged');
    const first = createKeyService({ dir, secrets: fakeSecretStore('gnome_libsecret'), clock });
    await first.createKey({ principal: 'd@example.org' });
    writeFileSync(path.join(dir, 'keys.json.0000-crashed.tmp'), '{"sealed": "left by a crash"}');
    writeFileSync(path.join(dir, 'keys.json'), ''); // what a power cut may leave
    const svc = createKeyService({ dir, secrets: fakeSecretStore('gnome_libsecret'), clock });
    const aside = path.join(dir, 'keys.json.damaged-2026-11-28T12-00-00-000Z');
    await expect(svc.active()).rejects.toThrow(`the signing key file could not be read (Unexpected end of JSON input) and was moved to ${aside}. Create a new signing key`);
    expect(readdirSync(dir).sort()).toEqual(['keys.json.damaged-2026-11-28T12-00-00-000Z']);
    expect(await svc.active()).toBeNull();
    const k = await svc.createKey({ principal: 'd@example.org' });
    expect((await svc.active())!.fingerprint).toBe(k.fingerprint);
  });
});
