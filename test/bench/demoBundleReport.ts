/**
 * The words of `npm run demo:bundle`'s JSON line that are not plain numbers: the recipient tools'
 * exit codes by command, and the custody verdict with what the bundle itself holds.
 */

/**
 * Each tool run's exit code, keyed by its first three words ("ssh-keygen -Y verify", "unzip -q -o",
 * the keys read so far), the folders in `dirs` left out of paths. A run whose three words an
 * earlier run already has is keyed by its whole command ("ssh-keygen -Y verify -f … -s
 * signatures/other.sig"), and a command run twice by " (2)", " (3)"…: no run's code is lost.
 */
export function toolCodes(runs: ReadonlyArray<{ cmd: string; code: number }>, dirs: readonly string[]): Record<string, number> {
  const codes: Record<string, number> = {};
  for (const r of runs) {
    const cmd = dirs.reduce((c, d) => c.replaceAll(`${d}/`, '').replaceAll(d, '.'), r.cmd);
    let key = cmd.split(' ').slice(0, 3).join(' ');
    if (key in codes) key = cmd;
    for (let n = 2; key in codes; n++) key = `${cmd} (${n})`;
    codes[key] = r.code;
  }
  return codes;
}

/**
 * The case page's custody verdict ("Chain intact: 9 entries, head …") with what the bundle holds:
 * the app records the export itself after the bundle is written, so the bundle's
 * metadata/custody.jsonl has one entry fewer than the chain the page counts.
 */
export function custodyLine(verdict: string, bundleEntries: number): string {
  const m = /^(Chain intact: (\d+) entries)(.*)$/s.exec(verdict);
  if (!m) return `${verdict} (the bundle's metadata/custody.jsonl holds ${bundleEntries})`;
  const said = Number(m[2]) === bundleEntries + 1
    ? `, the last of them this export, recorded after the bundle was written (the bundle's metadata/custody.jsonl holds the other ${bundleEntries})`
    : ` (the bundle's metadata/custody.jsonl holds ${bundleEntries})`;
  return `${m[1]}${said}${m[3]}`;
}
