import { readdirSync, readFileSync } from 'node:fs';

/** The processes of a headless Chromium launched on a profile folder, and the CPU each kind used (from /proc): for the import benchmarks. */

/**
 * Every process of the machine, read from /proc: pid, parent, RSS (KB) and arguments. Not `ps`: the
 * benchmark samples 4 times a second, and forking `ps` from the benchmark's Node process (twice a
 * sample) took ~14% of the 2-core machine's CPU during the import (perf, system-wide: `ps` 7.9%, the Node process 5.9%, mostly copying its page tables for the fork).
 */
function allProcesses(): { pid: string; ppid: string; rssKB: number; args: string }[] {
  const out: { pid: string; ppid: string; rssKB: number; args: string }[] = [];
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // state is field 3: ppid 4, rss (pages) 24
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      out.push({ pid, ppid: f[1]!, rssKB: (Number(f[21]) * PAGE_BYTES) / 1024, args });
    } catch {
      // exited meanwhile
    }
  }
  return out;
}
const PAGE_BYTES = 4096;

/** The processes (pid → args, RSS in KB) of the browser that uses `profileDir`: it and its descendants. */
export function browserProcesses(profileDir: string): Map<string, { args: string; rssKB: number }> {
  const procs = allProcesses();
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

/**
 * CPU seconds of each thread of the browser's renderer processes, by thread id, with its name
 * (/proc/<pid>/task/<tid>/comm: a worker's thread is "DedicatedWorker"). A thread's figures go with
 * it when it ends (the import's workers end with the import), so ThreadCpu samples them while it runs.
 */
function rendererThreads(profileDir: string): Map<string, { name: string; seconds: number }> {
  const out = new Map<string, { name: string; seconds: number }>();
  for (const [pid, { args }] of browserProcesses(profileDir)) {
    if (!args.includes('--type=renderer')) continue;
    let tids: string[];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue; // exited
    }
    for (const tid of tids) {
      try {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        out.set(`${pid}/${tid}`, { name: readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim(), seconds: (Number(f[11]) + Number(f[12])) / 100 });
      } catch {
        // the thread ended between the listing and the read
      }
    }
  }
  return out;
}

/** The renderer threads' CPU from start() on, sampled (sample()) so that threads that end are counted up to their last sample. */
export class ThreadCpu {
  private readonly before = new Map<string, number>();
  private readonly last = new Map<string, { name: string; seconds: number }>();

  constructor(private readonly profileDir: string) {}

  start(): void {
    this.before.clear();
    this.last.clear();
    for (const [tid, t] of rendererThreads(this.profileDir)) this.before.set(tid, t.seconds);
  }

  sample(): void {
    for (const [tid, t] of rendererThreads(this.profileDir)) this.last.set(tid, t);
  }

  /** The busiest threads since start(), most CPU first: "name: seconds" (a thread that ran under 0.5 s is left out). */
  busiest(n = 8): string[] {
    return [...this.last].map(([tid, t]) => ({ name: t.name, s: t.seconds - (this.before.get(tid) ?? 0) }))
      .filter((t) => t.s >= 0.5).sort((a, b) => b.s - a.s).slice(0, n).map((t) => `${t.name}: ${t.s.toFixed(1)}`);
  }
}
