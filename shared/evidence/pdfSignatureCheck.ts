/**
 * The check of an evidence report's signature inside the PDF (shared/report/pdfCmsSignature.ts
 * writes it), as `pdfsig` makes it but without NSS, for the bundle verifier. Platform-free.
 */
import * as asn1 from 'asn1js';
import { p256 } from '@noble/curves/nist.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesEqual } from './bytes';
import { certificateParts, readCmsSignedAttributes } from './pdfSigningKey';

export interface PdfSignatureCheck {
  ok: boolean;
  detail: string;
  /** The signing certificate (DER), when one was found. */
  certificate?: Uint8Array;
  /** Its subject's values (organisation, `SSH key SHA256:…`, principal), when it verified. */
  subject?: string[];
}

/**
 * Checks the report's CMS signature as `pdfsig` does, without NSS: the byte ranges cover the whole
 * file but /Contents, their SHA-256 is the signed message digest, the ECDSA signature over the signed
 * attributes verifies with the certificate's key, and the certificate is signed by that key.
 */
export function checkPdfSignature(pdf: Uint8Array): PdfSignatureCheck {
  const text = new TextDecoder('latin1').decode(pdf);
  const found = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  if (found.length === 0) return { ok: false, detail: 'the PDF holds no signature (no /ByteRange)' };
  if (found.length > 1) return { ok: false, detail: `the PDF holds ${found.length} signatures; the report has one` };
  const [a, b, c, d] = found[0]!.slice(1).map(Number) as [number, number, number, number];
  if (a !== 0 || c + d !== pdf.length || b >= c) return { ok: false, detail: `its byte ranges [${a} ${b} ${c} ${d}] do not cover the whole file (${pdf.length} bytes) but the signature: bytes were added or cut after signing` };
  const hex = text.slice(b, c);
  if (!/^<[0-9a-fA-F]*>$/.test(hex)) return { ok: false, detail: 'the bytes its ranges leave out are not the signature' };
  const cmsBytes = Uint8Array.from(hex.slice(1, -1).match(/../g) ?? [], (h) => parseInt(h, 16));
  try {
    const cms = asn1.fromBER(cmsBytes).result as asn1.Sequence;
    const signedData = ((cms.valueBlock.value[1] as asn1.Constructed).valueBlock.value[0] as asn1.Sequence).valueBlock.value;
    const certificate = new Uint8Array((signedData[3] as asn1.Constructed).valueBlock.value[0]!.toBER(false));
    const signerInfo = ((signedData[4] as asn1.Set).valueBlock.value[0] as asn1.Sequence).valueBlock.value;
    const signedAttributes = new asn1.Set({ value: (signerInfo[3] as asn1.Constructed).valueBlock.value });
    const attributes = new Uint8Array(signedAttributes.toBER(false));
    const signature = (signerInfo[5] as asn1.OctetString).valueBlock.valueHexView;
    const read = readCmsSignedAttributes(attributes);
    if (!read) return { ok: false, detail: 'its signed attributes are not the report signature\'s', certificate };
    const digest = sha256.create().update(pdf.subarray(0, b)).update(pdf.subarray(c)).digest();
    if (!bytesEqual(read.digest, digest)) return { ok: false, detail: 'the file was changed after it was signed: its SHA-256 differs from the signed one', certificate };
    const parts = certificateParts(certificate);
    if (!p256.verify(signature, attributes, parts.publicKey, { format: 'der', lowS: false })) return { ok: false, detail: 'the signature does not verify with its certificate\'s key', certificate };
    if (!p256.verify(parts.signature, parts.tbs, parts.publicKey, { format: 'der', lowS: false })) return { ok: false, detail: 'its certificate is not signed by its own key', certificate };
    return { ok: true, detail: `signed ${read.signingTime.toISOString()} by the certificate of ${parts.subject.join(', ')}, the whole file but the signature covered`, certificate, subject: parts.subject };
  } catch (e) {
    return { ok: false, detail: `its signature cannot be read (${(e as Error).message})` };
  }
}
