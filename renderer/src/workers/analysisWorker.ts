/// <reference lib="webworker" />
import './reportCspViolations';
// Builds a network or detects coordination off the UI thread: reads the dataset's tweet blocks
// (committed imports only), runs shared/graph, and sends back a plain model. Cancel = terminate.
import Graph from 'graphology';
import type { TweetColumns } from '../../../shared/domain/tweet';
import { tweetAt } from '../../../shared/archive/columns';
import { buildAnalysisReceipt, type AlgorithmName, type AnalysisReceipt } from '../../../shared/graph/analysisReceipt';
import { annotateGraph } from '../../../shared/graph/analytics/annotateGraph';
import { coordinationCommunities, coordinationGraph } from '../../../shared/graph/coordination/coordinationCommunities';
import type { CoordinationResult } from '../../../shared/graph/coordination/coordinationTypes';
import { detectCoordination } from '../../../shared/graph/coordination/detectCoordination';
import { STABILITY_WINDOWS_SECONDS, windowStability, type EdgeStability } from '../../../shared/graph/coordination/windowStability';
import { packEdges } from '../network/packedEdges';
import { exportGraph } from '../../../shared/graph/export/exportGraph';
import { buildNetwork } from '../../../shared/graph/networks/buildNetwork';
import { CO_USE_ITEMS, coUseEdgeRows } from '../../../shared/graph/networks/coUseNetwork';
import type { CoUseKind } from '../../../shared/graph/networks/networkTypes';
import { describeFilter, type TweetFilter } from '../../../shared/graph/tweetFilter';
import { concatColumns } from '../network/concatColumns';
import { isCoordinationKind, type AnalysisRequest, type EdgeTweet, type FromAnalysisWorker, type NetEdge, type NetNode, type NetPair, type NetworkModel, type ToAnalysisWorker } from '../network/networkModel';
import { db } from '../store/database';
import { getDataset, readAccounts, readTweetBlocks } from '../store/read/datasetReader';
import { resolveAccounts, unresolvedAccountsMessage } from '../../../shared/graph/resolveAccounts';
import { NAME_ATTRIBUTION_RULE } from '../../../shared/domain/screenNames';
import { AnalysisProgressReporter } from './analysisProgressReporter';
import { collectGarbage } from './collectGarbage';

const post = (m: FromAnalysisWorker): void => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);
const reporter = new AnalysisProgressReporter((p) => post({ type: 'progress', ...p }));
/** Progress in words: a phase by name, or with `done` of `total` `unit`. */
const progress = (phase: string, done = 0, total = 0, unit = '', even = true): void => reporter.count(phase, done, total, unit, even);

/** The last analysed graph, kept for exports of the view (and, for interaction kinds, the tweets behind each edge). */
let last: {
  graph: Graph;
  edgeKeys: string[];
  receipt: AnalysisReceipt;
  interaction?: { kind: AnalysisRequest['kind']; edgeRows: Map<string, number[]> };
  /** Co-hashtag and co-URL edges: their rows are found when asked for (coUseEdgeRows), with the network's filter and pruned items. */
  coUse?: { kind: CoUseKind; filter: TweetFilter; pruned: Set<string> };
} | null = null;

/**
 * The tweets the last graph was built from (rows of `last`'s edges), for the tweets behind an edge:
 * the dataset's blocks that were read (`seqs`), and their columns while held. The view releases them
 * while the next network builds (its worker reads the dataset's tweets too: two copies doubled the
 * memory of a build), and they are read again, the same blocks, when an edge's tweets are asked for.
 */
let source: { datasetId: string; seqs: number[]; rows: number; columns: Promise<TweetColumns> | null } | null = null;

/** The last graph's tweets: held, or read again (the same blocks in the same order, so its edges' rows still point at them). */
function sourceColumns(): Promise<TweetColumns> {
  const s = source;
  if (!s) return Promise.reject(new Error('No tweets are recorded for this network.'));
  s.columns ??= readColumns(s.datasetId, s.seqs).then(({ columns }) => {
    if (columns.length !== s.rows) throw new Error('The dataset’s tweets changed since this network was built (an import was deleted): build it again to list the tweets behind its edges.');
    return columns;
  });
  const held = s.columns;
  // A failed read is not kept: the next edge asked for tries again.
  held.catch(() => void (s.columns === held && (s.columns = null)));
  return held;
}

