/**
 * Node-side key custody (Electron main process). One Ed25519 key per analyst; the private half is
 * encrypted at rest with safeStorage, with a passphrase envelope (PBKDF2 + AES-GCM) when the
 * safeStorage backend gives no protection ('basic_text') or when the analyst asks for one.
 * The private key never leaves this module: callers get public data, raw signatures, or a signer
 * port whose seed lives only in a closure.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fromBase64, toBase64 } from '../../../shared/evidence/bytes';
import { type KeyEnvelope, openWithPassphrase, sealWithPassphrase } from '../../../shared/evidence/keyEnvelope';
import { formatMinisignPublicKey } from '../../../shared/evidence/minisign';
import {
  allowedSignersLine,
  assertValidPrincipal,
  type Ed25519KeyPair,
  fingerprintLine,
  fingerprintSha256,
  formatPublicKeyLine,
  generateEd25519KeyPair,
  parseOpenSshPrivateKey,
  parsePublicKeyLine,
} from '../../../shared/evidence/opensshKeys';
import { reportCertificate, signReportAttributes } from '../../../shared/evidence/pdfSigningKey';
import { type Ed25519Signer, seedSigner } from '../../../shared/evidence/signer';
import { EVIDENCE_NAMESPACE, sshsigSign } from '../../../shared/evidence/sshsig';
import { type SecretStore, secretStoreProtects } from './secretStore';

export interface KeyServicePorts {
  /** Folder for keys.json (the app's userData/keys). */
  dir: string;
  secrets: SecretStore;
  clock: () => Date;
}

export type KeyProtection = 'safeStorage' | 'passphrase' | 'safeStorage+passphrase';

export interface PublicKeyInfo {
  /** The `SHA256:` fingerprint. */
  fingerprint: string;
  /** As `ssh-keygen -lf` prints it. */
  fingerprintLine: string;
  principal: string;
  publicKeyLine: string;
  allowedSigners: string;
  minisignPublicKey: string;
  createdAt: string;
  protection: KeyProtection;
  retiredAt: string | null;
  replacedBy: string | null;
  /** When this key replaced another: SSHSIG by the previous key over this key's allowed_signers line. */
  rotationStatement: string | null;
}

interface StoredKey {
  publicKeyLine: string;
  principal: string;
  createdAt: string;
  protection: KeyProtection;
  /** base64 of safeStorage ciphertext (of the seed, or of the envelope JSON). */
  sealed: string | null;
  envelope: KeyEnvelope | null;
  retiredAt: string | null;
  replacedBy: string | null;
  rotationStatement: string | null;
}

interface KeyFile {
  version: 1;
  active: string | null;
  keys: Record<string, StoredKey>;
}

export class PassphraseRequiredError extends Error {
  constructor(why: string) {
    super(`a passphrase is required: ${why}`);
    this.name = 'PassphraseRequiredError';
  }
}

export interface KeyService {
  /** True when safeStorage cannot protect keys (backend 'basic_text' or unavailable). */
  passphraseRequired(): boolean;
  list(): Promise<PublicKeyInfo[]>;
  active(): Promise<PublicKeyInfo | null>;
  createKey(opts: { principal: string; passphrase?: string }): Promise<PublicKeyInfo>;
  /** Imports an unencrypted OpenSSH Ed25519 private key (text of id_ed25519) as the active key. */
  importOpenSshKey(text: string, opts: { principal: string; passphrase?: string }): Promise<PublicKeyInfo>;
  sign(message: Uint8Array, opts?: { passphrase?: string }): Promise<Uint8Array>;
  /** Unlocks the active key once for several signatures (a bundle needs three). */
  signer(opts?: { passphrase?: string }): Promise<Ed25519Signer>;
  /** The active key's report-signing certificate (shared/evidence/pdfSigningKey.ts). */
  reportCertificate(opts?: { passphrase?: string }): Promise<Uint8Array>;
  /** The report key's signature over a report's CMS signed attributes (refused for anything else). */
  signReport(signedAttributes: Uint8Array, opts?: { passphrase?: string }): Promise<Uint8Array>;
  rotate(opts?: { passphrase?: string; newPassphrase?: string }): Promise<{ previous: PublicKeyInfo; current: PublicKeyInfo }>;
}

