/**
 * Post-processing of the printed report with pdf-lib: embeds the files a recipient needs to check
 * it (the signed tag manifest, its signatures, VERIFY.txt — `pdfdetach -list` shows them), sets
 * the document metadata and, given the report key, signs the PDF inside (CMS, pdfCmsSignature.ts)
 * as its last change. Runs before the bundle signs the report (signatures/evidence-report.pdf.sig
 * covers these bytes). Platform-free: the renderer, Node scripts and tests share it.
 */
import { ParseSpeeds, PDFDocument } from 'pdf-lib';
import { addSignaturePlaceholder, fillSignature, type SignatureFieldInfo } from './pdfCmsSignature';
import type { ReportModel } from './reportModel';
import { reportTitle } from './reportHtml';
import { fixRtlActualText } from './rtlActualText';
import { fixType3TextSize } from './type3TextSize';

export interface ReportAttachment {
  /** File name shown by PDF readers (the path's last segment). */
  name: string;
  bytes: Uint8Array;
  mimeType: string;
  description: string;
}

/** The report key (shared/evidence/pdfSigningKey.ts) as the signing step needs it; the key itself stays with the host. */
export interface ReportSigning {
  /** The report key's X.509 certificate (DER): attached, and carried in the signature. */
  certificate: Uint8Array;
  /** SSHSIG by the analyst's key over the certificate: what ties the report key to the fingerprint a recipient trusts. */
  certificateSignature: string;
  /** The report key's DER ECDSA signature over the CMS signed attributes. */
  signAttributes(signedAttributes: Uint8Array): Promise<Uint8Array>;
}

/** The names the report-signing certificate and its SSHSIG are attached under (VERIFY.txt's commands use them). */
export const REPORT_CERTIFICATE_NAME = 'report-signing-certificate.der';

export async function finishReportPdf(pdf: Uint8Array, model: ReportModel, attachments: ReportAttachment[], signing?: ReportSigning): Promise<Uint8Array> {
  // No yielding every few objects: a 100-page report has thousands, and each yield is a timer tick.
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  fixRtlActualText(doc);
  fixType3TextSize(doc);
  const created = new Date(model.createdAt);
  for (const a of attachments) {
    await doc.attach(a.bytes, a.name, { mimeType: a.mimeType, description: a.description, creationDate: created, modificationDate: created });
  }
  doc.setTitle(reportTitle(model), { showInWindowTitleBar: true });
  doc.setAuthor(model.author);
  doc.setSubject(`Case ${model.caseId} · bundle ${model.bundleId} · signer ${model.signer.fingerprint}`);
  doc.setKeywords([`case:${model.caseId}`, `bundle:${model.bundleId}`, `signer:${model.signer.fingerprint}`]);
  doc.setCreator(`${model.software.name} ${model.software.version}`);
  doc.setProducer(`${model.software.name} ${model.software.version} (Chromium PDF, pdf-lib)`);
  doc.setCreationDate(created);
  doc.setModificationDate(created);
  doc.setLanguage('en');
  if (!signing) return doc.save({ objectsPerTick: Number.POSITIVE_INFINITY });
  return signInside(doc, signing, { name: model.author, reason: `Evidence report of case ${model.caseId}, bundle ${model.bundleId}`, signingTime: created });
}

/**
 * Attaches the report key's certificate and the analyst's SSHSIG over it (what ties pdfsig's signer
 * to the fingerprint a recipient trusts), then saves the document signed inside (CMS) as its last change.
 */
export async function signInside(doc: PDFDocument, signing: ReportSigning, info: SignatureFieldInfo): Promise<Uint8Array> {
  const at = { creationDate: info.signingTime, modificationDate: info.signingTime };
  await doc.attach(signing.certificate, REPORT_CERTIFICATE_NAME, { mimeType: 'application/pkix-cert', description: "The report key's certificate: pdfsig names it as this PDF's signer", ...at });
  await doc.attach(new TextEncoder().encode(signing.certificateSignature), `${REPORT_CERTIFICATE_NAME}.sig`, {
    mimeType: 'text/plain', description: "OpenSSH SSHSIG by the analyst's key over that certificate (ssh-keygen -Y verify)", ...at,
  });
  addSignaturePlaceholder(doc, info);
  // No object streams: the signature's byte ranges and contents must be plain bytes of the file.
  const saved = await doc.save({ objectsPerTick: Number.POSITIVE_INFINITY, useObjectStreams: false });
  return fillSignature(saved, signing.certificate, info.signingTime, (attributes) => signing.signAttributes(attributes));
}

interface BundleFiles {
  tagFiles: ReadonlyArray<{ path: string; bytes: Uint8Array }>;
  signatures: ReadonlyArray<{ path: string; bytes: Uint8Array }>;
}

/** The attachments for a prepared bundle (shared/evidence PreparedBundle fits this shape). */
export function bundleAttachments(bundle: BundleFiles): ReportAttachment[] {
  const pick = (list: BundleFiles['tagFiles'], path: string) => {
    const f = list.find((x) => x.path === path);
    if (!f) throw new Error(`the bundle has no ${path}`);
    return f.bytes;
  };
  return [
    { name: 'tagmanifest-sha512.txt', bytes: pick(bundle.tagFiles, 'tagmanifest-sha512.txt'), mimeType: 'text/plain', description: 'The signed tag manifest; its SHA-256 is the bundle id' },
    { name: 'tagmanifest-sha512.txt.sig', bytes: pick(bundle.signatures, 'signatures/tagmanifest-sha512.txt.sig'), mimeType: 'text/plain', description: 'OpenSSH SSHSIG signature over the tag manifest' },
    { name: 'tagmanifest-sha512.txt.minisig', bytes: pick(bundle.signatures, 'signatures/tagmanifest-sha512.txt.minisig'), mimeType: 'text/plain', description: 'minisign signature over the tag manifest (same key)' },
    { name: 'allowed_signers', bytes: pick(bundle.tagFiles, 'metadata/signer/allowed_signers'), mimeType: 'text/plain', description: 'ssh-keygen -Y verify allowed signers file' },
    { name: 'VERIFY.txt', bytes: pick(bundle.tagFiles, 'VERIFY.txt'), mimeType: 'text/plain', description: 'How to verify the bundle with standard tools' },
  ];
}
