import { createHash } from 'node:crypto';
import type { ImportReceipt } from '../../../shared/domain/archive';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseArchive } from '../../../shared/archive/parseArchive';
import type { Provenance } from '../../../shared/domain/provenance';
import { prepareBundle } from '../../../shared/evidence/bundleWriter';
import { verifyBundle } from '../../../shared/evidence/bundleVerifier';
import { appendCustody } from '../../../shared/evidence/custodyLog';
import { seedSigner } from '../../../shared/evidence/signer';
import { buildCaseBundleContent, type SourceInfo } from '../../../renderer/src/cases/caseBundleInput';
import type { CaseRecord } from '../../../renderer/src/cases/caseTypes';
import { rangeKey, scanSource } from '../../../renderer/src/cases/sourceExcerpts';
import type { PinRecord } from '../../../renderer/src/pins/pinTypes';
import { realFixture } from '../../fixtures/paths';

const FILE = 'china_082019_1_users_csv_hashed.csv';
const bytes = new Uint8Array(readFileSync(realFixture(FILE)));
const streamOf = (b: Uint8Array) => new ReadableStream<Uint8Array>({
  start(c) {
    // Small uneven chunks: ranges must be cut across chunk boundaries.
    for (let i = 0; i < b.length; i += 997) c.enqueue(b.slice(i, i + 997));
    c.close();
  },
});

async function provenanceOf(): Promise<{ sha256: string; rows: Provenance[]; ids: string[] }> {
  const rows: Provenance[] = [];
  const ids: string[] = [];
  const receipts = await parseArchive({ name: FILE, open: () => streamOf(bytes) }, { onAccounts: (as) => void as.forEach((a) => (rows.push(a.provenance), ids.push(a.userid))) });
  return { sha256: receipts[0]!.entrySha256 ?? receipts[0]!.sha256, rows, ids };
}

