import type { KeyEnvelope } from '../../../shared/evidence/keyEnvelope';

/**
 * The browser host's analyst key at rest: the Ed25519 seed sealed with the analyst's passphrase
 * (PBKDF2 + AES-GCM, shared/evidence/keyEnvelope.ts). The clear seed exists only inside
 * renderer/src/keys/browserKeyStore.ts for the duration of one signature.
 */
export interface StoredKeyRecord {
  /** 'current', or 'retired-<fingerprint>' for rotated-out keys (kept so old bundles stay explainable). */
  id: string;
  principal: string;
  /** Raw 32-byte Ed25519 public key. */
  publicKey: Uint8Array;
  fingerprint: string;
  envelope: KeyEnvelope;
  createdAt: string;
  retiredAt?: string;
  /** On a retired key: the fingerprint of the key that replaced it. */
  replacedBy?: string;
  /** On a key made by rotation: the replaced key's SSHSIG over this key's allowed_signers line (keyHistory.ts). */
  rotationStatement?: string;
}
