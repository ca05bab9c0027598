import { describe, expect, it } from 'vitest';
import { demoTweetColumns } from '../../../shared/archive/demo/demoColumns';
import { detectCoordination } from '../../../shared/graph/coordination/detectCoordination';
import { concatColumns } from '../../../renderer/src/network/concatColumns';
import { addPngText } from '../../../renderer/src/network/pngText';
import { containBidi, isolateBidi } from '../../../shared/domain/bidiIsolate';
import { drawnNodeLabel, metricText, nodeLabel, tieAtCap, toDrawing, viewFilterNotes, viewGraph, type ViewGraph, type ViewSettings } from '../../../renderer/src/network/viewGraph';
import { metricName, type NetEdge, type NetNode, type NetworkModel } from '../../../renderer/src/network/networkModel';
import { packEdges } from '../../../renderer/src/network/packedEdges';
import { compareIds } from '../../../shared/domain/ids';
import { countedWords } from '../../../shared/graph/viewOmissions';

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
    expect(v.notes[0]).toBe('pruned to the top 2 nodes by degree');
    // The metric as a sentence names it, not by its field name (weightedDegree).
    expect(viewGraph(model, { ...settings, significantOnly: false, nodeCap: 2, sizeBy: 'weightedDegree' }).notes[0]).toMatch(/^pruned to the top 2 nodes by weighted degree/);
    expect(viewGraph(model, { ...settings, significantOnly: false, nodeCap: 2, sizeBy: 'pagerank' }).notes[0]).toMatch(/^pruned to the top 2 nodes by PageRank/);
  });

  it("names the view's filters with their values, the metric in words", () => {
    expect(viewFilterNotes({ ...settings, significantOnly: true, minWeight: 2, community: 1, sizeBy: 'weightedDegree', minMetric: 3 }, true, 0.05)).toEqual([
      'view: significant edges only (q ≤ alpha 0.05)', 'view: edges of weight ≥ 2 only', 'view: community 1 only', 'view: nodes with weighted degree ≥ 3 only',
    ]);
    expect(viewFilterNotes({ ...settings, significantOnly: true }, false)).toEqual([]);
  });

  it('says when a cap cuts through a tie, and how the tie was broken', () => {
    const tiedModel = {
      nodes: [node('a', 4), node('c', 2), node('b', 2), node('d', 2)],
      edges: [
        { index: 0, source: 'a', target: 'b', weight: 3, directed: false },
        { index: 1, source: 'a', target: 'c', weight: 1, directed: false },
        { index: 2, source: 'a', target: 'd', weight: 1, directed: false },
      ],
    } as unknown as NetworkModel;
    const v = viewGraph(tiedModel, { ...settings, nodeCap: 2, edgeCap: 100 });
    expect(v.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(v.notes).toEqual(['pruned to the top 2 nodes by degree; 3 accounts tie at degree 2 for the last 1 place: kept, the lowest user ids']);
    const e = viewGraph(tiedModel, { ...settings, edgeCap: 2 });
    expect(e.edges.map((x) => x.index)).toEqual([0, 1]);
    expect(e.notes).toEqual(["pruned to the 2 heaviest edges; 2 edges tie at weight 1 for the last 1 place: kept, the first in the network's edge order"]);
    // A cap between two values is no tie.
    expect(viewGraph(tiedModel, { ...settings, nodeCap: 1 }).notes).toEqual(['pruned to the top 1 node by degree']);
    expect(viewGraph(tiedModel, { ...settings, edgeCap: 1 }).notes).toEqual(['pruned to the heaviest edge']);
    // Ids are compared as numbers: '999' is lower than '1000000000000000001'.
    const numeric = { ...tiedModel, nodes: [node('1000000000000000001', 1), node('999', 1)], edges: [] } as unknown as NetworkModel;
    expect(viewGraph(numeric, { ...settings, nodeCap: 1 }).nodes.map((n) => n.id)).toEqual(['999']);
    // Counts read as words: one account, two accounts.
    expect(countedWords(1, 'accounts beyond the node cap')).toBe('1 account beyond the node cap');
    expect(countedWords(1, 'edges of hidden accounts')).toBe('1 edge of hidden accounts');
    expect(countedWords(1_500, 'tweets outside the filter')).toBe('1,500 tweets outside the filter');
    // A cap typed with a fraction is a whole one.
    const fractional = viewGraph(tiedModel, { ...settings, nodeCap: 2.5, edgeCap: 1.5 });
    expect(fractional.nodes).toHaveLength(2);
    expect(fractional.notes[0]).toMatch(/^pruned to the top 2 nodes by degree/);
  });
});

