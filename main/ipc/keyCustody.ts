/**
 * The 'keys:*' channels over the main-process key service (main/services/keys): maps the host
 * API's shapes onto KeyService, and adapts Electron's safeStorage to its SecretStore port. The
 * private key stays inside the key service; only public data and raw signatures come out.
 */
import type { SafeStorage } from 'electron';
import type { KeyStatus, PublicKeyExport } from '../../shared/api/hostApi';
import { previousKeys } from '../../shared/evidence/keyHistory';
import { parseOpenSshPrivateKey } from '../../shared/evidence/opensshKeys';
import { whySigningRefused } from '../../shared/evidence/signingPolicy';
import type { KeyService, PublicKeyInfo } from '../services/keys/keyService';
import type { SecretStore } from '../services/keys/secretStore';
import type { KeyCustody } from './hostHandlers';

export function keyCustodyOver(service: KeyService, secrets: Pick<SecretStore, 'backend'>): KeyCustody {
  const status = (k: PublicKeyInfo | null): KeyStatus => ({
    exists: k !== null,
    fingerprint: k?.fingerprint ?? null,
    fingerprintLine: k?.fingerprintLine ?? null,
    publicKey: k?.publicKeyLine ?? null,
    principal: k?.principal ?? null,
    needsPassphrase: k ? k.protection !== 'safeStorage' : service.passphraseRequired(),
    backend: secrets.backend(),
  });
  const active = async (): Promise<PublicKeyInfo> => {
    const k = await service.active();
    if (!k) throw new Error('no signing key yet: create or import one');
    return k;
  };
  // A new or imported key would retire the active one without its passphrase: only rotation replaces a key.
  const noActiveKey = async () => {
    if (await service.active()) throw new Error('an analyst key exists already: rotate it to replace it');
  };
  // keys.json is read, changed and written: two changes at once would each write over the other
  // (two creates would both succeed and one key be lost), so they run one after the other.
  let lastChange: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(change: () => Promise<T>): Promise<T> => {
    const run = lastChange.then(change, change);
    lastChange = run.catch(() => {});
    return run;
  };
  return {
    status: async () => status(await service.active()),
    create: (req) =>
      oneAtATime(async () => {
        await noActiveKey();
        return status(await service.createKey(req));
      }),
    importKey: (req) =>
      oneAtATime(async () => {
        await noActiveKey();
        let principal = req.principal;
        if (!principal) {
          const pair = parseOpenSshPrivateKey(req.privateKey);
          pair.seed.fill(0);
          principal = pair.comment;
        }
        return status(await service.importOpenSshKey(req.privateKey, { principal, ...(req.passphrase ? { passphrase: req.passphrase } : {}) }));
      }),
    sign(req) {
      const why = whySigningRefused(req.message, req.preimage);
      if (why) throw new Error(`refused to sign: ${why}`);
      return service.sign(req.message, req.passphrase ? { passphrase: req.passphrase } : {});
    },
    reportCertificate: (req) => service.reportCertificate(req.passphrase ? { passphrase: req.passphrase } : {}),
    signReport: (req) => service.signReport(req.signedAttributes, req.passphrase ? { passphrase: req.passphrase } : {}),
    rotate: (req) =>
      oneAtATime(async () => {
        const { current } = await service.rotate({
          ...(req.currentPassphrase ? { passphrase: req.currentPassphrase } : {}),
          ...(req.passphrase ? { newPassphrase: req.passphrase } : {}),
        });
        return status(current);
      }),
    async exportPublic(): Promise<PublicKeyExport> {
      const k = await active();
      return {
        fingerprint: k.fingerprint, fingerprintLine: k.fingerprintLine, publicKey: k.publicKeyLine, allowedSigners: k.allowedSigners, minisignPublicKey: k.minisignPublicKey,
        previousKeys: previousKeys(await service.list(), k.fingerprint),
      };
    },
  };
}

/** Electron's safeStorage as a SecretStore: the async API where present (the sync one is going away). */
export function electronSecretStore(safeStorage: SafeStorage): SecretStore {
  return {
    isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
    backend: () => (process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : process.platform === 'darwin' ? 'keychain' : 'dpapi'),
    encrypt: async (t) => new Uint8Array(await safeStorage.encryptStringAsync(t)),
    decrypt: async (b) => (await safeStorage.decryptStringAsync(Buffer.from(b))).result,
  };
}
