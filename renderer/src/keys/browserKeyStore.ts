import { ed25519 } from '@noble/curves/ed25519.js';
import type { KeyStatus, PublicKeyExport } from '../../../shared/api/hostApi';
import { openWithPassphrase, sealWithPassphrase } from '../../../shared/evidence/keyEnvelope';
import { formatMinisignPublicKey } from '../../../shared/evidence/minisign';
import { whySigningRefused } from '../../../shared/evidence/signingPolicy';
import {
  allowedSignersLine,
  assertValidPrincipal,
  fingerprintLine,
  fingerprintSha256,
  formatPublicKeyLine,
  generateEd25519KeyPair,
  parseOpenSshPrivateKey,
  type Ed25519KeyPair,
} from '../../../shared/evidence/opensshKeys';
import { previousKeys } from '../../../shared/evidence/keyHistory';
import { reportCertificate, signReportAttributes } from '../../../shared/evidence/pdfSigningKey';
import { seedSigner } from '../../../shared/evidence/signer';
import { EVIDENCE_NAMESPACE, sshsigSign } from '../../../shared/evidence/sshsig';
import { utf8 } from '../../../shared/evidence/bytes';
import type { WorkbenchDb } from '../store/schema';
import type { StoredKeyRecord } from './keyTypes';

const CURRENT = 'current';

/** Key changes (create, import, rotate) one at a time, in this window and the app's others. */
const keyChange = <T>(change: () => Promise<T>): Promise<T> => navigator.locks.request('dw-keys', change);

function needPassphrase(passphrase: string | undefined): string {
  if (!passphrase) throw new Error('this host keeps the key sealed with a passphrase: enter it');
  return passphrase;
}

function statusOf(rec: StoredKeyRecord | undefined): KeyStatus {
  if (!rec) return { exists: false, fingerprint: null, fingerprintLine: null, publicKey: null, principal: null, needsPassphrase: true, backend: 'passphrase' };
  return {
    exists: true,
    fingerprint: rec.fingerprint,
    fingerprintLine: fingerprintLine(rec.publicKey, rec.principal),
    publicKey: formatPublicKeyLine(rec.publicKey, rec.principal),
    principal: rec.principal,
    needsPassphrase: true,
    backend: 'passphrase',
  };
}

/**
 * The browser host's key custody (the 'keys:*' channels). The private seed is sealed with the
 * analyst's passphrase in IndexedDB; it is opened only inside sign(), used once and wiped. Nothing
 * outside this module ever receives it.
 */
