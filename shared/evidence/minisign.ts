/**
 * minisign signatures (https://jedisct1.github.io/minisign/), prehashed "ED" mode: Ed25519 over
 * BLAKE2b-512(file), plus a global signature over (signature || trusted comment).
 * `minisign -Vm FILE -x FILE.minisig -p minisign.pub` accepts what this writes.
 */
import { blake2b } from '@noble/hashes/blake2.js';
import { bytesEqual, bytesToHex, concatBytes, fromBase64, fromUtf8, toBase64, utf8 } from './bytes';
import type { Ed25519Signer } from './signer';
import { verifyEd25519 } from './signer';

const SIG_ALG_PREHASHED = utf8('ED');
const KEY_ALG = utf8('Ed');

/** minisign key ids are 8 random bytes; we derive them from the public key so they are stable. */
export function minisignKeyId(publicKey: Uint8Array): Uint8Array {
  return blake2b(publicKey, { dkLen: 8 });
}

/**
 * How minisign prints a key id: the 8 bytes read as a little-endian uint64, upper-case hex without
 * leading zeros (printf's "%" PRIX64), so our public key files are byte-identical to the tool's.
 */
export function formatKeyId(keyId: Uint8Array): string {
  return bytesToHex(keyId.slice().reverse()).toUpperCase().replace(/^0+(?=.)/, '');
}

export function formatMinisignPublicKey(publicKey: Uint8Array, keyId = minisignKeyId(publicKey)): string {
  return `untrusted comment: minisign public key ${formatKeyId(keyId)}\n${toBase64(concatBytes(KEY_ALG, keyId, publicKey))}\n`;
}

export interface MinisignPublicKey {
  keyId: Uint8Array;
  publicKey: Uint8Array;
}

export function parseMinisignPublicKey(text: string): MinisignPublicKey {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const b64 = lines.find((l) => !l.startsWith('untrusted comment:'));
  if (!b64) throw new Error('minisign public key: no key line');
  const raw = fromBase64(b64.trim());
  if (raw.length !== 42 || !bytesEqual(raw.subarray(0, 2), KEY_ALG)) throw new Error('minisign public key: not an Ed25519 key');
  return { keyId: raw.slice(2, 10), publicKey: raw.slice(10) };
}

/** Trusted comment as minisign writes it; `fileName` must be a single line. */
export function defaultTrustedComment(unixSeconds: number, fileName: string): string {
  return `timestamp:${Math.floor(unixSeconds)}\tfile:${fileName}\tprehashed`;
}

export async function minisignSign(
  signer: Ed25519Signer,
  message: Uint8Array,
  trustedComment: string,
  untrustedComment = 'signature from disclosure-workbench (same Ed25519 key as the SSH signature)',
): Promise<string> {
  if (/[\r\n]/.test(trustedComment) || /[\r\n]/.test(untrustedComment)) throw new Error('minisign comments must be one line');
  const keyId = minisignKeyId(signer.publicKey);
  const signature = await signer.sign(blake2b(message, { dkLen: 64 }), { preimage: message });
  const global = await signer.sign(concatBytes(signature, utf8(trustedComment)));
  return (
    `untrusted comment: ${untrustedComment}\n` +
    `${toBase64(concatBytes(SIG_ALG_PREHASHED, keyId, signature))}\n` +
    `trusted comment: ${trustedComment}\n` +
    `${toBase64(global)}\n`
  );
}

export type MinisignVerdict = { ok: true; trustedComment: string } | { ok: false; reason: string };

export function minisignVerify(sigText: string, message: Uint8Array, key: MinisignPublicKey): MinisignVerdict {
  const lines = sigText.split(/\r?\n/);
  if (lines.length < 4 || !lines[0]!.startsWith('untrusted comment:') || !lines[2]!.startsWith('trusted comment: ')) {
    return { ok: false, reason: 'malformed minisign signature file' };
  }
  let sig: Uint8Array;
  let global: Uint8Array;
  try {
    sig = fromBase64(lines[1]!);
    global = fromBase64(lines[3]!);
  } catch {
    return { ok: false, reason: 'minisign signature is not valid base64' };
  }
  if (sig.length !== 74 || global.length !== 64) return { ok: false, reason: 'malformed minisign signature' };
  const alg = fromUtf8(sig.subarray(0, 2));
  if (alg !== 'ED') return { ok: false, reason: `unsupported minisign algorithm '${alg}' (only prehashed ED)` };
  if (!bytesEqual(sig.subarray(2, 10), key.keyId)) {
    return { ok: false, reason: `signature key id ${formatKeyId(sig.subarray(2, 10))} is not the public key's ${formatKeyId(key.keyId)}` };
  }
  const signature = sig.subarray(10);
  if (!verifyEd25519(signature, blake2b(message, { dkLen: 64 }), key.publicKey)) {
    return { ok: false, reason: 'signature verification failed' };
  }
  const trustedComment = lines[2]!.slice('trusted comment: '.length);
  if (!verifyEd25519(global, concatBytes(signature, utf8(trustedComment)), key.publicKey)) {
    return { ok: false, reason: 'trusted comment signature verification failed' };
  }
  return { ok: true, trustedComment };
}
