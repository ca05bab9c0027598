import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** The processes of a headless Chromium launched on a profile folder, and the CPU each kind used (from /proc): for the import benchmarks. */

/** The processes (pid → args, RSS in KB) of the browser that uses `profileDir`: it and its descendants. */
export function browserProcesses(profileDir: string): Map<string, { args: string; rssKB: number }> {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const procs = out.trim().split('\n').map((l) => {
    const m = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/.exec(l)!;
    return { pid: m[1]!, ppid: m[2]!, rssKB: Number(m[3]), args: m[4]! };
  });
  const ours = new Map(procs.filter((p) => p.args.includes(profileDir) && !p.args.includes('--type=')).map((p) => [p.pid, p]));
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of procs) if (!ours.has(p.pid) && ours.has(p.ppid)) ours.set(p.pid, p), (grew = true);
  }
  return ours;
}

/** CPU seconds used so far by each kind of browser process (browser, renderer, utility:…, gpu-process); for the browser and renderers, also their kernel seconds and page faults. */
export function cpuSecondsByProcess(profileDir: string): Record<string, number> {
  const ticksPerSecond = 100; // USER_HZ
  const byKind: Record<string, number> = {};
  for (const [pid, { args }] of browserProcesses(profileDir)) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // exited
    }
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // utime and stime are fields 14 and 15
    const sub = /--utility-sub-type=(\S+)/.exec(args)?.[1];
    const kind = (/--type=(\S+)/.exec(args)?.[1] ?? 'browser') + (sub ? ':' + sub : '');
    byKind[kind] = (byKind[kind] ?? 0) + (Number(f[11]) + Number(f[12])) / ticksPerSecond;
    // Of which in the kernel, and the page faults (thousands): on this VM a first touch of fresh memory costs ~10 µs a 4 KiB page.
    if (kind === 'renderer' || kind === 'browser') {
      byKind[kind + ' kernel'] = (byKind[kind + ' kernel'] ?? 0) + Number(f[12]) / ticksPerSecond;
      byKind[kind + ' faults (k)'] = (byKind[kind + ' faults (k)'] ?? 0) + Number(f[7]) / 1000;
    }
  }
  return byKind;
}

/** CPU seconds each kind of browser process used since `before` (a cpuSecondsByProcess reading). */
export function cpuSince(before: Record<string, number>, profileDir: string): Record<string, number> {
  return Object.fromEntries(Object.entries(cpuSecondsByProcess(profileDir)).map(([k, v]) => [k, Math.round((v - (before[k] ?? 0)) * 10) / 10]));
}
