import type { Verdict } from './hashMessages';
import type { RefusedFile } from './importMessages';

/** A refusal's identity: the analyst answered it once, it is not asked about again. */
export const refusalKey = (r: RefusedFile): string => `${r.fileName}\n${r.message}`;

/**
 * The refusals to put to the analyst ("import the other files, or cancel?"): those found while
 * reading (`refused`, in the order found) and those pass 1 gave (`settled`), each once, less the ones
 * already answered in an earlier attempt of the same import.
 */
export function refusalsToAsk(refused: readonly RefusedFile[], settled: readonly (Verdict | undefined)[], answered: ReadonlySet<string>): RefusedFile[] {
  const out = new Map<string, RefusedFile>();
  const fromPass1 = settled.flatMap((v) => (v?.kind === 'refuse' ? [v.refused] : []));
  for (const r of [...refused, ...fromPass1]) if (!answered.has(refusalKey(r)) && !out.has(refusalKey(r))) out.set(refusalKey(r), r);
  return [...out.values()];
}
