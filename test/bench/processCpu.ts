import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time (user + system, ms) of a process's descendants from /proc: a figure that does not depend on how
 * busy the machine is (wall time on a shared 2-core box can be several times the CPU time).
 */
export function childrenCpuMs(root: number): number {
  const procs = new Map<number, { ppid: number; ticks: number }>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      procs.set(Number(d), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) });
    } catch {
      // the process exited meanwhile
    }
  }
  let ticks = 0;
  const walk = (pid: number) => {
    ticks += procs.get(pid)?.ticks ?? 0;
    for (const [child, p] of procs) if (p.ppid === pid) walk(child);
  };
  walk(root);
  return (ticks - (procs.get(root)?.ticks ?? 0)) * 10; // USER_HZ = 100 on Linux; the root itself excluded
}
