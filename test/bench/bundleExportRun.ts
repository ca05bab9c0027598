/** Streams a generated source of `sourceBytes` through the bundle writer into a counting sink. */
import { prepareBundle } from '../../shared/evidence/bundleWriter';
import { generateEd25519KeyPair } from '../../shared/evidence/opensshKeys';
import { seedSigner } from '../../shared/evidence/signer';
import { appendCustody } from '../../shared/evidence/custodyLog';

const CHUNK = 1 << 20;

/** Deterministic CSV-like bytes, produced chunk by chunk (never held whole). */
function generatedSource(total: number): () => ReadableStream<Uint8Array> {
  const line = new TextEncoder().encode('"1108484717123067905","a1b2c3","Some tweet text, with a comma and ünïcode",2019-01-01 00:00\n');
  const template = new Uint8Array(CHUNK);
  for (let i = 0; i < CHUNK; i++) template[i] = line[i % line.length]!;
  return () => {
    let sent = 0;
    return new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent >= total) return c.close();
        const n = Math.min(CHUNK, total - sent);
        const chunk = template.slice(0, n);
        if (n >= 4) new DataView(chunk.buffer).setUint32(0, sent / CHUNK); // vary chunks so hashing sees distinct data (a last chunk under 4 bytes stays as is)
        sent += n;
        c.enqueue(chunk);
      },
    });
  };
}

export async function runBundleExport(sourceBytes: number) {
  const key = generateEd25519KeyPair();
  let peakRss = process.memoryUsage().rss;
  const baseRss = peakRss;
  const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const t0 = performance.now();
  const prepared = await prepareBundle({
    caseId: 'bench',
    createdAt: new Date('2026-11-28T12:00:00Z'),
    sourceOrganization: 'bench',
    software: { name: 'Disclosure Workbench', version: '0.1.0' },
    principal: 'bench@example.org',
    signer: seedSigner(key.seed),
    payload: [{ path: 'source/generated.csv', stream: generatedSource(sourceBytes) }],
    items: [],
    custody: appendCustody([], { at: '2026-11-28T12:00:00Z', actor: 'bench@example.org', action: 'export', detail: null }),
    analysis: {},
    egress: { blockedRequests: 0, urls: [] },
  });
  let zipBytes = 0;
  const reader = prepared.zip().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    zipBytes += value.length;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  const mb = (b: number) => Math.round(b / 1e6);
  return { sourceBytes, zipBytes, seconds: Math.round(seconds * 100) / 100, peakRssMB: mb(peakRss), baseRssMB: mb(baseRss), rssGrowthMB: mb(peakRss - baseRss), payloadSha256: prepared.payload[0]!.sha256 };
}