/** viewGraph as first written (filters and sorts over edge objects): the reference the typed-array version must equal. */
function referenceViewGraph(model: NetworkModel, s: ViewSettings): ViewGraph {
  const omitted: Record<string, number> = {};
  const notes: string[] = [];
  const count = (k: string, n: number) => n > 0 && (omitted[k] = (omitted[k] ?? 0) + n);
  let edges = model.edges;
  const before = edges.length;
  if (s.significantOnly && edges.some((e) => e.significant !== undefined)) edges = edges.filter((e) => e.significant);
  count('edgesNotSignificant', before - edges.length);
  let n0 = edges.length;
  edges = edges.filter((e) => e.weight >= s.minWeight);
  count('edgesBelowMinWeight', n0 - edges.length);
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  let nodes = model.nodes.filter((n) => (s.community < 0 || n.community === s.community) && n[s.sizeBy] >= s.minMetric);
  count('nodesFilteredByCommunityOrMetric', model.nodes.length - nodes.length);
  if (model.edges.some((e) => e.significant !== undefined)) {
    const touched = new Set<string>();
    for (const e of edges) touched.add(e.source).add(e.target);
    const n1 = nodes.length;
    nodes = nodes.filter((n) => touched.has(n.id));
    count('nodesWithoutDrawnEdge', n1 - nodes.length);
  }
  if (nodes.length > s.nodeCap) {
    const sorted = [...nodes].sort((a, b) => b[s.sizeBy] - a[s.sizeBy] || compareIds(a.id, b.id));
    count('nodesPrunedByCap', nodes.length - s.nodeCap);
    const last = sorted[s.nodeCap - 1]![s.sizeBy];
    const tied = sorted.filter((n) => n[s.sizeBy] === last).length;
    const keptTied = sorted.slice(0, s.nodeCap).filter((n) => n[s.sizeBy] === last).length;
    notes.push(`pruned to the top ${s.nodeCap.toLocaleString('en-US')} ${s.nodeCap === 1 ? 'node' : 'nodes'} by ${metricName(s.sizeBy)}${tieAtCap(tied, keptTied, `${metricName(s.sizeBy)} ${metricText(last)}`, 'accounts', 'the lowest user ids')}`);
    nodes = sorted.slice(0, s.nodeCap);
  }
  const keep = new Set(nodes.map((n) => n.id));
  n0 = edges.length;
  edges = edges.filter((e) => keep.has(e.source) && keep.has(e.target) && byId.has(e.source));
  count('edgesOfHiddenNodes', n0 - edges.length);
  if (edges.length > s.edgeCap) {
    count('edgesPrunedByCap', edges.length - s.edgeCap);
    const sorted = [...edges].sort((a, b) => b.weight - a.weight || a.index - b.index);
    const cutoff = sorted[s.edgeCap - 1]!.weight;
    const tied = sorted.filter((e) => e.weight === cutoff).length;
    const keptTied = sorted.slice(0, s.edgeCap).filter((e) => e.weight === cutoff).length;
    notes.push(`pruned to the ${s.edgeCap === 1 ? 'heaviest edge' : `${s.edgeCap.toLocaleString('en-US')} heaviest edges`}${tieAtCap(tied, keptTied, `weight ${metricText(cutoff)}`, 'edges', 'the first in the network\'s edge order')}`);
    edges = sorted.slice(0, s.edgeCap);
  }
  return { nodes, edges, omitted, notes };
}

