/**
 * Verifies an evidence report PDF received alone (without its bundle), as VERIFY.txt step 6 does
 * with pdfsig, pdfdetach and ssh-keygen: the signature inside covers the whole file and verifies
 * (pdfSignatureCheck.ts); the attached certificate is the one that signed, and the analyst key's
 * SSHSIG attached beside it vouches for it; that key is one the recipient trusts; and the attached
 * tag manifest, signed by the same key, gives the bundle id the report prints. Platform-free.
 */
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString } from 'pdf-lib';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesEqual, bytesToHex } from './bytes';
import { fingerprintSha256 } from './opensshKeys';
import { checkPdfSignature } from './pdfSignatureCheck';
import { EVIDENCE_NAMESPACE, sshsigVerify } from './sshsig';

export type ReportCheckName = 'signature-inside' | 'certificate' | 'trust' | 'bundle';
export const REPORT_CHECK_NAMES: ReportCheckName[] = ['signature-inside', 'certificate', 'trust', 'bundle'];

export interface ReportPdfCheck {
  name: ReportCheckName;
  ok: boolean;
  status: 'pass' | 'fail' | 'warn' | 'skip';
  detail: string;
}

export interface ReportPdfVerdict {
  ok: boolean;
  /** SHA-256 of the attached tag manifest: the bundle the report belongs to. */
  bundleId: string | null;
  /** The analyst key that vouches for the report's certificate. */
  fingerprint: string | null;
  principal: string | null;
  checks: ReportPdfCheck[];
}

/** The PDF's embedded files by name (its EmbeddedFiles name tree, as pdfdetach lists them). */
async function embeddedFiles(pdf: Uint8Array): Promise<Map<string, Uint8Array>> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const out = new Map<string, Uint8Array>();
  const walk = (node: PDFDict | undefined, depth: number) => {
    if (!node || depth > 32) return;
    const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    for (let i = 0; names && i + 1 < names.size(); i += 2) {
      const name = names.lookup(i);
      const spec = names.lookupMaybe(i + 1, PDFDict);
      const stream = spec?.lookupMaybe(PDFName.of('EF'), PDFDict)?.lookup(PDFName.of('F'));
      if ((name instanceof PDFString || name instanceof PDFHexString) && stream instanceof PDFRawStream) out.set(name.decodeText(), decodePDFRawStream(stream).decode());
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let i = 0; kids && i < kids.size(); i++) walk(kids.lookupMaybe(i, PDFDict), depth + 1);
  };
  walk(doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict), 0);
  return out;
}

export async function verifyReportPdf(pdf: Uint8Array, opts: { trustedFingerprints?: string[]; requireTrust?: boolean } = {}): Promise<ReportPdfVerdict> {
  const checks = new Map<ReportCheckName, ReportPdfCheck>();
  const set = (name: ReportCheckName, ok: boolean, detail: string, status?: ReportPdfCheck['status']) => checks.set(name, { name, ok, status: status ?? (ok ? 'pass' : 'fail'), detail });
  let fingerprint: string | null = null;
  let principal: string | null = null;
  let bundleId: string | null = null;
  const verdict = (): ReportPdfVerdict => {
    const all = REPORT_CHECK_NAMES.map((n) => checks.get(n) ?? { name: n, ok: false, status: 'skip' as const, detail: 'not checked: an earlier check failed' });
    return { ok: all.every((c) => c.ok), bundleId, fingerprint, principal, checks: all };
  };

  if (!bytesEqual(pdf.subarray(0, 5), new TextEncoder().encode('%PDF-'))) {
    set('signature-inside', false, 'not a PDF (it does not begin with %PDF-)');
    return verdict();
  }
  const inside = checkPdfSignature(pdf);
  if (!inside.ok || !inside.certificate || !inside.subject) {
    set('signature-inside', false, inside.detail);
    return verdict();
  }
  set('signature-inside', true, inside.detail);

  let files: Map<string, Uint8Array>;
  try {
    files = await embeddedFiles(pdf);
  } catch (e) {
    set('certificate', false, `its attachments cannot be read (${(e as Error).message})`);
    return verdict();
  }
  const certificate = files.get('report-signing-certificate.der');
  const certificateSig = files.get('report-signing-certificate.der.sig');
  if (!certificate || !certificateSig) {
    set('certificate', false, 'report-signing-certificate.der or its .sig is not attached: nothing ties the signing certificate to an analyst key (pdfdetach -list)');
    return verdict();
  }
  if (!bytesEqual(certificate, inside.certificate)) {
    set('certificate', false, 'the attached report-signing-certificate.der is not the certificate that signed the PDF');
    return verdict();
  }
  const vouched = sshsigVerify(new TextDecoder().decode(certificateSig), certificate, EVIDENCE_NAMESPACE);
  if (!vouched.ok) {
    set('certificate', false, `report-signing-certificate.der.sig does not verify over the certificate: ${vouched.reason}`);
    return verdict();
  }
  fingerprint = fingerprintSha256(vouched.publicKey);
  principal = inside.subject[2] ?? null;
  if (inside.subject[1] !== `SSH key ${fingerprint}`) {
    set('certificate', false, `the certificate names ${inside.subject[1]}, but the key that vouches for it is ${fingerprint}`);
    return verdict();
  }
  set('certificate', true, `the analyst key ${fingerprint} vouches for the signing certificate (SSHSIG, namespace ${EVIDENCE_NAMESPACE})`);

  const trusted = opts.trustedFingerprints ?? [];
  if (trusted.includes(fingerprint)) set('trust', true, `${fingerprint} is in the trusted list`);
  else if (trusted.length === 0 && !opts.requireTrust) set('trust', true, `unknown signer ${fingerprint}: compare it with the fingerprint received out of band`, 'warn');
  else if (trusted.length === 0) set('trust', false, `no trusted fingerprint given: compare the signer's ${fingerprint} with the fingerprint received out of band, then give it as trusted`);
  else set('trust', false, `signer ${fingerprint} is not one of the trusted fingerprints: ${trusted.join(', ')}`);

  const tagManifest = files.get('tagmanifest-sha512.txt');
  const tagSig = files.get('tagmanifest-sha512.txt.sig');
  if (!tagManifest || !tagSig) set('bundle', false, 'the tag manifest or its signature is not attached: the bundle id the report prints cannot be checked');
  else {
    const v = sshsigVerify(new TextDecoder().decode(tagSig), tagManifest, EVIDENCE_NAMESPACE);
    bundleId = bytesToHex(sha256(tagManifest));
    if (!v.ok) set('bundle', false, `the attached tag manifest's signature does not verify: ${v.reason}`);
    else if (fingerprintSha256(v.publicKey) !== fingerprint) set('bundle', false, `the attached tag manifest is signed by ${fingerprintSha256(v.publicKey)}, not by ${fingerprint}`);
    else {
      // The signature's /Reason (inside the signed bytes) names the bundle: it must be the attached manifest's.
      const named = /\/Reason\s*\((?:[^\\)]|\\.)*bundle ([0-9a-f]{64})\)/.exec(new TextDecoder('latin1').decode(pdf))?.[1];
      if (named && named !== bundleId) set('bundle', false, `the signature names bundle ${named}, but the attached tag manifest is bundle ${bundleId}'s`);
      else set('bundle', true, `the report belongs to bundle ${bundleId} (SHA-256 of the attached tag manifest, signed by the same key${named ? ', and named in the signature' : ''}): the id it prints must be this one`);
    }
  }
  return verdict();
}
