import fs from 'node:fs';
import { loadArchiveFiles } from './loadArchiveFiles';
import { buildNetwork } from '../../shared/graph/networks/buildNetwork';
import { NETWORK_KINDS, type NetworkKind } from '../../shared/graph/networks/networkTypes';
import { annotateGraph } from '../../shared/graph/analytics/annotateGraph';
import { buildAnalysisReceipt, type AnalysisReceipt } from '../../shared/graph/analysisReceipt';
import { describeFilter, type TweetFilter } from '../../shared/graph/tweetFilter';
import { exportGraph, GRAPH_FORMATS, type GraphFormat } from '../../shared/graph/export/exportGraph';

const USAGE = `usage: graph FILE... --kind ${NETWORK_KINDS.join('|')} --format ${GRAPH_FORMATS.join('|')} --out PATH
       [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--lang L] [--users id,id] [--seed N] [--max-accounts-per-item N] [--no-metrics]
  csv writes the receipt beside the edge list as PATH.receipt.json`;

/** `graph`: build a network from archive files and export it with its analysis receipt. */
export async function run(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseCliArgs(argv, ['--no-metrics']);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { files, opts, flags } = args;
  const kind = opts.get('--kind') as NetworkKind | undefined;
  const format = (opts.get('--format') ?? 'graphml') as GraphFormat;
  const out = opts.get('--out');
  if (!files.length || !kind || !NETWORK_KINDS.includes(kind) || !GRAPH_FORMATS.includes(format) || !out) {
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  const seed = numberOpt(opts, '--seed') ?? 1;
  const filter = filterFromOpts(opts);
  const loaded = await loadArchiveFiles(files);
  const maxAccountsPerItem = numberOpt(opts, '--max-accounts-per-item');
  const net = buildNetwork(loaded.tweets, kind, { filter, maxAccountsPerItem });
  const summary = flags.has('--no-metrics') ? null : annotateGraph(net.graph, seed);
  const receipt: AnalysisReceipt = buildAnalysisReceipt({
    kind: `network:${kind}`,
    columns: loaded.tweets,
    tweetsAnalysed: loaded.tweets.length - net.stats.tweetsFiltered,
    parameters: {
      kind, format, filter: describeFilter(filter), maxAccountsPerItem: maxAccountsPerItem ?? null,
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
    notes: net.stats.prunedItems.slice(0, 20).map((p) => `pruned item '${p.item}' used by ${p.accounts} accounts`),
  });
  fs.writeFileSync(out, exportGraph(net.graph, format, receipt));
  if (format === 'csv') fs.writeFileSync(out + '.receipt.json', JSON.stringify(receipt, null, 2) + '\n');
  process.stderr.write(`${kind} network: ${net.graph.order} nodes, ${net.graph.size} edges -> ${out}\n`);
  return 0;
}


/** Tiny argv reader shared by the graph and coord commands: `--name value` options, the rest are files. */
export function parseCliArgs(argv: string[], flags: readonly string[]): { files: string[]; opts: Map<string, string>; flags: Set<string> } {
  const files: string[] = [];
  const opts = new Map<string, string>();
  const set = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (flags.includes(a)) set.add(a);
    else if (a.startsWith('--')) {
      const v = argv[i + 1];
      if (v === undefined) throw new Error(`${a} needs a value`);
      opts.set(a, v);
      i++;
    } else files.push(a);
  }
  return { files, opts, flags: set };
}

export function numberOpt(opts: Map<string, string>, name: string): number | undefined {
  const v = opts.get(name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`${name} must be a number, got '${v}'`);
  return n;
}

const dayOrMinute = (s: string): number => {
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(s) ? s + 'T00:00:00Z' : s.replace(' ', 'T') + 'Z');
  if (Number.isNaN(ms)) throw new Error(`not a UTC date: '${s}'`);
  return Math.floor(ms / 60_000);
};

/** --from / --to (UTC 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM'; --to exclusive), --lang, --users a,b,c. */
export function filterFromOpts(opts: Map<string, string>): TweetFilter | undefined {
  const f: TweetFilter = {};
  if (opts.has('--from')) f.fromMinute = dayOrMinute(opts.get('--from')!);
  if (opts.has('--to')) f.toMinute = dayOrMinute(opts.get('--to')!);
  if (opts.has('--lang')) f.language = opts.get('--lang')!;
  if (opts.has('--users')) f.userids = new Set(opts.get('--users')!.split(',').filter(Boolean));
  return Object.keys(f).length ? f : undefined;
}
