import type { Provenance } from '../../../shared/domain/provenance';
import { packedEdgeAt, type PackedEdges } from './packedEdges';
import type { Tweet } from '../../../shared/domain/tweet';
import type { AnalysisReceipt } from '../../../shared/graph/analysisReceipt';
import { COORDINATION_KINDS, type CoordinationKind, type CoordinationPair } from '../../../shared/graph/coordination/coordinationTypes';
import type { EdgeWindowPresence } from '../../../shared/graph/coordination/windowStability';
import type { NetworkKind, NetworkResult } from '../../../shared/graph/networks/networkTypes';

/** Everything the Network view can ask the analysis worker to build. */
export type AnalysisKind = NetworkKind | CoordinationKind;
export const isCoordinationKind = (k: AnalysisKind): k is CoordinationKind => (COORDINATION_KINDS as readonly AnalysisKind[]).includes(k);

export const KIND_LABELS: Record<AnalysisKind, string> = {
  retweet: 'Retweet', mention: 'Mention', reply: 'Reply', quote: 'Quote', cohashtag: 'Co-hashtag', courl: 'Co-URL',
  coretweet: 'Co-retweet (coordination)', cotweet: 'Co-tweet (coordination)', colink: 'Co-link (coordination)', coreply: 'Co-reply (coordination)',
};

/**
 * What the source account of a directed network's edge did to its target, in the words an edge is
 * named by ("@a retweeted @b"). The other kinds (co-use and coordination) are undirected: "between @a and @b".
 */
export const EDGE_VERBS: Partial<Record<AnalysisKind, string>> = { retweet: 'retweeted', mention: 'mentioned', reply: 'replied to', quote: 'quoted' };

export interface AnalysisRequest {
  datasetId: string;
  kind: AnalysisKind;
  filter: { fromMinute?: number; toMinute?: number; userids?: string[]; language?: string };
  coordination: { windowSeconds: number; minRepeat: number; alpha: number; replicates: number; seed: number; sweep: boolean };
}

export type MetricName = 'degree' | 'weightedDegree' | 'pagerank' | 'betweenness' | 'core';
export const METRICS: { id: MetricName; label: string }[] = [
  { id: 'degree', label: 'Degree' },
  { id: 'weightedDegree', label: 'Weighted degree' },
  { id: 'pagerank', label: 'PageRank' },
  { id: 'betweenness', label: 'Betweenness' },
  { id: 'core', label: 'k-core' },
];

/** A metric named inside a sentence ('weighted degree', 'PageRank'). */
export function metricName(id: MetricName): string {
  const label = METRICS.find((m) => m.id === id)!.label;
  return id === 'pagerank' ? label : label.toLowerCase();
}

export interface NetNode {
  id: string;
  label: string;
  screenName: string;
  displayName: string;
  external: boolean;
  posts: number;
  /** Louvain community; for coordination, the community on the significant-edge subgraph (-1: none). */
  community: number;
  degree: number;
  weightedDegree: number;
  pagerank: number;
  betweenness: number;
  core: number;
}

/** A coordination pair with both posts' text and provenance, for the edge details and pins. */
export interface NetPair extends CoordinationPair {
  textA: string;
  textB: string;
  provenanceA: Provenance | null;
  provenanceB: Provenance | null;
}

/** A tweet behind an interaction edge (retweet, mention, reply, quote): what the source account posted. */
export interface EdgeTweet {
  tweetid: string;
  /** The tweet's account (either end of a co-use edge). */
  userid: string;
  /** UTC minutes since the epoch. */
  time: number;
  /** The shared object: the retweeted, replied-to or quoted tweet id, or the mentioned account id. */
  object: string;
  text: string;
  provenance: Provenance | null;
  /** The whole row as archived: what a pin of this tweet quotes. */
  archived: Tweet;
}

export interface NetEdge {
  /** Index in the model's edges (the Cytoscape id is 'e' + index). */
  index: number;
  source: string;
  target: string;
  weight: number;
  directed: boolean;
  expectedWeight?: number;
  pValue?: number;
  qValue?: number;
  significant?: boolean;
  /** Window sweep: presence/significance at 10 s … 1 h. */
  windows?: EdgeWindowPresence[];
  stable?: boolean;
  pairs?: NetPair[];
}

export interface NetworkModel {
  request: AnalysisRequest;
  nodes: NetNode[];
  /** The edges as objects (coordination edges, with their significance and post pairs); empty when `packed` holds them. */
  edges: NetEdge[];
  /** Plain networks' edges as columns (millions in a co-use network): read them through edgeCount and edgeAt. */
  packed?: PackedEdges;
  communities: number;
  receipt: AnalysisReceipt;
  summary: Record<string, number | string | boolean>;
  cappedObjects: { object: string; actions: number; pairsInWindow: number }[];
  prunedItems: NetworkResult['stats']['prunedItems'];
  millis: number;
}

/** How many edges the model has, whether held as objects or columns. */
export const edgeCount = (m: NetworkModel): number => m.packed?.weight.length ?? m.edges.length;

/** Edge i of the model as an object (built on demand from columns). */
export const edgeAt = (m: NetworkModel, i: number): NetEdge => (m.packed ? packedEdgeAt(m.packed, i) : m.edges[i]!);

export type ToAnalysisWorker =
  | { type: 'run'; request: AnalysisRequest }
  /** `id`: echoed by the answer, so two exports asked at once each get their own. */
  | { type: 'export'; id: number; format: 'graphml' | 'gexf' | 'csv' | 'json'; nodeIds: string[]; edgeIndices: number[]; omitted: Record<string, number>; notes: string[] }
  | { type: 'edgeTweets'; edgeIndex: number; limit: number }
  /** The next network is building: drop the tweets held for edges (read again if asked for). */
  | { type: 'releaseTweets' };

/**
 * How far the analysis is: `done` of `total` `unit` in the named phase, with the rate and an estimate
 * of the time left (null while none is sound). A phase that counts nothing has total 0 and says only
 * its name (Louvain, PageRank: none of those algorithms can say how far it is).
 */
export interface AnalysisProgress {
  phase: string;
  done: number;
  total: number;
  unit: string;
  perSecond: number;
  etaSeconds: number | null;
}

export type FromAnalysisWorker =
  | ({ type: 'progress' } & AnalysisProgress)
  | { type: 'result'; model: NetworkModel }
  | { type: 'exported'; id: number; text: string; receipt: AnalysisReceipt }
  | { type: 'edgeTweets'; edgeIndex: number; total: number; tweets: EdgeTweet[]; error?: string }
  /** A failed run, or (with `exportId`) a failed export. */
  | { type: 'error'; message: string; exportId?: number };
