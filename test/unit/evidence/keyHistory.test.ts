import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareBundle } from '../../../shared/evidence/bundleWriter';
import { verifyBundle } from '../../../shared/evidence/bundleVerifier';
import { previousKeys, type PreviousKey } from '../../../shared/evidence/keyHistory';
import { allowedSignersLine, fingerprintSha256, formatPublicKeyLine, generateEd25519KeyPair, type Ed25519KeyPair } from '../../../shared/evidence/opensshKeys';
import { seedSigner } from '../../../shared/evidence/signer';
import { EVIDENCE_NAMESPACE, sshsigSign } from '../../../shared/evidence/sshsig';
import { bundleInput, PRINCIPAL, runVerifySh, tamper, writeBundle } from './bundleFixture';
import { run, tempDir } from './tools';

const dir = tempDir('keyhistory-');

/** The statement a rotation makes: the old key signs the new key's allowed_signers line. */
const vouch = (from: Ed25519KeyPair, to: Ed25519KeyPair) =>
  sshsigSign(seedSigner(from.seed), new TextEncoder().encode(`${allowedSignersLine(PRINCIPAL, to.publicKey, EVIDENCE_NAMESPACE)}\n`));

describe('key rotation in a bundle: earlier keys vouch for the signer', async () => {
  // k0 was rotated to k1, k1 to k2; k2 signs the bundle.
  const [k0, k1, k2] = [generateEd25519KeyPair(), generateEd25519KeyPair(), generateEd25519KeyPair()] as const;
  const [fp0, fp1, fp2] = [k0, k1, k2].map((k) => fingerprintSha256(k.publicKey)) as [string, string, string];
  const line = (k: Ed25519KeyPair) => formatPublicKeyLine(k.publicKey, PRINCIPAL);
  const chain: PreviousKey[] = [
    { publicKey: line(k1), rotationStatement: await vouch(k1, k2) },
    { publicKey: line(k0), rotationStatement: await vouch(k0, k1) },
  ];
  const { bytes } = await writeBundle(dir, { ...bundleInput(k2), previousKeys: chain });

  it('previousKeys reads the chain from stored keys, most recent first, and stops where a link is missing', () => {
    const stored = [
      { fingerprint: fp0, publicKeyLine: line(k0), replacedBy: fp1, rotationStatement: null },
      { fingerprint: fp1, publicKeyLine: line(k1), replacedBy: fp2, rotationStatement: chain[1]!.rotationStatement },
      { fingerprint: fp2, publicKeyLine: line(k2), replacedBy: null, rotationStatement: chain[0]!.rotationStatement },
    ];
    expect(previousKeys(stored, fp2)).toEqual(chain);
    expect(previousKeys(stored, fp1)).toEqual([chain[1]]);
    expect(previousKeys(stored, fp0)).toEqual([]);
    expect(previousKeys([{ ...stored[0]!, replacedBy: null }, stored[1]!, stored[2]!], fp2)).toEqual([chain[0]]);
  });

  it("verify.sh follows the chain: the earliest key's fingerprint is trusted, another is refused", () => {
    const v = runVerifySh(dir, bytes, 'chain', fp0);
    expect(v.stderr).toBe('');
    expect(v.code).toBe(0);
    expect(v.stdout).toContain(`ok      key-history: earlier key ${fp1} vouched for the key after it (metadata/signer/allowed_signers)`);
    expect(v.stdout).toContain(`ok      key-history: earlier key ${fp0} vouched for the key after it (metadata/signer/previous/1/allowed_signers)`);
    expect(v.stdout).toContain(`ok      trust: the expected ${fp0} is an earlier key of the signer`);
    const other = runVerifySh(dir, bytes, 'other', fingerprintSha256(generateEd25519KeyPair().publicKey));
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('FAILED trust: signer fingerprint');
    // An empty expected fingerprint (an unset variable) is no fingerprint: it must not match the chain's padding.
    const empty = run('sh', ['verify.sh', ''], { cwd: v.bagDir });
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('FAILED trust: the expected fingerprint given is empty');
  });

  it("VERIFY.txt's commands for the chain succeed with ssh-keygen as written", () => {
    const bag = runVerifySh(dir, bytes, 'manual', fp2).bagDir;
    const txt = readFileSync(path.join(bag, 'VERIFY.txt'), 'utf8');
    expect(txt).toContain('This key replaced 2 earlier keys of the same analyst (key rotation).');
    const commands = [...txt.matchAll(/ssh-keygen -Y verify -f (metadata\/signer\/previous\/\d\/allowed_signers) -I (\S+) -n (\S+) \\\n\s+-s (\S+) < (\S+)/g)];
    expect(commands).toHaveLength(2);
    for (const [, allowed, principal, ns, sig, vouched] of commands) {
      const r = run('ssh-keygen', ['-Y', 'verify', '-f', allowed!, '-I', principal!, '-n', ns!, '-s', sig!], { cwd: bag, input: readFileSync(path.join(bag, vouched!)) });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^Good "evidence-bundle@org\.disclosure-workbench" signature for analyst@example\.org with ED25519 key SHA256:/);
    }
  });

  it("our verifier checks the chain and trusts the signer through an earlier key's fingerprint", async () => {
    const v = verifyBundle(bytes, { trustedFingerprints: [fp0], requireTrust: true });
    expect(v.checks.filter((c) => !c.ok)).toEqual([]);
    expect(v.checks.find((c) => c.name === 'key-history')!.detail).toBe(`2 earlier keys of the signer, each vouching for the key after it: ${fp0} → ${fp1} → ${fp2}`);
    expect(v.checks.find((c) => c.name === 'trust')!.detail).toBe(`${fp0} is in the trusted list: an earlier key of the signer, it vouched for ${fp2} (key-history)`);
    // A statement swapped for another fails by name (and the tag manifest with it).
    const swapped = await tamper(bytes, (f) => f.set('metadata/signer/previous/1/rotation.sig', f.get('metadata/signer/previous/2/rotation.sig')!));
    const bad = verifyBundle(swapped, { trustedFingerprints: [fp0] });
    expect(bad.checks.find((c) => c.name === 'key-history')).toMatchObject({ ok: false, detail: expect.stringMatching(/^metadata\/signer\/previous\/1: rotation\.sig does not verify over metadata\/signer\/allowed_signers/) });
    expect(bad.checks.find((c) => c.name === 'trust')).toMatchObject({ status: 'warn' });
  });

  it('the writer refuses a chain a recipient could not follow', async () => {
    await expect(prepareBundle({ ...bundleInput(k2), previousKeys: [{ publicKey: line(k0), rotationStatement: await vouch(k0, k1) }] })).rejects.toThrow(
      /^the signer's key history does not verify: metadata\/signer\/previous\/1: rotation\.sig does not verify over metadata\/signer\/allowed_signers/,
    );
  });
});
