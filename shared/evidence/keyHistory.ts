/**
 * Key rotation in a bundle: the analyst's earlier keys, each with the statement by which it vouched
 * for the key that replaced it (an SSHSIG, evidence namespace, over that key's allowed_signers line),
 * so a recipient who trusts an earlier fingerprint can follow the chain to the bundle's signer.
 *
 * Layout: metadata/signer/previous/<n>/ holds the key n rotations back (id_ed25519.pub,
 * allowed_signers) and its rotation.sig over the allowed_signers of key n-1 (n = 1: the signer's own
 * metadata/signer/allowed_signers). They are tag files: the bundle's signature covers them.
 */
import { bytesEqual, utf8 } from './bytes';
import { allowedSignersLine, fingerprintSha256, parseAllowedSigners, parsePublicKeyLine } from './opensshKeys';
import { EVIDENCE_NAMESPACE, sshsigVerify } from './sshsig';

export interface PreviousKey {
  /** The earlier key's OpenSSH public key line (`ssh-ed25519 AAAA… principal`). */
  publicKey: string;
  /** Its SSHSIG over the allowed_signers line (with "\n") of the key that replaced it. */
  rotationStatement: string;
}

/** A stored key as both hosts keep it: what the chain is read from. */
export interface RotatedKey {
  fingerprint: string;
  publicKeyLine: string;
  /** The fingerprint of the key that replaced this one. */
  replacedBy: string | null;
  /** On a key that replaced another: that key's statement vouching for this one. */
  rotationStatement: string | null;
}

/** The keys before `currentFingerprint`, the most recent first, as far as statements link them. */
export function previousKeys(keys: readonly RotatedKey[], currentFingerprint: string): PreviousKey[] {
  const out: PreviousKey[] = [];
  const seen = new Set([currentFingerprint]);
  let fp = currentFingerprint;
  for (;;) {
    const statement = keys.find((k) => k.fingerprint === fp)?.rotationStatement;
    const before = keys.find((k) => k.replacedBy === fp);
    if (!statement || !before || seen.has(before.fingerprint)) return out;
    out.push({ publicKey: before.publicKeyLine, rotationStatement: statement });
    seen.add(before.fingerprint);
    fp = before.fingerprint;
  }
}

export const PREVIOUS_KEYS_DIR = 'metadata/signer/previous';

export const previousKeyPaths = (n: number) => ({
  publicKey: `${PREVIOUS_KEYS_DIR}/${n}/id_ed25519.pub`,
  allowedSigners: `${PREVIOUS_KEYS_DIR}/${n}/allowed_signers`,
  statement: `${PREVIOUS_KEYS_DIR}/${n}/rotation.sig`,
});

/** What key n's statement signs: the allowed_signers of the key after it. */
export const vouchedPath = (n: number): string => (n === 1 ? 'metadata/signer/allowed_signers' : previousKeyPaths(n - 1).allowedSigners);

/** The tag files of the earlier keys. `principal`: rotation keeps it, and allowed_signers names it. */
export function previousKeyFiles(keys: readonly PreviousKey[], principal: string, namespace = EVIDENCE_NAMESPACE): { path: string; text: string }[] {
  return keys.flatMap((k, i) => {
    const p = previousKeyPaths(i + 1);
    const { publicKey } = parsePublicKeyLine(k.publicKey);
    return [
      { path: p.publicKey, text: `${k.publicKey.trim()}\n` },
      { path: p.allowedSigners, text: `${allowedSignersLine(principal, publicKey, namespace)}\n` },
      { path: p.statement, text: k.rotationStatement },
    ];
  });
}

export interface KeyHistoryVerdict {
  /** Fingerprints of the earlier keys, n = 1 first, as far as every statement verified. */
  fingerprints: string[];
  /** The first problem, or '' when every statement verified. */
  problem: string;
  /** How many earlier keys the bundle holds. */
  count: number;
}

/** Checks every earlier key's statement against the file it vouches for. `text(path)`: a bag file as UTF-8, or null. */
export function verifyKeyHistory(text: (path: string) => string | null, namespace = EVIDENCE_NAMESPACE): KeyHistoryVerdict {
  const fingerprints: string[] = [];
  let n = 1;
  for (; text(previousKeyPaths(n).publicKey) !== null || text(previousKeyPaths(n).statement) !== null; n++) {
    const p = previousKeyPaths(n);
    const fail = (why: string): KeyHistoryVerdict => {
      let count = n;
      while (text(previousKeyPaths(count + 1).publicKey) !== null) count++;
      return { fingerprints, problem: `${PREVIOUS_KEYS_DIR}/${n}: ${why}`, count };
    };
    let key: Uint8Array;
    try {
      key = parsePublicKeyLine(text(p.publicKey) ?? '').publicKey;
      const allowed = parseAllowedSigners(text(p.allowedSigners) ?? '');
      if (allowed.length !== 1 || !bytesEqual(allowed[0]!.publicKey, key)) return fail('allowed_signers does not hold exactly the key of id_ed25519.pub');
    } catch (err) {
      return fail((err as Error).message);
    }
    const statement = text(p.statement);
    const vouched = text(vouchedPath(n));
    if (statement === null) return fail('rotation.sig is missing');
    if (vouched === null) return fail(`${vouchedPath(n)} is missing`);
    const v = sshsigVerify(statement, utf8(vouched), namespace);
    if (!v.ok) return fail(`rotation.sig does not verify over ${vouchedPath(n)}: ${v.reason}`);
    if (!bytesEqual(v.publicKey, key)) return fail(`rotation.sig was made by ${fingerprintSha256(v.publicKey)}, not by this key ${fingerprintSha256(key)}`);
    fingerprints.push(fingerprintSha256(key));
  }
  return { fingerprints, problem: '', count: n - 1 };
}
