/**
 * Verifies a bundle ZIP independently of how it was written: one verdict per check, each failure
 * naming exactly what failed. The ZIP is read strictly (bundleZip.ts), so these checks see the files
 * unzip extracts. Limit: the whole ZIP is held in memory, and any deflated entry inflated beside it
 * (fine for bundles of a few hundred MB; a streaming/random-access reader is future work).
 */
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { bagName as signedBagName, bagPathProblem } from './bagPaths';
import { parseManifest } from './bagText';
import { bytesEqual, bytesToHex, fromUtf8, utf8 } from './bytes';
import { countOf } from '../domain/countWords';
import { parseAndVerifyCustody } from './custodyLog';
import { REPORT_BINDING_PATH, REPORT_BINDING_SIG_PATH, REPORT_PATH, REPORT_SIG_PATH, reportBindingText } from './bundleWriter';
import { readBundleZip } from './bundleZip';
import { minisignVerify, parseMinisignPublicKey } from './minisign';
import { fingerprintSha256, parseAllowedSigners, parsePublicKeyLine } from './opensshKeys';
import { verifyKeyHistory } from './keyHistory';
import { checkPdfSignature } from './pdfSignatureCheck';
import { EVIDENCE_NAMESPACE, sshsigVerify } from './sshsig';

export type CheckName = 'zip' | 'signature' | 'minisign' | 'key-history' | 'trust' | 'tagmanifest' | 'payload' | 'completeness' | 'custody' | 'report';
export const CHECK_NAMES: CheckName[] = ['zip', 'signature', 'minisign', 'key-history', 'trust', 'tagmanifest', 'payload', 'completeness', 'custody', 'report'];

export interface BundleCheck {
  name: CheckName;
  ok: boolean;
  /** 'warn' (ok) = could not be established but not required, e.g. an unknown signer. */
  status: 'pass' | 'fail' | 'warn' | 'skip';
  detail: string;
}

export interface BundleVerdict {
  ok: boolean;
  bundleId: string | null;
  fingerprint: string | null;
  principal: string | null;
  bagName: string | null;
  checks: BundleCheck[];
}

export interface VerifyOptions {
  /** `SHA256:...` fingerprints received out of band. */
  trustedFingerprints?: string[];
  /** Make an unknown signer a failure instead of a warning. */
  requireTrust?: boolean;
}

const TAGMANIFEST = 'tagmanifest-sha512.txt';
const SIG = 'signatures/tagmanifest-sha512.txt.sig';
const MINISIG = 'signatures/tagmanifest-sha512.txt.minisig';
const MAX_LISTED = 5;
/** A trusted timestamp (RFC 3161 .tsr, OpenTimestamps .ots) added to signatures/ after signing. */
// Plain names only, the same pattern in VERIFY.txt and verify.sh (verifyInstructions.ts), so every route agrees.
const TIMESTAMP_PROOF = /^signatures\/[A-Za-z0-9][A-Za-z0-9._-]{0,200}\.(tsr|ots)$/;

/** A check not made because an earlier one failed. */
const notChecked = (name: CheckName): BundleCheck => ({ name, ok: false, status: 'skip', detail: 'not checked: an earlier check failed' });

/** The verdict on a file that could not be read at all (missing, a folder): its zip check fails, saying why. */
export function unreadableBundleVerdict(why: string): BundleVerdict {
  const checks = CHECK_NAMES.map((n): BundleCheck => (n === 'zip' ? { name: n, ok: false, status: 'fail', detail: why } : notChecked(n)));
  return { ok: false, bundleId: null, fingerprint: null, principal: null, bagName: null, checks };
}

const list = (xs: string[]): string => xs.slice(0, MAX_LISTED).join('; ') + (xs.length > MAX_LISTED ? `; and ${xs.length - MAX_LISTED} more` : '');

