import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Graph from 'graphology';
import { toGraphML } from '../../../shared/graph/export/graphml';
import { toGEXF } from '../../../shared/graph/export/gexf';
import { toEdgeListCsv } from '../../../shared/graph/export/edgeListCsv';
import { toCytoscapeJson } from '../../../shared/graph/export/cytoscapeJson';
import { xmlAttr, xmlText } from '../../../shared/graph/export/xmlText';
import { nodeAttributeTypes } from '../../../shared/graph/export/attributeTypes';
import { buildAnalysisReceipt } from '../../../shared/graph/analysisReceipt';
import { LIBRARY_VERSIONS } from '../../../shared/graph/libraryVersions';
import { handColumns } from './handColumns';
import { repoRoot } from '../../fixtures/paths';

const HASH = 'vMm2zemFOF7kmXoDyX24Bo+TorqhNutpZlATYyxsE=';
const LABELS: Record<string, string> = {
  [HASH]: HASH,
  '1142257995432235009': '香港時政直擊 <HK> & "news"',
  ar: 'مريم — السلام',
  he: 'נועה "שלום"',
  fa: 'رضا 🇭🇰',
  odd: "line1\nline2\ttab 'apos' \u0001ctl \uD800lone",
};

function sample(type: 'directed' | 'undirected'): Graph {
  const g = new Graph({ type });
  for (const [id, label] of Object.entries(LABELS)) g.addNode(id, { label, external: id === 'ar', posts: 3, pagerank: 0.125 });
  g.addEdge(HASH, '1142257995432235009', { weight: 7 });
  g.addEdge('ar', 'he', { weight: 1 });
  g.addEdge('fa', 'odd', { weight: 2, pairs: [1, 2] }); // non-scalar attributes are not exported
  return g;
}

const receipt = buildAnalysisReceipt({
  kind: 'network:retweet',
  columns: handColumns([{ id: '1', user: 'a', time: '2019-06-12 10:00' }]),
  tweetsAnalysed: 1,
  parameters: { kind: 'retweet', filter: { language: 'zh' }, note: 'quotes " & <tags> 香港' },
  algorithms: ['network-builder', 'louvain'],
  seed: 7,
  nodes: 6,
  edges: 3,
  omitted: { tweetsFiltered: 0, unresolvedTargets: 2 },
});

type ReadBack = {
  directed: boolean; nodes: Record<string, Record<string, unknown>>; edges: [string, string, Record<string, unknown>][]; desc: string; graphData: string | null;
};

/** Writes every XML export first, then reads them all back in one Python start (networkx is slow to import). */
let cache: Map<string, ReadBack> | null = null;
function readBack(fmt: 'graphml' | 'gexf', type: 'directed' | 'undirected'): ReadBack {
  if (!cache) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'export-'));
    const jobs: [string, string, string][] = [];
    for (const t of ['directed', 'undirected'] as const) {
      for (const f of ['graphml', 'gexf'] as const) {
        const file = path.join(dir, `${t}.${f}`);
        fs.writeFileSync(file, f === 'graphml' ? toGraphML(sample(t), receipt) : toGEXF(sample(t), receipt), 'utf8');
        jobs.push([`${f}/${t}`, f, file]);
      }
    }
    const out = JSON.parse(execFileSync('python3', [path.join(repoRoot, 'test/unit/graph/readGraphBack.py'), ...jobs.flatMap((j) => [j[1], j[2]])], { encoding: 'utf8' })) as ReadBack[];
    cache = new Map(jobs.map((j, i) => [j[0], out[i]!]));
  }
  return cache.get(`${fmt}/${type}`)!;
}

// What XML 1.0 can carry of the odd label: the control char and lone surrogate become U+FFFD.
const ODD_IN_XML = "line1\nline2\ttab 'apos' \uFFFDctl \uFFFDlone";

