/**
 * The signing port: raw Ed25519 over a message. The bundle writer only sees this, so the private
 * key can stay in the Electron main process (or any other custody) and never reach the renderer.
 */
import { ed25519 } from '@noble/curves/ed25519.js';

export interface Ed25519Signer {
  publicKey: Uint8Array;
  /** `preimage`: what a prehashed message is the hash of, for a custody that checks what it signs (signingPolicy.ts). */
  sign(message: Uint8Array, context?: { preimage?: Uint8Array }): Promise<Uint8Array>;
}

/** A signer over an in-memory seed (tests, CLI, the key service's internal use). */
export function seedSigner(seed: Uint8Array): Ed25519Signer {
  const secret = seed.slice();
  return {
    publicKey: ed25519.getPublicKey(secret),
    sign: async (message) => ed25519.sign(message, secret),
  };
}

export function verifyEd25519(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  try {
    return ed25519.verify(signature, message, publicKey);
  } catch {
    return false;
  }
}
