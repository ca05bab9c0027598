import type { ImportAggregates } from '../schema';
import { mergeEdges } from './edgeColumns';

/**
 * The import counts a retweet without `retweet_userid`, and an @name in a text without
 * `user_mentions`, under '@name' (it does not know every account yet). Read back with the dataset's
 * accounts, a '@name' that is an archived account's screen name (case-insensitive, as the Network
 * view matches them) is that account: its mention and retweet counts and its edges move onto the
 * account's id, so one account is not listed twice.
 */
export function resolveScreenNames(ag: ImportAggregates, idOfScreenName: ReadonlyMap<string, string>): ImportAggregates {
  const resolve = (key: string): string => (key.startsWith('@') ? idOfScreenName.get(key.slice(1).toLowerCase()) ?? key : key);
  if (ag.edges.accounts.every((k) => resolve(k) === k)) return ag;
  const moved = (counts: Record<string, number>): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const k in counts) {
      const id = resolve(k);
      out[id] = (out[id] ?? 0) + counts[k]!;
    }
    return out;
  };
  return { ...ag, mentioned: moved(ag.mentioned), retweeted: moved(ag.retweeted), edges: mergeEdges([ag.edges], resolve) };
}
