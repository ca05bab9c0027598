/**
 * CSV import throughput on synthetic 31-column Twitter IO rows (every field quoted, CJK text, some
 * quoted newlines, ~430 bytes per row), medians of 3 runs. Prints one JSON line:
 *   baselineByteLoopMBps   a bare JS loop over the bytes: the machine's speed right now (shared, noisy)
 *   splitMBps              record splitting + fatal UTF-8 decode + field split
 *   splitNormalizeRowsPerS the above + tweet normalisation
 *   pipeline*RowsPerS      parseArchive end to end (hash pass + split + detect + normalise + batches),
 *                          with node:crypto (CLI) or the default hasher (hash-wasm / noble: the app)
 * Usage: npm run bench:csv -- [ROWS] [cjk|ascii]   (ROWS default 200000; ascii: English-only text, like the 2018 IRA set;
 * UTF-8 decoding of multi-byte text is the floor in Node 20, ASCII decodes far faster)
 */
import { CsvRecordSplitter } from '../../shared/archive/csvRecords';
import { detectFormat, TWITTER_TWEET_COLUMNS } from '../../shared/archive/detectFormat';
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArchive, hashArchive, type CreateHasher } from '../../shared/archive/parseArchive';
import { tweetNormalizer } from '../../shared/archive/normalizeTweet';
import type { Provenance } from '../../shared/domain/provenance';
import { scriptArgs } from './scriptArgs';

const args = scriptArgs('usage: npm run bench:csv -- [ROWS] [cjk|ascii]', { options: [], operands: ['ROWS', 'TEXT'] });
const rows = args.count('ROWS', 200_000);
const ascii = args.choice('TEXT', ['cjk', 'ascii'], 'cjk') === 'ascii';
const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
const texts = ascii ? [
  'The government announced on the 5th a new round of rodent control across all districts, starting on 8 October https://t.co/Twj01towaK',
  'RT @someone: "Quoted" words, with commas, and\na newline #HongKong',
  'Silvered by the bells http://t.co/Jaa4v4IFpM',
] : [
  '香港特區政府5日宣布加強全港滅鼠防鼠行動。鑒於今年4月的第一輪目標小區滅鼠行動取得成效 https://t.co/Twj01towaK',
  'RT @someone: "Quoted" words, with commas, and\na newline #HongKong',
  'Серебром отколоколило http://t.co/Jaa4v4IFpM 🇭🇰🔥',
];
const parts: string[] = [TWITTER_TWEET_COLUMNS.map(q).join(',')];
for (let i = 0; i < rows; i++) {
  const hashed = i % 3 === 0;
  const uid = hashed ? `q2SMGvHasu+nugbpNMDCjr2qlZp3FCiGYDLht+g${String(i % 1000).padStart(4, '0')}=` : String(747292706536226816n + BigInt(i % 5000));
  parts.push(
    [
      String(1148217422006640640n + BigInt(i)), uid, hashed ? uid : ascii ? 'niu xiao niu' : '牛小牛', hashed ? uid : 'gurevadona88', '', 'desc', '', '23949', '52',
      '2016-06-27', 'zh-cn', 'zh', texts[i % 3], `2019-06-${String(1 + (i % 28)).padStart(2, '0')} 12:06`, 'Twitter Web Client',
      '', '', '', i % 2 ? 'True' : 'False', '', '', 'absent', 'absent', '0', '1', '2', '3', ascii ? "['HongKong', 'protest']" : "['金鐘', '外國勢力']",
      "['http://goo.gl/32K38q']", '[443196382, 12]', '',
    ].map(q).join(','),
  );
}
const bytes = new TextEncoder().encode(parts.join('\n') + '\n');
if (process.env.BENCH_DUMP) (await import("node:fs")).writeFileSync(process.env.BENCH_DUMP, bytes);
const MB = bytes.length / 1e6;
const chunks: Uint8Array[] = [];
for (let i = 0; i < bytes.length; i += 1 << 20) chunks.push(bytes.subarray(i, i + (1 << 20)));
const source = {
  name: 'bench.csv',
  open: () => new ReadableStream<Uint8Array>({ start(c) { for (const ch of chunks) c.enqueue(ch); c.close(); } }),
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
function time(f: () => unknown): number {
  const t0 = performance.now();
  f();
  return (performance.now() - t0) / 1000;
}
async function timeAsync(f: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await f();
  return (performance.now() - t0) / 1000;
}

// The machine is shared and noisy: a plain byte loop over the same bytes gives the yardstick.
const baseline = () => {
  let c = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x22) c++;
  return c;
};
const split = () => {
  let n = 0;
  const s = new CsvRecordSplitter(() => void n++);
  for (const ch of chunks) s.push(ch);
  s.finish();
  return n;
};
const splitNormalize = () => {
  let normalize: ((f: string[], p: Provenance) => unknown) | undefined;
  const s = new CsvRecordSplitter((r) => {
    if (!normalize) normalize = tweetNormalizer(detectFormat(r.fields as string[]).columns);
    else normalize(r.fields as string[], { fileSha256: '', row: r.recordNumber - 1, byteOffset: r.byteOffset, byteLength: r.byteLength });
  });
  for (const ch of chunks) s.push(ch);
  s.finish();
};
const nodeSha256 = async () => createHash('sha256');
const pipeline = async (createHasher?: CreateHasher) => {
  let n = 0;
  const [r] = await parseArchive(source, { createHasher, onTweets: (b) => void (n += b.length) });
  if (n !== rows || r.rowsStored !== rows) throw new Error(`expected ${rows} tweets, got ${n}`);
};

const t = { baseline: [] as number[], split: [] as number[], norm: [] as number[], hashWasm: [] as number[], pipeNode: [] as number[], pipeDefault: [] as number[] };
for (let k = 0; k < 3; k++) {
  t.baseline.push(time(baseline));
  t.split.push(time(split));
  t.norm.push(time(splitNormalize));
  t.hashWasm.push(await timeAsync(() => hashArchive(source)));
  t.pipeNode.push(await timeAsync(() => pipeline(nodeSha256)));
  t.pipeDefault.push(await timeAsync(() => pipeline()));
}
const m = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, median(v)])) as Record<keyof typeof t, number>;
console.log(
  JSON.stringify({
    bench: 'csv-parse', text: ascii ? 'ascii' : 'cjk', node: process.version, loadavg1m: +loadavg()[0].toFixed(1), rows, megabytes: +MB.toFixed(1),
    bytesPerRow: Math.round(bytes.length / rows),
    baselineByteLoopMBps: +(MB / m.baseline).toFixed(0),
    splitMBps: +(MB / m.split).toFixed(1),
    splitNormalizeRowsPerS: Math.round(rows / m.norm),
    hashPassWasmMBps: +(MB / m.hashWasm).toFixed(1),
    pipelineNodeHashRowsPerS: Math.round(rows / m.pipeNode),
    pipelineDefaultHashRowsPerS: Math.round(rows / m.pipeDefault),
  }),
);
