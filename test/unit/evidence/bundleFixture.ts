/** Builds a real bundle from real fixtures, and helpers to tamper with it and run verify.sh. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeZip } from 'client-zip';
import { unzipSync } from 'fflate';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { prepareBundle, type BundleInput } from '../../../shared/evidence/bundleWriter';
import { appendCustody, type CustodyEntry } from '../../../shared/evidence/custodyLog';
import { fingerprintSha256, generateEd25519KeyPair, type Ed25519KeyPair } from '../../../shared/evidence/opensshKeys';
import { reportCertificate, signReportAttributes } from '../../../shared/evidence/pdfSigningKey';
import { bundleAttachments, signInside, type ReportAttachment } from '../../../shared/report/finishReportPdf';
import { EVIDENCE_NAMESPACE, sshsigSign } from '../../../shared/evidence/sshsig';
import { seedSigner, type Ed25519Signer } from '../../../shared/evidence/signer';
import { realFixture } from '../../fixtures/paths';
import { run } from './tools';

export const PRINCIPAL = 'analyst@example.org';
export const SOURCES = ['ira_2018_tweets_csv_hashed_excerpt.csv', 'china_082019_1_users_csv_hashed.csv'];

export function sampleCustody(): CustodyEntry[] {
  let log: CustodyEntry[] = [];
  log = appendCustody(log, { at: '2026-11-28T10:00:00.000Z', actor: PRINCIPAL, action: 'case-created', detail: { caseId: 'case-42' } });
  log = appendCustody(log, { at: '2026-11-28T10:05:00.000Z', actor: PRINCIPAL, action: 'import', detail: { file: SOURCES[0]! } });
  log = appendCustody(log, { at: '2026-11-28T10:06:00.000Z', actor: PRINCIPAL, action: 'pin', detail: { tweetid: '1108484717123067905' } });
  return log;
}

/**
 * A one-page report; with `signedInside`, signed inside (CMS) as the app signs it, by a report key
 * whose certificate names `signedInside.sshFingerprint` (the bundle's signer, or another key's).
 */
export async function reportPdf(bundleId: string, signedInside?: { signer: Ed25519Signer; sshFingerprint?: string; seed?: Uint8Array; attachments?: ReportAttachment[] }): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage();
  page.drawText(`Evidence report - bundle ${bundleId.slice(0, 32)}`, { x: 40, y: 780, size: 10, font: await doc.embedFont(StandardFonts.Helvetica) });
  const at = new Date('2026-11-28T12:00:00Z');
  doc.setCreationDate(at);
  doc.setModificationDate(at);
  if (!signedInside) return doc.save();
  for (const a of signedInside.attachments ?? []) await doc.attach(a.bytes, a.name, { mimeType: a.mimeType, description: a.description, creationDate: at, modificationDate: at });
  const seed = signedInside.seed ?? new Uint8Array(32).fill(9);
  const sshFingerprint = signedInside.sshFingerprint ?? fingerprintSha256(signedInside.signer.publicKey);
  const certificate = reportCertificate(seed, { principal: PRINCIPAL, sshFingerprint, notBefore: at });
  const signing = { certificate, certificateSignature: await sshsigSign(signedInside.signer, certificate, EVIDENCE_NAMESPACE), signAttributes: async (a: Uint8Array) => signReportAttributes(seed, a) };
  return signInside(doc, signing, { name: PRINCIPAL, reason: `Evidence report, bundle ${bundleId}`, signingTime: at });
}

export async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export function bundleInput(key: Ed25519KeyPair = generateEd25519KeyPair()): BundleInput {
  const sources = SOURCES.map((name) => readFileSync(realFixture(name)));
  return {
    caseId: 'case-42 IRA replies',
    createdAt: new Date('2026-11-28T12:00:00.000Z'),
    sourceOrganization: 'Example Newsroom Verification Desk',
    software: { name: 'Disclosure Workbench', version: '0.1.0' },
    principal: PRINCIPAL,
    signer: seedSigner(key.seed),
    payload: [
      { path: `source/${SOURCES[0]}`, bytes: sources[0]!, expectedSha256: undefined },
      { path: `source/${SOURCES[1]}`, stream: () => new Blob([sources[1]!]).stream() as ReadableStream<Uint8Array> },
      { path: 'derived/coordination/edges.csv', bytes: new TextEncoder().encode('source,target,weight\n"a","b",3\n') },
      { path: 'derived/名前 العربية.txt', bytes: new TextEncoder().encode('CJK + RTL file name\n') },
    ],
    items: [{ id: 'item-1', path: `data/source/${SOURCES[0]}`, row: 3, tweetid: '1108484717123067905', method: 'pin' }],
    custody: sampleCustody(),
    analysis: { algorithm: 'co-retweet', version: '1', seed: 42, windowMinutes: 1 },
    egress: { blockedRequests: 0, urls: [] },
  };
}

/** Writes the bundle ZIP (with a signed report) to dir and returns its path and metadata. */
export async function writeBundle(dir: string, input = bundleInput()) {
  const prepared = await prepareBundle({ ...input, report: true });
  const extra = await prepared.signReport(await reportPdf(prepared.bundleId, { signer: input.signer, attachments: bundleAttachments(prepared) }));
  const bytes = await collect(prepared.zip(extra));
  const file = path.join(dir, prepared.zipName);
  writeFileSync(file, bytes);
  return { prepared, bytes, file };
}

/**
 * Re-zips (client-zip: UTF-8 names flagged, unlike fflate's zipSync) after `edit` changes the entries;
 * `before` are extra entries written first (an entry stored twice under one name).
 */
export async function tamper(zip: Uint8Array, edit: (files: Map<string, Uint8Array>) => void, before: [string, Uint8Array][] = []): Promise<Uint8Array> {
  const raw = unzipSync(zip);
  const names = Object.keys(raw).filter((n) => !n.endsWith('/'));
  const top = names[0]!.split('/')[0]!;
  const files = new Map(names.map((n) => [n.slice(top.length + 1), raw[n]!]));
  edit(files);
  const lastModified = new Date('2026-11-28T12:00:00Z');
  return collect(makeZip([...before, ...files].map(([p, b]) => ({ name: `${top}/${p}`, input: b, lastModified }))));
}

/** unzip into a fresh folder and run the bundle's own verify.sh (with the expected fingerprint). */
export function runVerifySh(dir: string, zip: Uint8Array, label: string, expectedFingerprint?: string) {
  const out = path.join(dir, label);
  const zipFile = `${out}.zip`;
  writeFileSync(zipFile, zip);
  const u = run('unzip', ['-q', '-o', zipFile, '-d', out]);
  if (u.code !== 0) return { code: u.code, stdout: u.stdout, stderr: `unzip: ${u.stderr}`, bagDir: '' };
  const top = run('sh', ['-c', 'ls -d */ | head -1'], { cwd: out }).stdout.trim().replace(/\/$/, '');
  const bagDir = path.join(out, top);
  const r = run('sh', ['verify.sh', ...(expectedFingerprint ? [expectedFingerprint] : [])], { cwd: bagDir });
  return { ...r, bagDir };
}
