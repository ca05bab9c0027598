/**
 * Probe for issue #3 (docs/IMPORT_PERFORMANCE.md's proposed redesign, "text kept as UTF-8 bytes end
 * to end"): how fast a Twitter IO tweets CSV parses to stored-shape rows when no record is decoded to
 * JavaScript strings, against the app's parser on the same file in the same run. Node only, no database.
 *
 *   npx tsx test/bench/import/byteParseProbe.ts [FILE] [--rounds N] [--verify] [--stages] [--extras]
 *
 * FILE defaults to the cached 1 M demo archive (/tmp/dw-bench-import/demo-1000000-seed11/
 * demo_tweets_csv_hashed.csv; `npm run bench:import` generates it). Each round times, alternating:
 *  (a) current: parseArchive (the app's and the CLI's parser: wasm scan, fatal TextDecoder, field
 *      strings, tweetNormalizer, fingerprint, dedupe) to normalised Tweet rows, pass 1 skipped (hashes given);
 *  (b) bytes: byteRowParser.ts's ByteTweetParser, the file read in 4 MiB chunks straight into its
 *      buffer, to 2,000-row byte blocks with the block writer's aggregates.
 * --layout raw keeps each row's record bytes as in the file plus its field ends instead of byte
 * columns; --layout both times the two.
 * --stages adds (b) cut short at each stage (scan, utf8, split, rows: see ByteStage); --only a|b runs
 * one of the two, --upto STAGE cuts (b) short (to profile a stage: node --cpu-prof --import tsx ...).
 * --extras times, once, what (b) leaves to other threads or measures apart: SHA-256 of the file
 * (node:crypto), fatal TextDecoder over the file (64 KiB pieces), Node's native isUtf8.
 * --verify compares (a)'s and (b)'s counts (rows, duplicates, rejections, accounts, sums of times,
 * likes and text bytes, list items) once, untimed.
 * Prints one line per run (wall and process CPU seconds) and the load (uptime): the machine is shared,
 * so compare within a run and prefer the CPU figures.
 * tsx compiles with esbuild's keepNames, which wraps every closure made per row in __name() (seconds
 * per million rows, in (a) as in (b)); the app's build has none. To time without it:
 *   npx esbuild test/bench/import/byteParseProbe.ts --bundle --platform=node --format=esm \
 *     --external:wabt --external:hash-wasm --external:@noble/* --outfile=test/bench/import/.probe.mjs
 *   node test/bench/import/.probe.mjs [options]   (then delete .probe.mjs)
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import wabtInit from 'wabt';
import { parseArchive, type ArchiveHashes } from '../../../shared/archive/parseArchive';
import { fileSource } from '../../../main/cli/loadArchiveFiles';
import { byteOffsetScanWat, ByteTweetParser, type ByteLayout, type ByteParseCounts, type ByteStage } from './byteRowParser';

const DEFAULT_FILE = '/tmp/dw-bench-import/demo-1000000-seed11/demo_tweets_csv_hashed.csv';
const CHUNK = 4 << 20;

const args = process.argv.slice(2);
const flag = (f: string) => args.includes(f);
const value = (f: string) => (args.includes(f) ? args[args.indexOf(f) + 1] : undefined);
const file = args.find((a, i) => !a.startsWith('--') && !(i > 0 && ['--rounds', '--only', '--upto', '--layout'].includes(args[i - 1]!))) ?? DEFAULT_FILE;
const rounds = Number(value('--rounds') ?? 3);
/** --layout columns|raw|both: how (b)'s blocks keep text (ByteLayout). */
const layouts: ByteLayout[] = value('--layout') === 'both' ? ['columns', 'raw'] : [(value('--layout') as ByteLayout | undefined) ?? 'columns'];
const size = statSync(file).size;
const load = () => execFileSync('uptime', { encoding: 'utf8' }).trim();

