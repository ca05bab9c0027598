import { sha512 } from '@noble/hashes/sha2.js';
import { EVIDENCE_NAMESPACE, signedData, sshsigVerify } from '../../../shared/evidence/sshsig';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHostHandlers } from '../../../main/ipc/hostHandlers';
import { dispatchIpc } from '../../../main/ipc/dispatch';
import { keyCustodyOver } from '../../../main/ipc/keyCustody';
import { createKeyService } from '../../../main/services/keys/keyService';
import type { SecretStore } from '../../../main/services/keys/secretStore';
import { APP_ORIGIN } from '../../../shared/appIdentity';
import { fingerprintSha256, parsePublicKeyLine } from '../../../shared/evidence/opensshKeys';
import { verifyEd25519 } from '../../../shared/evidence/signer';
import { certificateParts, cmsSignedAttributes } from '../../../shared/evidence/pdfSigningKey';
import { p256 } from '@noble/curves/nist.js';
import { run, sshKeygen } from '../evidence/tools';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const temp = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'dw-keys-'));
  dirs.push(d);
  return d;
};

/** The one allowed fake: Electron's safeStorage cannot run here. XOR is enough to model "sealed". */
function fakeSecrets(backend: string): SecretStore {
  const x = (b: Uint8Array) => b.map((v) => v ^ 0x5a);
  return { isEncryptionAvailable: () => true, backend: () => backend, encrypt: async (s) => x(new TextEncoder().encode(s)), decrypt: async (b) => new TextDecoder().decode(x(b)) };
}

function hostOver(backend: string) {
  const secrets = fakeSecrets(backend);
  const dir = temp();
  const handlers = createHostHandlers({
    appInfo: () => ({ name: 'x', version: '0', host: 'electron', dataLocation: dir, platform: 'linux', printsReport: true }),
    egressLog: () => ({ blockedRequests: 0, urls: [] }),
    egressBlocked: () => {},
    saves: undefined as never,
    printReport: undefined as never,
    keys: keyCustodyOver(createKeyService({ dir, secrets, clock: () => new Date('2026-11-28T12:00:00Z') }), secrets),
  } as Parameters<typeof createHostHandlers>[0]);
  // Through the same dispatcher as real IPC: sender check + schema validation.
  const call = (channel: string, ...args: unknown[]) => dispatchIpc(handlers, channel, `${APP_ORIGIN}/index.html`, args) as Promise<any>;
  return { call, dir };
}

