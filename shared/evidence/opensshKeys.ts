/**
 * OpenSSH Ed25519 key formats: the public key line, its fingerprint exactly as `ssh-keygen -lf`
 * prints it, `allowed_signers` lines, and reading the unencrypted `openssh-key-v1` private key
 * format (OpenSSH PROTOCOL.key) so analysts can bring an existing key.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { randomBytes } from '@noble/hashes/utils.js';
import { bytesEqual, concatBytes, fromBase64, toBase64, utf8 } from './bytes';
import { SshReader, sshString } from './sshWire';

export const ED25519_KEY_TYPE = 'ssh-ed25519';

/** The SSH wire blob of an Ed25519 public key: string "ssh-ed25519" + string key. */
export function ed25519PublicKeyBlob(publicKey: Uint8Array): Uint8Array {
  if (publicKey.length !== 32) throw new Error('an Ed25519 public key is 32 bytes');
  return concatBytes(sshString(ED25519_KEY_TYPE), sshString(publicKey));
}

export function parseEd25519PublicKeyBlob(blob: Uint8Array): Uint8Array {
  const r = new SshReader(blob, 'public key blob');
  const type = r.text();
  if (type !== ED25519_KEY_TYPE) throw new Error(`unsupported key type '${type}': only ssh-ed25519 is supported`);
  const key = r.string();
  if (key.length !== 32 || r.remaining !== 0) throw new Error('malformed ssh-ed25519 public key blob');
  return key.slice();
}

/** `ssh-ed25519 AAAA... comment` (comment omitted when empty). */
export function formatPublicKeyLine(publicKey: Uint8Array, comment = ''): string {
  const line = `${ED25519_KEY_TYPE} ${toBase64(ed25519PublicKeyBlob(publicKey))}`;
  return comment ? `${line} ${comment}` : line;
}

export interface ParsedPublicKey {
  publicKey: Uint8Array;
  comment: string;
}

/** Parses a public key line (the contents of an `.pub` file). */
export function parsePublicKeyLine(text: string): ParsedPublicKey {
  const line = text.trim().split(/\r?\n/)[0] ?? '';
  const m = /^(\S+)\s+([A-Za-z0-9+/=]+)(?:\s+(.*))?$/.exec(line);
  if (!m) throw new Error('not an OpenSSH public key line');
  if (m[1] !== ED25519_KEY_TYPE) throw new Error(`unsupported key type '${m[1]}': only ssh-ed25519 is supported`);
  const publicKey = parseEd25519PublicKeyBlob(fromBase64(m[2]!));
  return { publicKey, comment: (m[3] ?? '').trim() };
}

/** A fingerprint as `fingerprintSha256` writes it and ssh-keygen -lf prints it. */
export const SHA256_FINGERPRINT = /^SHA256:[A-Za-z0-9+/]{43}$/;

/** A fingerprint as typed or pasted, its 'SHA256:' prefix in any case, in ssh-keygen's form; '' when it is not one. */
export function readSha256Fingerprint(token: string): string {
  const fp = /^sha256:/i.test(token) ? 'SHA256:' + token.slice(7) : '';
  return SHA256_FINGERPRINT.test(fp) ? fp : '';
}

/** `SHA256:<unpadded base64 of sha256(blob)>`, the form ssh-keygen shows by default. */
export function fingerprintSha256(publicKey: Uint8Array): string {
  return `SHA256:${toBase64(sha256(ed25519PublicKeyBlob(publicKey))).replace(/=+$/, '')}`;
}

/** Exactly what `ssh-keygen -lf key.pub` prints (without the trailing newline). */
export function fingerprintLine(publicKey: Uint8Array, comment = ''): string {
  return `256 ${fingerprintSha256(publicKey)} ${comment || 'no comment'} (ED25519)`;
}

/** Principals are written bare in allowed_signers: keep them to a safe, unambiguous alphabet. */
export function assertValidPrincipal(principal: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9._@+-]{0,127}$/.test(principal)) {
    throw new Error(`invalid principal '${principal}': use letters, digits and . _ @ + - (e.g. an e-mail address)`);
  }
}

