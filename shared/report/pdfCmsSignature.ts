/**
 * The report's signature inside the PDF: a detached CMS signature (adbe.pkcs7.detached) over the
 * whole file but its own /Contents, as `pdfsig` and PDF readers check it. Two steps, because the
 * signature covers the bytes pdf-lib writes: `addSignaturePlaceholder` adds an invisible signature
 * field whose /ByteRange and /Contents are placeholders before the document is saved, then
 * `fillSignature` writes the byte ranges, hashes them and puts the CMS SignedData in /Contents
 * (same length: nothing moves). The signature is the last change made to the file. Platform-free.
 * A recipient's tools check it (pdfsig); so does the bundle verifier (shared/evidence/pdfSignatureCheck.ts).
 */
import * as asn1 from 'asn1js';
import { sha256 } from '@noble/hashes/sha2.js';
import { PDFArray, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString } from 'pdf-lib';
import { certificateParts, cmsSignedAttributes, PDF_SIGNING_OIDS as OID } from '../evidence/pdfSigningKey';

/** Room for the CMS in /Contents: a P-256 certificate and signature need ~1 KB. */
const CONTENTS_BYTES = 8192;
/** Written where the byte ranges go, then overwritten (padded with spaces) once the file's length is known. */
const BYTE_RANGE_PLACEHOLDER = '**********';

export interface SignatureFieldInfo {
  /** The signer as readers show it. */
  name: string;
  reason: string;
  signingTime: Date;
}

/** Adds an invisible signature field (on page 1) whose value is to be filled by fillSignature after `doc.save()`. */
export function addSignaturePlaceholder(doc: PDFDocument, info: SignatureFieldInfo): void {
  const context = doc.context;
  const byteRange = PDFArray.withContext(context);
  byteRange.push(PDFNumber.of(0));
  for (let i = 0; i < 3; i++) byteRange.push(PDFName.of(BYTE_RANGE_PLACEHOLDER));
  const signature = context.register(
    context.obj({
      Type: 'Sig',
      Filter: 'Adobe.PPKLite',
      SubFilter: 'adbe.pkcs7.detached',
      ByteRange: byteRange,
      Contents: PDFHexString.of('0'.repeat(CONTENTS_BYTES * 2)),
      Name: PDFString.of(info.name),
      Reason: PDFString.of(info.reason),
      M: PDFString.fromDate(info.signingTime),
    }),
  );
  const page = doc.getPage(0);
  const widget = context.register(
    context.obj({ Type: 'Annot', Subtype: 'Widget', FT: 'Sig', Rect: [0, 0, 0, 0], V: signature, T: PDFString.of('Report signature'), F: 132, P: page.ref }),
  );
  // The printed report's links are annotations of its pages: the field joins them.
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  if (annots) annots.push(widget);
  else page.node.set(PDFName.of('Annots'), context.obj([widget]));
  doc.catalog.set(PDFName.of('AcroForm'), context.obj({ Fields: [widget], SigFlags: 3 }));
}

/** Where the placeholder's /ByteRange array and /Contents hex string are in the saved file (pdf-lib writes the dictionary's keys in order). */
function placeholders(pdf: Uint8Array): { rangeStart: number; rangeEnd: number; contentsStart: number; contentsEnd: number } {
  const text = new TextDecoder('latin1').decode(pdf); // one character a byte: offsets are byte offsets
  const star = BYTE_RANGE_PLACEHOLDER.replace(/\*/g, '\\*');
  const ranges = [...text.matchAll(new RegExp(`/ByteRange\\s*(\\[\\s*0\\s+/${star}\\s+/${star}\\s+/${star}\\s*\\])`, 'g'))];
  if (ranges.length !== 1) throw new Error(ranges.length ? 'the PDF has more than one signature placeholder' : 'the PDF has no signature placeholder (addSignaturePlaceholder, then save without object streams)');
  const rangeStart = ranges[0]!.index! + ranges[0]![0].length - ranges[0]![1]!.length;
  const rangeEnd = ranges[0]!.index! + ranges[0]![0].length;
  const contentsStart = text.indexOf(`/Contents <${'0'.repeat(CONTENTS_BYTES * 2)}>`, rangeEnd);
  if (contentsStart < 0) throw new Error('the PDF signature placeholder has no /Contents after its /ByteRange');
  const hexStart = contentsStart + '/Contents '.length;
  return { rangeStart, rangeEnd, contentsStart: hexStart, contentsEnd: hexStart + CONTENTS_BYTES * 2 + 2 };
}

