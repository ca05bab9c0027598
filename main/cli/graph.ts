import { loadArchiveFiles, noteLoaded } from './loadArchiveFiles';
import { outputTarget, writeOutputs } from './writeOutputs';
import { buildNetwork } from '../../shared/graph/networks/buildNetwork';
import { CO_USE_ITEMS, DEFAULT_MAX_ACCOUNTS_PER_ITEM } from '../../shared/graph/networks/coUseNetwork';
import { NETWORK_KINDS, type NetworkKind } from '../../shared/graph/networks/networkTypes';
import { annotateGraph } from '../../shared/graph/analytics/annotateGraph';
import { buildAnalysisReceipt, type AnalysisReceipt } from '../../shared/graph/analysisReceipt';
import { describeFilter } from '../../shared/graph/tweetFilter';
import { exportGraph, GRAPH_FORMATS, type GraphFormat } from '../../shared/graph/export/exportGraph';
import { FILTER_OPTIONS, resolveUsersOpt, filterFromOpts, numberOpt, parseCliArgs, SEED_RANGE, UsageError, withUsage } from './cliArgs';
import { terminalText } from './terminalText';
import { countOf } from '../../shared/domain/countWords';
import { NAME_ATTRIBUTION_RULE } from '../../shared/domain/screenNames';
import { emptyNetworkReason } from '../../shared/graph/emptyNetworkReason';

const USAGE = `usage: npm run -s cli -- graph FILE... --kind ${NETWORK_KINDS.join('|')} [--format ${GRAPH_FORMATS.join('|')}] --out PATH
       [--from YYYY-MM-DD] [--to YYYY-MM-DD (included)] [--lang L] [--users id|@name,...] [--seed N] [--max-accounts-per-item N] [--no-metrics]
  csv writes the receipt beside the edge list as PATH.receipt.json`;

/** `graph`: build a network from archive files and export it with its analysis receipt. */
export const run = (argv: string[]): Promise<number> => withUsage(USAGE, () => graph(argv));

async function graph(argv: string[]): Promise<number> {
  const { files, kind, format, out, receiptOut, seed, filter: given, maxAccountsPerItem, metrics } = readArgs(argv);
  const loaded = await loadArchiveFiles(files);
  noteLoaded(loaded);
  const filter = resolveUsersOpt(given, loaded);
  const net = buildNetwork(loaded.tweets, kind, { filter, maxAccountsPerItem, accounts: loaded.accounts });
  const summary = metrics ? annotateGraph(net.graph, seed) : null;
  const receipt: AnalysisReceipt = buildAnalysisReceipt({
    kind: `network:${kind}`,
    columns: loaded.tweets,
    tweetsAnalysed: loaded.tweets.length - net.stats.tweetsFiltered,
    parameters: {
      kind, format, filter: describeFilter(filter),
      // The cap applied: co-use networks default to DEFAULT_MAX_ACCOUNTS_PER_ITEM; the others have none.
      maxAccountsPerItem: kind === 'cohashtag' || kind === 'courl' ? (maxAccountsPerItem ?? DEFAULT_MAX_ACCOUNTS_PER_ITEM) : null,
      ...(kind === 'cohashtag' || kind === 'courl' ? { itemsCompared: CO_USE_ITEMS[kind] } : {}),
      ...(kind === 'mention' || kind === 'retweet' ? { screenNames: NAME_ATTRIBUTION_RULE } : {}),
      inputFiles: loaded.receipts.map((r) => ({ fileName: r.fileName, sha256: r.sha256, format: r.format, rowsStored: r.rowsStored, rowsRejected: r.rowsRejected })),
      ...(summary ? { communities: summary.communities, modularity: summary.modularity, components: summary.components, betweennessExact: summary.betweennessExact, betweennessSamples: summary.betweennessSamples } : {}),
    },
    algorithms: ['network-builder', ...(summary?.algorithms ?? [])],
    seed,
    nodes: net.graph.order,
    edges: net.graph.size,
    omitted: {
      tweetsFiltered: net.stats.tweetsFiltered,
      unresolvedTargets: net.stats.unresolved,
      prunedItems: net.stats.prunedItems.length,
      quarantinedRows: loaded.quarantined.length,
    },
    notes: net.stats.prunedItems.slice(0, 20).map((p) => `pruned item '${p.spelling}'${p.spelling !== p.item ? ` (compared as '${p.item}')` : ''} used by ${p.accounts} accounts`),
  });
  writeOutputs([[out, exportGraph(net.graph, format, receipt)], ...(receiptOut ? [[receiptOut, JSON.stringify(receipt, null, 2) + '\n'] as [string, string]] : [])]);
  process.stderr.write(terminalText(`${kind} network: ${countOf(net.graph.order, 'node')}, ${countOf(net.graph.size, 'edge')} -> ${out}`) + '\n');
  // An empty network would read as a finding: say why, as the app does.
  const why = emptyNetworkReason({
    kind, edges: net.graph.size, tweets: loaded.tweets.length, tweetsFiltered: net.stats.tweetsFiltered,
    tweetsWithObject: net.stats.tweetsWithObject, unresolved: net.stats.unresolved, prunedItems: net.stats.prunedItems.length,
  });
  // The app's "(below)" points at its note of the items left out; here, at the option that sets them.
  const cap = maxAccountsPerItem ?? DEFAULT_MAX_ACCOUNTS_PER_ITEM;
  const said = why.replace('kept (below).', `kept (at most ${countOf(cap, 'account')} an item: --max-accounts-per-item).`).replace(' (below).', '.');
  if (why && loaded.tweets.length > 0) process.stderr.write(terminalText(`empty network: ${said}`) + '\n');
  return 0;
}


function readArgs(argv: string[]) {
  const { files, opts, flags } = parseCliArgs(argv, {
    options: ['--kind', '--format', '--out', '--seed', '--max-accounts-per-item', ...FILTER_OPTIONS], flags: ['--no-metrics'],
  });
  const kind = opts.get('--kind') as NetworkKind | undefined;
  const format = (opts.get('--format') ?? 'graphml') as GraphFormat;
  const out = opts.get('--out');
  if (!files.length) throw new UsageError('no archive file given');
  if (!kind || !NETWORK_KINDS.includes(kind)) throw new UsageError(`--kind must be one of ${NETWORK_KINDS.join(', ')}`);
  if (!GRAPH_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${GRAPH_FORMATS.join(', ')}`);
  if (!out) throw new UsageError('--out PATH is required');
  return {
    files, kind, format,
    out: outputTarget(out, files),
    receiptOut: format === 'csv' ? outputTarget(`${out}.receipt.json`, files) : null,
    seed: numberOpt(opts, '--seed', SEED_RANGE) ?? 1,
    filter: filterFromOpts(opts),
    maxAccountsPerItem: numberOpt(opts, '--max-accounts-per-item', { min: 1, integer: true }),
    metrics: !flags.has('--no-metrics'),
  };
}
