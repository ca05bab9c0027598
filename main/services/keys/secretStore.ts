/**
 * Port modelling Electron's safeStorage (main process). The Electron adapter wraps
 * `safeStorage.encryptStringAsync/decryptStringAsync` where present (the sync API is going away)
 * and `getSelectedStorageBackend()`; tests use a fake.
 */
export interface SecretStore {
  isEncryptionAvailable(): boolean;
  /** e.g. 'gnome_libsecret', 'kwallet6', 'basic_text' (Linux), 'keychain' / 'dpapi' elsewhere. */
  backend(): string;
  encrypt(s: string): Promise<Uint8Array>;
  decrypt(b: Uint8Array): Promise<string>;
}

/** On Linux without a keyring Electron falls back to a fixed key: that is no protection at all. */
export function secretStoreProtects(store: SecretStore): boolean {
  return store.isEncryptionAvailable() && store.backend() !== 'basic_text';
}
