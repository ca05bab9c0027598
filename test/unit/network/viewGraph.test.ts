import { describe, expect, it } from 'vitest';
import { demoTweetColumns } from '../../../shared/archive/demo/demoColumns';
import { detectCoordination } from '../../../shared/graph/coordination/detectCoordination';
import { concatColumns } from '../../../renderer/src/network/concatColumns';
import { addPngText } from '../../../renderer/src/network/pngText';
import { nodeLabel, viewGraph, type ViewSettings } from '../../../renderer/src/network/viewGraph';
import type { NetNode, NetworkModel } from '../../../renderer/src/network/networkModel';

const node = (id: string, degree: number, community = 0, displayName = ''): NetNode => ({
  id, label: id, screenName: id, displayName, external: false, posts: 1, community, degree, weightedDegree: degree, pagerank: 0, betweenness: 0, core: 1,
});
const settings: ViewSettings = { significantOnly: true, minWeight: 0, community: -1, sizeBy: 'degree', minMetric: 0, nodeCap: 20_000, edgeCap: 100_000 };

describe('viewGraph', () => {
  const model = {
    nodes: [node('a', 3), node('b', 2), node('c', 1, 1), node('d', 0, 1)],
    edges: [
      { index: 0, source: 'a', target: 'b', weight: 5, directed: false, significant: true },
      { index: 1, source: 'a', target: 'c', weight: 2, directed: false, significant: false },
      { index: 2, source: 'b', target: 'c', weight: 4, directed: false, significant: true },
    ],
  } as unknown as NetworkModel;

  it('hides non-significant edges and edgeless accounts, and counts each reason', () => {
    const v = viewGraph(model, settings);
    expect(v.edges.map((e) => e.index)).toEqual([0, 2]);
    expect(v.nodes.map((n) => n.id)).toEqual(['a', 'b', 'c']);
    expect(v.omitted).toEqual({ edgesNotSignificant: 1, nodesWithoutDrawnEdge: 1 });
  });

  it('prunes to the top nodes by the chosen metric and says so', () => {
    const v = viewGraph(model, { ...settings, significantOnly: false, nodeCap: 2 });
    expect(v.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(v.edges.map((e) => e.index)).toEqual([0]);
    expect(v.omitted.nodesPrunedByCap).toBe(1); // c; d has no drawn edge and is counted under that reason
    expect(v.omitted.nodesWithoutDrawnEdge).toBe(1);
    expect(v.notes[0]).toContain('top 2 nodes by degree');
  });
});

describe('labels', () => {
  it('isolates Arabic and Hebrew display names, keeps CJK and Latin as they are', () => {
    expect(nodeLabel(node('x', 1, 0, 'مريم'))).toBe('\u2068مريم\u2069 @x');
    expect(nodeLabel(node('x', 1, 0, 'נועה'))).toBe('\u2068נועה\u2069 @x');
    expect(nodeLabel(node('x', 1, 0, '牛小牛'))).toBe('牛小牛 @x');
    expect(nodeLabel(node('x', 1, 0, ''))).toBe('x');
  });
});

describe('concatColumns', () => {
  it('joins blocks into columns that give the same coordination result as the whole', () => {
    const { columns } = demoTweetColumns({ seed: 2, tweets: 3000 });
    const half = Math.floor(columns.length / 2);
    const slice = (from: number, to: number) => {
      const out: Record<string, unknown> = { length: to - from };
      for (const [k, v] of Object.entries(columns)) if (k !== 'length') out[k] = (v as { slice(a: number, b: number): unknown }).slice(from, to);
      return out as unknown as typeof columns;
    };
    const joined = concatColumns([slice(0, half), slice(half, columns.length)]);
    expect(joined.length).toBe(columns.length);
    expect(joined.tweetid).toEqual(columns.tweetid);
    expect(Array.from(joined.tweetTime)).toEqual(Array.from(columns.tweetTime));
    const a = detectCoordination(columns, { kind: 'coretweet', replicates: 19 });
    const b = detectCoordination(joined, { kind: 'coretweet', replicates: 19 });
    expect(b.edges.map((e) => [e.source, e.target, e.weight])).toEqual(a.edges.map((e) => [e.source, e.target, e.weight]));
    expect(a.edges.length).toBeGreaterThan(0);
  });
});

describe('addPngText', () => {
  it('inserts a tEXt chunk after IHDR with a correct CRC (checked by zlib-independent parsing)', () => {
    // 1×1 PNG built by hand: signature, IHDR, IDAT, IEND.
    const png = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64'));
    const out = addPngText(png, 'analysis_receipt', '{"kind":"coordination:coretweet"}');
    const chunks: { type: string; data: Buffer; crc: number }[] = [];
    const buf = Buffer.from(out);
    for (let at = 8; at < buf.length;) {
      const len = buf.readUInt32BE(at);
      chunks.push({ type: buf.toString('latin1', at + 4, at + 8), data: buf.subarray(at + 8, at + 8 + len), crc: buf.readUInt32BE(at + 8 + len) });
      at += 12 + len;
    }
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'tEXt', 'IDAT', 'IEND']);
    expect(chunks[1]!.data.toString('latin1')).toBe('analysis_receipt\0{"kind":"coordination:coretweet"}');
    // Every chunk's CRC verifies with zlib's crc32 (node:zlib), an implementation independent of ours.
    return import('node:zlib').then(({ crc32 }) => {
      for (const c of chunks) expect(crc32(Buffer.concat([Buffer.from(c.type, 'latin1'), c.data]))).toBe(c.crc);
    });
  });
});
