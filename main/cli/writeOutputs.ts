import fs from 'node:fs';

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
    for (const [p] of files) fs.rmSync(partial(p), { force: true });
    throw err;
  }
}
