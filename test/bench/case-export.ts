/**
 * `npm run bench:export -- [--tweets N] [--cited K]`: the export's source pass at scale.
 * Writes a demo tweets file (N tweets), parses it once for real provenance, then times
 * scanSource (re-hash + cut K cited rows, the code the case export runs in the renderer) and
 * the bundle build over the cut excerpts. Prints ONE JSON line.
 */
import { createWriteStream, mkdtempSync, openAsBlob, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArchive } from '../../shared/archive/parseArchive';
import type { Provenance } from '../../shared/domain/provenance';
import { prepareBundle } from '../../shared/evidence/bundleWriter';
import { appendCustody } from '../../shared/evidence/custodyLog';
import { seedSigner } from '../../shared/evidence/signer';
import { buildCaseBundleContent } from '../../renderer/src/cases/caseBundleInput';
import { scanSource } from '../../renderer/src/cases/sourceExcerpts';
import type { PinRecord } from '../../renderer/src/pins/pinTypes';
import { demoArchiveArg } from './cachedDemoArchive';
import { scriptArgs } from './scriptArgs';

const args = scriptArgs('usage: npm run bench:export -- [--tweets N] [--cited K]', { options: ['--tweets', '--cited'] });
const tweets = args.count('--tweets', 500_000);
const citedCount = args.count('--cited', 200);
const demo = demoArchiveArg({ seed: 5, tweets }, args.usageError);

const dir = mkdtempSync(path.join(tmpdir(), 'dw-case-export-'));
const file = path.join(dir, 'tweets.csv');
try {
  const out = createWriteStream(file);
  for await (const chunk of demo.tweetsCsv()) if (!out.write(chunk)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  const size = statSync(file).size;
  const blob = await openAsBlob(file);

  const rows: Provenance[] = [];
  const every = Math.max(1, Math.floor(tweets / citedCount));
  let seen = 0;
  const receipts = await parseArchive(
    { name: 'tweets.csv', open: () => blob.stream() as ReadableStream<Uint8Array> },
    { onTweets: (ts) => void ts.forEach((t) => (seen++ % every === 0 && rows.length < citedCount ? rows.push(t.provenance) : 0)) },
  );
  const sha256 = receipts[0]!.entrySha256 ?? receipts[0]!.sha256;

  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const t0 = performance.now();
  const scanned = await scanSource('tweets.csv', blob.stream() as ReadableStream<Uint8Array>, new Map([[sha256, rows]]));
  const scanSeconds = (performance.now() - t0) / 1000;
  const entry = scanned.entries[0]!;
  if (entry.sha256 !== sha256 || entry.excerpts.size !== new Set(rows.map((r) => `${r.byteOffset}:${r.byteLength}`)).size) throw new Error('scan mismatch');

  const t1 = performance.now();
  const items: PinRecord[] = rows.map((p, i) => ({ id: `p${i}`, kind: 'tweet', datasetId: 'd', title: `row ${p.row}`, payload: {}, provenance: [p], pinnedAt: new Date(0).toISOString() }));
  const content = buildCaseBundleContent({
    caseRecord: { id: 'bench', name: 'bench', createdAt: new Date(0).toISOString(), createdBy: 'b@example.org', archived: false, itemNotes: {} },
    items,
    excerpts: new Map([[sha256, entry.excerpts]]),
    firstLines: new Map(entry.firstLine ? [[sha256, entry.firstLine]] : []),
    sources: new Map([[sha256, { sha256, fileName: 'tweets.csv', size, format: 'twitter-io-tweets', importedAt: new Date(0).toISOString() }]]),
    analyst: 'b@example.org',
    software: { name: 'bench', version: '0' },
  });
  const prepared = await prepareBundle({
    caseId: 'bench', createdAt: new Date(0), sourceOrganization: 'b@example.org', software: { name: 'bench', version: '0' }, principal: 'b@example.org',
    signer: seedSigner(new Uint8Array(32).fill(1)), payload: content.payload, items: content.items,
    custody: appendCustody([], { at: new Date(0), actor: 'b@example.org', action: 'case-created', detail: {} }), analysis: content.analysis, egress: { blockedRequests: 0, urls: [] },
  });
  let zipBytes = 0;
  const reader = prepared.zip().getReader();
  for (;;) {
    const r = await reader.read();
    if (r.done) break;
    zipBytes += r.value.length;
  }
  const bundleSeconds = (performance.now() - t1) / 1000;
  clearInterval(timer);
  console.log(
    JSON.stringify({
      tweets,
      sourceBytes: size,
      citedRows: rows.length,
      scanSeconds: +scanSeconds.toFixed(2),
      scanMBps: +(size / 1e6 / scanSeconds).toFixed(1),
      bundleSeconds: +bundleSeconds.toFixed(2),
      zipBytes,
      rssGrowthMB: Math.round((peak - rss0) / 1e6),
      peakRssMB: Math.round(peak / 1e6),
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