self.onmessage = (e: MessageEvent<ToAnalysisWorker>) => {
  const m = e.data;
  if (m.type === 'releaseTweets') {
    if (source) source.columns = null;
    // Freed now, while the other worker reads the dataset, not whenever V8 would come to it.
    collectGarbage();
    return;
  }
  if (m.type === 'edgeTweets') {
    edgeTweets(m.edgeIndex, m.limit).catch((err: unknown) =>
      post({ type: 'edgeTweets', edgeIndex: m.edgeIndex, total: 0, tweets: [], error: err instanceof Error ? err.message : String(err) }));
    return;
  }
  const job = m.type === 'run' ? run(m.request) : exportView(m);
  job.catch((err: unknown) => post({ type: 'error', message: err instanceof Error ? err.message : String(err), ...(m.type === 'export' ? { exportId: m.id } : {}) }));
};

/** The dataset's tweets (or those of its blocks `seqs`), with the blocks read. */
async function readColumns(datasetId: string, seqs?: number[]): Promise<{ columns: TweetColumns; seqs: number[] }> {
  const dataset = await getDataset(db, datasetId);
  if (!dataset) throw new Error('This dataset is not available (deleted, or its import is not committed).');
  const blocks: TweetColumns[] = [];
  const read: number[] = [];
  let rows = 0;
  progress('Reading tweets', 0, dataset.counts.tweets, 'tweets');
  for await (const b of readTweetBlocks(db, datasetId, seqs)) {
    blocks.push(b.columns);
    read.push(b.seq);
    rows += b.columns.length;
    progress('Reading tweets', rows, dataset.counts.tweets, 'tweets');
  }
  progress('Reading tweets', rows, dataset.counts.tweets, 'tweets');
  return { columns: concatColumns(blocks), seqs: read };
}

/**
 * The request's filter for the builders: its accounts resolved (resolveAccounts.ts); one that names
 * no account of the dataset stops the analysis with a message.
 */
function toFilter(f: AnalysisRequest['filter'], accounts: ReadonlyMap<string, { userid: string; userScreenName: string }>): TweetFilter {
  let userids: Set<string> | undefined;
  if (f.userids?.length) {
    const resolved = resolveAccounts(f.userids, accounts.values());
    userids = resolved.userids;
    const message = unresolvedAccountsMessage(resolved);
    if (message) throw new Error(`Not built: ${message}.`);
  }
  return {
    ...(f.fromMinute !== undefined ? { fromMinute: f.fromMinute } : {}),
    ...(f.toMinute !== undefined ? { toMinute: f.toMinute } : {}),
    ...(userids ? { userids } : {}),
    ...(f.language !== undefined ? { language: f.language } : {}), // '' keeps the tweets with no language
  };
}

