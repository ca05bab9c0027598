import { containerOf } from '../../../../shared/archive/openArchive';
import type { ArchiveHashes } from '../../../../shared/archive/parseArchive';

/** Plain CSV files up to this size are hashed with WebCrypto in one piece (transient memory = file size). */
export const NATIVE_HASH_MAX_BYTES = 256 * 1024 * 1024;

/**
 * Pass 1 for a plain (not gzip/zip) file of moderate size: WebCrypto's native SHA-256 over the whole
 * file, several times faster than even the streaming hash-wasm hash. Returns
 * undefined when the file is a container or too large: the caller streams it through hashArchive.
 */
export async function hashPlainFileNatively(blob: Blob): Promise<ArchiveHashes | undefined> {
  if (blob.size > NATIVE_HASH_MAX_BYTES) return undefined;
  if (containerOf(new Uint8Array(await blob.slice(0, 4).arrayBuffer())) !== 'plain') return undefined;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
  const sha256 = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
  return { container: 'plain', sha256, size: blob.size, entries: [{ entryName: undefined, sha256, size: blob.size }] };
}