describe('exporters, read back with networkx and ElementTree (independent XML parsers)', () => {
  for (const type of ['directed', 'undirected'] as const) {
    it(`GraphML (${type})`, () => {
      const back = readBack('graphml', type);
      expect(back.directed).toBe(type === 'directed');
      expect(Object.keys(back.nodes).sort()).toEqual(Object.keys(LABELS).sort());
      for (const [id, label] of Object.entries(LABELS)) {
        expect(back.nodes[id]!.label).toBe(id === 'odd' ? ODD_IN_XML : label);
      }
      expect(back.nodes.ar).toMatchObject({ external: true, posts: 3, pagerank: 0.125 });
      expect(back.edges).toContainEqual([HASH, '1142257995432235009', { weight: 7 }]);
      expect(back.edges.length).toBe(3);
      expect(JSON.parse(back.desc)).toEqual(receipt);
      expect(JSON.parse(back.graphData!)).toEqual(receipt);
    });

    it(`GEXF (${type})`, () => {
      const back = readBack('gexf', type);
      expect(back.directed).toBe(type === 'directed');
      for (const [id, label] of Object.entries(LABELS)) {
        expect(back.nodes[id]!.label).toBe(id === 'odd' ? ODD_IN_XML : label);
      }
      expect(back.nodes.ar).toMatchObject({ external: true, posts: 3, pagerank: 0.125 });
      const e = back.edges.find((x) => x[0] === HASH || x[1] === HASH)!;
      expect(e[2].weight).toBe(7);
      expect(JSON.parse(back.desc)).toEqual(receipt);
    });
  }

  it('CSV edge list: RFC 4180 quoting, labels kept, read back by Python csv', () => {
    const csv = toEdgeListCsv(sample('directed'));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'export-'));
    fs.writeFileSync(path.join(dir, 'e.csv'), csv);
    const rows = JSON.parse(execFileSync('python3', ['-c', 'import csv,json,sys; print(json.dumps(list(csv.reader(open(sys.argv[1], encoding="utf-8", newline=""))), ensure_ascii=False))', path.join(dir, 'e.csv')], { encoding: 'utf8' })) as string[][];
    expect(rows[0]).toEqual(['source', 'target', 'weight', 'source_label', 'target_label']); // `pairs` is not scalar
    expect(rows[1]).toEqual([HASH, '1142257995432235009', '7', HASH, LABELS['1142257995432235009']]);
    expect(rows[3]).toEqual(['fa', 'odd', '2', LABELS.fa, LABELS.odd!.replace('\uD800', '\uFFFD')]);
    expect(rows).toHaveLength(4);
  });

  it('Cytoscape JSON carries the receipt and scalar attributes', () => {
    const j = JSON.parse(toCytoscapeJson(sample('undirected'), receipt));
    expect(j.data.analysis_receipt).toEqual(receipt);
    expect(j.elements.nodes).toHaveLength(6);
    expect(j.elements.edges[2].data).toEqual({ id: 'e2', source: 'fa', target: 'odd', weight: 2, directed: false });
    expect(j.elements.nodes.find((n: { data: { id: string } }) => n.data.id === 'he').data.label).toBe(LABELS.he);
  });

  it('real-valued measures are typed double even when every value is whole (one schema across networks)', () => {
    const g = new Graph();
    g.addNode('a', { betweenness: 0, pagerank: 1, degree: 2 });
    g.addNode('b', { betweenness: 4, pagerank: 0, degree: 1 });
    const types = nodeAttributeTypes(g);
    expect([types.get('betweenness'), types.get('pagerank'), types.get('degree')]).toEqual(['double', 'double', 'int']);
    expect(toGraphML(g, receipt)).toContain('attr.name="betweenness" attr.type="double"');
  });

  it('xml escaping', () => {
    expect(xmlText('a<b>&c')).toBe('a&lt;b&gt;&amp;c');
    expect(xmlAttr(`"'\n`)).toBe('&quot;&apos;&#10;');
    expect(xmlText('\u0000x\uDFFF')).toBe('\uFFFDx\uFFFD');
    expect(xmlText('😀香港')).toBe('😀香港'); // surrogate pairs are fine
  });
});

describe('analysis receipt', () => {
  it('records dataset hashes, parameters, algorithms with versions, seed and omitted counts', () => {
    expect(receipt.dataset).toEqual({ files: [{ sha256: 'f'.repeat(64), tweets: 1 }], tweets: 1, tweetsAnalysed: 1 });
    expect(receipt.algorithms.find((a) => a.name === 'louvain')).toEqual({ name: 'louvain', implementation: 'graphology-communities-louvain', version: '2.0.2' });
    expect(receipt.seed).toBe(7);
    expect(receipt.counts).toEqual({ nodes: 6, edges: 3, omitted: { tweetsFiltered: 0, unresolvedTargets: 2 } });
  });

  it('names the code that runs: a library named for an algorithm is the one its source file imports', () => {
    const files: Record<string, string> = { louvain: 'louvain', pagerank: 'pagerank', betweenness: 'betweenness', 'k-core': 'kCore', 'connected-components': 'components', degree: 'degree' };
    const all = buildAnalysisReceipt({ kind: 'x', columns: handColumns([]), tweetsAnalysed: 0, parameters: {}, algorithms: Object.keys(files) as never, nodes: 0, edges: 0 });
    for (const a of all.algorithms) {
      const source = fs.readFileSync(path.join(repoRoot, 'shared/graph/analytics', `${files[a.name]}.ts`), 'utf8');
      const imported = new Set([...source.matchAll(/^import (?!type ).* from '(graphology-[a-z-]+)/gm)].map((m) => m[1]));
      const named = Object.keys(LIBRARY_VERSIONS).filter((lib) => lib !== 'graphology' && new RegExp(`(^|[ (/])${lib}( |$)`).test(a.implementation));
      if (named.length && !a.implementation.startsWith('disclosure-workbench')) expect(imported, a.name).toEqual(new Set(named));
      else expect(imported.size, a.name).toBe(0);
    }
  });

  it('library version constants match the installed packages', () => {
    for (const [name, version] of Object.entries(LIBRARY_VERSIONS)) {
      const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules', name, 'package.json'), 'utf8'));
      expect(pkg.version, name).toBe(version);
    }
  });
});