describe('keys:* channels in the Electron host (key service + safeStorage port)', () => {
  it('basic_text safeStorage: a passphrase is required; the signature verifies; nothing secret crosses IPC', async () => {
    const { call, dir } = hostOver('basic_text');
    expect(await call('keys:status')).toMatchObject({ exists: false, needsPassphrase: true, backend: 'basic_text' });
    await expect(call('keys:create', { principal: 'ana@example.org' })).rejects.toThrow(/passphrase is required/);
    const s = await call('keys:create', { principal: 'ana@example.org', passphrase: 'long passphrase 1' });
    // A second key cannot replace it (it would retire the first without its passphrase): rotation does that.
    await expect(call('keys:create', { principal: 'eve@example.org', passphrase: 'long passphrase 9' })).rejects.toThrow(/exists already: rotate it/);
    expect(s).toMatchObject({ exists: true, principal: 'ana@example.org', needsPassphrase: true });
    expect(s.fingerprintLine).toBe(`256 ${s.fingerprint} ana@example.org (ED25519)`);
    // What an SSHSIG signature over a tag manifest signs (the only kinds of message the key signs: signingPolicy).
    const msg = signedData(EVIDENCE_NAMESPACE, sha512(new TextEncoder().encode('tag manifest bytes')));
    await expect(call('keys:sign', { message: new TextEncoder().encode('any bytes'), passphrase: 'long passphrase 1' })).rejects.toThrow(/refused to sign: the analyst's key signs only evidence/);
    await expect(call('keys:sign', { message: msg })).rejects.toThrow(/passphrase/);
    await expect(call('keys:sign', { message: msg, passphrase: 'wrong one' })).rejects.toThrow(/wrong passphrase/);
    const sig: Uint8Array = await call('keys:sign', { message: msg, passphrase: 'long passphrase 1' });
    expect(sig).toHaveLength(64);
    expect(verifyEd25519(sig, msg, parsePublicKeyLine(s.publicKey).publicKey)).toBe(true);
    const pub = await call('keys:exportPublic');
    expect(pub.allowedSigners).toBe(`ana@example.org namespaces="evidence-bundle@org.disclosure-workbench" ${s.publicKey.split(' ').slice(0, 2).join(' ')}`);
    // The stored file holds no clear seed: no 'PRIVATE KEY', and the status never carries one.
    const stored = readFileSync(path.join(dir, 'keys.json'), 'utf8');
    expect(stored).not.toMatch(/PRIVATE KEY/);
    expect(Object.values(JSON.parse(stored).keys as Record<string, { protection: string; envelope: unknown }>)[0]).toMatchObject({ protection: 'passphrase', envelope: { kdf: { name: 'PBKDF2' } } });
    expect(Object.keys(s).sort()).toEqual(['backend', 'exists', 'fingerprint', 'fingerprintLine', 'needsPassphrase', 'principal', 'publicKey']);
    await expect(call('keys:create', {})).rejects.toThrow(/Invalid arguments for keys:create/);
  });

  it('a protecting backend needs no passphrase; rotate gives a new fingerprint that signs', async () => {
    const { call } = hostOver('gnome_libsecret');
    const s1 = await call('keys:create', { principal: 'ana@example.org' });
    expect(s1.needsPassphrase).toBe(false);
    const s2 = await call('keys:rotate', {});
    expect(s2.fingerprint).not.toBe(s1.fingerprint);
    expect(s2.principal).toBe('ana@example.org');
    const msg = signedData(EVIDENCE_NAMESPACE, sha512(new Uint8Array([1, 2, 3])));
    expect(verifyEd25519(await call('keys:sign', { message: msg }), msg, parsePublicKeyLine(s2.publicKey).publicKey)).toBe(true);
  });

  it("the report key: a certificate naming the analyst's key, a signature over a report's CMS attributes only, a new one after rotation", async () => {
    const { call } = hostOver('basic_text');
    const s = await call('keys:create', { principal: 'ana@example.org', passphrase: 'long passphrase 1' });
    await expect(call('keys:reportCertificate', {})).rejects.toThrow(/passphrase/);
    const certificate: Uint8Array = await call('keys:reportCertificate', { passphrase: 'long passphrase 1' });
    const parts = certificateParts(certificate);
    expect(parts.subject).toEqual(['Disclosure Workbench evidence signing', `SSH key ${s.fingerprint}`, 'ana@example.org']);
    const attributes = cmsSignedAttributes(new Uint8Array(32).fill(3), new Date('2026-12-03T12:00:00Z'));
    const signature: Uint8Array = await call('keys:signReport', { signedAttributes: attributes, passphrase: 'long passphrase 1' });
    expect(p256.verify(signature, attributes, parts.publicKey, { format: 'der', lowS: false })).toBe(true);
    // Not a general-purpose signer: an SSHSIG blob, or a bare digest, is refused.
    const msg = signedData(EVIDENCE_NAMESPACE, sha512(new TextEncoder().encode('tag manifest bytes')));
    await expect(call('keys:signReport', { signedAttributes: msg, passphrase: 'long passphrase 1' })).rejects.toThrow(/refused to sign: the report key signs only the CMS signed attributes/);
    // Same key, same certificate; a rotated key has its own.
    expect(await call('keys:reportCertificate', { passphrase: 'long passphrase 1' })).toEqual(certificate);
    const rotated = await call('keys:rotate', { currentPassphrase: 'long passphrase 1' });
    const next = certificateParts(await call('keys:reportCertificate', { passphrase: 'long passphrase 1' }));
    expect(next.subject[1]).toBe(`SSH key ${rotated.fingerprint}`);
    expect(next.publicKey).not.toEqual(parts.publicKey);
  });

  it('two key changes at once run one after the other: the second create is refused, two rotations chain, no key is lost', async () => {
    const { call, dir } = hostOver('gnome_libsecret');
    const [a, b] = await Promise.allSettled([call('keys:create', { principal: 'a@example.org' }), call('keys:create', { principal: 'b@example.org' })]);
    expect(a.status).toBe('fulfilled');
    expect(b).toMatchObject({ status: 'rejected', reason: { message: expect.stringContaining('an analyst key exists already') } });
    const first = (a as PromiseFulfilledResult<{ fingerprint: string }>).value.fingerprint;
    const [r1, r2] = await Promise.all([call('keys:rotate', {}), call('keys:rotate', {})]);
    const stored = JSON.parse(readFileSync(path.join(dir, 'keys.json'), 'utf8')) as { active: string; keys: Record<string, { replacedBy?: string }> };
    expect(Object.keys(stored.keys).sort()).toEqual([first, r1.fingerprint, r2.fingerprint].sort());
    expect(stored.keys[first]!.replacedBy).toBe(r1.fingerprint);
    expect(stored.keys[r1.fingerprint]!.replacedBy).toBe(r2.fingerprint);
    expect(stored.active).toBe(r2.fingerprint);
    // The public export names the chain, most recent first: each earlier key with its statement for the next.
    const pub = await call('keys:exportPublic');
    expect(pub.previousKeys.map((k: { publicKey: string }) => fingerprintSha256(parsePublicKeyLine(k.publicKey).publicKey))).toEqual([r1.fingerprint, first]);
    const vouched = sshsigVerify(pub.previousKeys[0].rotationStatement, new TextEncoder().encode(`${pub.allowedSigners}\n`));
    expect(vouched.ok && fingerprintSha256(vouched.publicKey)).toBe(r1.fingerprint);
  });

  it('imports a key made by ssh-keygen: same fingerprint line as ssh-keygen -lf, principal from its comment', async () => {
    const d = temp();
    const keyFile = sshKeygen(d, 'id_ed25519', 'imported@example.org');
    const { call } = hostOver('basic_text');
    const s = await call('keys:import', { privateKey: readFileSync(keyFile, 'utf8'), passphrase: 'long passphrase 2' });
    expect(s.principal).toBe('imported@example.org');
    expect(s.fingerprintLine).toBe(run('ssh-keygen', ['-lf', `${keyFile}.pub`]).stdout.trim());
  });
});
