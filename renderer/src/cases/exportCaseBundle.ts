/**
 * Exports a case as a signed evidence bundle (EVIDENCE.md): re-hashes the re-selected source
 * files and refuses if any cited one changed since import, cuts the cited rows, builds and signs
 * the bag with shared/evidence/bundleWriter.ts, streams the ZIP through the host's save channels,
 * and records the export in the case's custody log.
 */
import type { HostApi } from '../../../shared/api/hostApi';
import { APP_NAME } from '../../../shared/appIdentity';
import { prepareBundle, type BundleEntry, type PreparedBundle } from '../../../shared/evidence/bundleWriter';
import type { CustodyEntry } from '../../../shared/evidence/custodyLog';
import type { Ed25519Signer } from '../../../shared/evidence/signer';
import { EVIDENCE_NAMESPACE, sshsigSign } from '../../../shared/evidence/sshsig';
import type { ReportSigning } from '../../../shared/report/finishReportPdf';
import { appVersion } from '../app/version';
import { hostSigner } from '../keys/hostSigner';
import type { PinRecord } from '../pins/pinTypes';
import type { WorkbenchDb } from '../store/schema';
import { buildCaseBundleContent, pinnedSvg, type SourceInfo } from './caseBundleInput';
import { caseItems, getCase, readCustody, recordCustody } from './caseStore';
import type { CaseRecord } from './caseTypes';
import type { ByteRange, ScannedSource } from './sourceExcerpts';
import { scanSourceOffThread } from './scanSourceOffThread';
import { unreadableFileMessage } from '../host/unreadableFile';
import { APP_FACES } from '../styles/fontFaces';
import { svgWithFonts } from '../styles/svgWithFonts';

export interface ExportProgress {
  /** 'report': the evidence PDF is printed (detail: its ReportPhase). */
  phase: 'reading sources' | 'signing' | 'report' | 'writing' | 'done';
  /** Bytes done / total in this phase (total 0 when unknown). */
  done: number;
  total: number;
  /** The file read or written, the signing key's fingerprint, the report's step, or where the bundle was saved. */
  detail: string;
}

export interface ExportResult {
  bundleId: string;
  fingerprint: string;
  zipName: string;
  path: string;
  bytes: number;
  items: number;
  /** Source files the bundle quotes. */
  sources: number;
  /** Selected files the case does not cite: re-read, and left out of the bundle. */
  notCited: string[];
}

/**
 * Renders the evidence PDF once the bundle id is known (the PDF engineer's hook), signed inside with
 * `signing` (the report key, over the host). Given, the bundle says it holds a report.
 */
export type ReportRenderer = (ctx: { prepared: PreparedBundle; caseRecord: CaseRecord; items: PinRecord[]; custody: CustodyEntry[]; signing: ReportSigning }) => Promise<Uint8Array | null>;

export class ExportRefused extends Error {
  override name = 'ExportRefused';
}

/**
 * The source files the case's items cite, as recorded at import. A file's import time is the first
 * one its case's custody log recorded: a dataset deleted and imported again holds the same bytes
 * under a later import, after the items were pinned.
 */
/** A source file the case cites that is not in the store any more (its dataset deleted): named as the case's log recorded its import, when it did. */
export interface MissingSource {
  sha256: string;
  name?: string;
}

/** The source files the items cite, in SHA-256 order: those in the store, and those no longer in it. */
export async function readCitedSources(db: WorkbenchDb, items: PinRecord[]): Promise<{ found: SourceInfo[]; missing: MissingSource[] }> {
  const shas = [...new Set(items.flatMap((i) => i.provenance.map((p) => p.fileSha256)))].sort();
  const firstImport = new Map<string, string>();
  // The name each file had when the case's log recorded its import: a deleted dataset's file is named by it.
  const loggedName = new Map<string, string>();
  for (const caseId of new Set(items.flatMap((i) => (i.caseId ? [i.caseId] : [])))) {
    for (const entry of await readCustody(db, caseId)) {
      if (entry.action !== 'import') continue;
      for (const f of (entry.detail as { files?: { sha256?: unknown; imported_at?: unknown; name?: unknown; entry?: unknown }[] } | null)?.files ?? []) {
        if (typeof f.sha256 === 'string' && typeof f.name === 'string' && !loggedName.has(f.sha256)) loggedName.set(f.sha256, typeof f.entry === 'string' ? `${f.name}/${f.entry}` : f.name);
        if (typeof f.sha256 !== 'string' || typeof f.imported_at !== 'string') continue;
        const known = firstImport.get(f.sha256);
        if (!known || f.imported_at < known) firstImport.set(f.sha256, f.imported_at);
      }
    }
  }
  const found: SourceInfo[] = [];
  const missing: MissingSource[] = [];
  for (const sha of shas) {
    const rec = await db.files.get(sha);
    if (!rec) {
      const name = loggedName.get(sha);
      missing.push({ sha256: sha, ...(name ? { name } : {}) });
      continue;
    }
    const r = rec.receipt;
    found.push({ sha256: sha, fileName: r.fileName, ...(r.entryName ? { entryName: r.entryName } : {}), size: r.entrySize ?? r.size, format: r.format, importedAt: firstImport.get(sha) ?? r.startedAt, rowsRead: r.rowsRead, receipt: r });
  }
  return { found, missing };
}

