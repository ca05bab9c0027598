/**
 * The key and certificate that sign the evidence report inside the PDF (a CMS signature `pdfsig`
 * and PDF readers check), beside its SSHSIG. The analyst's key is Ed25519, which this machine's
 * pdfsig (NSS 3.87) does not verify in CMS; so the report is signed by an ECDSA P-256 key derived
 * from the Ed25519 seed (HKDF-SHA256): no second secret to keep, the same custody and passphrase,
 * and a new one whenever the analyst's key is rotated. Its certificate is self-signed (a PDF reader
 * says "issuer unknown") and names the analyst's SSH key fingerprint; what ties it to that key is
 * an SSHSIG by the analyst's key over the certificate, attached to the PDF (pdfCmsSignature.ts).
 * Deterministic: one seed and one creation time give the same certificate byte for byte.
 */
import * as asn1 from 'asn1js';
import { p256 } from '@noble/curves/nist.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesEqual } from './bytes';

const OID = {
  ecPublicKey: '1.2.840.10045.2.1',
  prime256v1: '1.2.840.10045.3.1.7',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  data: '1.2.840.113549.1.7.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
} as const;
export { OID as PDF_SIGNING_OIDS };

const utf8 = (s: string) => new TextEncoder().encode(s);
const der = (block: asn1.AsnType): Uint8Array => new Uint8Array(block.toBER(false));
const oid = (value: string) => new asn1.ObjectIdentifier({ value });

/** The P-256 secret the report is signed with, from the analyst's Ed25519 seed. */
export function pdfSigningSecret(ed25519Seed: Uint8Array): Uint8Array {
  const okm = hkdf(sha256, ed25519Seed, utf8('disclosure-workbench'), utf8('evidence report PDF signing key, ECDSA P-256, v1'), 48);
  return p256.utils.randomSecretKey(okm);
}

/** ECDSA P-256 over SHA-256 of `message`, DER-encoded (as CMS and X.509 carry it). */
export function signWithPdfKey(secret: Uint8Array, message: Uint8Array): Uint8Array {
  return p256.sign(message, secret, { format: 'der' });
}

/** RFC 5280: UTCTime through 2049, GeneralizedTime from 2050 (9999-12-31: no end date). */
function time(d: Date): asn1.AsnType {
  return d.getUTCFullYear() < 2050 ? new asn1.UTCTime({ valueDate: d }) : new asn1.GeneralizedTime({ valueDate: d });
}

function name(principal: string, sshFingerprint: string): asn1.Sequence {
  const rdn = (type: string, value: string) => new asn1.Set({ value: [new asn1.Sequence({ value: [oid(type), new asn1.Utf8String({ value })] })] });
  return new asn1.Sequence({
    value: [
      rdn(OID.organization, 'Disclosure Workbench evidence signing'),
      rdn(OID.organizationalUnit, `SSH key ${sshFingerprint}`),
      rdn(OID.commonName, principal),
    ],
  });
}

export interface PdfCertificateSubject {
  /** The analyst's principal (the SSH key's comment): the certificate's common name. */
  principal: string;
  /** `SHA256:…` of the analyst's SSH key, named in the certificate. */
  sshFingerprint: string;
  /** When the analyst's key was made: the certificate's start of validity (it has no end). */
  notBefore: Date;
}

/** The self-signed X.509 v3 certificate of the report-signing key (DER). */
export function pdfSigningCertificate(secret: Uint8Array, subject: PdfCertificateSubject): Uint8Array {
  const publicKey = p256.getPublicKey(secret, false);
  const serial = sha256(publicKey).slice(0, 16);
  serial[0] = (serial[0]! & 0x7f) | 0x40; // positive, 16 bytes, no leading zero byte
  const algorithm = new asn1.Sequence({ value: [oid(OID.ecdsaWithSha256)] });
  const extension = (type: string, value: asn1.AsnType) =>
    new asn1.Sequence({ value: [oid(type), new asn1.Boolean({ value: true }), new asn1.OctetString({ valueHex: der(value) })] });
  const tbs = new asn1.Sequence({
    value: [
      new asn1.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [new asn1.Integer({ value: 2 })] }),
      new asn1.Integer({ valueHex: serial }),
      algorithm,
      name(subject.principal, subject.sshFingerprint),
      new asn1.Sequence({ value: [time(subject.notBefore), time(new Date(Date.UTC(9999, 11, 31, 23, 59, 59)))] }),
      name(subject.principal, subject.sshFingerprint),
      new asn1.Sequence({
        value: [new asn1.Sequence({ value: [oid(OID.ecPublicKey), oid(OID.prime256v1)] }), new asn1.BitString({ valueHex: publicKey })],
      }),
      new asn1.Constructed({
        idBlock: { tagClass: 3, tagNumber: 3 },
        value: [
          new asn1.Sequence({
            value: [
              // digitalSignature and nonRepudiation (content commitment): bits 0 and 1, 6 unused bits.
              extension(OID.keyUsage, new asn1.BitString({ valueHex: new Uint8Array([0xc0]), unusedBits: 6 })),
              extension(OID.basicConstraints, new asn1.Sequence({ value: [] })),
            ],
          }),
        ],
      }),
    ],
  });
  const tbsDer = der(tbs);
  const certificate = new asn1.Sequence({
    value: [asn1.fromBER(tbsDer).result, algorithm, new asn1.BitString({ valueHex: signWithPdfKey(secret, tbsDer) })],
  });
  return der(certificate);
}

