/**
 * Post-processing of the printed report with pdf-lib: embeds the files a recipient needs to check
 * it (the signed tag manifest, its signatures, VERIFY.txt — `pdfdetach -list` shows them) and sets
 * the document metadata. Runs before the report is signed (signatures/evidence-report.pdf.sig
 * covers these bytes). Platform-free: the renderer, Node scripts and tests share it.
 */
import { ParseSpeeds, PDFDocument } from 'pdf-lib';
import type { ReportModel } from './reportModel';
import { reportTitle } from './reportHtml';
import { fixRtlActualText } from './rtlActualText';

export interface ReportAttachment {
  /** File name shown by PDF readers (the path's last segment). */
  name: string;
  bytes: Uint8Array;
  mimeType: string;
  description: string;
}

export async function finishReportPdf(pdf: Uint8Array, model: ReportModel, attachments: ReportAttachment[]): Promise<Uint8Array> {
  // No yielding every few objects: a 100-page report has thousands, and each yield is a timer tick.
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  fixRtlActualText(doc);
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
  return doc.save({ objectsPerTick: Number.POSITIVE_INFINITY });
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