export function verifyBundle(zipBytes: Uint8Array, opts: VerifyOptions = {}): BundleVerdict {
  const checks = new Map<CheckName, BundleCheck>();
  const set = (name: CheckName, ok: boolean, detail: string, status?: BundleCheck['status']) =>
    checks.set(name, { name, ok, status: status ?? (ok ? 'pass' : 'fail'), detail });
  const verdict = (bundleId: string | null, fingerprint: string | null, principal: string | null, bagName: string | null): BundleVerdict => {
    const all = CHECK_NAMES.map((n) => checks.get(n) ?? notChecked(n));
    return { ok: all.every((c) => c.ok), bundleId, fingerprint, principal, bagName, checks: all };
  };

  // zip: read as unzip extracts it (bundleZip.ts: every entry a regular file, CRC-32s checked, nothing
  // a tool could read another way), no name twice, safe names, one top folder.
  const read = readBundleZip(zipBytes);
  if (!read.ok) {
    // Said first: what a recipient can act on (ask for the ZIP as sent), before the entries' problems.
    const repacked = read.repacked.length
      ? `this ZIP looks packed again by another tool (it has ${read.repacked.join(', ')}, which bundles never have), so it is not the ZIP that was signed and sent: ` +
        'verify the ZIP as received, or run sh verify.sh <fingerprint> in the folder extracted from it. '
      : '';
    const what = read.kind === 'unreadable' ? 'the ZIP cannot be read' : 'the ZIP is refused';
    set('zip', false, `${repacked}${repacked ? what[0]!.toUpperCase() + what.slice(1) : what}: ${list(read.problems)}`);
    return verdict(null, null, null, null);
  }
  const names = read.entries.map((e) => e.name);
  // Two entries under one name: an extractor may show the copy the manifests do not cover.
  // A set, not indexOf per name: that was quadratic, 18 s for a bundle of 66,000 cited rows.
  const seen = new Set<string>();
  const repeated = [...new Set(names.filter((n) => seen.size === seen.add(n).size))];
  if (repeated.length) {
    set('zip', false, `entries stored twice under one name (an extractor may show either copy): ${list(repeated)}`);
    return verdict(null, null, null, null);
  }
  // Whole names, the top folder too: unzip would strip a leading '/' or '../' and write elsewhere.
  const badNames = names.flatMap((n) => {
    const p = bagPathProblem(n);
    return p ? [`${JSON.stringify(n)}: ${p}`] : [];
  });
  if (badNames.length) {
    set('zip', false, `unsafe entry names: ${list(badNames)}`);
    return verdict(null, null, null, null);
  }
  // The bag is the top folder most entries are in; every entry must be inside it.
  const perTop = new Map<string, number>();
  for (const n of names) if (n.includes('/')) perTop.set(n.slice(0, n.indexOf('/')), (perTop.get(n.slice(0, n.indexOf('/'))) ?? 0) + 1);
  const bagName = [...perTop].sort((a, b) => b[1] - a[1])[0]?.[0];
  const outside = names.filter((n) => bagName === undefined || !n.startsWith(`${bagName}/`));
  if (bagName === undefined || outside.length) {
    const where = bagName === undefined ? 'found none' : `${bagName}/`;
    set('zip', false, `expected every entry in one top-level folder (${where}), outside it: ${outside.length ? list(outside.map((n) => JSON.stringify(n))) : 'no entries at all'}`);
    return verdict(null, null, null, bagName ?? null);
  }
  const files = new Map<string, Uint8Array>();
  for (const { name, data } of read.entries) files.set(name.slice(bagName.length + 1), data);
  set('zip', true, `${files.size} files in ${bagName}/, each a regular file whose CRC-32 matches, read as unzip extracts them`);

  const text = (p: string): string | null => {
    const b = files.get(p);
    if (!b) return null;
    try {
      return fromUtf8(b);
    } catch {
      return null;
    }
  };
  const tagManifest = files.get(TAGMANIFEST);
  const bundleId = tagManifest ? bytesToHex(sha256(tagManifest)) : null;

  // Signer files: the SSH public key, allowed_signers and minisign.pub must all name one key.
  let signerKey: Uint8Array | null = null;
  let principal: string | null = null;
  let signerProblem = '';
  try {
    const pub = parsePublicKeyLine(text('metadata/signer/id_ed25519.pub') ?? '');
    const allowed = parseAllowedSigners(text('metadata/signer/allowed_signers') ?? '');
    if (allowed.length !== 1) throw new Error(`metadata/signer/allowed_signers has ${allowed.length} entries, expected 1`);
    if (!bytesEqual(allowed[0]!.publicKey, pub.publicKey)) throw new Error('metadata/signer/allowed_signers and id_ed25519.pub hold different keys');
    if (allowed[0]!.namespaces && !allowed[0]!.namespaces.includes(EVIDENCE_NAMESPACE)) throw new Error(`allowed_signers does not allow namespace ${EVIDENCE_NAMESPACE}`);
    signerKey = pub.publicKey;
    principal = allowed[0]!.principals[0] ?? null;
  } catch (err) {
    signerProblem = (err as Error).message || 'metadata/signer/id_ed25519.pub is missing or unreadable';
  }
  const fingerprint = signerKey ? fingerprintSha256(signerKey) : null;

  // signature: SSHSIG over the tag manifest, by the signer key.
  const sigText = text(SIG);
  if (!tagManifest) set('signature', false, `${TAGMANIFEST} is missing`);
  else if (!sigText) set('signature', false, `${SIG} is missing`);
  else if (!signerKey) set('signature', false, `signer key: ${signerProblem}`);
  else {
    const v = sshsigVerify(sigText, tagManifest, EVIDENCE_NAMESPACE);
    if (!v.ok) set('signature', false, `${SIG} does not verify over ${TAGMANIFEST}: ${v.reason}`);
    else if (!bytesEqual(v.publicKey, signerKey)) {
      set('signature', false, `${SIG} was made by ${fingerprintSha256(v.publicKey)}, not by the bundle's signer ${fingerprint}`);
    } else set('signature', true, `Good "${EVIDENCE_NAMESPACE}" signature for ${principal} with ED25519 key ${fingerprint}`);
  }

  // minisign: same key, secondary format.
  const minisig = text(MINISIG);
  if (!tagManifest || !minisig) set('minisign', false, `${!tagManifest ? TAGMANIFEST : MINISIG} is missing`);
  else {
    try {
      const mpk = parseMinisignPublicKey(text('metadata/signer/minisign.pub') ?? '');
      if (signerKey && !bytesEqual(mpk.publicKey, signerKey)) throw new Error('metadata/signer/minisign.pub is not the SSH signer key');
      const v = minisignVerify(minisig, tagManifest, mpk);
      if (v.ok) set('minisign', true, `verified; trusted comment: ${v.trustedComment}`);
      else set('minisign', false, `${MINISIG}: ${v.reason}`);
    } catch (err) {
      set('minisign', false, (err as Error).message);
    }
  }

  // key-history: the signer's earlier keys, each vouching for the key after it (keyHistory.ts).
  const history = verifyKeyHistory(text, EVIDENCE_NAMESPACE);
  if (history.count === 0) set('key-history', true, 'the signer names no earlier key', 'skip');
  else if (history.problem) set('key-history', false, history.problem);
  else set('key-history', true, `${history.count} earlier key${history.count === 1 ? '' : 's'} of the signer, each vouching for the key after it: ${[...history.fingerprints].reverse().join(' → ')} → ${fingerprint}`);

  // trust: out-of-band fingerprints (the signer's, or an earlier key's that vouched for it).
  const trusted = opts.trustedFingerprints ?? [];
  const trustedEarlier = history.problem ? undefined : history.fingerprints.find((fp) => trusted.includes(fp));
  if (!fingerprint) set('trust', false, `no signer fingerprint: ${signerProblem}`);
  else if (trusted.includes(fingerprint)) set('trust', true, `${fingerprint} is in the trusted list`);
  else if (trustedEarlier) set('trust', true, `${trustedEarlier} is in the trusted list: an earlier key of the signer, it vouched for ${fingerprint} (key-history)`);
  else if (trusted.length === 0 && !opts.requireTrust) set('trust', true, `unknown signer ${fingerprint}: compare it with the fingerprint received out of band`, 'warn');
  else if (opts.requireTrust && trusted.length === 0) set('trust', false, `no trusted fingerprint given: compare the signer's ${fingerprint} with the fingerprint received out of band, then give it as trusted`);
  else if (opts.requireTrust) set('trust', false, `signer ${fingerprint} is not one of the trusted fingerprints: ${trusted.join(', ')}`);
  else set('trust', true, `signer ${fingerprint} is not one of the trusted fingerprints: ${trusted.join(', ')}`, 'warn');

  // tagmanifest: every listed tag file matches.
  let tagEntries: Map<string, string> | null = null;
  if (!tagManifest) set('tagmanifest', false, `${TAGMANIFEST} is missing`);
  else {
    try {
      tagEntries = parseManifest(fromUtf8(tagManifest), 128);
      const bad: string[] = [];
      for (const [p, hex] of tagEntries) {
        const b = files.get(p);
        if (!b) bad.push(`${p}: listed but missing`);
        else {
          const actual = bytesToHex(sha512(b));
          if (actual !== hex) bad.push(`${p}: expected sha512 ${hex}, actual ${actual}`);
        }
        if (p.startsWith('data/') || p.startsWith('signatures/') || p.startsWith('report/')) bad.push(`${p}: must not be in the tag manifest`);
      }
      if (bad.length) set('tagmanifest', false, list(bad));
      else set('tagmanifest', true, `${tagEntries.size} tag files match`);
    } catch (err) {
      set('tagmanifest', false, `${TAGMANIFEST}: ${(err as Error).message}`);
    }
  }

  // payload: both manifests, every entry.
  const manifests: Array<[string, number, (b: Uint8Array) => Uint8Array]> = [
    ['manifest-sha512.txt', 128, sha512],
    ['manifest-sha256.txt', 64, sha256],
  ];
  const listedPayload = new Set<string>();
  const payloadBad: string[] = [];
  const digestCache = new Map<string, string>();
  for (const [mf, len, h] of manifests) {
    const t = text(mf);
    if (t === null) {
      payloadBad.push(`${mf} is missing`);
      continue;
    }
    try {
      const entries = parseManifest(t, len);
      for (const [p, hex] of entries) {
        listedPayload.add(p);
        if (!p.startsWith('data/')) payloadBad.push(`${mf}: ${p} is outside data/`);
        const b = files.get(p);
        if (!b) {
          payloadBad.push(`${p}: listed in ${mf} but missing`);
          continue;
        }
        const key = `${len}:${p}`;
        const actual = digestCache.get(key) ?? bytesToHex(h(b));
        digestCache.set(key, actual);
        if (actual !== hex) payloadBad.push(`${p}: ${mf} expects ${hex}, actual ${actual}`);
      }
    } catch (err) {
      payloadBad.push(`${mf}: ${(err as Error).message}`);
    }
  }
  if (payloadBad.length) set('payload', false, list(payloadBad));
  else set('payload', true, `${[...files.keys()].filter((p) => p.startsWith('data/')).length} payload files match both manifests`);

  // completeness: nothing unlisted anywhere, both manifests list the same files.
  const incomplete: string[] = [];
  const timestampProofs: string[] = [];
  const m512 = safeParse(text('manifest-sha512.txt'), 128);
  const m256 = safeParse(text('manifest-sha256.txt'), 64);
  // A list that cannot be read is said once (its check says why): its files are not each "unlisted".
  const unread = (name: string, check: string, what: string) => incomplete.push(`${name} could not be read (${check} says why): ${what} not compared with it`);
  if (!m512) unread('manifest-sha512.txt', 'payload', 'the files in data/');
  if (!m256) unread('manifest-sha256.txt', 'payload', 'the files in data/');
  if (!tagEntries) unread(TAGMANIFEST, 'tagmanifest', 'the tag files');
  for (const p of files.keys()) {
    if (p.startsWith('data/')) {
      if (m512 && !m512.has(p)) incomplete.push(`${p}: in data/ but not in manifest-sha512.txt`);
      if (m256 && !m256.has(p)) incomplete.push(`${p}: in data/ but not in manifest-sha256.txt`);
    } else if (p.startsWith('signatures/')) {
      if (TIMESTAMP_PROOF.test(p)) timestampProofs.push(p);
      else if (![SIG, MINISIG, REPORT_SIG_PATH, REPORT_BINDING_SIG_PATH].includes(p)) incomplete.push(`${p}: unexpected file in signatures/`);
    } else if (p.startsWith('report/')) {
      if (p !== REPORT_PATH && p !== REPORT_BINDING_PATH) incomplete.push(`${p}: unexpected file in report/`);
    } else if (p !== TAGMANIFEST && tagEntries && !tagEntries.has(p)) incomplete.push(`${p}: outside data/ but not in ${TAGMANIFEST}`);
  }
  for (const p of listedPayload) if (!files.has(p)) incomplete.push(`${p}: listed in a manifest but missing`);
  for (const req of ['bagit.txt', 'bag-info.txt', 'metadata/custody.jsonl', 'metadata/provenance.json', 'metadata/items.jsonl']) {
    if (tagEntries && !tagEntries.has(req)) incomplete.push(`${req}: required tag file not in ${TAGMANIFEST}`);
  }
  // The folder's name is the signed case id and creation time (bagPaths.ts): VERIFY.txt step 1 checks
  // the ZIP holds that one folder, so a bundle renamed to pass for another case fails here too.
  const provenance = parseProvenance(text('metadata/provenance.json'));
  const named = namedBag(provenance);
  if (tagEntries?.has('metadata/provenance.json') && named && named !== bagName) {
    incomplete.push(`the bag folder is ${bagName}/, but the signed metadata/provenance.json (case id and creation time) names it ${named}/: renamed after signing?`);
  }
  if (incomplete.length) set('completeness', false, list(incomplete));
  // Trusted timestamps are added to signatures/ later (they need a network); offline they cannot be checked.
  else if (timestampProofs.length) set('completeness', true, `no unlisted or missing files; not checked (timestamp proofs added after signing, which need their issuer to verify): ${list(timestampProofs)}`, 'warn');
  else set('completeness', true, 'no unlisted or missing files');

  // custody: the hash chain.
  const custodyText = text('metadata/custody.jsonl');
  if (custodyText === null) set('custody', false, 'metadata/custody.jsonl is missing or not UTF-8');
  else {
    const c = parseAndVerifyCustody(custodyText);
    if (c.ok) set('custody', true, `${countOf(c.entries, 'entry', 'entries')}, chain intact, head ${c.head}`);
    else set('custody', false, `metadata/custody.jsonl broken at seq ${c.brokenAt}: ${c.reason}`);
  }

  // report: optional, made after signing (it prints the bundle id); provenance.json (signed) says
  // whether one was added and whether it is bound to the bundle: report/evidence-report.sha256 holds
  // the report's SHA-256 and the bundle id, signed, so a report of another bundle fails here.
  const report = files.get(REPORT_PATH);
  const reportFiles = [REPORT_PATH, REPORT_BINDING_PATH, REPORT_SIG_PATH, REPORT_BINDING_SIG_PATH].filter((p) => files.has(p));
  const promised = provenance.report;
  const bound = provenance.reportBinding === REPORT_BINDING_PATH;
  const signedBySigner = (sigPath: string, path: string): string | null => {
    const message = files.get(path);
    const sig = text(sigPath);
    if (!message) return `${path} is missing`;
    if (!sig) return `${path} has no ${sigPath}`;
    const v = sshsigVerify(sig, message, EVIDENCE_NAMESPACE);
    if (!v.ok) return `${sigPath} does not verify over ${path}: ${v.reason}`;
    if (!signerKey || !bytesEqual(v.publicKey, signerKey)) return `${sigPath} was made by ${fingerprintSha256(v.publicKey)}, not by the bundle's signer`;
    return null;
  };
  const bindingProblem = (): string | null => {
    const expected = reportBindingText(bytesToHex(sha256(report!)), bundleId ?? '(no tag manifest)');
    const actual = text(REPORT_BINDING_PATH);
    if (actual === expected) return null;
    return `${REPORT_BINDING_PATH} does not bind this report to this bundle (a report of another bundle?): it reads ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`;
  };
  // The report's own signature inside the PDF (reports since 2026-12-03): it must verify, by the
  // certificate that names this bundle's signer (what pdfsig shows a recipient of the PDF alone).
  let insideNote = '';
  const insideProblem = (): string | null => {
    if (!/\/ByteRange\s*\[/.test(new TextDecoder('latin1').decode(report!))) return null;
    const inside = checkPdfSignature(report!);
    if (!inside.ok) return `${REPORT_PATH}'s signature inside the PDF (CMS, as pdfsig checks it) fails: ${inside.detail}`;
    if (inside.subject?.[1] !== `SSH key ${fingerprint}`) return `${REPORT_PATH} is signed inside by a certificate of ${inside.subject?.join(', ')}, not of this bundle's signer ${fingerprint}`;
    insideNote = `; signed inside too (CMS, as pdfsig checks it: ${inside.detail})`;
    return null;
  };
  if (!report && promised === REPORT_PATH) set('report', false, `metadata/provenance.json says the bundle holds ${REPORT_PATH}, and it is missing (removed after signing?)`);
  else if (reportFiles.length && promised === null) set('report', false, `metadata/provenance.json says no report was made for this bundle, and ${list(reportFiles)} ${reportFiles.length === 1 ? 'is' : 'are'} present (added after signing?)`);
  else if (!reportFiles.length) set('report', true, promised === null ? 'no report: none was made for this bundle (metadata/provenance.json)' : 'no report in this bundle', 'skip');
  else if (!report) set('report', false, `${list(reportFiles)} present but ${REPORT_PATH} is missing`);
  else {
    const problem = signedBySigner(REPORT_SIG_PATH, REPORT_PATH) ?? (bound ? (signedBySigner(REPORT_BINDING_SIG_PATH, REPORT_BINDING_PATH) ?? bindingProblem()) : null) ?? insideProblem();
    if (problem) set('report', false, problem);
    else if (bound) set('report', true, `${REPORT_PATH} signed by ${fingerprint} and bound to this bundle (${REPORT_BINDING_PATH})${insideNote}`);
    // Bundles of app versions before 2026-12-01 have no binding: the report's own signature only.
    else if (files.has(REPORT_BINDING_PATH) || files.has(REPORT_BINDING_SIG_PATH)) set('report', false, `metadata/provenance.json names no report binding, and ${REPORT_BINDING_PATH} or its signature is present (added after signing?)`);
    else if (!bytesEqual(report.subarray(0, 5), utf8('%PDF-'))) set('report', false, `${REPORT_PATH} is not a PDF (it does not begin with %PDF-), and nothing binds it to this bundle: another file the signer signed?`);
    else set('report', true, `${REPORT_PATH} signed by ${fingerprint}, but not bound to this bundle (made by an app version before 2026-12-01): check that the bundle id it prints is ${bundleId}`, 'warn');
  }

  return verdict(bundleId, fingerprint, principal, bagName);
}

/** The fields of metadata/provenance.json the verifier reads; {} when it is missing or not JSON (completeness says so). */
function parseProvenance(t: string | null): Record<string, unknown> {
  try {
    const p: unknown = JSON.parse(t ?? '{}');
    return p && typeof p === 'object' ? (p as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The bag name provenance.json's caseId and created give (as the writer named the folder), or null. */
function namedBag(p: Record<string, unknown>): string | null {
  if (typeof p.caseId !== 'string' || typeof p.created !== 'string') return null;
  const created = new Date(p.created);
  return Number.isNaN(created.getTime()) ? null : signedBagName(p.caseId, created);
}

function safeParse(t: string | null, len: number): Map<string, string> | null {
  if (t === null) return null;
  try {
    return parseManifest(t, len);
  } catch {
    return null;
  }
}
