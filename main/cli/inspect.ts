import { UNENDED_LAST_ROW_NOTE, type ImportReceipt, type QuarantinedRow } from '../../shared/domain/archive';
import type { KnownRecords } from '../../shared/archive/knownRecords';
import { parseArchive, tweetIdSet, type ArchiveHashes, type SeenTweets } from '../../shared/archive/parseArchive';
import { SelectionJudge } from '../../shared/archive/selectionVerdicts';
import { parseCliArgs, UsageError, withUsage } from './cliArgs';
import { addKeptTweets, type KeptTweet } from './keptTweets';
import { aboutPath, fileSource, judgeArchiveFile, unreadablePath } from './loadArchiveFiles';
import { terminalText } from './terminalText';

interface FileReport {
  path: string;
  ok: boolean;
  error?: string;
  /** Why nothing of it was read, as the app skips it (the same file chosen twice, a CSV another file of the import holds). */
  skipped?: string;
  receipts: ImportReceipt[];
  /** A conflicting duplicate tweet's row names the tweet kept in its place (keptTweet). */
  quarantined: (QuarantinedRow & { keptTweet?: KeptTweet })[];
  /** A zip's entries that are not read (not .csv). */
  skippedEntries: string[];
}

/**
 * `inspect FILE... [--json]`: parse each file through the shared pipeline and report its receipts
 * and quarantined rows. The files are read as one import of them in this order: a tweet or users-file
 * account a file repeats from an earlier one counts as duplicate (or is quarantined with other
 * content), and a file is skipped or refused as the app judges it (SelectionJudge: the same file
 * twice, one CSV content in two files or twice in a zip). Exit code 1 when any file, or any CSV
 * entry of a zip, is refused.
 */
export function run(argv: string[]): Promise<number> {
  return withUsage('usage: npm run -s cli -- inspect FILE... [--json]', () => {
    const { files, flags } = parseCliArgs(argv, { options: [], flags: ['--json'] });
    if (files.length === 0) throw new UsageError('no archive file given');
    return inspect(files, flags.has('--json'));
  });
}

async function inspect(paths: string[], json: boolean): Promise<number> {
  // A file refused after it delivered rows is left out and the others are read again, as the app
  // restarts an import without it: its tweets must not make another file's rows duplicates.
  const refusedFiles = new Map<number, FileReport>();
  // The hashes each file read was read with, to read it again for the kept tweets.
  const hashesOf = new Map<FileReport, ArchiveHashes>();
  let reports: FileReport[];
  for (;;) {
    reports = [];
    const tables = { seenTweets: tweetIdSet(), knownAccounts: new Map() as KnownRecords, judge: new SelectionJudge() };
    let again = false;
    for (const [i, p] of paths.entries()) {
      const report = refusedFiles.get(i) ?? (await inspectFile(p, tables, hashesOf));
      reports.push(report);
      // A zip refused for one CSV entry has receipts of its others: it is left out all the same.
      if (!report.ok && !refusedFiles.has(i)) {
        refusedFiles.set(i, report);
        again = i < paths.length - 1;
        if (again) break;
      }
    }
    if (!again) break;
  }
  await addKeptTweets(reports.flatMap((r) => (r.ok && hashesOf.has(r) ? [{ ...r, hashes: hashesOf.get(r)! }] : [])));
  if (json) process.stdout.write(JSON.stringify({ files: reports }, null, 2) + '\n');
  else process.stdout.write(terminalText(reports.map(humanReport).join('\n')) + '\n');
  for (const r of reports) if (!r.ok) process.stderr.write(terminalText(`error: ${aboutPath(r.path, r.error ?? '')}`) + '\n');
  return reports.every((r) => r.ok) ? 0 : 1;
}

