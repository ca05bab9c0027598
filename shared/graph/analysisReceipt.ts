import type { TweetColumns } from '../domain/tweet';
import { LIBRARY_VERSIONS, WORKBENCH_GRAPH_VERSION } from './libraryVersions';

/**
 * What an exported graph or coordination result was computed from and how: enough for anyone
 * holding the same files to recompute it, and to see what was left out.
 */
export interface AnalysisReceipt {
  receiptVersion: 1;
  /** e.g. 'network:retweet', 'coordination:coretweet'. */
  kind: string;
  /** ISO time, when the caller wants one (omitted = reproducible bytes). */
  createdAt?: string;
  dataset: {
    /** SHA-256 of each source file the tweets came from, with the number of tweets from it. */
    files: { sha256: string; tweets: number }[];
    tweets: number;
    tweetsAnalysed: number;
  };
  parameters: Record<string, unknown>;
  algorithms: { name: string; implementation: string; version: string }[];
  seed: number | null;
  counts: {
    nodes: number;
    edges: number;
    /** Everything not shown, by reason: filtered tweets, unresolved targets, pruned items, capped objects, hidden nodes... */
    omitted: Record<string, number>;
  };
  notes: string[];
}

/** Source files of the tweets (their SHA-256 from the import), in first-seen order. */
export function datasetFiles(c: TweetColumns): { sha256: string; tweets: number }[] {
  const counts = new Map<string, number>();
  for (let i = 0; i < c.length; i++) {
    const f = c.fileSha256[i] ?? '';
    counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  return [...counts].map(([sha256, tweets]) => ({ sha256, tweets }));
}

export type AlgorithmName =
  | 'louvain' | 'pagerank' | 'betweenness' | 'degree' | 'k-core' | 'connected-components'
  | 'network-builder' | 'coordination-sweep' | 'account-day-shift-null' | 'benjamini-hochberg';

const IMPLEMENTATION: Record<AlgorithmName, { implementation: string; version: string }> = {
  louvain: { implementation: 'graphology-communities-louvain', version: LIBRARY_VERSIONS['graphology-communities-louvain'] },
  // Our code since 2026-11-30, checked equal to graphology-metrics' PageRank and graphology-components in unit tests.
  pagerank: { implementation: `disclosure-workbench (graphology-metrics ${LIBRARY_VERSIONS['graphology-metrics']} algorithm and convergence test)`, version: WORKBENCH_GRAPH_VERSION },
  // Exact (graphology-metrics) up to 2,000 nodes, else Brandes from sampled sources (graphology-shortest-path): parameters.betweennessExact says which ran.
  betweenness: { implementation: 'graphology-metrics (exact) / graphology-shortest-path (sampled sources)', version: `${LIBRARY_VERSIONS['graphology-metrics']} / ${LIBRARY_VERSIONS['graphology-shortest-path']}` },
  degree: { implementation: 'disclosure-workbench', version: WORKBENCH_GRAPH_VERSION },
  'k-core': { implementation: 'disclosure-workbench (Batagelj–Zaversnik)', version: WORKBENCH_GRAPH_VERSION },
  'connected-components': { implementation: 'disclosure-workbench (union-find)', version: WORKBENCH_GRAPH_VERSION },
  'network-builder': { implementation: `disclosure-workbench + graphology ${LIBRARY_VERSIONS.graphology}`, version: WORKBENCH_GRAPH_VERSION },
  'coordination-sweep': { implementation: 'disclosure-workbench', version: WORKBENCH_GRAPH_VERSION },
  'account-day-shift-null': { implementation: 'disclosure-workbench', version: WORKBENCH_GRAPH_VERSION },
  'benjamini-hochberg': { implementation: 'disclosure-workbench', version: WORKBENCH_GRAPH_VERSION },
};

export function buildAnalysisReceipt(input: {
  kind: string;
  columns: TweetColumns;
  tweetsAnalysed: number;
  parameters: Record<string, unknown>;
  algorithms: AlgorithmName[];
  seed?: number | null;
  nodes: number;
  edges: number;
  omitted?: Record<string, number>;
  notes?: string[];
  createdAt?: string;
}): AnalysisReceipt {
  return {
    receiptVersion: 1,
    kind: input.kind,
    ...(input.createdAt ? { createdAt: input.createdAt } : {}),
    dataset: { files: datasetFiles(input.columns), tweets: input.columns.length, tweetsAnalysed: input.tweetsAnalysed },
    parameters: input.parameters,
    algorithms: input.algorithms.map((name) => ({ name, ...IMPLEMENTATION[name] })),
    seed: input.seed ?? null,
    counts: { nodes: input.nodes, edges: input.edges, omitted: input.omitted ?? {} },
    notes: input.notes ?? [],
  };
}