async function run(request: AnalysisRequest): Promise<void> {
  const t0 = performance.now();
  const { columns, seqs } = await readColumns(request.datasetId);
  progress('Reading accounts');
  const accounts = new Map((await readAccounts(db, request.datasetId)).map((a) => [a.userid, a]));
  // The reads' transactions end only when this task does: the seconds of analysis below would hold
  // them open, and an import or a deletion (which write those stores) would wait for all of it.
  await new Promise((resolve) => setTimeout(resolve));
  const filter = toFilter(request.filter, accounts);
  const kind = request.kind;
  let graph: Graph;
  let receiptKind: string;
  const algorithms: AlgorithmName[] = ['network-builder'];
  const parameters: Record<string, unknown> = { kind, filter: describeFilter(filter) };
  const omitted: Record<string, number> = {};
  const summary: NetworkModel['summary'] = { tweets: columns.length };
  let coordination: CoordinationResult | null = null;
  let stability = new Map<string, EdgeStability>();
  let prunedItems: NetworkModel['prunedItems'] = [];
  let edgeRows: Map<string, number[]> | undefined;
  const seed = request.coordination.seed;

  if (isCoordinationKind(kind)) {
    const c = request.coordination;
    const options = { kind, windowSeconds: c.windowSeconds, minRepeat: c.minRepeat, alpha: c.alpha, replicates: c.replicates, seed, filter };
    if (c.sweep) {
      const sweepProgress = (done: number) => progress('Window sweep with significance', done, STABILITY_WINDOWS_SECONDS.length, 'windows', false);
      sweepProgress(0);
      const sweep = windowStability(columns, options, STABILITY_WINDOWS_SECONDS, sweepProgress);
      stability = new Map(sweep.edges.map((s) => [s.source + '\u0000' + s.target, s]));
      coordination = sweep.results.find((r) => r.windowSeconds === c.windowSeconds) ?? null;
    }
    if (!coordination) {
      progress('Detecting coordination and significance');
      coordination = detectCoordination(columns, options);
    }
    graph = coordinationGraph(coordination.edges, coordination.postsByAccount);
    receiptKind = `coordination:${kind}`;
    algorithms.splice(0, 1, 'coordination-sweep', 'account-day-shift-null', 'benjamini-hochberg');
    Object.assign(parameters, {
      windowSeconds: coordination.windowSeconds, minRepeat: coordination.minRepeat, alpha: coordination.alpha,
      replicates: coordination.nullModel.replicates, nullModel: coordination.nullModel, windowSweep: c.sweep ? [...STABILITY_WINDOWS_SECONDS] : [],
      timePrecision: 'tweet_time has minute precision: Δt is a multiple of 60 s; windows under 60 s mean "same minute"',
    });
    omitted.tweetsFiltered = coordination.tweetsFiltered;
    omitted.cappedObjects = coordination.cappedObjects.length;
    omitted.candidatePairsBelowMinRepeat = coordination.candidatePairs - coordination.edges.length;
    Object.assign(summary, {
      actions: coordination.actions, objects: coordination.objects, accounts: coordination.accounts,
      candidatePairs: coordination.candidatePairs, heaviestPairWeight: coordination.heaviestPairWeight, edges: coordination.edges.length,
      significantEdges: coordination.edges.filter((x) => x.significant).length,
    });
  } else {
    const net = buildNetwork(columns, kind, { filter, edgeRows: true, accounts: accounts.values(), onProgress: progress });
    edgeRows = net.edgeRows;
    graph = net.graph;
    receiptKind = `network:${kind}`;
    if (kind === 'cohashtag' || kind === 'courl') parameters.itemsCompared = CO_USE_ITEMS[kind];
    if (kind === 'mention' || kind === 'retweet') parameters.screenNames = NAME_ATTRIBUTION_RULE;
    omitted.tweetsFiltered = net.stats.tweetsFiltered;
    omitted.unresolvedTargets = net.stats.unresolved;
    omitted.prunedItems = net.stats.prunedItems.length;
    prunedItems = net.stats.prunedItems;
    Object.assign(summary, { tweetsRead: net.stats.tweetsRead, tweetsWithObject: net.stats.tweetsWithObject, unresolved: net.stats.unresolved });
  }

  progress('Communities and metrics');
  // An empty network (e.g. no quotes in the filtered period) is a result, not an error: the metrics libraries refuse empty graphs.
  const ann = graph.order > 0 ? annotateGraph(graph, seed, (step) => progress(`Communities and metrics: ${step}`)) : { algorithms: [] as AlgorithmName[], communities: 0, modularity: 0, components: 0, betweennessExact: true, betweennessSamples: 0 };
  algorithms.push(...ann.algorithms.filter((a) => !algorithms.includes(a)));
  Object.assign(summary, { communities: ann.communities, modularity: +ann.modularity.toFixed(4), components: ann.components, betweennessExact: ann.betweennessExact });
  if (coordination) {
    // Communities of coordination are those of the significant-edge subgraph (-1 = in none).
    const comms = coordinationCommunities(coordination.edges, seed);
    const of = new Map<string, number>();
    comms.forEach((cm) => cm.members.forEach((u) => of.set(u, cm.id)));
    graph.forEachNode((n) => graph.setNodeAttribute(n, 'community', of.get(n) ?? -1));
    summary.communities = comms.length;
  }

  // Labels from the users file (display name and screen name as archived).
  const nodes: NetNode[] = [];
  graph.forEachNode((id, a) => {
    const acc = accounts.get(id);
    const screenName = acc?.userScreenName ?? String(a.label ?? id);
    const displayName = acc?.userDisplayName ?? '';
    graph.mergeNodeAttributes(id, { label: screenName, displayName });
    nodes.push({
      id, label: screenName, screenName, displayName, external: Boolean(a.external), posts: Number(a.posts ?? 0),
      community: Number(a.community ?? -1), degree: Number(a.degree ?? 0), weightedDegree: Number(a.weightedDegree ?? 0),
      pagerank: Number(a.pagerank ?? 0), betweenness: Number(a.betweenness ?? 0), core: Number(a.core ?? 0),
    });
  });

  progress('Preparing the view');
  const rowOf = coordination ? tweetRows(columns, coordination) : new Map<string, number>();
  const provenance = (i: number | undefined) =>
    i === undefined ? null : { fileSha256: columns.fileSha256[i]!, row: columns.row[i]!, byteOffset: columns.byteOffset[i]!, byteLength: columns.byteLength[i]! };
  const pairsOf = new Map<string, NetPair[]>();
  if (coordination) {
    for (const ce of coordination.edges) {
      pairsOf.set(ce.source + '\u0000' + ce.target, ce.pairs.map((p) => {
        const ia = rowOf.get(p.tweetA);
        const ib = rowOf.get(p.tweetB);
        return { ...p, textA: ia === undefined ? '' : columns.tweetText[ia]!, textB: ib === undefined ? '' : columns.tweetText[ib]!, provenanceA: provenance(ia), provenanceB: provenance(ib) };
      }));
    }
  }
  const edges: NetEdge[] = [];
  const edgeKeys: string[] = [];
  const directed = graph.type !== 'undirected';
  graph.forEachEdge((key, a, s, t) => {
    const k = s < t ? s + '\u0000' + t : t + '\u0000' + s;
    const st = stability.get(k);
    const sig = coordination ? coordination.edges.length > 0 && a.qValue !== undefined && Number(a.qValue) <= coordination.alpha && coordination.nullModel.replicates > 0 : undefined;
    if (coordination) graph.mergeEdgeAttributes(key, { significant: Boolean(sig), ...(st ? { stable: st.stable } : {}) });
    edges.push({
      index: edges.length, source: s, target: t, weight: Number(a.weight ?? 1), directed,
      ...(coordination ? {
        expectedWeight: Number(a.expectedWeight), pValue: Number(a.pValue), qValue: Number(a.qValue), significant: Boolean(sig),
        pairs: pairsOf.get(k) ?? [], ...(st ? { windows: st.windows, stable: st.stable } : {}),
      } : {}),
    });
    edgeKeys.push(key);
  });

  const receipt = buildAnalysisReceipt({
    kind: receiptKind, columns, tweetsAnalysed: columns.length - (omitted.tweetsFiltered ?? 0), parameters, algorithms, seed,
    nodes: graph.order, edges: graph.size, omitted,
    notes: [
      ...(ann.betweennessExact ? [] : [`betweenness approximated from ${ann.betweennessSamples} sampled sources`]),
      // The view may hide the non-significant edges; the metrics (and the filters and ranking that use them) do not.
      ...(coordination ? ['node metrics (degree, weighted degree, PageRank, k-core, betweenness) count every candidate edge, significant or not; communities are those of the significant edges only'] : []),
    ],
  });
  last = {
    graph, edgeKeys, receipt,
    ...(edgeRows ? { interaction: { kind, edgeRows } } : {}),
    ...(kind === 'cohashtag' || kind === 'courl' ? { coUse: { kind, filter, pruned: new Set(prunedItems.map((p) => p.item)) } } : {}),
  };
  // Only the networks that list the tweets behind an edge keep them.
  source = last.interaction || last.coUse ? { datasetId: request.datasetId, seqs, rows: columns.length, columns: Promise.resolve(columns) } : null;
  const packed = packEdges(edges);
  post({
    type: 'result',
    model: {
      request, nodes, edges: packed ? [] : edges, ...(packed ? { packed } : {}), communities: Number(summary.communities ?? 0), receipt, summary,
      cappedObjects: coordination?.cappedObjects ?? [], prunedItems, millis: Math.round(performance.now() - t0),
    },
  });
}

