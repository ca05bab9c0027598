import type { TweetColumns } from '../../../shared/domain/tweet';

type Typed = Int32Array | Uint8Array | Float64Array;

/** One TweetColumns from stored blocks (the analysis functions take a single column set). */
export function concatColumns(blocks: TweetColumns[]): TweetColumns {
  const length = blocks.reduce((n, b) => n + b.length, 0);
  const first = blocks[0];
  const out = {} as Record<string, unknown>;
  out.length = length;
  const keys = first ? (Object.keys(first) as (keyof TweetColumns)[]) : [];
  for (const k of keys) {
    if (k === 'length') continue;
    const sample = first![k];
    if (Array.isArray(sample)) {
      const all: unknown[] = [];
      for (const b of blocks) for (const v of b[k] as unknown[]) all.push(v);
      out[k] = all;
    } else {
      const typed = new ((sample as Typed).constructor as { new (n: number): Typed })(length);
      let at = 0;
      for (const b of blocks) {
        typed.set((b[k] as Typed).subarray(0, b.length), at);
        at += b.length;
      }
      out[k] = typed;
    }
  }
  return out as unknown as TweetColumns;
}