describe('viewGraph against its reference', () => {
  it('gives the same nodes, edges (in order), omissions and notes on random models and settings', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let round = 0; round < 400; round++) {
      const nodes = Array.from({ length: rand(30) }, (_, i) => ({ ...node(`n${i}`, rand(6), rand(3)), pagerank: rand(4) / 4 }));
      const coordination = rand(2) === 1;
      const edges: NetEdge[] = Array.from({ length: rand(120) }, (_, index) => ({
        index, source: `n${rand(34)}`, target: `n${rand(34)}`, weight: 1 + rand(5), directed: false, // ids n30-n33: ends outside the model
        ...(coordination ? { significant: rand(3) > 0 } : {}),
      }));
      const model = { nodes, edges, receipt: { kind: coordination ? 'coordination:coretweet' : 'network:retweet' } } as unknown as NetworkModel;
      const s: ViewSettings = {
        significantOnly: rand(2) === 1, minWeight: rand(4), community: rand(4) - 1, sizeBy: rand(2) ? 'degree' : 'pagerank',
        minMetric: rand(3) / 2, nodeCap: 1 + rand(30), edgeCap: 1 + rand(60),
      };
      const want = referenceViewGraph(model, s);
      const ids = (v: ViewGraph) => ({ nodes: v.nodes.map((n) => n.id), edges: v.edges.map((e) => e.index), omitted: v.omitted, notes: v.notes });
      expect(ids(viewGraph(model, s)), `round ${round}`).toEqual(ids(want));
      // Plain networks reach the view with their edges as columns: the same view, and the same edges.
      const packed = packEdges(edges);
      expect(packed === null, `round ${round}`).toBe(coordination && edges.length > 0);
      if (packed) {
        const fromColumns = viewGraph({ ...model, edges: [], packed }, s);
        expect(ids(fromColumns), `round ${round} (columns)`).toEqual(ids(want));
        expect(fromColumns.edges, `round ${round} (columns)`).toEqual(want.edges);
      }
    }
  });
});

describe('labels', () => {
  it('isolates Arabic and Hebrew display names, keeps CJK and Latin as they are', () => {
    expect(nodeLabel(node('x', 1, 0, 'مريم'))).toBe('\u2068مريم\u2069 @x');
    expect(nodeLabel(node('x', 1, 0, 'נועה'))).toBe('\u2068נועה\u2069 @x');
    expect(nodeLabel(node('x', 1, 0, '牛小牛'))).toBe('牛小牛 @x');
    expect(nodeLabel(node('x', 1, 0, ''))).toBe('x');
  });

  it('contains a name\'s bidi controls: balanced isolates, even against a stray PDI or an unclosed isolate', () => {
    expect(nodeLabel(node('x', 1, 0, 'Bob \u202E'))).toBe('\u2068Bob \u202E\u2069 @x');
    expect(isolateBidi('a\u2069\u202Eb')).toBe('\u2068\u2068a\u2069\u202Eb\u2069');
    expect(isolateBidi('\u2067abc')).toBe('\u2068\u2067abc\u2069\u2069');
    // Titles in DOM elements: only names with controls change.
    expect(nodeLabel(node('x', 1, 0, 'مريم'), containBidi)).toBe('مريم @x');
    expect(containBidi('plain')).toBe('plain');
  });

  it('draws a hashed screen name by its first 8 characters; text and exports keep it whole', () => {
    const b64 = 'LyfYX6XMCNLm569S0mddbitalMftYM1LWEP+xeWVU=';
    const hex = 'a'.repeat(32) + '0123456789abcdef'.repeat(2);
    expect(drawnNodeLabel(node(b64, 1))).toBe('LyfYX6XM…');
    expect(drawnNodeLabel(node(hex, 1, 0, 'مريم'))).toBe('\u2068مريم\u2069 @aaaaaaaa…');
    expect(drawnNodeLabel(node(b64, 1, 0, b64))).toBe('LyfYX6XM…'); // a display name that is the hash too
    expect(drawnNodeLabel(node('lily57139', 1, 0, 'مريم'))).toBe(nodeLabel(node('lily57139', 1, 0, 'مريم')));
    expect(nodeLabel(node(b64, 1))).toBe(b64);
    const { nodes } = toDrawing(viewGraph({ nodes: [node(b64, 1), node('x', 1)], edges: [], request: {} } as never, settings), 'degree');
    expect(nodes.map((n) => n.data.label)).toEqual(['LyfYX6XM…', 'x']);
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
