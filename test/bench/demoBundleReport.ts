import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { splitFields } from '../../shared/archive/csvRecords';

/**
 * The words of `npm run demo:bundle`'s JSON line that are not plain numbers: the recipient tools'
 * exit codes by command, the custody verdict with what the bundle itself holds, and the recipient's
 * checks of the evidence PDF.
 */

/**
 * Each tool run's exit code, keyed by its first three words ("ssh-keygen -Y verify", "unzip -q -o",
 * the keys read so far), the folders in `dirs` left out of paths. A run whose three words an
 * earlier run already has is keyed by its whole command ("ssh-keygen -Y verify -f … -s
 * signatures/other.sig"), and a command run twice by " (2)", " (3)"…: no run's code is lost.
 */
export function toolCodes(runs: ReadonlyArray<{ cmd: string; code: number }>, dirs: readonly string[]): Record<string, number> {
  const codes: Record<string, number> = {};
  for (const r of runs) {
    const cmd = dirs.reduce((c, d) => c.replaceAll(`${d}/`, '').replaceAll(d, '.'), r.cmd);
    let key = cmd.split(' ').slice(0, 3).join(' ');
    if (key in codes) key = cmd;
    for (let n = 2; key in codes; n++) key = `${cmd} (${n})`;
    codes[key] = r.code;
  }
  return codes;
}

/**
 * The case page's custody verdict ("Chain intact: 9 entries, head …") with what the bundle holds:
 * the app records the export itself after the bundle is written, so the bundle's
 * metadata/custody.jsonl has one entry fewer than the chain the page counts.
 */
export function custodyLine(verdict: string, bundleEntries: number): string {
  const m = /^(Chain intact: (\d+) entries)(.*)$/s.exec(verdict);
  if (!m) return `${verdict} (the bundle's metadata/custody.jsonl holds ${bundleEntries})`;
  const said = Number(m[2]) === bundleEntries + 1
    ? `, the last of them this export, recorded after the bundle was written (the bundle's metadata/custody.jsonl holds the other ${bundleEntries})`
    : ` (the bundle's metadata/custody.jsonl holds ${bundleEntries})`;
  return `${m[1]}${said}${m[3]}`;
}

/** One recipient tool's run (as test/browser/casesTools.ts records them). */
export interface PdfToolRun {
  cmd: string;
  code: number;
  out: string;
}

/** The JSON line's `pdf`: the evidence PDF copied out of the bundle, and what the recipient's tools say of it. */
export interface PdfFacts {
  path: string;
  bytes: number;
  pages: number;
  /** pdfsig: "Signature is Valid." over the "Total document signed" (CMS inside, the report key). */
  signatureVerified: boolean;
  /** pdfsig's signer (its certificate names the analyst and the SSH key fingerprint). */
  signer: string;
  /** ssh-keygen -Y verify of signatures/evidence-report.pdf.sig (the analyst's key, outside). */
  sshsigVerified: boolean;
  /** sha256sum -c of the bag's report/evidence-report.sha256 (signed: the report's SHA-256 and the bundle id), and that SHA-256 is this file's. */
  bindingVerified: boolean;
  /** pdfdetach -list: the files attached (tag manifest, its signatures, VERIFY.txt, the report certificate…). */
  attachments: number;
  /** Pages whose text (pdftotext) holds the bundle id (the footer: every page). */
  pagesWithBundleId: number;
  /** The exact text of each cited post found in pdftotext's output, of the cited posts. */
  citedTextsFound: number;
  citedTexts: number;
}

const runTool = (cmd: string, args: string[], cwd?: string, input?: Uint8Array): PdfToolRun => {
  const r = spawnSync(cmd, args, { cwd, input, maxBuffer: 256 << 20, encoding: 'utf8' });
  if (r.error) throw r.error;
  return { cmd: [cmd, ...args].join(' '), code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
};

/** Invisible bidi/format controls cannot come back from a PDF's text layer; whitespace differs by line breaks. */
const comparable = (s: string) => s.replace(/[\s\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]+/g, '');

/**
 * The exact archived text of each post the bundle cites (items.jsonl kind "tweet"): its excerpt row's
 * tweet_text column, named by the excerpt's header row.
 */
export function citedPostTexts(bag: string): string[] {
  const texts: string[] = [];
  const read = (p: string) => readFileSync(path.join(bag, p), 'utf8').replace(/\r?\n$/, '');
  for (const line of readFileSync(path.join(bag, 'metadata/items.jsonl'), 'utf8').split('\n').filter(Boolean)) {
    const item = JSON.parse(line) as { kind: string; sources: { path: string; header?: { path: string } }[] };
    const src = item.sources[0];
    if (item.kind !== 'tweet' || !src?.header) continue;
    const column = splitFields(read(src.header.path)).indexOf('tweet_text');
    const text = column < 0 ? undefined : splitFields(read(src.path))[column];
    if (text) texts.push(text);
  }
  return texts;
}

/**
 * A recipient's checks of the bundle's evidence PDF (EVIDENCE.md), run on `file` (a copy of the bag's
 * report/evidence-report.pdf): its SSHSIG and its binding to the bundle (in the bag, as VERIFY.txt
 * says), pdfsig, pdfinfo, pdfdetach -list, and pdftotext holding the bundle id on every page and the
 * exact text of every post in `texts`. Returns the facts and each run (every code must be 0).
 */
export function checkReportPdf(opts: { bag: string; file: string; principal: string; namespace: string; bundleId: string; texts: readonly string[] }): { pdf: PdfFacts; runs: PdfToolRun[] } {
  const { bag, file } = opts;
  const bytes = readFileSync(file);
  const sshsig = runTool('ssh-keygen', ['-Y', 'verify', '-f', 'metadata/signer/allowed_signers', '-I', opts.principal, '-n', opts.namespace, '-s', 'signatures/evidence-report.pdf.sig'], bag, bytes);
  const binding = runTool('sha256sum', ['-c', '--strict', 'report/evidence-report.sha256'], bag);
  const sig = runTool('pdfsig', [file]);
  const info = runTool('pdfinfo', [file]);
  const detach = runTool('pdfdetach', ['-list', file]);
  const text = runTool('pdftotext', ['-enc', 'UTF-8', file, '-']);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info.out)?.[1] ?? 0);
  const all = comparable(text.out);
  return {
    pdf: {
      path: file,
      bytes: bytes.length,
      pages,
      signatureVerified: sig.code === 0 && sig.out.includes('Signature Validation: Signature is Valid.') && sig.out.includes('Total document signed'),
      signer: /Signer full Distinguished Name: (.*)/.exec(sig.out)?.[1]?.trim() ?? '',
      sshsigVerified: sshsig.code === 0,
      bindingVerified: binding.code === 0 && readFileSync(path.join(bag, 'report/evidence-report.sha256'), 'utf8').startsWith(`${createHash('sha256').update(bytes).digest('hex')}  `),
      attachments: Number(/^(\d+) embedded files/m.exec(detach.out)?.[1] ?? 0),
      // pdftotext ends each page with a form feed.
      pagesWithBundleId: text.out.split('\f').filter((p) => p.includes(opts.bundleId)).length,
      citedTextsFound: opts.texts.filter((t) => all.includes(comparable(t))).length,
      citedTexts: opts.texts.length,
    },
    runs: [sshsig, binding, sig, info, detach, { ...text, out: '' }],
  };
}
