/**
 * Signed evidence bundle writer: one ZIP holding one BagIt 1.0 bag (layout in EVIDENCE.md).
 *
 * Two passes over the payload, so memory stays flat for gigabyte sources:
 *  1. prepareBundle() hashes every payload file (SHA-256 + SHA-512, streamed), refuses files whose
 *     SHA-256 differs from the one recorded at import, writes the manifests and tag files, and signs
 *     tagmanifest-sha512.txt (SSHSIG + minisign). The bundle id is known from here on.
 *  2. The caller may now render the PDF report (it prints the bundle id) and call signReport().
 *  3. zip() streams the ZIP (client-zip, ZIP64 when needed), reading each payload stream again and
 *     failing the stream if its SHA-256 no longer matches pass 1.
 */
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { makeZip } from 'client-zip';
import type { EgressLog } from '../api/hostApi';
import { assertBagPath, assertNoCollisions, bagName as makeBagName, comparePaths } from './bagPaths';
import { BAGIT_TXT, bagInfoTxt, humanSize, manifestText, payloadOxum } from './bagText';
import { bytesEqual, bytesToHex, utf8 } from './bytes';
import { canonicalJson, type JsonValue } from './canonicalJson';
import { serializeCustody, verifyCustody, type CustodyEntry } from './custodyLog';
import { defaultTrustedComment, formatMinisignPublicKey, minisignSign, minisignVerify, parseMinisignPublicKey } from './minisign';
import { allowedSignersLine, assertValidPrincipal, fingerprintSha256, formatPublicKeyLine } from './opensshKeys';
import type { Ed25519Signer } from './signer';
import { EVIDENCE_NAMESPACE, sshsigSign, sshsigVerify } from './sshsig';
import { previousKeyFiles, verifyKeyHistory, type PreviousKey } from './keyHistory';
import { createMultiDigest, digestBytes, digestStream, type DigestSet } from './streamDigest';
import { verifySh, verifyTxt } from './verifyInstructions';
import { withZip64EntryCount } from './zip64EntryCount';

export const BUNDLE_FORMAT_VERSION = 'disclosure-workbench-evidence-bundle/1';
export const REPORT_PATH = 'report/evidence-report.pdf';
export const REPORT_SIG_PATH = 'signatures/evidence-report.pdf.sig';
/**
 * What ties the report to its bundle: the report's SHA-256 and the bundle id (the SHA-256 of the tag
 * manifest) as two sha256sum lines, signed. A report's own signature covers only its bytes, so a
 * report of another bundle by the same signer would verify as well; `sha256sum -c` of this file
 * fails in any bundle but its own.
 */
export const REPORT_BINDING_PATH = 'report/evidence-report.sha256';
export const REPORT_BINDING_SIG_PATH = 'signatures/evidence-report.sha256.sig';
export const reportBindingText = (reportSha256: string, bundleId: string): string =>
  `${reportSha256}  ${REPORT_PATH}\n${bundleId}  tagmanifest-sha512.txt\n`;

export interface PayloadFile {
  /** Path under data/, e.g. 'source/tweets.csv' or 'derived/retweet-graph.graphml'. */
  path: string;
  bytes?: Uint8Array;
  /** A factory: called once to hash and once to zip. */
  stream?: () => ReadableStream<Uint8Array>;
  /** SHA-256 (hex) recorded when the file was imported: export refuses if the bytes changed since. */
  expectedSha256?: string;
}

export interface BundleInput {
  caseId: string;
  createdAt: Date;
  sourceOrganization: string;
  software: { name: string; version: string };
  /** The analyst's principal in allowed_signers (e-mail-like). */
  principal: string;
  signer: Ed25519Signer;
  payload: PayloadFile[];
  /** One JSON object per evidence item (EVIDENCE.md lists the fields); written as metadata/items.jsonl. */
  items: JsonValue[];
  custody: CustodyEntry[];
  /** Parameters, input hashes, algorithm versions, seeds: enough to recompute. */
  analysis: JsonValue;
  egress: EgressLog;
  /** Extra bag-info.txt fields (e.g. Contact-Name, External-Description). */
  bagInfo?: ReadonlyArray<readonly [string, string]>;
  /** The signer's earlier keys, most recent first, each vouching for the next (keyHistory.ts). */
  previousKeys?: readonly PreviousKey[];
  /**
   * A signed report will be added (signReport): provenance.json says so, so a recipient's tools tell a
   * report removed from the bundle from one never made, and zip() refuses to leave it out.
   */
  report?: boolean;
}

/** A finished ZIP entry relative to the bag folder. */
export interface BundleEntry {
  path: string;
  bytes: Uint8Array;
}

