import type { HostApi } from '../../../shared/api/hostApi';
import { parsePublicKeyLine } from '../../../shared/evidence/opensshKeys';
import type { Ed25519Signer } from '../../../shared/evidence/signer';

/**
 * The signing port over the host's key custody: the bundle writer gets the public key and a
 * sign() that asks the host for a raw Ed25519 signature. The private key stays with the host.
 */
export async function hostSigner(host: HostApi, passphrase?: string): Promise<Ed25519Signer & { principal: string; fingerprint: string }> {
  const status = await host['keys:status']();
  if (!status.exists || !status.publicKey || !status.principal || !status.fingerprint) throw new Error('no analyst key yet: create or import one first');
  const { publicKey } = parsePublicKeyLine(status.publicKey);
  return {
    publicKey,
    principal: status.principal,
    fingerprint: status.fingerprint,
    sign: (message, context) =>
      host['keys:sign']({ message: new Uint8Array(message), ...(context?.preimage ? { preimage: new Uint8Array(context.preimage) } : {}), ...(passphrase ? { passphrase } : {}) }),
  };
}
