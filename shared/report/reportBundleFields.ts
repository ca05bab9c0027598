/** The report fields that come from a prepared (signed) bundle: ids, signer, VERIFY.txt, hashes. */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '../evidence/bytes';
import type { ReportModel } from './reportModel';

interface PreparedBundleView {
  bagName: string;
  bundleId: string;
  fingerprint: string;
  principal: string;
  namespace: string;
  payload: ReadonlyArray<{ path: string; sha256: string; sha512: string }>;
  tagFiles: ReadonlyArray<{ path: string; bytes: Uint8Array }>;
}

export function reportBundleFields(b: PreparedBundleView): Pick<ReportModel, 'bagName' | 'bundleId' | 'signer' | 'verifyText' | 'hashes'> {
  const verify = b.tagFiles.find((t) => t.path === 'VERIFY.txt');
  return {
    bagName: b.bagName,
    bundleId: b.bundleId,
    signer: { principal: b.principal, fingerprint: b.fingerprint, namespace: b.namespace },
    verifyText: verify ? new TextDecoder().decode(verify.bytes) : '',
    hashes: [
      ...b.payload.map((p) => ({ path: p.path, sha256: p.sha256, sha512: p.sha512 })),
      ...b.tagFiles.map((t) => ({ path: t.path, sha256: bytesToHex(sha256(t.bytes)) })),
    ].sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0)),
  };
}