export interface PreparedBundle {
  bagName: string;
  /** When the bundle was made (provenance.json's `created`, ISO 8601 UTC): the report prints it as its own. */
  created: string;
  zipName: string;
  /** SHA-256 hex of the signed tagmanifest-sha512.txt. */
  bundleId: string;
  fingerprint: string;
  principal: string;
  namespace: string;
  payload: Array<{ path: string } & DigestSet>;
  tagFiles: BundleEntry[];
  signatures: BundleEntry[];
  /** Signs the PDF report (which prints the bundle id) and its binding to the bundle; returns their entries for zip(). */
  signReport(pdf: Uint8Array): Promise<BundleEntry[]>;
  /** Streams the ZIP; `extra` are entries from signReport(). */
  zip(extra?: BundleEntry[]): ReadableStream<Uint8Array>;
}

const textEntry = (path: string, text: string): BundleEntry => ({ path, bytes: utf8(text) });

export async function prepareBundle(input: BundleInput): Promise<PreparedBundle> {
  assertValidPrincipal(input.principal);
  const custody = verifyCustody(input.custody);
  if (!custody.ok) throw new Error(`custody log is broken at seq ${custody.brokenAt}: ${custody.reason}`);

  const dataPaths = input.payload.map((f) => {
    if ((f.bytes === undefined) === (f.stream === undefined)) throw new Error(`payload '${f.path}': give exactly one of bytes or stream`);
    assertBagPath(f.path);
    return `data/${f.path}`;
  });
  assertNoCollisions(dataPaths);

  // Pass 1: hash the payload.
  const payload: PreparedBundle['payload'] = [];
  for (const [i, f] of input.payload.entries()) {
    const d = f.bytes ? await digestBytes(f.bytes) : await digestStream(f.stream!());
    if (f.expectedSha256 !== undefined && f.expectedSha256.toLowerCase() !== d.sha256) {
      throw new Error(
        `“data/${f.path}” changed since it was imported (SHA-256 at import ${f.expectedSha256}, now ${d.sha256})`,
      );
    }
    payload.push({ path: dataPaths[i]!, ...d });
  }
  payload.sort((a, b) => comparePaths(a.path, b.path));

  const namespace = EVIDENCE_NAMESPACE;
  const fingerprint = fingerprintSha256(input.signer.publicKey);
  const name = makeBagName(input.caseId, input.createdAt);
  const created = input.createdAt.toISOString();
  const totalBytes = payload.reduce((s, p) => s + p.size, 0);
  const previous = input.previousKeys ?? [];
  const params = { bagName: name, principal: input.principal, namespace, fingerprint, previousKeys: previous.length };

  const tagFiles: BundleEntry[] = [
    textEntry('bagit.txt', BAGIT_TXT),
    textEntry(
      'bag-info.txt',
      bagInfoTxt([
        ['Source-Organization', input.sourceOrganization],
        ['External-Identifier', input.caseId],
        ['Bagging-Date', created.slice(0, 10)],
        ['Bag-Software-Agent', `${input.software.name} ${input.software.version}`],
        ['Payload-Oxum', payloadOxum(totalBytes, payload.length)],
        ['Bag-Size', humanSize(totalBytes)],
        ['Contact-Name', input.principal],
        ...(input.bagInfo ?? []),
      ]),
    ),
    textEntry('manifest-sha256.txt', manifestText(payload.map((p) => ({ path: p.path, hex: p.sha256 })))),
    textEntry('manifest-sha512.txt', manifestText(payload.map((p) => ({ path: p.path, hex: p.sha512 })))),
    textEntry('metadata/items.jsonl', input.items.map((it) => `${canonicalJson(it)}\n`).join('')),
    textEntry('metadata/custody.jsonl', serializeCustody(input.custody)),
    textEntry('metadata/analysis.json', `${JSON.stringify(input.analysis, null, 2)}\n`),
    textEntry(
      'metadata/provenance.json',
      `${JSON.stringify(
        {
          formatVersion: BUNDLE_FORMAT_VERSION,
          software: input.software,
          signer: { fingerprint, namespace, principal: input.principal, publicKey: formatPublicKeyLine(input.signer.publicKey) },
          created,
          caseId: input.caseId,
          egress: input.egress,
          // Added after signing (it prints the bundle id), so this signed line is what tells its absence.
          report: input.report ? REPORT_PATH : null,
          reportBinding: input.report ? REPORT_BINDING_PATH : null,
        },
        null,
        2,
      )}\n`,
    ),
    textEntry('metadata/signer/allowed_signers', `${allowedSignersLine(input.principal, input.signer.publicKey, namespace)}\n`),
    textEntry('metadata/signer/id_ed25519.pub', `${formatPublicKeyLine(input.signer.publicKey, input.principal)}\n`),
    textEntry('metadata/signer/minisign.pub', formatMinisignPublicKey(input.signer.publicKey)),
    ...previousKeyFiles(previous, input.principal, namespace).map((f) => textEntry(f.path, f.text)),
    textEntry('VERIFY.txt', verifyTxt(params)),
    textEntry('verify.sh', verifySh(params)),
  ];
  tagFiles.sort((a, b) => comparePaths(a.path, b.path));
  // A chain a recipient could not follow is not written.
  const history = verifyKeyHistory((p) => {
    const t = tagFiles.find((f) => f.path === p);
    return t ? new TextDecoder().decode(t.bytes) : null;
  }, namespace);
  if (history.problem) throw new Error(`the signer's key history does not verify: ${history.problem}`);

  const tagManifest = utf8(manifestText(tagFiles.map((t) => ({ path: t.path, hex: bytesToHex(sha512(t.bytes)) }))));
  const bundleId = bytesToHex(sha256(tagManifest));
  const trusted = defaultTrustedComment(input.createdAt.getTime() / 1000, `${name}/tagmanifest-sha512.txt`) + `\tbundle:${bundleId}`;
  const minisig = await minisignSign(input.signer, tagManifest, trusted);
  const sig = await sshsigSign(input.signer, tagManifest, namespace);
  // The signer signs through the host, whose key may have changed meanwhile (rotated in another window): a
  // bundle whose signatures are not by the key its signer files name is never written.
  assertSignedBy(sig, tagManifest, input.signer.publicKey, namespace);
  if (!minisignVerify(minisig, tagManifest, parseMinisignPublicKey(formatMinisignPublicKey(input.signer.publicKey))).ok) {
    throw new Error('the minisign signature is not by the signer key named in the bundle (was the key rotated during the export?): nothing was written');
  }
  const signatures: BundleEntry[] = [
    textEntry('signatures/tagmanifest-sha512.txt.minisig', minisig),
    textEntry('signatures/tagmanifest-sha512.txt.sig', sig),
  ];
  const signedTags = [...tagFiles, { path: 'tagmanifest-sha512.txt', bytes: tagManifest }];

  const zip = (extra: BundleEntry[] = []): ReadableStream<Uint8Array> => {
    for (const e of extra) {
      if (e.path !== REPORT_PATH && e.path !== REPORT_BINDING_PATH && !e.path.startsWith('signatures/')) throw new Error(`extra entry '${e.path}' must be the report, its binding or a signature`);
    }
    if (input.report && !extra.some((e) => e.path === REPORT_PATH)) throw new Error('the bundle says it holds a signed report (provenance.json): add it with signReport()');
    async function* entries() {
      const meta = { lastModified: input.createdAt };
      for (const t of signedTags.sort((a, b) => comparePaths(a.path, b.path))) yield { name: `${name}/${t.path}`, input: t.bytes, ...meta };
      // By path, not a search of the list per entry (quadratic: minutes for 70,000 cited rows).
      const digests = new Map(payload.map((p) => [p.path, p]));
      for (const [i, f] of input.payload.entries()) {
        const expected = digests.get(dataPaths[i]!)!;
        const body = f.bytes ?? rehashing(f.stream!(), dataPaths[i]!, expected.sha256);
        yield { name: `${name}/${dataPaths[i]}`, input: body, size: expected.size, ...meta };
      }
      for (const s of [...signatures, ...extra]) yield { name: `${name}/${s.path}`, input: s.bytes, ...meta };
    }
    return withZip64EntryCount(makeZip(entries()), signedTags.length + input.payload.length + signatures.length + extra.length);
  };

  return {
    bagName: name,
    created,
    zipName: `${name}.zip`,
    bundleId,
    fingerprint,
    principal: input.principal,
    namespace,
    payload,
    tagFiles: signedTags,
    signatures,
    signReport: async (pdf) => {
      const reportSig = await sshsigSign(input.signer, pdf, namespace);
      assertSignedBy(reportSig, pdf, input.signer.publicKey, namespace);
      const binding = utf8(reportBindingText(bytesToHex(sha256(pdf)), bundleId));
      const bindingSig = await sshsigSign(input.signer, binding, namespace);
      assertSignedBy(bindingSig, binding, input.signer.publicKey, namespace);
      return [
        { path: REPORT_PATH, bytes: pdf },
        { path: REPORT_BINDING_PATH, bytes: binding },
        { path: REPORT_SIG_PATH, bytes: utf8(reportSig) },
        { path: REPORT_BINDING_SIG_PATH, bytes: utf8(bindingSig) },
      ];
    },
    zip,
  };
}

function assertSignedBy(armored: string, message: Uint8Array, publicKey: Uint8Array, namespace: string): void {
  const v = sshsigVerify(armored, message, namespace);
  if (!v.ok || !bytesEqual(v.publicKey, publicKey)) {
    throw new Error(`the signature is not by the signer key named in the bundle (${v.ok ? `made by ${fingerprintSha256(v.publicKey)}` : v.reason}; was the key rotated during the export?): nothing was written`);
  }
}

/** Re-reads a payload stream for the ZIP, failing if its bytes differ from the hashing pass. */
async function* rehashing(stream: ReadableStream<Uint8Array>, path: string, expectedSha256: string): AsyncGenerator<Uint8Array> {
  const d = await createMultiDigest(false);
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    d.update(value);
    yield value;
  }
  const actual = d.digest().sha256;
  if (actual !== expectedSha256) throw new Error(`${path} changed while the bundle was being written (SHA-256 ${expectedSha256} → ${actual})`);
}