/** `<principal> namespaces="<ns>" ssh-ed25519 AAAA...` (ssh-keygen ALLOWED SIGNERS format). */
export function allowedSignersLine(principal: string, publicKey: Uint8Array, namespace: string): string {
  assertValidPrincipal(principal);
  if (!/^[A-Za-z0-9._@+-]+$/.test(namespace)) throw new Error(`invalid namespace '${namespace}'`);
  return `${principal} namespaces="${namespace}" ${formatPublicKeyLine(publicKey)}`;
}

export interface AllowedSigner {
  principals: string[];
  namespaces: string[] | null;
  publicKey: Uint8Array;
}

/** Parses the subset of allowed_signers we write (principals, optional namespaces=, ssh-ed25519 key). */
export function parseAllowedSigners(text: string): AllowedSigner[] {
  const out: AllowedSigner[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(\S+)\s+(?:namespaces="([^"]*)"\s+)?(ssh-ed25519\s+\S+.*)$/.exec(line);
    if (!m) throw new Error(`unsupported allowed_signers line: ${line}`);
    out.push({
      principals: m[1]!.split(','),
      namespaces: m[2] === undefined ? null : m[2].split(','),
      publicKey: parsePublicKeyLine(m[3]!).publicKey,
    });
  }
  return out;
}

// ---- private keys (PROTOCOL.key) ----

const AUTH_MAGIC = utf8('openssh-key-v1\0');
const PRIVATE_BEGIN = '-----BEGIN OPENSSH PRIVATE KEY-----';
const PRIVATE_END = '-----END OPENSSH PRIVATE KEY-----';

export interface Ed25519KeyPair {
  /** The 32-byte RFC 8032 seed (OpenSSH stores seed || public key as its 64-byte "private key"). */
  seed: Uint8Array;
  publicKey: Uint8Array;
  comment: string;
}

export function generateEd25519KeyPair(comment = ''): Ed25519KeyPair {
  const seed = randomBytes(32);
  return { seed, publicKey: ed25519.getPublicKey(seed), comment };
}

/** Reads an unencrypted OpenSSH Ed25519 private key; refuses encrypted keys with a clear message. */
export function parseOpenSshPrivateKey(text: string): Ed25519KeyPair {
  const start = text.indexOf(PRIVATE_BEGIN);
  const end = text.indexOf(PRIVATE_END);
  if (start < 0 || end < start) {
    if (text.includes('BEGIN ENCRYPTED PRIVATE KEY') || text.includes('BEGIN PRIVATE KEY')) {
      throw new Error('PKCS#8 keys are not supported: convert with `ssh-keygen -p -f KEY` to the OpenSSH format');
    }
    throw new Error('not an OpenSSH private key (expected -----BEGIN OPENSSH PRIVATE KEY-----)');
  }
  const body = fromBase64(text.slice(start + PRIVATE_BEGIN.length, end));
  if (!bytesEqual(body.subarray(0, AUTH_MAGIC.length), AUTH_MAGIC)) throw new Error('bad OpenSSH private key magic');
  const r = new SshReader(body.subarray(AUTH_MAGIC.length), 'OpenSSH private key');
  const cipher = r.text();
  const kdf = r.text();
  r.string(); // kdf options
  if (cipher !== 'none' || kdf !== 'none') {
    throw new Error(
      `this OpenSSH key is passphrase-protected (cipher ${cipher}, kdf ${kdf}); remove the passphrase on a copy with ` +
        '`ssh-keygen -p -N "" -f COPY` and import the copy (the app re-protects it at rest)',
    );
  }
  if (r.uint32() !== 1) throw new Error('OpenSSH key files with several keys are not supported');
  const publicKey = parseEd25519PublicKeyBlob(r.string());
  const p = new SshReader(r.string(), 'OpenSSH private section');
  if (p.uint32() !== p.uint32()) throw new Error('OpenSSH private key check integers differ (corrupt key)');
  const type = p.text();
  if (type !== ED25519_KEY_TYPE) throw new Error(`unsupported private key type '${type}': only ssh-ed25519 is supported`);
  const pub2 = p.string();
  const sk = p.string();
  const comment = p.text();
  if (sk.length !== 64 || !bytesEqual(pub2, publicKey) || !bytesEqual(sk.subarray(32), publicKey)) {
    throw new Error('OpenSSH private key is inconsistent with its public key');
  }
  const seed = sk.slice(0, 32);
  if (!bytesEqual(ed25519.getPublicKey(seed), publicKey)) throw new Error('OpenSSH private key does not match its public key');
  return { seed, publicKey, comment };
}
