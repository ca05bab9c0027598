import Graph from 'graphology';
import type { TweetColumns } from '../../domain/tweet';
import { tweetPasses, type TweetFilter } from '../tweetFilter';
import { normaliseUrl } from '../coordination/normalise';
import type { AccountNode, CoUseKind, NetworkResult, WeightedEdge } from './networkTypes';

export const DEFAULT_MAX_ACCOUNTS_PER_ITEM = 500;

/**
 * Undirected account–account network of shared hashtags (NFKC, lower-cased) or shared links
 * (normalised URLs). Weight = number of distinct items both accounts used. Items used by more than
 * maxAccountsPerItem accounts would add a clique of that size: they are skipped and listed.
 */
export function buildCoUseNetwork(
  c: TweetColumns,
  kind: CoUseKind,
  filter?: TweetFilter,
  maxAccountsPerItem = DEFAULT_MAX_ACCOUNTS_PER_ITEM,
): NetworkResult {
  const users = new Map<string, Set<string>>(); // item -> accounts
  const posts = new Map<string, number>();
  const screen = new Map<string, string>();
  let filtered = 0;
  for (let i = 0; i < c.length; i++) {
    if (!tweetPasses(c, i, filter)) {
      filtered++;
      continue;
    }
    const u = c.userid[i]!;
    posts.set(u, (posts.get(u) ?? 0) + 1);
    if (!screen.has(u)) screen.set(u, c.userScreenName[i]!);
    const items = kind === 'cohashtag' ? c.hashtags[i]!.map((h) => h.normalize('NFKC').toLowerCase()) : c.urls[i]!.map(normaliseUrl);
    for (const item of items) {
      if (!item) continue;
      let set = users.get(item);
      if (!set) users.set(item, (set = new Set()));
      set.add(u);
    }
  }
  const graph = new Graph<AccountNode, WeightedEdge>({ type: 'undirected' });
  const pruned: { item: string; accounts: number }[] = [];
  const ensure = (id: string): void => {
    if (!graph.hasNode(id)) graph.addNode(id, { label: screen.get(id) ?? id, external: false, posts: posts.get(id) ?? 0 });
  };
  for (const [item, set] of users) {
    if (set.size > maxAccountsPerItem) {
      pruned.push({ item, accounts: set.size });
      continue;
    }
    const list = [...set].sort();
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        ensure(list[a]!);
        ensure(list[b]!);
        const e = graph.edge(list[a]!, list[b]!);
        if (e === undefined) graph.addUndirectedEdge(list[a]!, list[b]!, { weight: 1 });
        else graph.updateEdgeAttribute(e, 'weight', (w) => (w ?? 0) + 1);
      }
    }
  }
  pruned.sort((x, y) => y.accounts - x.accounts || (x.item < y.item ? -1 : 1));
  return { kind, graph, stats: { tweetsRead: c.length, tweetsFiltered: filtered, unresolved: 0, prunedItems: pruned } };
}
