import { blake2b } from '@noble/hashes/blake2.js';
import { bytesEqual } from './bytes';
import { EVIDENCE_NAMESPACE, signedData } from './sshsig';

/**
 * What the analyst's key may sign when asked through the host API (the desktop app's key stays in
 * its main process, and a page must not turn it into a general-purpose signer: SSH logins, git
 * commits, any file): the three messages evidence signing needs, and nothing else.
 * - An SSHSIG signed-data blob in the evidence namespace (the tag manifest's and the report's
 *   signatures, a key rotation statement).
 * - minisign's prehashed digest of a BagIt tag manifest, given with the manifest it hashes.
 * - minisign's global signature: a 64-byte signature and the trusted comment the app writes.
 * Returns why a message is refused, or undefined.
 */
export function whySigningRefused(message: Uint8Array, preimage?: Uint8Array): string | undefined {
  if (message.length > 64 && bytesEqual(message, signedData(EVIDENCE_NAMESPACE, message.subarray(message.length - 64)))) return undefined;
  if (message.length === 64 && preimage) {
    if (!bytesEqual(blake2b(preimage, { dkLen: 64 }), message)) return 'the minisign digest is not the BLAKE2b-512 of the message given with it';
    return isTagManifest(preimage) ? undefined : 'minisign signs only a BagIt tag manifest';
  }
  if (message.length > 64 && TRUSTED_COMMENT.test(new TextDecoder().decode(message.subarray(64)))) return undefined;
  return `the analyst's key signs only evidence (SSHSIG in the ${EVIDENCE_NAMESPACE} namespace, minisign over a tag manifest)`;
}

/** The trusted comment of the bundle's minisign signature (bundleWriter: defaultTrustedComment and the bundle id). */
const TRUSTED_COMMENT = /^timestamp:\d+\tfile:[^\t\n]+\/tagmanifest-sha512\.txt\tprehashed\tbundle:[0-9a-f]{64}$/;

/** Lines of '<sha512 hex>  <path>': tagmanifest-sha512.txt. */
function isTagManifest(b: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return false;
  }
  const lines = text.split('\n');
  if (lines.pop() !== '') return false;
  return lines.length > 0 && lines.every((l) => /^[0-9a-f]{128} {2}[^\n]+$/.test(l));
}
