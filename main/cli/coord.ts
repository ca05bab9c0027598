import { loadArchiveFiles, noteLoaded } from './loadArchiveFiles';
import { outputTarget, writeOutputs } from './writeOutputs';
import { FILTER_OPTIONS, resolveUsersOpt, filterFromOpts, numberOpt, parseCliArgs, SEED_RANGE, UsageError, withUsage } from './cliArgs';
import { detectCoordination } from '../../shared/graph/coordination/detectCoordination';
import { coordinationCommunities, coordinationGraph } from '../../shared/graph/coordination/coordinationCommunities';
import { windowStability, STABILITY_WINDOWS_SECONDS } from '../../shared/graph/coordination/windowStability';
import { COORDINATION_RANGES, fewestReplicates } from '../../shared/graph/coordination/parameterProblems';
import { COORDINATION_KINDS, type CoordinationKind } from '../../shared/graph/coordination/coordinationTypes';
import { buildAnalysisReceipt } from '../../shared/graph/analysisReceipt';
import { describeFilter } from '../../shared/graph/tweetFilter';
import { exportGraph, GRAPH_FORMATS, type GraphFormat } from '../../shared/graph/export/exportGraph';
import { formatMinute } from '../../shared/archive/demo/csvFormat';
import { P_FLOOR, TAIL_REPLICATES } from '../../shared/graph/coordination/nullTail';
import { terminalText } from './terminalText';
import { emptyNetworkReason } from '../../shared/graph/emptyNetworkReason';

const USAGE = `usage: npm run -s cli -- coord FILE... --kind ${COORDINATION_KINDS.join('|')} [--window 60] [--min-repeat 3]
       [--replicates 199] [--seed 1] [--alpha 0.05] [--max-pairs-per-object 250000] [--include-retweets]
       [--from YYYY-MM-DD] [--to YYYY-MM-DD (included)] [--lang L] [--users id|@name,...] [--sweep] [--json]
       [--out PATH --format graphml|gexf|csv|json]   (the significant-edge graph with communities)`;

/** `coord`: coordinated account pairs with evidence, significance, communities and a receipt. */
export const run = (argv: string[]): Promise<number> => withUsage(USAGE, () => coord(argv));