/**
 * Fills the placeholder of a saved PDF: the byte ranges, then the CMS SignedData whose signed
 * attributes `signAttributes` signs (ECDSA P-256, DER) with the key of `certificate`.
 */
export async function fillSignature(
  saved: Uint8Array,
  certificate: Uint8Array,
  signingTime: Date,
  signAttributes: (signedAttributes: Uint8Array) => Promise<Uint8Array>,
): Promise<Uint8Array> {
  const pdf = saved.slice();
  const at = placeholders(pdf);
  const ranges = [0, at.contentsStart, at.contentsEnd, pdf.length - at.contentsEnd];
  const written = `[${ranges.join(' ')}]`;
  const room = at.rangeEnd - at.rangeStart;
  if (written.length > room) throw new Error('the PDF is too large for its signature placeholder');
  pdf.set(new TextEncoder().encode(written.padEnd(room, ' ')), at.rangeStart);
  const digest = sha256.create().update(pdf.subarray(0, at.contentsStart)).update(pdf.subarray(at.contentsEnd)).digest();
  const attributes = cmsSignedAttributes(digest, signingTime);
  const cms = cmsSignedData(certificate, attributes, await signAttributes(attributes));
  if (cms.length > CONTENTS_BYTES) throw new Error(`the CMS signature (${cms.length} bytes) does not fit its placeholder`);
  const hex = Array.from(cms, (b) => b.toString(16).padStart(2, '0')).join('').padEnd(CONTENTS_BYTES * 2, '0');
  pdf.set(new TextEncoder().encode(hex), at.contentsStart + 1);
  return pdf;
}

/** RFC 5652 ContentInfo(SignedData), detached, one signer identified by issuer and serial number. */
function cmsSignedData(certificate: Uint8Array, signedAttributes: Uint8Array, signature: Uint8Array): Uint8Array {
  const { issuer, serial } = certificateParts(certificate);
  const oid = (value: string) => new asn1.ObjectIdentifier({ value });
  const sha256Algorithm = () => new asn1.Sequence({ value: [new asn1.ObjectIdentifier({ value: '2.16.840.1.101.3.4.2.1' })] });
  // The signed attributes as a SET (what was signed) become [0] IMPLICIT in the SignerInfo.
  const attrs = asn1.fromBER(signedAttributes).result as asn1.Set;
  const signerInfo = new asn1.Sequence({
    value: [
      new asn1.Integer({ value: 1 }),
      new asn1.Sequence({ value: [asn1.fromBER(issuer).result, new asn1.Integer({ valueHex: serial })] }),
      sha256Algorithm(),
      new asn1.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: attrs.valueBlock.value }),
      new asn1.Sequence({ value: [oid(OID.ecdsaWithSha256)] }),
      new asn1.OctetString({ valueHex: signature }),
    ],
  });
  const signedData = new asn1.Sequence({
    value: [
      new asn1.Integer({ value: 1 }),
      new asn1.Set({ value: [sha256Algorithm()] }),
      new asn1.Sequence({ value: [oid(OID.data)] }),
      new asn1.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [asn1.fromBER(certificate).result] }),
      new asn1.Set({ value: [signerInfo] }),
    ],
  });
  const contentInfo = new asn1.Sequence({
    value: [oid('1.2.840.113549.1.7.2'), new asn1.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [signedData] })],
  });
  return new Uint8Array(contentInfo.toBER(false));
}
