import Graph from 'graphology';
import type { TweetColumns } from '../../domain/tweet';
import { tweetPasses, type TweetFilter } from '../tweetFilter';
import { normaliseUrl } from '../coordination/normalise';
import { normalizeForSearch } from '../../domain/searchFold';
import type { AccountNode, CoUseKind, NetworkResult, WeightedEdge } from './networkTypes';
import { PROGRESS_EVERY, type BuildProgress } from './buildProgress';

export const DEFAULT_MAX_ACCOUNTS_PER_ITEM = 500;

/** How the co-use networks compare items, for their receipts (parameters.itemsCompared). */
export const CO_USE_ITEMS: Record<CoUseKind, string> = {
  cohashtag: 'hashtags as Search matches them and the Overview and account lists count them: whatever their letter case or width (NFKC, lower case, Turkish İ as I, Greek final ς as σ, German ß as ss), Traditional or Simplified Chinese, Greek accents, zero-width non-joiner, tatweel or Arabic harakat, Arabic letter forms (أ إ آ ٱ as ا, ة, ۀ and هٔ as ه, ى and Persian ی as ي, ک as ك); Latin diacritics kept',
  courl: 'links normalised: scheme and host lower-cased (an internationalised host as Punycode, whichever form it was written in), no www., fragment, trailing slash or utm_ parameters; shortened links not expanded',
};

/**
 * Undirected account–account network of shared hashtags (folded as Search and the hashtag lists fold them) or shared
 * links (normalised URLs). Weight = number of distinct items both accounts used. Items used by more than
 * maxAccountsPerItem accounts would add a clique of that size: they are skipped and listed.
 */
export function buildCoUseNetwork(
  c: TweetColumns,
  kind: CoUseKind,
  filter?: TweetFilter,
  maxAccountsPerItem = DEFAULT_MAX_ACCOUNTS_PER_ITEM,
  onProgress?: BuildProgress,
): NetworkResult {
  const users = new Map<string, Set<string>>(); // item -> accounts
  const spellings = new Map<string, string>(); // item -> its first spelling in the archive, to name a skipped item as written
  const posts = new Map<string, number>();
  const screen = new Map<string, string>();
  let filtered = 0;
  let withObject = 0;
  const fold = cachedFold();
  onProgress?.('Scanning tweets', 0, c.length, 'tweets');
  for (let i = 0; i < c.length; i++) {
    if ((i & (PROGRESS_EVERY - 1)) === 0) onProgress?.('Scanning tweets', i, c.length, 'tweets');
    if (!tweetPasses(c, i, filter)) {
      filtered++;
      continue;
    }
    const u = c.userid[i]!;
    posts.set(u, (posts.get(u) ?? 0) + 1);
    if (!screen.has(u)) screen.set(u, c.userScreenName[i]!);
    const written = kind === 'cohashtag' ? c.hashtags[i]! : c.urls[i]!;
    const items = itemsOf(c, i, kind, fold);
    if (items.some(Boolean)) withObject++;
    for (let k = 0; k < items.length; k++) {
      const item = items[k]!;
      if (!item) continue;
      let set = users.get(item);
      if (!set) {
        users.set(item, (set = new Set()));
        spellings.set(item, written[k]!);
      }
      set.add(u);
    }
  }
  onProgress?.('Scanning tweets', c.length, c.length, 'tweets');
  const pruned: NetworkResult['stats']['prunedItems'] = [];
  let pairs = 0;
  for (const [item, set] of users) {
    if (set.size > maxAccountsPerItem) pruned.push({ item, spelling: spellings.get(item)!, accounts: set.size });
    else pairs += (set.size * (set.size - 1)) / 2;
  }
  const graph = new Graph<AccountNode, WeightedEdge>({ type: 'undirected' });
  const ensure = (id: string): void => {
    if (!graph.hasNode(id)) graph.addNode(id, { label: screen.get(id) ?? id, external: false, posts: posts.get(id) ?? 0 });
  };
  let paired = 0;
  let reported = 0;
  onProgress?.('Pairing accounts', 0, pairs, 'account pairs');
  // Items in their own order, not the rows': the same tweets in another order (a set split over two
  // files or imports) give the same graph, and so the same Louvain communities and sampled betweenness.
  for (const item of [...users.keys()].sort()) {
    const set = users.get(item)!;
    if (set.size > maxAccountsPerItem) continue;
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
    paired += (list.length * (list.length - 1)) / 2;
    if (paired - reported >= PROGRESS_EVERY) onProgress?.('Pairing accounts', (reported = paired), pairs, 'account pairs');
  }
  onProgress?.('Pairing accounts', pairs, pairs, 'account pairs');
  pruned.sort((x, y) => y.accounts - x.accounts || (x.item < y.item ? -1 : 1));
  return { kind, graph, stats: { tweetsRead: c.length, tweetsFiltered: filtered, tweetsWithObject: withObject, unresolved: 0, prunedItems: pruned } };
}

/** Row i's items as the network counts them: hashtags folded (normalizeForSearch), URLs normalised. */
function itemsOf(c: TweetColumns, i: number, kind: CoUseKind, fold: (hashtag: string) => string = normalizeForSearch): string[] {
  return kind === 'cohashtag' ? c.hashtags[i]!.map(fold) : c.urls[i]!.map(normaliseUrl);
}

/** normalizeForSearch once per distinct spelling (a dataset repeats its hashtags; the fold is ~1 µs, a lookup a tenth of it). */
function cachedFold(): (hashtag: string) => string {
  const keys = new Map<string, string>();
  return (h) => {
    let k = keys.get(h);
    if (k === undefined) keys.set(h, (k = normalizeForSearch(h)));
    return k;
  };
}

/**
 * The evidence behind one co-use edge: every row of account `a` or `b` (passing the filter) that
 * uses an item both used, with those items, in row order; each as that row wrote it (#Straße in one
 * row, #STRASSE in the other; a link with a Unicode host in one, Punycode in the other), as the key it
 * folds to is not always anyone's spelling (ελληνικοσ). Pruned items are not shared items: the network
 * skipped them.
 */
export function coUseEdgeRows(
  c: TweetColumns,
  kind: CoUseKind,
  a: string,
  b: string,
  filter?: TweetFilter,
  pruned: ReadonlySet<string> = new Set(),
): { row: number; items: string[] }[] {
  const used = new Map([[a, new Set<string>()], [b, new Set<string>()]]);
  const rows: number[] = [];
  for (let i = 0; i < c.length; i++) {
    const mine = used.get(c.userid[i]!);
    if (!mine || !tweetPasses(c, i, filter)) continue;
    rows.push(i);
    for (const item of itemsOf(c, i, kind)) if (item && !pruned.has(item)) mine.add(item);
  }
  const other = used.get(b)!;
  const shared = new Set([...used.get(a)!].filter((x) => other.has(x)));
  const out: { row: number; items: string[] }[] = [];
  for (const i of rows) {
    const keys = itemsOf(c, i, kind);
    const spelled = kind === 'cohashtag' ? c.hashtags[i]! : c.urls[i]!;
    const seen = new Set<string>();
    const items: string[] = [];
    keys.forEach((key, k) => {
      if (shared.has(key) && !seen.has(key)) items.push(spelled[k]!), seen.add(key);
    });
    if (items.length) out.push({ row: i, items });
  }
  return out;
}