/** What a CMS signer needs of a certificate: its issuer name (DER) and serial number, and its public key. */
export function certificateParts(certificate: Uint8Array): { issuer: Uint8Array; serial: Uint8Array; publicKey: Uint8Array; tbs: Uint8Array; signature: Uint8Array; subject: string[] } {
  const parsed = asn1.fromBER(certificate);
  if (parsed.offset === -1 || !(parsed.result instanceof asn1.Sequence)) throw new Error('not a DER certificate');
  const [tbs, , signature] = parsed.result.valueBlock.value as [asn1.Sequence, asn1.Sequence, asn1.BitString];
  const fields = tbs.valueBlock.value;
  const spki = fields[6] as asn1.Sequence;
  return {
    serial: (fields[1] as asn1.Integer).valueBlock.valueHexView.slice(),
    issuer: der(fields[3]!),
    publicKey: (spki.valueBlock.value[1] as asn1.BitString).valueBlock.valueHexView.slice(),
    tbs: der(tbs),
    signature: signature.valueBlock.valueHexView.slice(),
    // The subject's values in order (organisation, 'SSH key SHA256:…', principal), as text.
    subject: (fields[5] as asn1.Sequence).valueBlock.value.map((rdn) => {
      const value = ((rdn as asn1.Set).valueBlock.value[0] as asn1.Sequence).valueBlock.value[1];
      return value instanceof asn1.Utf8String || value instanceof asn1.PrintableString ? value.valueBlock.value : '';
    }),
  };
}

/**
 * CMS signed attributes (RFC 5652 §5.3) as the signature covers them: a DER SET of content type
 * (id-data), signing time and message digest (SHA-256 of the PDF's signed byte ranges), in DER order.
 */
export function cmsSignedAttributes(digest: Uint8Array, signingTime: Date): Uint8Array {
  const attribute = (type: string, value: asn1.AsnType) => der(new asn1.Sequence({ value: [oid(type), new asn1.Set({ value: [value] })] }));
  const encoded = [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.signingTime, new asn1.UTCTime({ valueDate: signingTime })),
    attribute(OID.messageDigest, new asn1.OctetString({ valueHex: digest })),
  ].sort(compareBytes);
  return der(new asn1.Set({ value: encoded.map((e) => asn1.fromBER(e).result) }));
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** The message digest and signing time of signed attributes cmsSignedAttributes made, or null for anything else. */
export function readCmsSignedAttributes(message: Uint8Array): { digest: Uint8Array; signingTime: Date } | null {
  const parsed = asn1.fromBER(message);
  if (parsed.offset !== message.length || !(parsed.result instanceof asn1.Set)) return null;
  let digest: Uint8Array | undefined;
  let signingTime: Date | undefined;
  for (const a of parsed.result.valueBlock.value) {
    const [type, values] = (a as asn1.Sequence).valueBlock?.value ?? [];
    const value = (values as asn1.Set | undefined)?.valueBlock?.value?.[0];
    if (!(type instanceof asn1.ObjectIdentifier) || !value) return null;
    const id = type.valueBlock.toString();
    if (id === OID.messageDigest && value instanceof asn1.OctetString) digest = value.valueBlock.valueHexView.slice();
    else if (id === OID.signingTime && value instanceof asn1.UTCTime) signingTime = value.toDate();
  }
  if (!digest || digest.length !== 32 || !signingTime) return null;
  // Exactly what cmsSignedAttributes makes of them, nothing more: the key signs nothing else.
  return bytesEqual(cmsSignedAttributes(digest, signingTime), message) ? { digest, signingTime } : null;
}

/** The analyst's report-signing certificate, from the seed of the analyst's key and what it names. */
export function reportCertificate(ed25519Seed: Uint8Array, subject: PdfCertificateSubject): Uint8Array {
  const secret = pdfSigningSecret(ed25519Seed);
  try {
    return pdfSigningCertificate(secret, subject);
  } finally {
    secret.fill(0);
  }
}

/**
 * The report key's signature over CMS signed attributes (DER ECDSA P-256), refused for any other
 * message: a page asking the key custody cannot make it sign anything but an evidence report's digest.
 */
export function signReportAttributes(ed25519Seed: Uint8Array, signedAttributes: Uint8Array): Uint8Array {
  if (!readCmsSignedAttributes(signedAttributes)) throw new Error('refused to sign: the report key signs only the CMS signed attributes of an evidence report (content type, signing time, SHA-256 digest)');
  const secret = pdfSigningSecret(ed25519Seed);
  try {
    return signWithPdfKey(secret, signedAttributes);
  } finally {
    secret.fill(0);
  }
}