async function coord(argv: string[]): Promise<number> {
  const { files, opts, flags } = parseCliArgs(argv, {
    options: ['--kind', '--window', '--min-repeat', '--replicates', '--seed', '--alpha', '--max-pairs-per-object', '--out', '--format', ...FILTER_OPTIONS],
    flags: ['--json', '--sweep', '--include-retweets'],
  });
  const kind = opts.get('--kind') as CoordinationKind | undefined;
  const format = (opts.get('--format') ?? 'graphml') as GraphFormat;
  if (!files.length) throw new UsageError('no archive file given');
  if (!kind || !COORDINATION_KINDS.includes(kind)) throw new UsageError(`--kind must be one of ${COORDINATION_KINDS.join(', ')}`);
  if (!GRAPH_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${GRAPH_FORMATS.join(', ')}`);
  if (opts.has('--format') && !opts.has('--out')) throw new UsageError('--format needs --out PATH');
  if (flags.has('--include-retweets') && kind === 'coretweet') throw new UsageError('--include-retweets is for cotweet, colink and coreply: coretweet compares retweets only');
  const out = opts.has('--out') ? outputTarget(opts.get('--out')!, files) : null;
  const receiptOut = out && format === 'csv' ? outputTarget(`${opts.get('--out')!}.receipt.json`, files) : null;
  const options = {
    kind,
    windowSeconds: numberOpt(opts, '--window', COORDINATION_RANGES.windowSeconds) ?? 60,
    minRepeat: numberOpt(opts, '--min-repeat', COORDINATION_RANGES.minRepeat) ?? 3,
    replicates: numberOpt(opts, '--replicates', COORDINATION_RANGES.replicates) ?? 199,
    seed: numberOpt(opts, '--seed', SEED_RANGE) ?? 1,
    alpha: numberOpt(opts, '--alpha', COORDINATION_RANGES.alpha) ?? 0.05,
    maxPairsPerObject: numberOpt(opts, '--max-pairs-per-object', { min: 1, integer: true }) ?? 250_000,
    includeRetweets: flags.has('--include-retweets'),
    filter: filterFromOpts(opts),
  };
  const fewest = fewestReplicates(options.alpha);
  if (options.replicates < fewest) throw new UsageError(`--replicates ${options.replicates} are too few: alone they cannot show a p-value at or below --alpha ${options.alpha}: use at least ${fewest}`);
  const loaded = await loadArchiveFiles(files);
  noteLoaded(loaded);
  options.filter = resolveUsersOpt(options.filter, loaded);
  const t0 = performance.now();
  const r = detectCoordination(loaded.tweets, options);
  const seconds = (performance.now() - t0) / 1000;
  // No edge would read as a finding (no coordination): say why, as graph and the app do.
  const why = emptyNetworkReason({
    kind, edges: r.edges.length, tweets: loaded.tweets.length, tweetsFiltered: r.tweetsFiltered, actions: r.actions, candidatePairs: r.candidatePairs,
    heaviestPairWeight: r.heaviestPairWeight, cappedObjects: r.cappedObjects.length, windowSeconds: r.windowSeconds, minRepeat: r.minRepeat,
  });
  if (why && loaded.tweets.length > 0) process.stderr.write(terminalText(`no account pair found: ${why.replace('(Minimum repeats)', '(--min-repeat)')}`) + '\n');
  const communities = coordinationCommunities(r.edges, options.seed);
  const significant = r.edges.filter((e) => e.significant);
  const stability = flags.has('--sweep') ? windowStability(loaded.tweets, options).edges : null;
  // One receipt per output: the JSON lists every edge, the exported graph only the significant ones.
  const receiptFor = (listed: typeof r.edges) => buildAnalysisReceipt({
    kind: `coordination:${kind}`,
    columns: loaded.tweets,
    tweetsAnalysed: loaded.tweets.length - r.tweetsFiltered,
    parameters: {
      ...options, filter: describeFilter(options.filter), nullModel: r.nullModel,
      sweepWindowsSeconds: stability ? STABILITY_WINDOWS_SECONDS : null,
      inputFiles: loaded.receipts.map((x) => ({ fileName: x.fileName, sha256: x.sha256, format: x.format, rowsStored: x.rowsStored, rowsRejected: x.rowsRejected })),
    },
    algorithms: ['coordination-sweep', 'account-day-shift-null', 'benjamini-hochberg', 'louvain'],
    seed: options.seed,
    nodes: nodesOf(listed),
    edges: listed.length,
    omitted: {
      tweetsFiltered: r.tweetsFiltered,
      cappedObjects: r.cappedObjects.length,
      candidatePairsBelowMinRepeat: r.candidatePairs - r.edges.length,
      ...(listed.length < r.edges.length ? { edgesNotSignificant: r.edges.length - listed.length, accountsOnlyOnEdgesNotSignificant: nodesOf(r.edges) - nodesOf(listed) } : {}),
      quarantinedRows: loaded.quarantined.length,
    },
    notes: [
      'weight = number of distinct objects both accounts acted on within the window; pairs lists every post pair behind it',
      `p-values from the ${options.replicates} null-model replicates: (1 + k) / (R + 1) when k >= ${TAIL_REPLICATES} replicates reach the observed weight, else the upper tail of a negative binomial (Poisson when not overdispersed) fitted to the null weights' mean and variance, never below k / (R + 1) nor ${P_FLOOR}`,
      `q-values are Benjamini-Hochberg over all ${r.candidatePairs} account pairs that co-acted at least once (those under minRepeat count as p = 1)`,
      ...r.cappedObjects.slice(0, 20).map((c) => `capped object '${c.object}': ${c.actions} posts, ${c.pairsInWindow} pairs in window (excluded)`),
    ],
  });
  const receipt = receiptFor(r.edges);
  if (out) {
    const g = coordinationGraph(significant, r.postsByAccount);
    const communityOf = new Map<string, number>();
    for (const c of communities) for (const m of c.members) communityOf.set(m, c.id);
    // Labelled by screen name, as graph's exports are (the node key stays the userid).
    const screenName = new Map(loaded.accounts.map((a) => [a.userid, a.userScreenName]));
    g.forEachNode((n) => g.mergeNodeAttributes(n, { label: screenName.get(n) || n, community: communityOf.get(n) ?? -1 }));
    const fileReceipt = receiptFor(significant);
    writeOutputs([[out, exportGraph(g, format, fileReceipt)], ...(receiptOut ? [[receiptOut, JSON.stringify(fileReceipt, null, 2) + '\n'] as [string, string]] : [])]);
  }
  if (flags.has('--json')) {
    const stabilityOf = new Map(stability?.map((s) => [s.source + '\u0000' + s.target, s]) ?? []);
    const json = {
      kind, windowSeconds: r.windowSeconds, minRepeat: r.minRepeat, alpha: r.alpha,
      counts: { actions: r.actions, objects: r.objects, accounts: r.accounts, candidatePairs: r.candidatePairs, edges: r.edges.length, significantEdges: significant.length, communities: communities.length },
      seconds,
      edges: r.edges.map((e) => ({
        source: e.source, target: e.target, weight: e.weight, expectedWeight: e.expectedWeight,
        pValue: e.pValue, qValue: e.qValue, significant: e.significant,
        ...(stability ? { windows: stabilityOf.get(e.source + '\u0000' + e.target)?.windows ?? [], stable: stabilityOf.get(e.source + '\u0000' + e.target)?.stable ?? false } : {}),
        pairs: e.pairs.map((p) => ({ tweetA: p.tweetA, tweetB: p.tweetB, timeA: formatMinute(p.timeA), timeB: formatMinute(p.timeB), deltaSeconds: p.deltaSeconds, object: p.object })),
      })),
      communities,
      cappedObjects: r.cappedObjects,
      nullModel: r.nullModel,
      receipt,
    };
    process.stdout.write(JSON.stringify(json, null, 2) + '\n');
  } else {
    const lines = [
      `${kind} at ${r.windowSeconds} s, min repeat ${r.minRepeat}: ${r.actions} actions on ${r.objects} objects by ${r.accounts} accounts`,
      `edges ${r.edges.length}, significant (q <= ${r.alpha}) ${significant.length}, communities ${communities.length}, capped objects ${r.cappedObjects.length}, ${seconds.toFixed(2)} s`,
      ...communities.slice(0, 20).map((c) => `  community ${c.id}: ${c.members.length} accounts: ${c.members.slice(0, 6).join(', ')}${c.members.length > 6 ? ', …' : ''}`),
    ];
    process.stdout.write(terminalText(lines.join('\n')) + '\n');
  }
  return 0;
}

const nodesOf = (edges: readonly { source: string; target: string }[]): number => new Set(edges.flatMap((e) => [e.source, e.target])).size;
