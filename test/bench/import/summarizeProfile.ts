/**
 * The functions that used the most CPU in `.cpuprofile` files (from `bench:import -- --cpu-profile DIR`):
 *   npx tsx test/bench/import/summarizeProfile.ts FILE.cpuprofile... [--top N]
 * Per file: sampled seconds in all, then self seconds by function (name, script, line), largest first.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { scriptArgs } from '../scriptArgs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const args = scriptArgs('usage: npx tsx test/bench/import/summarizeProfile.ts FILE... [--top N]', { options: ['--top'], operands: ['FILE...'] });
const top = args.count('--top', 25);
for (const file of args.files) {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let busy = 0;
  // Each sample's time is the delta to the next one.
  for (let i = 0; i < p.samples.length; i++) {
    const node = byId.get(p.samples[i]!)!;
    const us = p.timeDeltas[i + 1] ?? 0;
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${path.basename(f.url.split('?')[0] ?? '')}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + us);
    if (f.functionName !== '(idle)' && f.functionName !== '(program)') busy += us;
  }
  console.log(`${path.basename(file)}: ${((p.endTime - p.startTime) / 1e6).toFixed(1)} s profiled, ${(busy / 1e6).toFixed(2)} s busy`);
  for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${(us / 1e6).toFixed(2).padStart(7)}  ${k}`);
}