async function inspectFile(
  p: string,
  { judge, ...tables }: { seenTweets: SeenTweets; knownAccounts: KnownRecords; judge: SelectionJudge },
  hashesOf: Map<FileReport, ArchiveHashes>,
): Promise<FileReport> {
  const quarantined: FileReport['quarantined'] = [];
  let skippedEntries: string[] = [];
  const unreadable = unreadablePath(p);
  if (unreadable) return { path: p, ok: false, error: unreadable, receipts: [], quarantined, skippedEntries };
  try {
    // Judged as the app judges the files of one import: each content read once, a zip holding one CSV twice refused.
    const verdict = await judgeArchiveFile(p, judge);
    if (verdict.kind === 'refuse') return { path: p, ok: false, error: verdict.refused.message, receipts: [], quarantined, skippedEntries };
    if (verdict.kind === 'skip') return { path: p, ok: true, skipped: verdict.skipped.reason, receipts: [], quarantined, skippedEntries };
    const { hashes } = verdict;
    skippedEntries = hashes.skippedEntries;
    const receipts = await parseArchive(fileSource(p), { hashes, ...tables, onQuarantine: (b) => void quarantined.push(...b) });
    // A zip with a refused CSV entry is refused as the app and the analysis commands refuse it; its other entries' receipts are kept.
    const refused = receipts[0]?.refusedEntries ?? [];
    const error = refused.length ? `${refused.length} CSV ${refused.length === 1 ? 'entry' : 'entries'} refused: ${refused.map((x) => `${x.entryName}: ${x.message}`).join('; ')}` : undefined;
    const report = { path: p, ok: !error, ...(error ? { error } : {}), receipts, quarantined, skippedEntries };
    hashesOf.set(report, hashes);
    return report;
  } catch (e) {
    return { path: p, ok: false, error: (e as Error).message, receipts: [], quarantined, skippedEntries };
  }
}

function humanReport(r: FileReport): string {
  if (!r.ok && !r.receipts.length) return `${r.path}: REFUSED\n  ${r.error}\n`;
  if (r.skipped) return `${r.path}: NOT READ\n  ${r.skipped}\n`;
  const lines: string[] = [];
  for (const x of r.receipts) {
    lines.push(`${r.path}${x.entryName ? ` :: ${x.entryName}` : ''}`);
    lines.push(`  format     ${x.format}${x.formatVersion ? ` (${x.formatVersion})` : ''}`);
    lines.push(`  sha256     ${x.sha256}  (${x.size} bytes)`);
    if (x.entrySha256) lines.push(`  csv sha256 ${x.entrySha256}  (${x.entrySize} bytes decompressed)`);
    lines.push(`  rows       read ${x.rowsRead}, stored ${x.rowsStored}, duplicate ${x.rowsDuplicate}, rejected ${x.rowsRejected}, repeated headers ${x.repeatedHeaderRows}, blank lines ${x.blankLines ?? 0}`);
    if (x.unendedLastRow !== undefined) lines.push(`  last row   ${x.unendedLastRow} ${UNENDED_LAST_ROW_NOTE}`);
    const reasons = Object.entries(x.rejectedByReason).map(([k, v]) => `${k} ${v}`);
    if (reasons.length) lines.push(`  rejected   ${reasons.join(', ')}`);
  }
  for (const name of r.skippedEntries) lines.push(`${r.path} :: ${name}: not a .csv entry, not read`);
  for (const x of r.receipts[0]?.refusedEntries ?? []) lines.push(`${r.path} :: ${x.entryName}: REFUSED: ${x.message}`);
  const shown = r.quarantined.slice(0, 10);
  for (const q of shown) {
    lines.push(`  row ${q.row} @${q.byteOffset}+${q.byteLength}: ${q.reason}: ${q.detail}`);
    if (q.keptTweet) lines.push(`    ${q.keptTweet.note}`);
  }
  if (r.quarantined.length > shown.length) lines.push(`  … ${r.quarantined.length - shown.length} more quarantined rows (use --json)`);
  return lines.join('\n') + '\n';
}
