/**
 * OpenSSH SSHSIG signatures (OpenSSH PROTOCOL.sshsig), Ed25519 + SHA-512. Ed25519 is deterministic,
 * so for the same key, namespace and message the armoured output is byte-identical to
 * `ssh-keygen -Y sign -n <namespace> -f key`.
 */
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { APP_ID } from '../appIdentity';
import { bytesEqual, concatBytes, fromBase64, toBase64, utf8, wrap } from './bytes';
import { ED25519_KEY_TYPE, ed25519PublicKeyBlob, parseEd25519PublicKeyBlob } from './opensshKeys';
import type { Ed25519Signer } from './signer';
import { verifyEd25519 } from './signer';
import { SshReader, sshString, sshUint32 } from './sshWire';

/** The namespace every evidence signature of this app uses (`evidence-bundle@<app id>`). */
export const EVIDENCE_NAMESPACE = `evidence-bundle@${APP_ID}`;

const MAGIC = utf8('SSHSIG');
const SIG_VERSION = 1;
const HASH_ALG = 'sha512';
const BEGIN = '-----BEGIN SSH SIGNATURE-----';
const END = '-----END SSH SIGNATURE-----';

/** The blob that is actually signed: MAGIC, namespace, reserved, hash algorithm, H(message). */
export function signedData(namespace: string, messageHash: Uint8Array): Uint8Array {
  return concatBytes(MAGIC, sshString(namespace), sshString(''), sshString(HASH_ALG), sshString(messageHash));
}

export async function sshsigSign(
  signer: Ed25519Signer,
  message: Uint8Array,
  namespace: string = EVIDENCE_NAMESPACE,
): Promise<string> {
  if (!namespace) throw new Error('SSHSIG needs a namespace');
  const raw = await signer.sign(signedData(namespace, sha512(message)));
  const blob = concatBytes(
    MAGIC,
    sshUint32(SIG_VERSION),
    sshString(ed25519PublicKeyBlob(signer.publicKey)),
    sshString(namespace),
    sshString(''),
    sshString(HASH_ALG),
    sshString(concatBytes(sshString(ED25519_KEY_TYPE), sshString(raw))),
  );
  return `${BEGIN}\n${wrap(toBase64(blob), 70)}\n${END}\n`;
}

export interface ParsedSshsig {
  publicKey: Uint8Array;
  namespace: string;
  hashAlgorithm: string;
  signature: Uint8Array;
}

export function parseSshsig(armored: string): ParsedSshsig {
  const s = armored.indexOf(BEGIN);
  const e = armored.indexOf(END);
  if (s < 0 || e < s) throw new Error('not an SSH signature (no -----BEGIN SSH SIGNATURE----- armour)');
  const blob = fromBase64(armored.slice(s + BEGIN.length, e));
  if (!bytesEqual(blob.subarray(0, 6), MAGIC)) throw new Error('not an SSHSIG blob (bad magic)');
  const r = new SshReader(blob.subarray(6), 'SSH signature');
  const version = r.uint32();
  if (version !== SIG_VERSION) throw new Error(`unsupported SSHSIG version ${version}`);
  const publicKey = parseEd25519PublicKeyBlob(r.string());
  const namespace = r.text();
  r.string(); // reserved
  const hashAlgorithm = r.text();
  const sr = new SshReader(r.string(), 'SSHSIG signature');
  const sigType = sr.text();
  if (sigType !== ED25519_KEY_TYPE) throw new Error(`unsupported signature type '${sigType}'`);
  const signature = sr.string();
  if (signature.length !== 64) throw new Error('malformed Ed25519 signature');
  return { publicKey, namespace, hashAlgorithm, signature };
}

export type SshsigVerdict =
  | { ok: true; publicKey: Uint8Array }
  | { ok: false; reason: string; publicKey?: Uint8Array };

/**
 * Verifies an armoured SSHSIG over `message` in `namespace`. Like `ssh-keygen -Y verify`, it only
 * proves the embedded key signed; the caller must check that key against allowed_signers/trust.
 */
export function sshsigVerify(armored: string, message: Uint8Array, namespace: string = EVIDENCE_NAMESPACE): SshsigVerdict {
  let sig: ParsedSshsig;
  try {
    sig = parseSshsig(armored);
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
  if (sig.namespace !== namespace) {
    return { ok: false, reason: `namespace is '${sig.namespace}', expected '${namespace}'`, publicKey: sig.publicKey };
  }
  if (sig.hashAlgorithm !== 'sha512' && sig.hashAlgorithm !== 'sha256') {
    return { ok: false, reason: `unsupported hash algorithm '${sig.hashAlgorithm}'`, publicKey: sig.publicKey };
  }
  // Only sha512 is emitted here; sha256 is accepted on input because PROTOCOL.sshsig allows it.
  const hash = sig.hashAlgorithm === 'sha512' ? sha512(message) : sha256(message);
  const data = concatBytes(MAGIC, sshString(namespace), sshString(''), sshString(sig.hashAlgorithm), sshString(hash));
  return verifyEd25519(sig.signature, data, sig.publicKey)
    ? { ok: true, publicKey: sig.publicKey }
    : { ok: false, reason: 'Ed25519 signature does not match the signed data', publicKey: sig.publicKey };
}