/** The source files the items cite; refused (ExportRefused) if one is not in the store any more. */
export async function citedSources(db: WorkbenchDb, items: PinRecord[]): Promise<SourceInfo[]> {
  const { found, missing } = await readCitedSources(db, items);
  const [gone] = missing;
  // Importing the same bytes again brings the file's record back (its first import stays the acquisition time).
  if (gone) {
    throw new ExportRefused(gone.name
      ? `source ${gone.name} (SHA-256 ${gone.sha256}) cited by this case is not in the store any more (was its dataset deleted?): import that file again to export this case`
      : `source ${gone.sha256} cited by this case is not in the store any more (was its dataset deleted?)`);
  }
  return found;
}

export async function exportCaseBundle(opts: {
  db: WorkbenchDb;
  host: HostApi;
  caseId: string;
  /** The source files, selected again by the analyst. */
  files: File[];
  passphrase?: string;
  onProgress?: (p: ExportProgress) => void;
  renderReport?: ReportRenderer;
  now?: Date;
  /** Cancels the export (rejects with an AbortError): before the file is saved, nothing is written or logged. */
  signal?: AbortSignal;
}): Promise<ExportResult | null> {
  const { db, host, caseId, signal } = opts;
  const progress = opts.onProgress ?? (() => {});
  // One snapshot of the case, its items, its custody log and their sources: a change made meanwhile
  // (in another window) is in the next bundle, never in half of this one.
  const { caseRecord, items, custody, sources } = await db.transaction('r', [db.cases, db.pins, db.custody, db.files], async () => {
    const caseRecord = await getCase(db, caseId);
    if (!caseRecord) throw new Error(`no case ${caseId}`);
    const items = await caseItems(db, caseId);
    if (items.length === 0) throw new ExportRefused('this case has no evidence items yet');
    return { caseRecord, items, custody: await readCustody(db, caseId), sources: await citedSources(db, items) };
  });
  const signer = await hostSigner(host, opts.passphrase);
  // The keys the signer's key replaced travel with the bundle: a recipient who trusts an earlier fingerprint can follow.
  const publicKey = await host['keys:exportPublic']();
  if (publicKey.fingerprint !== signer.fingerprint) throw new Error('the analyst key changed while the export began (rotated in another window?): export again');

  // Re-read every selected file; keep the entries whose SHA-256 is cited.
  const wanted = new Map<string, ByteRange[]>();
  for (const i of items) for (const p of i.provenance) (wanted.get(p.fileSha256) ?? wanted.set(p.fileSha256, []).get(p.fileSha256)!).push(p);
  const total = opts.files.reduce((s, f) => s + f.size, 0);
  let done = 0;
  const scanned: ScannedSource[] = [];
  for (const f of opts.files) {
    const detail = f.name;
    progress({ phase: 'reading sources', done, total, detail });
    // The bar moves through each file (a large source takes seconds, on a thread of its own), at most five times a second.
    let shown = performance.now();
    try {
      scanned.push(await scanSourceOffThread(f, wanted, (n) => {
        done += n;
        if (performance.now() - shown < 200) return;
        shown = performance.now();
        progress({ phase: 'reading sources', done: Math.min(done, total), total, detail });
      }, signal));
    } catch (e) {
      const unreadable = unreadableFileMessage(e, f.name);
      throw unreadable ? new ExportRefused(unreadable) : e;
    }
  }
  const excerpts = new Map<string, Map<string, Uint8Array>>();
  const firstLines = new Map<string, Uint8Array>();
  for (const s of scanned) {
    for (const e of s.entries) {
      if (!wanted.has(e.sha256)) continue;
      excerpts.set(e.sha256, e.excerpts);
      if (e.firstLine) firstLines.set(e.sha256, e.firstLine);
    }
  }
  for (const src of sources) {
    if (excerpts.has(src.sha256)) continue;
    const sameName = scanned.find((s) => s.fileName === src.fileName);
    if (sameName) {
      const now = sameName.entries.find((e) => e.entryName === src.entryName)?.sha256 ?? sameName.sha256;
      const name = `${src.fileName}${src.entryName ? `/${src.entryName}` : ''}`;
      // A source that no longer matches what was collected is an event of the case's custody, not only a
      // refusal. Said as what is known (a file of that name, other bytes: changed, or another file), once per file and hash.
      const detail = { reason: 'a file of the cited name does not have the SHA-256 recorded at import', file: name, sha256AtImport: src.sha256, sha256Selected: now };
      await recordCustody(db, caseId, signer.principal, 'export-refused', detail, true);
      throw new ExportRefused(`“${name}” changed since it was imported (SHA-256 at import ${src.sha256}, now ${now})`);
    }
    throw new ExportRefused(`select the source file “${src.fileName}” again (SHA-256 ${src.sha256}): the bundle quotes its exact bytes`);
  }

  signal?.throwIfAborted();
  progress({ phase: 'signing', done: 0, total: 0, detail: signer.fingerprint });
  const software = { name: APP_NAME, version: appVersion };
  // A figure file is opened on its own, on computers that may have none of the app's fonts: it carries
  // those its text is drawn in, as an SVG saved from the app does. The pins, and the report that prints
  // them in its page (whose own faces must stay the only ones), keep the SVG as pinned.
  const figureSvgs = new Map<string, string>();
  for (const item of items) {
    const svg = pinnedSvg(item);
    if (svg) figureSvgs.set(item.id, await svgWithFonts(svg, APP_FACES));
  }
  signal?.throwIfAborted();
  const content = buildCaseBundleContent({ caseRecord, items, excerpts, firstLines, sources: new Map(sources.map((s) => [s.sha256, s])), analyst: signer.principal, software, figureSvgs });
  const prepared = await prepareBundle({
    caseId: caseRecord.id,
    createdAt: opts.now ?? new Date(),
    sourceOrganization: signer.principal,
    software,
    principal: signer.principal,
    signer,
    payload: content.payload,
    items: content.items,
    custody,
    analysis: content.analysis,
    egress: await host['egress:log'](),
    bagInfo: [['External-Description', `Evidence bundle of case "${caseRecord.name}"`]],
    previousKeys: publicKey.previousKeys,
    report: opts.renderReport !== undefined,
  });
  let extra: BundleEntry[] = [];
  const pdf = opts.renderReport ? await opts.renderReport({ prepared, caseRecord, items, custody, signing: await reportSigning(host, signer, opts.passphrase) }) : null;
  if (opts.renderReport && !pdf) throw new Error('the evidence report could not be printed, and the bundle says it holds one: nothing was saved');
  if (pdf) extra = await prepared.signReport(pdf);

  signal?.throwIfAborted();
  const target = await host['save:begin']({ suggestedName: prepared.zipName, mimeType: 'application/zip' });
  if (!target.id) return null;
  const estimate =
    [...prepared.tagFiles, ...prepared.signatures, ...extra].reduce((s, e) => s + e.bytes.length, 0) + prepared.payload.reduce((s, p) => s + p.size, 0);
  let written = 0;
  try {
    const reader = prepared.zip(extra).getReader();
    // Batch client-zip's small chunks into ~1 MB writes: one IPC call each.
    let batch: Uint8Array[] = [];
    let batchBytes = 0;
    const flush = async () => {
      if (!batchBytes) return;
      const out = new Uint8Array(batchBytes);
      let o = 0;
      for (const b of batch) (out.set(b, o), (o += b.length));
      await host['save:write'](target.id!, out);
      written += batchBytes;
      batch = [];
      batchBytes = 0;
      progress({ phase: 'writing', done: written, total: Math.max(estimate, written), detail: prepared.zipName });
    };
    for (;;) {
      signal?.throwIfAborted();
      const { done: end, value } = await reader.read();
      if (end) break;
      batch.push(value);
      batchBytes += value.length;
      if (batchBytes >= 1 << 20) await flush();
    }
    await flush();
  } catch (err) {
    await host['save:abort'](target.id);
    throw err;
  }
  const saved = await host['save:end'](target.id);
  await recordCustody(db, caseId, signer.principal, 'export', {
    bundleId: prepared.bundleId,
    fingerprint: prepared.fingerprint,
    file: prepared.zipName,
    bytes: saved.bytes,
    items: items.length,
    sources: sources.map((s) => s.sha256),
    report: pdf !== null,
    // The custody entries the bundle holds end here (entries made during the export are not in it).
    custodyHead: custody.at(-1)?.hash ?? null,
  });
  progress({ phase: 'done', done: saved.bytes, total: saved.bytes, detail: saved.path });
  const notCited = scanned.filter((s) => !s.entries.some((e) => wanted.has(e.sha256))).map((s) => s.fileName);
  return { bundleId: prepared.bundleId, fingerprint: prepared.fingerprint, zipName: prepared.zipName, path: saved.path, bytes: saved.bytes, items: items.length, sources: sources.length, notCited };
}

/**
 * The report key over the host, for finishReportPdf: its certificate, vouched for by an SSHSIG of the
 * analyst's key (so a recipient of the PDF alone can tie pdfsig's signer to the trusted fingerprint),
 * and its signature over the report's CMS signed attributes.
 */
async function reportSigning(host: HostApi, signer: Ed25519Signer, passphrase: string | undefined): Promise<ReportSigning> {
  const withPassphrase = passphrase ? { passphrase } : {};
  const certificate = await host['keys:reportCertificate'](withPassphrase);
  return {
    certificate,
    certificateSignature: await sshsigSign(signer, certificate, EVIDENCE_NAMESPACE),
    signAttributes: (signedAttributes) => host['keys:signReport']({ signedAttributes: new Uint8Array(signedAttributes), ...withPassphrase }),
  };
}
