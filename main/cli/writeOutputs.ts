import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from './cliArgs';

/**
 * Where `--out PATH` (or a file beside it) is written, checked before any work is done. A link is
 * written through to the file it names, never replaced by a file; a folder, a device or a pipe
 * (`/dev/stdout`, `/dev/full`) is refused, and so is an archive the command reads: renaming the
 * output over it would destroy the source.
 */
export function outputTarget(out: string, inputs: readonly string[]): string {
  const refuse = (why: string) => new UsageError(`--out ${out} ${why}`);
  let target: string;
  try {
    target = fs.realpathSync(out);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw refuse(`cannot be written: ${(e as Error).message}`);
    if (fs.lstatSync(out, { throwIfNoEntry: false })?.isSymbolicLink()) throw refuse('is a link to a file or folder that does not exist');
    const dir = path.dirname(out);
    if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw refuse(`cannot be written: there is no folder ${dir}`);
    return out;
  }
  const stat = fs.statSync(target);
  if (!stat.isFile()) throw refuse(`is ${stat.isDirectory() ? 'a folder' : 'not a regular file (a device or a pipe)'}: give the path of a file to write`);
  const input = inputs.find((p) => {
    const s = fs.statSync(p, { throwIfNoEntry: false });
    return s && s.dev === stat.dev && s.ino === stat.ino;
  });
  if (input !== undefined) throw refuse(`is the archive ${input} this command reads: writing would destroy it; give another path`);
  return target;
}

/**
 * Writes each output beside its name (`.partial`) and gives them their names only when every write
 * succeeded: a failed run (a full disk, a size limit) leaves no cut-short file under an output's
 * name. The first output (the graph) is renamed last, so it never appears without its receipt.
 */
export function writeOutputs(files: Array<[path: string, data: string | Uint8Array]>): void {
  const partial = (p: string) => `${p}.partial`;
  try {
    for (const [p, data] of files) fs.writeFileSync(partial(p), data);
    for (const [p] of [...files].reverse()) fs.renameSync(partial(p), p);
  } catch (err) {
    // The write's own error is the one to report, not a failed clean-up's; and it names the output, not its .partial.
    for (const [p] of files) {
      try {
        fs.rmSync(partial(p), { force: true });
      } catch {
        // nothing was written there
      }
      const e = err as Error;
      e.message = e.message.replaceAll(partial(p), p);
    }
    throw err;
  }
}