export function createKeyService(ports: KeyServicePorts): KeyService {
  const file = path.join(ports.dir, 'keys.json');
  const mustUsePassphrase = () => !secretStoreProtects(ports.secrets);

  // Temporary files of saves cut short by a crash hold sealed keys: they are removed once, before the
  // service's first read (every save follows a read, so none of this run's can be in flight).
  let swept: Promise<void> | undefined;
  const sweepTemporaryFiles = async () => {
    const names = await readdir(ports.dir).catch(() => [] as string[]);
    for (const name of names) if (name.startsWith('keys.json.') && name.endsWith('.tmp')) await rm(path.join(ports.dir, name), { force: true });
  };

  async function load(): Promise<KeyFile> {
    await (swept ??= sweepTemporaryFiles());
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, active: null, keys: {} };
      throw err;
    }
    let kf: KeyFile;
    try {
      kf = JSON.parse(text) as KeyFile;
    } catch (err) {
      // A damaged key file (a power cut on a file system that lost it) would stop every key action
      // with a parse error. It is set aside, never deleted: its sealed keys may still be recovered.
      const aside = `${file}.damaged-${ports.clock().toISOString().replace(/[:.]/g, '-')}`;
      await rename(file, aside);
      throw new Error(
        `the signing key file could not be read (${(err as Error).message}) and was moved to ${aside}. ` +
          'Create a new signing key; bundles signed with the old key still verify against its public key, which their recipients hold.',
      );
    }
    if (kf.version !== 1) throw new Error(`unsupported keys.json version ${String(kf.version)}`);
    return kf;
  }

  async function save(kf: KeyFile): Promise<void> {
    await mkdir(ports.dir, { recursive: true, mode: 0o700 });
    const tmp = `${file}.${randomUUID()}.tmp`;
    const handle = await open(tmp, 'w', 0o600);
    try {
      await handle.writeFile(`${JSON.stringify(kf, null, 2)}\n`);
      await handle.sync(); // on disk before the rename, so a power cut leaves the old file or the new one
    } finally {
      await handle.close();
    }
    await rename(tmp, file); // atomic replace: a crash never leaves a half-written key file
  }

  function info(k: StoredKey): PublicKeyInfo {
    const { publicKey } = parsePublicKeyLine(k.publicKeyLine);
    return {
      fingerprint: fingerprintSha256(publicKey),
      fingerprintLine: fingerprintLine(publicKey, k.principal),
      principal: k.principal,
      publicKeyLine: k.publicKeyLine,
      allowedSigners: allowedSignersLine(k.principal, publicKey, EVIDENCE_NAMESPACE),
      minisignPublicKey: formatMinisignPublicKey(publicKey),
      createdAt: k.createdAt,
      protection: k.protection,
      retiredAt: k.retiredAt,
      replacedBy: k.replacedBy,
      rotationStatement: k.rotationStatement,
    };
  }

  async function protect(pair: Ed25519KeyPair, principal: string, passphrase?: string): Promise<StoredKey> {
    assertValidPrincipal(principal);
    const base = {
      publicKeyLine: formatPublicKeyLine(pair.publicKey, principal),
      principal,
      createdAt: ports.clock().toISOString(),
      retiredAt: null,
      replacedBy: null,
      rotationStatement: null,
    };
    if (mustUsePassphrase()) {
      if (!passphrase) throw new PassphraseRequiredError(`safeStorage backend '${ports.secrets.backend()}' does not protect secrets on this machine`);
      return { ...base, protection: 'passphrase', sealed: null, envelope: await sealWithPassphrase(pair.seed, passphrase) };
    }
    if (passphrase) {
      const envelope = await sealWithPassphrase(pair.seed, passphrase);
      return { ...base, protection: 'safeStorage+passphrase', envelope: null, sealed: toBase64(await ports.secrets.encrypt(JSON.stringify(envelope))) };
    }
    return { ...base, protection: 'safeStorage', envelope: null, sealed: toBase64(await ports.secrets.encrypt(toBase64(pair.seed))) };
  }

  async function unlock(k: StoredKey, passphrase?: string): Promise<Uint8Array> {
    let seed: Uint8Array;
    if (k.protection === 'safeStorage') {
      seed = fromBase64(await ports.secrets.decrypt(fromBase64(k.sealed!)));
    } else {
      if (!passphrase) throw new PassphraseRequiredError(`key ${info(k).fingerprint} is passphrase-protected`);
      const envelope = k.envelope ?? (JSON.parse(await ports.secrets.decrypt(fromBase64(k.sealed!))) as KeyEnvelope);
      seed = await openWithPassphrase(envelope, passphrase);
    }
    const signer = seedSigner(seed);
    if (signer.publicKey.length !== 32 || formatPublicKeyLine(signer.publicKey, k.principal) !== k.publicKeyLine) {
      throw new Error('stored private key does not match its public key (keys.json damaged?)');
    }
    return seed;
  }

  async function activeStored(kf: KeyFile): Promise<StoredKey> {
    const k = kf.active ? kf.keys[kf.active] : undefined;
    if (!k) throw new Error('no signing key yet: create or import one');
    return k;
  }

  async function add(pair: Ed25519KeyPair, principal: string, passphrase?: string): Promise<PublicKeyInfo> {
    const kf = await load();
    const stored = await protect(pair, principal, passphrase);
    const fp = fingerprintSha256(pair.publicKey);
    if (kf.keys[fp]) throw new Error(`key ${fp} is already stored`);
    if (kf.active && kf.keys[kf.active]) kf.keys[kf.active]!.retiredAt ??= ports.clock().toISOString();
    kf.keys[fp] = stored;
    kf.active = fp;
    await save(kf);
    return info(stored);
  }

  return {
    passphraseRequired: mustUsePassphrase,
    async list() {
      return Object.values((await load()).keys).map(info);
    },
    async active() {
      const kf = await load();
      return kf.active && kf.keys[kf.active] ? info(kf.keys[kf.active]!) : null;
    },
    createKey: ({ principal, passphrase }) => add(generateEd25519KeyPair(principal), principal, passphrase),
    importOpenSshKey: (text, { principal, passphrase }) => add(parseOpenSshPrivateKey(text), principal, passphrase),
    async sign(message, opts = {}) {
      const seed = await unlock(await activeStored(await load()), opts.passphrase);
      try {
        return await seedSigner(seed).sign(message);
      } finally {
        seed.fill(0);
      }
    },
    async reportCertificate(opts = {}) {
      const k = await activeStored(await load());
      const seed = await unlock(k, opts.passphrase);
      try {
        return reportCertificate(seed, { principal: k.principal, sshFingerprint: info(k).fingerprint, notBefore: new Date(k.createdAt) });
      } finally {
        seed.fill(0);
      }
    },
    async signReport(signedAttributes, opts = {}) {
      const seed = await unlock(await activeStored(await load()), opts.passphrase);
      try {
        return signReportAttributes(seed, signedAttributes);
      } finally {
        seed.fill(0);
      }
    },
    async signer(opts = {}) {
      const seed = await unlock(await activeStored(await load()), opts.passphrase);
      const s = seedSigner(seed);
      seed.fill(0);
      return s;
    },
    async rotate(opts = {}) {
      const kf = await load();
      const old = await activeStored(kf);
      const oldSigner = seedSigner(await unlock(old, opts.passphrase));
      const pair = generateEd25519KeyPair(old.principal);
      const fresh = await protect(pair, old.principal, opts.newPassphrase ?? opts.passphrase);
      const newFp = fingerprintSha256(pair.publicKey);
      // The old key vouches for the new one: recipients who trust the old fingerprint can follow.
      fresh.rotationStatement = await sshsigSign(oldSigner, new TextEncoder().encode(`${info(fresh).allowedSigners}\n`), EVIDENCE_NAMESPACE);
      const now = ports.clock().toISOString();
      old.retiredAt = now;
      old.replacedBy = newFp;
      kf.keys[newFp] = fresh;
      kf.active = newFp;
      await save(kf);
      return { previous: info(old), current: info(fresh) };
    },
  };
}