/** Column index of every tweet id that appears in an evidence pair. */
function tweetRows(c: TweetColumns, r: CoordinationResult): Map<string, number> {
  const wanted = new Set<string>();
  for (const e of r.edges) for (const p of e.pairs) wanted.add(p.tweetA).add(p.tweetB);
  const rows = new Map<string, number>();
  for (let i = 0; i < c.length; i++) if (wanted.has(c.tweetid[i]!)) rows.set(c.tweetid[i]!, i);
  return rows;
}

/** The tweets behind one interaction or co-use edge, oldest first: id, author, time, the shared object, text and source row (first `limit`). */
async function edgeTweets(edgeIndex: number, limit: number): Promise<void> {
  const key = last?.edgeKeys[edgeIndex];
  const it = last?.interaction;
  const co = last?.coUse;
  if (last && co && key !== undefined) {
    const c = await sourceColumns();
    const rows = coUseEdgeRows(c, co.kind, last.graph.source(key), last.graph.target(key), co.filter, co.pruned).sort((x, y) => c.tweetTime[x.row]! - c.tweetTime[y.row]! || x.row - y.row);
    post({
      type: 'edgeTweets', edgeIndex, total: rows.length,
      tweets: rows.slice(0, limit).map(({ row: i, items }) => edgeTweet(c, i, items.join(' '))),
    });
    return;
  }
  if (!last || !it || key === undefined) throw new Error('No tweets are recorded for this edge.');
  const rows = it.edgeRows.get(last.graph.source(key) + '\u0000' + last.graph.target(key)) ?? [];
  const c = await sourceColumns();
  const target = last.graph.target(key);
  const objectOf = (i: number): string =>
    it.kind === 'retweet' ? c.retweetTweetid[i] || target
      : it.kind === 'reply' ? c.inReplyToTweetid[i] || target
        : it.kind === 'quote' ? c.quotedTweetTweetid[i]!
          : target;
  // A tweet mentioning an account twice is one tweet (two interactions). Tweets are listed oldest first.
  const unique = [...new Set(rows)].sort((a, b) => c.tweetTime[a]! - c.tweetTime[b]! || a - b);
  post({
    type: 'edgeTweets', edgeIndex, total: unique.length,
    tweets: unique.slice(0, limit).map((i) => edgeTweet(c, i, objectOf(i))),
  });
}

