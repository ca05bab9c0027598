/** The words of `npm run demo:bundle`'s JSON line that are not plain numbers. */

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

