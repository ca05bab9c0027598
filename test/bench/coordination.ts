/**
 * Co-retweet at 60 s on a generated archive (default 1 M tweets, in memory), including the
 * significance test. Prints one JSON line.
 *   npx tsx test/bench/coordination.ts [--json] [--tweets N] [--replicates R] [--kind coretweet|cotweet|colink|coreply]
 */
import { demoTweetColumns } from '../../shared/archive/demo/demoColumns';
import { detectCoordination } from '../../shared/graph/coordination/detectCoordination';
import { coordinationCommunities } from '../../shared/graph/coordination/coordinationCommunities';
import { COORDINATION_KINDS } from '../../shared/graph/coordination/coordinationTypes';
import { demoArchiveArg } from './cachedDemoArchive';
import { scriptArgs } from './scriptArgs';

const args = scriptArgs(`usage: npx tsx test/bench/coordination.ts [--json] [--tweets N] [--replicates R] [--kind ${COORDINATION_KINDS.join('|')}]`, {
  options: ['--tweets', '--replicates', '--kind'], flags: ['--json'],
});
const tweets = args.count('--tweets', 1_000_000);
const replicates = args.count('--replicates', 199, { min: 0 });
const kind = args.choice('--kind', COORDINATION_KINDS, 'coretweet');
demoArchiveArg({ seed: 2024, tweets }, args.usageError); // the archive demoTweetColumns makes: enough tweets for it

const g0 = performance.now();
const { columns, groundTruth } = demoTweetColumns({ seed: 2024, tweets });
const generateSeconds = (performance.now() - g0) / 1000;

const c0 = process.cpuUsage();
const t0 = performance.now();
const r = detectCoordination(columns, { kind, windowSeconds: 60, minRepeat: 3, replicates, seed: 1 });
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(c0);
const communities = coordinationCommunities(r.edges, 1);

const members = new Map<string, number>();
for (const g of groundTruth.groups) for (const m of g.members) members.set(m, g.id);
const significant = r.edges.filter((e) => e.significant);
const planted = groundTruth.groups.filter((g) => g.behaviours.includes(kind));
const recall = planted.map((g) => Math.max(0, ...communities.map((c) => c.members.filter((m) => g.members.includes(m)).length)) / g.members.length);

console.log(JSON.stringify({
  tweets,
  kind,
  windowSeconds: 60,
  seconds: +seconds.toFixed(3),
  // CPU time of this process: a steadier figure than wall-clock on a shared, loaded machine.
  cpuSeconds: +((cpu.user + cpu.system) / 1e6).toFixed(3),
  loadAverage1m: +(await import('node:os')).loadavg()[0]!.toFixed(1),
  detectionSeconds: +(r.timingsMs.detection / 1000).toFixed(3),
  significanceSeconds: +(r.timingsMs.significance / 1000).toFixed(3),
  replicates,
  peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  actions: r.actions,
  candidatePairs: r.candidatePairs,
  edges: r.edges.length,
  significantEdges: significant.length,
  significantEdgesTouchingBackground: significant.filter((e) => !members.has(e.source) || !members.has(e.target)).length,
  cappedObjects: r.cappedObjects.length,
  communities: communities.length,
  plantedGroups: planted.length,
  minGroupRecall: +Math.min(...recall).toFixed(3),
  generateSeconds: +generateSeconds.toFixed(1),
}));