export function createBrowserKeyStore(getDb: () => WorkbenchDb) {
  async function seal(pair: Ed25519KeyPair, principal: string, passphrase: string): Promise<StoredKeyRecord> {
    const envelope = await sealWithPassphrase(pair.seed, passphrase);
    pair.seed.fill(0);
    return { id: CURRENT, principal, publicKey: pair.publicKey, fingerprint: fingerprintSha256(pair.publicKey), envelope, createdAt: new Date().toISOString() };
  }
  async function current(): Promise<StoredKeyRecord | undefined> {
    return getDb().keys.get(CURRENT);
  }
  /**
   * Installs `rec` as the current key, replacing the key of fingerprint `replaces` (null: none). Key
   * changes run one at a time across the app's windows (keyChange), and the current key is checked
   * again in the transaction: two rotations of one key would fork the key history.
   */
  async function install(rec: StoredKeyRecord, replaces: string | null): Promise<KeyStatus> {
    const db = getDb();
    await db.transaction('rw', db.keys, async () => {
      const old = await db.keys.get(CURRENT);
      if ((old?.fingerprint ?? null) !== replaces) throw new Error('the analyst key was changed in another window meanwhile: nothing was changed here');
      if (old) await db.keys.put({ ...old, id: `retired-${old.fingerprint}`, retiredAt: rec.createdAt, ...(rec.rotationStatement ? { replacedBy: rec.fingerprint } : {}) });
      await db.keys.put(rec);
    });
    return statusOf(rec);
  }
  async function openSeed(rec: StoredKeyRecord, passphrase: string | undefined): Promise<Uint8Array> {
    const seed = await openWithPassphrase(rec.envelope, needPassphrase(passphrase));
    if (fingerprintSha256(ed25519.getPublicKey(seed)) !== rec.fingerprint) {
      seed.fill(0);
      throw new Error('the sealed key does not match its recorded public key');
    }
    return seed;
  }

  return {
    status: async (): Promise<KeyStatus> => statusOf(await current()),
    create: (req: { principal: string; passphrase?: string }): Promise<KeyStatus> =>
      keyChange(async () => {
        assertValidPrincipal(req.principal);
        if (await current()) throw new Error('an analyst key exists already: rotate it to replace it');
        return install(await seal(generateEd25519KeyPair(req.principal), req.principal, needPassphrase(req.passphrase)), null);
      }),
    importKey: (req: { privateKey: string; principal?: string; passphrase?: string }): Promise<KeyStatus> =>
      keyChange(async () => {
        // As in the desktop app: an imported key would retire the current one without its passphrase.
        if (await current()) throw new Error('an analyst key exists already: rotate it to replace it');
        const pair = parseOpenSshPrivateKey(req.privateKey);
        const principal = req.principal ?? pair.comment;
        assertValidPrincipal(principal);
        return install(await seal(pair, principal, needPassphrase(req.passphrase)), null);
      }),
    async sign(req: { message: Uint8Array; preimage?: Uint8Array; passphrase?: string }): Promise<Uint8Array<ArrayBuffer>> {
      // The same policy as the desktop app's key custody, so the browser tests catch a message it would refuse.
      const why = whySigningRefused(req.message, req.preimage);
      if (why) throw new Error(`refused to sign: ${why}`);
      const rec = await current();
      if (!rec) throw new Error('no analyst key yet: create or import one');
      const seed = await openSeed(rec, req.passphrase);
      try {
        return new Uint8Array(ed25519.sign(req.message, seed));
      } finally {
        seed.fill(0);
      }
    },
    /** The report-signing key (derived from the analyst's; shared/evidence/pdfSigningKey.ts): its certificate. */
    async reportCertificate(req: { passphrase?: string }): Promise<Uint8Array<ArrayBuffer>> {
      const rec = await current();
      if (!rec) throw new Error('no analyst key yet: create or import one');
      const seed = await openSeed(rec, req.passphrase);
      try {
        return new Uint8Array(reportCertificate(seed, { principal: rec.principal, sshFingerprint: rec.fingerprint, notBefore: new Date(rec.createdAt) }));
      } finally {
        seed.fill(0);
      }
    },
    /** Its signature over a report's CMS signed attributes, as the desktop app's custody gives it. */
    async signReport(req: { signedAttributes: Uint8Array; passphrase?: string }): Promise<Uint8Array<ArrayBuffer>> {
      const rec = await current();
      if (!rec) throw new Error('no analyst key yet: create or import one');
      const seed = await openSeed(rec, req.passphrase);
      try {
        return new Uint8Array(signReportAttributes(seed, req.signedAttributes));
      } finally {
        seed.fill(0);
      }
    },
    rotate: (req: { passphrase?: string; currentPassphrase?: string }): Promise<KeyStatus> => keyChange(async () => {
      const rec = await current();
      if (!rec) throw new Error('no analyst key to rotate');
      // Proving the current passphrase keeps someone at an unlocked screen from swapping keys.
      const oldSeed = await openSeed(rec, req.currentPassphrase);
      const pair = generateEd25519KeyPair(rec.principal);
      let rotationStatement: string;
      try {
        // The old key vouches for the new one: recipients who trust the old fingerprint can follow.
        rotationStatement = await sshsigSign(seedSigner(oldSeed), utf8(`${allowedSignersLine(rec.principal, pair.publicKey, EVIDENCE_NAMESPACE)}\n`), EVIDENCE_NAMESPACE);
      } finally {
        oldSeed.fill(0);
      }
      return install({ ...(await seal(pair, rec.principal, needPassphrase(req.passphrase ?? req.currentPassphrase))), rotationStatement }, rec.fingerprint);
    }),
    async exportPublic(): Promise<PublicKeyExport> {
      const rec = await current();
      if (!rec) throw new Error('no analyst key yet');
      return {
        fingerprint: rec.fingerprint,
        fingerprintLine: fingerprintLine(rec.publicKey, rec.principal),
        publicKey: formatPublicKeyLine(rec.publicKey, rec.principal),
        allowedSigners: allowedSignersLine(rec.principal, rec.publicKey, EVIDENCE_NAMESPACE),
        minisignPublicKey: formatMinisignPublicKey(rec.publicKey),
        previousKeys: previousKeys(
          (await getDb().keys.toArray()).map((k) => ({ fingerprint: k.fingerprint, publicKeyLine: formatPublicKeyLine(k.publicKey, k.principal), replacedBy: k.replacedBy ?? null, rotationStatement: k.rotationStatement ?? null })),
          rec.fingerprint,
        ),
      };
    },
  };
}
