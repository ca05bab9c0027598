import Graph from 'graphology';
import type { TweetColumns } from '../../domain/tweet';
import { tweetPasses, type TweetFilter } from '../tweetFilter';
import { textMentions } from '../../domain/mentions';
import { resolvedId } from '../../domain/ids';
import { retweetScreenNameFromText } from '../../archive/fieldValues';
import type { AccountNode, InteractionKind, NetworkResult, WeightedEdge } from './networkTypes';
import { caselessName, ScreenNames, type NamedAccount } from '../../domain/screenNames';
import { PROGRESS_EVERY, type BuildProgress } from './buildProgress';

/**
 * Directed, weighted account -> account network: retweeter -> retweeted author, author ->
 * mentioned account, replier -> replied-to account, quoter -> quoted tweet's author. Accounts
 * outside the archive become nodes flagged `external`. Weight = number of tweets behind the edge.
 */
export function buildInteractionNetwork(c: TweetColumns, kind: InteractionKind, filter?: TweetFilter, options: { edgeRows?: boolean; accounts?: Iterable<NamedAccount>; onProgress?: BuildProgress } = {}): NetworkResult {
  const onProgress = options.onProgress;
  const archiveAccounts = new Map<string, string>(); // userid -> screen name
  for (let i = 0; i < c.length; i++) if (!archiveAccounts.has(c.userid[i]!)) archiveAccounts.set(c.userid[i]!, c.userScreenName[i]!);
  // A name the row gives without an id: the account ScreenNames credits among the dataset's accounts
  // (`accounts`, as the import's aggregates are read) and the authors, else an outside '@name'.
  let names: ScreenNames | undefined;
  const accountOf = (name: string): string =>
    (names ??= new ScreenNames([...(options.accounts ?? []), ...Array.from(archiveAccounts, ([userid, userScreenName]) => ({ userid, userScreenName }))])).attribute(name) ?? '@' + name;
  // A quoted tweet's author, or a replied-to tweet's where the row names no account: by tweet id, when it is in the archive.
  let authors: Map<string, string> | undefined;
  const authorOf = (tweetid: string): string | undefined => (authors ??= new Map(c.tweetid.map((id, i) => [id, c.userid[i]!]))).get(tweetid);
  const weights = new Map<string, number>();
  const posts = new Map<string, number>();
  const externalLabels = new Map<string, string>();
  let filtered = 0;
  let unresolved = 0;
  let withObject = 0;
  // The column rows behind each edge (one per interaction), for showing and pinning the tweets of an edge.
  const edgeRows = options.edgeRows ? new Map<string, number[]>() : undefined;
  let row = 0;
  const add = (s: string, t: string): void => {
    const k = s + '\u0000' + t;
    weights.set(k, (weights.get(k) ?? 0) + 1);
    if (edgeRows) {
      const rows = edgeRows.get(k);
      if (rows) rows.push(row);
      else edgeRows.set(k, [row]);
    }
  };
  onProgress?.('Scanning tweets', 0, c.length, 'tweets');
  for (let i = 0; i < c.length; i++) {
    if ((i & (PROGRESS_EVERY - 1)) === 0) onProgress?.('Scanning tweets', i, c.length, 'tweets');
    if (!tweetPasses(c, i, filter)) {
      filtered++;
      continue;
    }
    const u = c.userid[i]!;
    row = i;
    posts.set(u, (posts.get(u) ?? 0) + 1);
    if (kind === 'retweet') {
      if (!c.isRetweet[i]) continue;
      withObject++;
      // '0' stands for none: the retweet's @name is read instead, as for an empty retweet_userid.
      let target = resolvedId(c.retweetUserid[i]!) ? c.retweetUserid[i]! : '';
      if (!target && c.retweetScreenName[i]) {
        const name = c.retweetScreenName[i]!;
        target = accountOf(name);
        if (!archiveAccounts.has(target)) externalLabels.set(target, name);
      }
      if (target) add(u, target);
      else unresolved++;
    } else if (kind === 'mention') {
      // A tweet mentions an account once however often it names it, and an author naming itself is
      // no edge: weight = tweets, as the import's aggregates (the Overview, the account page) count them.
      const ids = c.userMentions[i]!;
      const targets = new Set<string>();
      for (const m of ids) {
        if (!resolvedId(m)) unresolved++; // 0 = unresolved in the archives
        else targets.add(m);
      }
      // No user_mentions (FiveThirtyEight files have none): the @names of the text.
      // As the import counts them (aggregateBuilder.ts): names differing only in case are one mention,
      // the first spelling's, and a name credited to the author (its own spelling, or another one no
      // account has exactly: @newsagency by NewsAgency is newsagency's if there is one) is no mention.
      if (!ids.length) {
        const named = new Set<string>();
        for (const name of textMentions(c.tweetText[i]!, c.isRetweet[i] === 1)) {
          const key = caselessName(name);
          if (name === c.userScreenName[i] || named.has(key)) continue;
          named.add(key);
          const target = accountOf(name);
          if (!archiveAccounts.has(target)) externalLabels.set(target, name);
          targets.add(target);
        }
      }
      if (ids.length || targets.size) withObject++;
      targets.delete(u);
      for (const t of targets) add(u, t);
    } else if (kind === 'reply') {
      if (!c.inReplyToUserid[i] && !c.inReplyToTweetid[i]) continue;
      withObject++;
      const replyUser = resolvedId(c.inReplyToUserid[i]!) ? c.inReplyToUserid[i]! : '';
      const replyTweet = resolvedId(c.inReplyToTweetid[i]!) ? c.inReplyToTweetid[i]! : '';
      const target = replyUser || (replyTweet ? authorOf(replyTweet) : undefined);
      if (target) add(u, target);
      else unresolved++;
    } else {
      const q = c.quotedTweetTweetid[i]!;
      if (!q) continue;
      withObject++;
      const author = resolvedId(q) ? authorOf(q) : undefined;
      if (author) add(u, author);
      else unresolved++;
    }
  }
  onProgress?.('Scanning tweets', c.length, c.length, 'tweets');
  const graph = new Graph<AccountNode, WeightedEdge>({ type: 'directed', allowSelfLoops: true });
  let retweeted: Map<string, string> | undefined;
  const ensure = (id: string): void => {
    if (graph.hasNode(id)) return;
    const inArchive = archiveAccounts.has(id);
    graph.addNode(id, {
      label: inArchive ? archiveAccounts.get(id)! : externalLabels.get(id) ?? (retweeted ??= retweetedNames(c, archiveAccounts)).get(id) ?? id,
      external: !inArchive,
      posts: posts.get(id) ?? 0,
    });
  };
  let added = 0;
  onProgress?.('Adding edges to the graph', 0, weights.size, 'edges');
  // In the keys' order, not the rows': the same tweets in another order (a set split over two files or
  // imports) give the same graph, and so the same Louvain communities and sampled betweenness.
  for (const k of [...weights.keys()].sort()) {
    const w = weights.get(k)!;
    if ((added++ & (PROGRESS_EVERY - 1)) === 0) onProgress?.('Adding edges to the graph', added - 1, weights.size, 'edges');
    const cut = k.indexOf('\u0000');
    const s = k.slice(0, cut);
    const t = k.slice(cut + 1);
    ensure(s);
    ensure(t);
    graph.addDirectedEdge(s, t, { weight: w });
  }
  onProgress?.('Adding edges to the graph', added, weights.size, 'edges');
  return { kind, graph, stats: { tweetsRead: c.length, tweetsFiltered: filtered, tweetsWithObject: withObject, unresolved, prunedItems: [] }, ...(edgeRows ? { edgeRows } : {}) };
}

/**
 * The screen names of outside accounts by id, as retweets of them give them (the text's "RT @name:"
 * prefix): an outside account known by id is labelled by its name in every network kind, not only
 * in the Retweet network (a mention of it gives only its id).
 */
function retweetedNames(c: TweetColumns, archiveAccounts: ReadonlyMap<string, string>): Map<string, string> {
  const names = new Map<string, string>();
  for (let i = 0; i < c.length; i++) {
    const id = c.retweetUserid[i]!;
    if (!c.isRetweet[i] || !id || archiveAccounts.has(id) || names.has(id)) continue;
    const name = retweetScreenNameFromText(c.tweetText[i]!);
    if (name) names.set(id, name);
  }
  return names;
}
