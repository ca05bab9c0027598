/**
 * Passphrase protection of a private key at rest (browser host, and Linux when Electron's
 * safeStorage backend is `basic_text`, i.e. a fixed key). WebCrypto PBKDF2-SHA256 + AES-256-GCM.
 * The KDF parameters are bound as AES-GCM additional data so they cannot be silently downgraded.
 */
import { fromBase64, toBase64, utf8 } from './bytes';

export const MIN_PBKDF2_ITERATIONS = 600_000; // OWASP 2023 figure for PBKDF2-HMAC-SHA256

export interface KeyEnvelope {
  format: 'disclosure-workbench-key-envelope';
  version: 1;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  cipher: { name: 'AES-GCM'; iv: string };
  /** base64 of AES-GCM ciphertext + 16-byte tag. */
  ciphertext: string;
}

export class WrongPassphraseError extends Error {
  constructor() {
    super('wrong passphrase, or the key envelope was altered (AES-GCM authentication failed)');
    this.name = 'WrongPassphraseError';
  }
}

/** WebCrypto typings want ArrayBuffer-backed views; copy into one. */
const buf = (b: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(b);

const additionalData = (e: Pick<KeyEnvelope, 'version' | 'kdf'>): Uint8Array =>
  utf8(`${e.version}|${e.kdf.name}|${e.kdf.hash}|${e.kdf.iterations}|${e.kdf.salt}`);

async function deriveKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  if (!passphrase) throw new Error('a passphrase is required');
  const base = await crypto.subtle.importKey('raw', buf(utf8(passphrase.normalize('NFC'))), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: buf(salt), iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export async function sealWithPassphrase(
  secret: Uint8Array,
  passphrase: string,
  iterations = MIN_PBKDF2_ITERATIONS,
): Promise<KeyEnvelope> {
  if (iterations < MIN_PBKDF2_ITERATIONS) throw new Error(`PBKDF2 needs at least ${MIN_PBKDF2_ITERATIONS} iterations`);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const head = { version: 1 as const, kdf: { name: 'PBKDF2' as const, hash: 'SHA-256' as const, iterations, salt: toBase64(salt) } };
  const key = await deriveKey(passphrase, salt, iterations);
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: buf(additionalData(head)) }, key, buf(secret));
  return {
    format: 'disclosure-workbench-key-envelope',
    ...head,
    cipher: { name: 'AES-GCM', iv: toBase64(iv) },
    ciphertext: toBase64(new Uint8Array(ct)),
  };
}

export async function openWithPassphrase(envelope: KeyEnvelope, passphrase: string): Promise<Uint8Array> {
  if (envelope.format !== 'disclosure-workbench-key-envelope' || envelope.version !== 1) {
    throw new Error('not a version-1 disclosure-workbench key envelope');
  }
  if (envelope.kdf.name !== 'PBKDF2' || envelope.kdf.hash !== 'SHA-256' || envelope.cipher.name !== 'AES-GCM') {
    throw new Error('unsupported key envelope algorithms');
  }
  if (!(envelope.kdf.iterations >= MIN_PBKDF2_ITERATIONS)) throw new Error('key envelope has too few PBKDF2 iterations');
  const key = await deriveKey(passphrase, fromBase64(envelope.kdf.salt), envelope.kdf.iterations);
  try {
    const pt = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: buf(fromBase64(envelope.cipher.iv)), additionalData: buf(additionalData(envelope)) },
      key,
      buf(fromBase64(envelope.ciphertext)),
    );
    return new Uint8Array(pt);
  } catch {
    throw new WrongPassphraseError();
  }
}