/** The byte-offset variant of the app's scan, compiled as `npm run build:wasm` compiles the app's. */
async function scanModule(): Promise<WebAssembly.Module> {
  const wat = readFileSync(fileURLToPath(new URL('../../../shared/archive/csvScan.wat', import.meta.url)), 'utf8');
  const wabt = await wabtInit();
  const m = wabt.parseWat('csvScanBytes.wat', byteOffsetScanWat(wat), { simd: true });
  m.validate();
  return new WebAssembly.Module(m.toBinary({}).buffer as Uint8Array<ArrayBuffer>);
}

interface Run {
  label: string;
  ms: number;
  /** CPU time of this process (all its threads: the collector's too), which the other load on the machine inflates less than wall time. */
  cpuMs: number;
  rows: number;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function report(r: Run): void {
  const perM = (r.ms * 1e6) / Math.max(r.rows, 1);
  console.log(
    `${r.label.padEnd(16)} ${(r.ms / 1000).toFixed(2).padStart(7)} s  ${r.rows} rows  ${Math.round(perM).toString().padStart(6)} ms per 1 M rows  ` +
      `${Math.round((r.rows / r.ms) * 1000).toString().padStart(8)} rows/s  CPU ${(r.cpuMs / 1000).toFixed(2)} s`,
  );
}

/** Pass 1's result without reading the file (the parse is timed alone). */
function givenHashes(): ArchiveHashes {
  const sha256 = '0'.repeat(64);
  return { container: 'plain', sha256, size, entries: [{ entryName: undefined, sha256, size }], skippedEntries: [] };
}

type Checks = Pick<ByteParseCounts, 'rowsRead' | 'rowsStored' | 'rowsDuplicate' | 'rowsRejected' | 'rejectedByReason' | 'blankLines' | 'repeatedHeaderRows' | 'accounts' | 'timeSum' | 'likeSum' | 'hashtagItems' | 'urlItems' | 'mentionItems' | 'retweetScreenNames' | 'textBytes' | 'hashtags'>;

async function runCurrent(verify = false): Promise<Run & { checks?: Checks }> {
  const t0 = performance.now();
  const c0 = cpuMs();
  let tweets = 0;
  let accounts = 0;
  const c = { timeSum: 0, likeSum: 0, hashtagItems: 0, urlItems: 0, mentionItems: 0, retweetScreenNames: 0, textBytes: 0 };
  const hashtags = new Set<string>();
  const receipts = await parseArchive(fileSource(file), {
    hashes: givenHashes(),
    onTweets: (batch) => {
      tweets += batch.length;
      if (!verify) return;
      for (const t of batch) {
        c.timeSum += t.tweetTime;
        c.likeSum += t.likeCount ?? 0;
        c.hashtagItems += t.hashtags.length;
        for (const h of t.hashtags) hashtags.add(h);
        c.urlItems += t.urls.length;
        c.mentionItems += t.userMentions.length;
        if (t.retweetScreenName) c.retweetScreenNames++;
        c.textBytes += Buffer.byteLength(t.tweetText);
      }
    },
    onAccounts: (batch) => void (accounts += batch.length),
  });
  const ms = performance.now() - t0;
  const cpu = cpuMs() - c0;
  const r = receipts[0]!;
  const checks: Checks | undefined = verify
    ? {
        rowsRead: r.rowsRead, rowsStored: r.rowsStored, rowsDuplicate: r.rowsDuplicate, rowsRejected: r.rowsRejected,
        rejectedByReason: r.rejectedByReason as Record<string, number>, blankLines: r.blankLines ?? 0, repeatedHeaderRows: r.repeatedHeaderRows ?? 0,
        accounts, ...c, hashtags: hashtags.size,
      }
    : undefined;
  return { label: '(a) current', ms, cpuMs: cpu, rows: r.rowsRead, ...(checks ? { checks } : {}) };
}

function runBytes(module: WebAssembly.Module, upTo: ByteStage, layout: ByteLayout = 'columns'): Run & { counts: ByteParseCounts } {
  const t0 = performance.now();
  const c0 = cpuMs();
  let blocks = 0;
  const parser = new ByteTweetParser(module, () => void blocks++, upTo, layout);
  const fd = openSync(file, 'r');
  try {
    while (parser.pushFrom(CHUNK, (into) => readSync(fd, into, 0, into.length, null)) > 0);
  } finally {
    closeSync(fd);
  }
  parser.finish();
  const ms = performance.now() - t0;
  const cpu = cpuMs() - c0;
  const counts = parser.summary();
  const label = `(b) ${layout === 'raw' ? 'raw' : 'bytes'}${upTo === 'aggregates' ? '' : ` to ${upTo}`}`;
  return { label, ms, cpuMs: cpu, rows: upTo === 'scan' || upTo === 'utf8' ? 1_000_000 : counts.rowsRead, counts };
}

/** Read the file in CHUNK pieces, calling fn on each: the reference costs (b) leaves out or does differently. */
function timeOverFile(label: string, fn: (chunk: Uint8Array) => void): void {
  const buf = new Uint8Array(CHUNK);
  const fd = openSync(file, 'r');
  const t0 = performance.now();
  for (let n; (n = readSync(fd, buf, 0, CHUNK, null)) > 0; ) fn(buf.subarray(0, n));
  const ms = performance.now() - t0;
  closeSync(fd);
  console.log(`${label.padEnd(34)} ${(ms / 1000).toFixed(2).padStart(6)} s  ${Math.round(size / 1e3 / ms)} MB/s`);
}

function extras(): void {
  timeOverFile('read only (4 MiB readSync)', () => {});
  const h = createHash('sha256');
  timeOverFile('SHA-256 (node:crypto)', (c) => void h.update(c));
  h.digest('hex');
  // 64 KiB pieces, as the app's splitter decodes; a piece may end inside a character: stream mode.
  const d = new TextDecoder('utf-8', { fatal: true });
  let chars = 0;
  timeOverFile('TextDecoder fatal (64 KiB pieces)', (c) => {
    for (let i = 0; i < c.length; i += 65536) chars += d.decode(c.subarray(i, i + 65536), { stream: true }).length;
  });
  let ok = true;
  timeOverFile('isUtf8 (Node native, 4 MiB)', (c) => void (ok &&= isUtf8(c) || true));
  void chars;
}

function compare(a: Checks, b: ByteParseCounts): boolean {
  let same = true;
  for (const k of Object.keys(a) as (keyof Checks)[]) {
    const x = JSON.stringify(a[k]);
    const y = JSON.stringify(b[k]);
    console.log(`  ${k.padEnd(20)} current ${x.padEnd(22)} bytes ${y}${x === y ? '' : '   <-- differs'}`);
    if (x !== y) same = false;
  }
  return same;
}

async function main(): Promise<void> {
  console.log(`file ${file} (${size} bytes); Node ${process.version}`);
  console.log(`load before: ${load()}`);
  const module = await scanModule();
  if (flag('--verify')) {
    const a = await runCurrent(true);
    const b = runBytes(module, 'aggregates');
    console.log(`verify (untimed): ${compare(a.checks!, b.counts) ? 'same counts' : 'COUNTS DIFFER'}`);
    console.log(`  (b) only: slow records ${b.counts.slowRecords}, lists via readList ${b.counts.slowLists}, block bytes ${b.counts.blockBytes}, edges mention ${b.counts.mentionEdges} retweet ${b.counts.retweetEdges} reply ${b.counts.replyEdges} quote ${b.counts.quoteEdges} (unresolved quotes ${b.counts.unresolvedQuotes})`);
  }
  if (flag('--extras')) extras();
  for (let round = 1; round <= rounds; round++) {
    console.log(`round ${round} (load ${load().replace(/.*load average: /, '')})`);
    const only = value('--only');
    const order = only ? [only] : round % 2 === 1 ? ['a', 'b'] : ['b', 'a'];
    const upTo = (value('--upto') as ByteStage | undefined) ?? 'aggregates';
    for (const which of order) {
      if (which === 'a') report(await runCurrent());
      else for (const layout of layouts) report(runBytes(module, upTo, layout));
    }
    if (flag('--stages')) {
      for (const s of ['scan', 'utf8', 'split'] as const) report(runBytes(module, s));
      for (const layout of layouts) report(runBytes(module, 'rows', layout));
    }
  }
  console.log(`load after: ${load()}`);
}

await main();