/** Row i as a tweet behind an edge: its archived row, and what the edge shares through it. */
function edgeTweet(c: TweetColumns, i: number, object: string): EdgeTweet {
  const a = tweetAt(c, i);
  return { tweetid: a.tweetid, userid: a.userid, time: a.tweetTime, object, text: a.tweetText, provenance: a.provenance, archived: a };
}

/** Serialises what the view shows (visible nodes and edges) with the receipt and what was left out. */
async function exportView(m: Extract<ToAnalysisWorker, { type: 'export' }>): Promise<void> {
  if (!last) throw new Error('Nothing to export yet: run an analysis first.');
  const { graph, edgeKeys } = last;
  const sub = new Graph({ type: graph.type, multi: graph.multi });
  const keep = new Set(m.nodeIds);
  for (const n of m.nodeIds) if (graph.hasNode(n)) sub.addNode(n, { ...graph.getNodeAttributes(n) });
  for (const i of m.edgeIndices) {
    const key = edgeKeys[i];
    if (key === undefined) continue;
    const s = graph.source(key);
    const t = graph.target(key);
    if (keep.has(s) && keep.has(t)) sub.addEdgeWithKey(key, s, t, { ...graph.getEdgeAttributes(key) });
  }
  const receipt: AnalysisReceipt = {
    ...last.receipt,
    counts: { nodes: sub.order, edges: sub.size, omitted: { ...last.receipt.counts.omitted, ...m.omitted } },
    notes: [...last.receipt.notes, ...m.notes],
  };
  post({ type: 'exported', id: m.id, text: exportGraph(sub, m.format, receipt), receipt });
}