describe('scanSource: cited bytes from a re-selected source', async () => {
  const { sha256, rows, ids } = await provenanceOf();
  const picks = [0, Math.floor(rows.length / 2), rows.length - 1];
  const cited = picks.map((i) => rows[i]!);
  const wanted = new Map([[sha256, cited]]);

  it.each([
    ['plain', bytes],
    ['gzip', new Uint8Array(gzipSync(bytes))],
    // Several gzip members (cat a.gz b.gz), the cut inside a cited row: offsets are into the data they hold together.
    ['joined gzip', new Uint8Array(Buffer.concat([gzipSync(bytes.subarray(0, cited[1]!.byteOffset + 5)), gzipSync(bytes.subarray(cited[1]!.byteOffset + 5))]))],
    ['zip', zipSync({ [`inner/${FILE}`]: bytes })],
  ])('%s: entry SHA-256 equals the import hash and each excerpt is the exact row bytes', async (_kind, file) => {
    let read = 0;
    const scanned = await scanSource(FILE, streamOf(file), wanted, (n) => (read += n));
    expect(read).toBe(file.length); // the export's progress: every byte of the file as read
    expect(scanned.entries).toHaveLength(1);
    const entry = scanned.entries[0]!;
    expect(entry.sha256).toBe(sha256);
    expect(entry.size).toBe(bytes.length);
    // The file's own hash (the container for gzip/zip) is what a name-matched refusal reports.
    expect(scanned.sha256).toBe(createHash('sha256').update(file).digest('hex'));
    expect(scanned.size).toBe(file.length);
    for (const p of cited) expect(entry.excerpts.get(rangeKey(p))).toEqual(bytes.subarray(p.byteOffset, p.byteOffset + p.byteLength));
    expect(entry.firstLine).toEqual(bytes.subarray(0, bytes.indexOf(0x0a))); // its header row, exact
    // A cited row is that account's CSV record: it starts with its userid.
    picks.forEach((i, k) => expect(new TextDecoder().decode(entry.excerpts.get(rangeKey(cited[k]!))).replace(/^"/, '').startsWith(`${ids[i]}`)).toBe(true));
    expect(rows).toHaveLength(744);
  });

  it('takes the first line across chunks, without CR LF, and none longer than a header can be', async () => {
    const enc = new TextEncoder();
    const chunked = (text: string, size: number) => new ReadableStream<Uint8Array>({
      start(c) {
        const b = enc.encode(text);
        for (let i = 0; i < b.length; i += size) c.enqueue(b.slice(i, i + size));
        c.close();
      },
    });
    const head = 'userid,user_display_name,香港,مرحبا';
    for (const size of [1, 3, 5, 64]) {
      const [e] = (await scanSource('a.csv', chunked(`${head}\r\n1,a,b,c\r\n`, size), new Map())).entries;
      expect(new TextDecoder().decode(e!.firstLine)).toBe(head);
    }
    expect((await scanSource('b.csv', chunked(`${'x'.repeat(70_000)}\n1\n`, 4096), new Map())).entries[0]!.firstLine).toBeUndefined();
    // A blank first line (blank lines may come before the header) gives none, not an empty or wrong header.
    for (const blank of ['\n', '\r\n']) expect((await scanSource('c.csv', chunked(`${blank}${head}\n1,a,b,c\n`, 3), new Map())).entries[0]!.firstLine).toBeUndefined();
  });

  it('a changed file yields a different hash and no excerpts', async () => {
    const changed = bytes.slice();
    changed[changed.length - 3] ^= 1;
    const scanned = await scanSource(FILE, streamOf(changed), wanted);
    expect(scanned.entries[0]!.sha256).not.toBe(sha256);
    expect(scanned.entries[0]!.excerpts.size).toBe(0);
  });

  it('the case content makes a bundle the verifier accepts, with items.jsonl pointing at the excerpts', async () => {
    const scanned = await scanSource(FILE, streamOf(bytes), wanted);
    const caseRecord: CaseRecord = { id: 'case-1', name: 'Test case', createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'a@example.org', archived: false, itemNotes: { p1: 'lockstep' }, itemTags: { p1: ['HK', 'هونغ كونغ'] }, notes: 'Why this case:\n\nplanted accounts' };
    const items: PinRecord[] = cited.map((p, i) => ({ id: `p${i + 1}`, kind: 'account', datasetId: 'd1', title: `Account ${i}`, payload: { account: { userid: ids[picks[i]!]! }, activity: null }, provenance: [p], pinnedAt: `2026-01-01T00:00:0${i}.000Z`, caseId: 'case-1' }));
    // A tweet item names its author by user id (the row cited here is an account's: only the payload matters to the table).
    items[2] = { ...items[2]!, kind: 'tweet', title: 'Tweet 9000000000000000002 by @newsag\u0435ncy (user id 1111111112)', payload: { tweetid: '9000000000000000002', userid: '1111111112', userScreenName: 'newsag\u0435ncy' } };
    // An account page's finding is pinned as an account item: its method and ids say what it is.
    items[1] = { ...items[1]!, payload: { finding: 'hashed-mention-pairing', hash: 'y8B2kjH2Ht+I34ie5KBEPOTSKPTMs9ROiT3E3f4O3EA=', numericId: '917692198870712320', tweets: [] } };
    // Imported from a zip: the custody log and analysis.json name the zip, its own hash and size, and what the receipt counted.
    const receipt: ImportReceipt = {
      fileName: 'set.zip', entryName: FILE, size: 9999, sha256: 'f'.repeat(64), entrySha256: sha256, entrySize: bytes.length, format: 'twitter-io-users', formatVersion: '',
      rowsRead: 744, rowsStored: 743, rowsDuplicate: 1, rowsRejected: 0, rejectedByReason: {}, repeatedHeaderRows: 1, blankLines: 2,
      startedAt: '2025-12-31T00:00:00.000Z', durationMs: 5, appVersion: '0', skippedEntries: ['README.txt'], refusedEntries: [{ entryName: 'junk.csv', message: 'set.zip (junk.csv): binary content' }],
    };
    const info: SourceInfo = { sha256, fileName: FILE, size: bytes.length, format: 'twitter-io-users', importedAt: '2025-12-31T00:00:00.000Z', receipt };
    // A pinned network view: its figure and its graph are files of their own.
    const graphml = '<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed"><node id="香港"/><node id="b"/><edge source="香港" target="b"/></graph></graphml>\n';
    items.push({ id: 'v1', kind: 'network', datasetId: 'd1', title: 'retweet network view', payload: { caption: 'c', svg: '<svg xmlns="http://www.w3.org/2000/svg"/>', graphml }, provenance: [], pinnedAt: '2026-01-01T00:00:09.000Z', caseId: 'case-1' });
    const firstLine = scanned.entries[0]!.firstLine!;
    // Its figure file is the text given for it (at export, the pinned SVG with its fonts embedded).
    const withFonts = '<svg xmlns="http://www.w3.org/2000/svg">\n<defs><style>@font-face{font-family:"Noto Sans SC"}</style></defs></svg>';
    const content = buildCaseBundleContent({ caseRecord, items, excerpts: new Map([[sha256, scanned.entries[0]!.excerpts]]), firstLines: new Map([[sha256, firstLine]]), sources: new Map([[sha256, info]]), analyst: 'a@example.org', software: { name: 'DW', version: '0' }, figureSvgs: new Map([['v1', withFonts]]) });
    const view = content.items.at(-1) as Record<string, any>;
    expect(view).toMatchObject({ path: 'data/derived/figures/v1.svg', sha256: createHash('sha256').update(withFonts).digest('hex'), graph: { path: 'data/derived/graphs/v1.graphml', sha256: createHash('sha256').update(graphml).digest('hex') } });
    expect(new TextDecoder().decode(content.payload.find((p) => p.path === 'derived/figures/v1.svg')!.bytes)).toBe(withFonts);
    const pinnedView = JSON.parse(new TextDecoder().decode(content.payload.find((p) => p.path === 'derived/pinned-items.json')!.bytes)).at(-1);
    expect(pinnedView.payload.graphml).toBe('data/derived/graphs/v1.graphml'); // named, not repeated
    // What was pinned keeps the SVG as pinned, without the fonts.
    expect(pinnedView.payload.svg).toBe('<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect((content.analysis as any).parameters.at(-1).payload.svg).toBe('<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect(new TextDecoder().decode(content.payload.find((p) => p.path === 'derived/graphs/v1.graphml')!.bytes)).toBe(graphml);
    expect(content.payload.map((p) => p.path).sort()).toEqual([
      'derived/case-notes.txt',
      'derived/evidence-items.csv',
      'derived/figures/v1.svg',
      'derived/graphs/v1.graphml',
      'derived/pinned-items.json',
      ...cited.map((p) => `source/${sha256.slice(0, 12)}_${FILE}/row-${p.row}_bytes-${p.byteOffset}-${p.byteLength}.csv`),
      `source/${sha256.slice(0, 12)}_${FILE}/header_bytes-0-${firstLine.length}.csv`,
    ].sort());
    // The excerpts are bare rows: beside them, the source's header row (its exact first bytes) names their columns.
    const headerText = new TextDecoder().decode(bytes.subarray(0, bytes.indexOf(0x0a))).replace(/\r$/, '');
    expect(new TextDecoder().decode(firstLine)).toBe(headerText);
    expect(headerText.startsWith('"userid","user_display_name",')).toBe(true);
    const line = content.items[0] as Record<string, any>;
    // Tags and the case's notes travel with the items: items.jsonl, the items table, case-notes.txt.
    const file = (path: string) => new TextDecoder().decode(content.payload.find((p) => p.path === path)!.bytes);
    expect(file('derived/case-notes.txt')).toBe('Why this case:\n\nplanted accounts\n');
    // The columns before user_id keep their order; user_id is the account's or the tweet author's, empty for a finding or a view.
    const table = file('derived/evidence-items.csv').split('\n');
    expect(table[0]).toBe('id,kind,title,dataset_id,pinned_at,source_rows,note,tags,user_id');
    expect(table[1]).toBe(`p1,account,Account 0,d1,2026-01-01T00:00:00.000Z,1,lockstep,"HK, هونغ كونغ",${ids[picks[0]!]}`);
    expect(table[2]).toMatch(/^p2,account,.*,,$/);
    expect(table[3]).toBe('p3,tweet,Tweet 9000000000000000002 by @newsag\u0435ncy (user id 1111111112),d1,2026-01-01T00:00:02.000Z,1,,,1111111112');
    expect(table[4]).toMatch(/^v1,network,.*,,$/);
    expect(content.items[1]).toMatchObject({ tags: [] });
    expect(line).toMatchObject({ id: 'p1', kind: 'account', note: 'lockstep', tags: ['HK', 'هونغ كونغ'], analyst: 'a@example.org', platform_ids: { userid: ids[0] }, acquired_at: info.importedAt });
    expect(content.items[1]).toMatchObject({
      kind: 'account', method: expect.stringMatching(/^finding pinned from an account page: a hashed @mention paired with a numeric user id/),
      platform_ids: { hash: 'y8B2kjH2Ht+I34ie5KBEPOTSKPTMs9ROiT3E3f4O3EA=', numericId: '917692198870712320' },
    });
    expect(line.method).toBe('account record pinned from the Explore view; excerpt = its archived row');
    expect(line.sources[0]).toMatchObject({
      source_sha256: sha256, row: cited[0]!.row, byte_offset: cited[0]!.byteOffset, byte_length: cited[0]!.byteLength,
      header: { path: `data/source/${sha256.slice(0, 12)}_${FILE}/header_bytes-0-${firstLine.length}.csv`, sha256: createHash('sha256').update(firstLine).digest('hex'), byte_offset: 0, byte_length: firstLine.length },
    });
    expect((content.analysis as Record<string, any>).inputs).toEqual([{
      name: 'set.zip', entry: FILE, sha256, size: bytes.length, container: { name: 'set.zip', sha256: 'f'.repeat(64), size: 9999 }, format: 'twitter-io-users', format_version: '',
      imported_at: receipt.startedAt, app_version: '0',
      rows: { read: 744, stored: 743, duplicate: 1, rejected: 0, rejected_by_reason: {}, repeated_header_rows: 1, blank_lines: 2 },
      entries_not_imported: ['README.txt'], entries_refused: [{ entry: 'junk.csv', reason: 'set.zip (junk.csv): binary content' }],
    }]);

    const custody = appendCustody([], { at: '2026-01-01T00:00:00.000Z', actor: 'a@example.org', action: 'case-created', detail: { caseId: 'case-1' } });
    const prepared = await prepareBundle({
      caseId: 'case-1', createdAt: new Date('2026-01-02T00:00:00Z'), sourceOrganization: 'a@example.org', software: { name: 'DW', version: '0' },
      principal: 'a@example.org', signer: seedSigner(new Uint8Array(32).fill(7)), payload: content.payload, items: content.items, custody,
      analysis: content.analysis, egress: { blockedRequests: 0, urls: [] },
    });
    const chunks: Uint8Array[] = [];
    const reader = prepared.zip().getReader();
    for (;;) {
      const r = await reader.read();
      if (r.done) break;
      chunks.push(r.value);
    }
    const zip = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    chunks.reduce((o, c) => (zip.set(c, o), o + c.length), 0);
    const verdict = verifyBundle(zip);
    expect(verdict.checks.filter((c) => !c.ok)).toEqual([]);
    expect(verdict.bundleId).toBe(prepared.bundleId);
  });
});
