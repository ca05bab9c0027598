import { describe, expect, it } from 'vitest';
import { buildNetwork } from '../../../shared/graph/networks/buildNetwork';
import { coUseEdgeRows } from '../../../shared/graph/networks/coUseNetwork';
import { unresolvedTargetsText } from '../../../shared/graph/networks/unresolvedTargets';
import { handColumns, minuteOf, type HandTweet } from './handColumns';

const HASH = 'vMm2zemFOF7kmXoDyX24Bo+TorqhNutpZlATYyxsE=';
const rows: HandTweet[] = [
  { id: '1', user: 'a', screenName: 'alice', time: '2019-06-12 10:00', retweetOf: '100', retweetUser: 'b', text: 'RT @bob: x', lang: 'zh' },
  { id: '2', user: 'a', screenName: 'alice', time: '2019-06-12 11:00', retweetOf: '101', retweetUser: 'b', text: 'RT @bob: y', lang: 'en' },
  { id: '3', user: 'b', screenName: 'bob', time: '2019-06-12 12:00', retweetOf: '102', retweetUser: '999', text: 'RT @外部: 香港', lang: 'zh' },
  // retweet_userid empty: resolved from the RT @name prefix (parser puts it in retweetScreenName)
  { id: '4', user: HASH, screenName: HASH, time: '2019-06-13 10:00', retweetOf: '103', retweetScreenName: 'ALICE', text: 'RT @ALICE: z' },
  { id: '5', user: HASH, screenName: HASH, time: '2019-06-13 10:05', retweetOf: '104', retweetScreenName: 'nobody', text: 'RT @nobody: z' },
  { id: '6', user: 'a', screenName: 'alice', time: '2019-06-13 11:00', mentions: ['443196382', '0', 'b'], hashtags: ['金鐘', '外國勢力'], urls: ['https://www.x.hk/a/'] },
  { id: '7', user: 'b', screenName: 'bob', time: '2019-06-13 11:00', replyTo: '1', replyToUser: 'a', hashtags: ['金鐘'], urls: ['http://x.hk/a?utm_source=t'] },
  { id: '8', user: 'c', screenName: 'carol', time: '2019-06-13 11:00', replyTo: '555', replyToUser: '777', quoted: '3', hashtags: ['金鐘', '外國勢力'] },
  { id: '9', user: 'c', screenName: 'carol', time: '2019-06-13 11:00', quoted: '424242', hashtags: ['ＨＫ'] },
  { id: '10', user: 'a', screenName: 'alice', time: '2019-06-13 12:00', hashtags: ['hk'] },
];
const cols = handColumns(rows);
const edgesOf = (kind: Parameters<typeof buildNetwork>[1], opts = {}) => {
  const { graph, stats } = buildNetwork(cols, kind, opts);
  const edges: [string, string, number][] = [];
  graph.forEachEdge((_e, a, s, t) => void edges.push([s, t, a.weight]));
  return { graph, stats, edges: edges.sort() };
};

describe('interaction networks', () => {
  it('retweet: weighted, external targets flagged, RT-prefix fallback by screen name', () => {
    const { graph, edges, stats } = edgesOf('retweet');
    expect(edges).toEqual([
      ['a', 'b', 2],
      ['b', '999', 1],
      [HASH, '@nobody', 1],
      [HASH, 'a', 1], // 'ALICE' in the RT prefix resolves to archive account a (case-insensitive)
    ]);
    expect(graph.getNodeAttributes('999')).toEqual({ label: '外部', external: true, posts: 0 });
    expect(graph.getNodeAttributes('@nobody')).toMatchObject({ label: 'nobody', external: true });
    expect(graph.getNodeAttributes('a')).toEqual({ label: 'alice', external: false, posts: 4 });
    expect(graph.type).toBe('directed');
    expect(stats.unresolved).toBe(0);
  });

  it('mention: id 0 counts as unresolved; ids stay strings', () => {
    const { edges, stats, graph } = edgesOf('mention');
    expect(edges).toEqual([['a', '443196382', 1], ['a', 'b', 1]]);
    expect(stats.unresolved).toBe(1);
    expect(graph.getNodeAttribute('443196382', 'external')).toBe(true);
  });

  it('an outside account known by id is labelled in every kind by the name retweets of it give ("RT @外部:"), as in the Retweet network', () => {
    const withMention = handColumns([...rows, { id: '11', user: 'a', screenName: 'alice', time: '2019-06-14 10:00', mentions: ['999'] }]);
    for (const kind of ['retweet', 'mention'] as const) {
      expect(buildNetwork(withMention, kind).graph.getNodeAttributes('999'), kind).toMatchObject({ label: '外部', external: true });
    }
    // An outside id no retweet names keeps its id as its label.
    expect(buildNetwork(withMention, 'mention').graph.getNodeAttribute('443196382', 'label')).toBe('443196382');
  });

  it("says in words, for its kind, why interactions were left out (the receipt's unresolvedTargets)", () => {
    expect(unresolvedTargetsText('retweet', 3)).toBe('3 retweets naming no retweeted account (no retweet_userid, or 0, and no "RT @name:")');
    expect(unresolvedTargetsText('network:mention', 1)).toBe('1 mention whose account id the archive gives as 0 (not resolved by the platform)');
    expect(unresolvedTargetsText('reply', 2)).toBe('2 replies to tweets not in the archive, with no account id given (or 0)');
    expect(unresolvedTargetsText('network:quote', 1_234)).toBe('1,234 quotes of tweets not in the archive');
  });

  it('mention: with no user_mentions (FiveThirtyEight files), the @names of the text, by screen name or as @name nodes', () => {
    const c = handColumns([
      { id: '1', user: 'a', screenName: 'alice', time: '2019-06-12 10:00', text: '@BOB and @outsider, @bob again; mail a@b.org' },
      { id: '2', user: 'b', screenName: 'bob', time: '2019-06-12 10:01', retweetOf: '1', retweetScreenName: 'alice', text: 'RT @alice: @outsider' },
      { id: '3', user: 'b', screenName: 'bob', time: '2019-06-12 10:02', mentions: ['a'], text: '@outsider ignored: the ids are the mentions' },
      { id: '4', user: 'a', screenName: 'alice', time: '2019-06-12 10:03', text: 'me, @Alice, to @bob' },
      { id: '5', user: 'b', screenName: 'bob', time: '2019-06-12 10:04', mentions: ['b', 'a', 'a'] },
    ]);
    const { graph } = buildNetwork(c, 'mention');
    const edges: [string, string, number][] = [];
    graph.forEachEdge((_e, at, s, t) => void edges.push([s, t, at.weight]));
    // Weight = tweets: @bob twice in tweet 1 is one mention; an author naming itself (tweets 4 and 5) is no edge.
    expect(edges.sort()).toEqual([['a', '@outsider', 1], ['a', 'b', 2], ['b', '@outsider', 1], ['b', 'a', 2]]);
    expect(graph.getNodeAttributes('@outsider')).toMatchObject({ label: 'outsider', external: true });
  });

  it('reply and quote', () => {
    expect(edgesOf('reply').edges).toEqual([['b', 'a', 1], ['c', '777', 1]]);
    // A reply naming only the replied-to tweet: its author when that tweet is in the archive, else unresolved.
    const onlyTweet = buildNetwork(handColumns([...rows, { id: '11', user: 'c', screenName: 'carol', time: '2019-06-14 10:00', replyTo: '7' }, { id: '12', user: 'c', screenName: 'carol', time: '2019-06-14 10:01', replyTo: '999999' }]), 'reply');
    const replyEdges: [string, string, number][] = [];
    onlyTweet.graph.forEachEdge((_e, a, s, t) => void replyEdges.push([s, t, a.weight]));
    expect(replyEdges.sort()).toEqual([['b', 'a', 1], ['c', '777', 1], ['c', 'b', 1]]);
    expect(onlyTweet.stats.unresolved).toBe(1);
    const q = edgesOf('quote');
    expect(q.edges).toEqual([['c', 'b', 1]]); // tweet 3 is by b
    expect(q.stats.unresolved).toBe(1); // 424242 is outside the archive
  });

  it("a retweet, reply or quote target of 0 (which stands for none) is unresolved: no account \"0\" joins every such row", () => {
    const zero: HandTweet[] = [
      // retweet_userid 0 with the RT @name: read by the name, as an empty one is
      { id: '21', user: 'a', screenName: 'alice', time: '2019-06-15 10:00', retweetOf: '0', retweetUser: '0', retweetScreenName: 'bob', text: 'RT @bob: x' },
      { id: '22', user: 'c', screenName: 'carol', time: '2019-06-15 10:01', retweetOf: '0', retweetUser: '0', text: 'x' },
      { id: '23', user: 'a', screenName: 'alice', time: '2019-06-15 10:02', replyTo: '0', replyToUser: '0' },
      { id: '24', user: 'c', screenName: 'carol', time: '2019-06-15 10:03', quoted: '0' },
    ];
    const zc = handColumns([...rows.filter((r) => r.user !== 'a' && r.user !== 'c'), ...zero]);
    for (const kind of ['retweet', 'reply', 'quote'] as const) {
      const { graph, stats } = buildNetwork(zc, kind, {});
      expect(graph.hasNode('0'), kind).toBe(false);
      expect(stats.unresolved, kind).toBeGreaterThan(0);
    }
    const rt = buildNetwork(zc, 'retweet', {}).graph;
    expect(rt.hasEdge('a', 'b')).toBe(true);
  });

  it('filter by date range, language and accounts', () => {
    const from = minuteOf('2019-06-12 10:30');
    expect(edgesOf('retweet', { filter: { fromMinute: from, toMinute: minuteOf('2019-06-13 00:00') } }).edges).toEqual([['a', 'b', 1], ['b', '999', 1]]);
    expect(edgesOf('retweet', { filter: { language: 'EN' } }).edges).toEqual([['a', 'b', 1]]);
    const f = edgesOf('retweet', { filter: { userids: new Set([HASH]) } });
    expect(f.edges.map((e) => e[1])).toEqual(['@nobody', 'a']);
    expect(f.stats.tweetsFiltered).toBe(8);
  });

  it('edgeRows: the tweets behind each edge, one row per interaction, after the filter', () => {
    const ids = (kind: Parameters<typeof buildNetwork>[1], opts = {}) => {
      const { edgeRows, graph } = buildNetwork(cols, kind, { ...opts, edgeRows: true });
      const out: Record<string, string[]> = {};
      for (const [k, rows] of edgeRows!) out[k.replace('\u0000', '>')] = rows.map((r) => cols.tweetid[r]!);
      let total = 0;
      graph.forEachEdge((_e, a) => void (total += a.weight));
      expect(Object.values(out).flat().length).toBe(total); // weight = number of tweets behind the edge
      return out;
    };
    expect(ids('retweet')).toEqual({ 'a>b': ['1', '2'], 'b>999': ['3'], [`${HASH}>a`]: ['4'], [`${HASH}>@nobody`]: ['5'] });
    expect(ids('mention')).toEqual({ 'a>443196382': ['6'], 'a>b': ['6'] });
    expect(ids('reply')).toEqual({ 'b>a': ['7'], 'c>777': ['8'] });
    expect(ids('quote')).toEqual({ 'c>b': ['8'] });
    expect(ids('retweet', { filter: { language: 'EN' } })).toEqual({ 'a>b': ['2'] });
    expect(buildNetwork(cols, 'retweet').edgeRows).toBeUndefined();
  });
});

describe('co-use networks', () => {
  it('co-hashtag: distinct shared hashtags (NFKC, lower-cased), undirected', () => {
    const { edges, graph } = edgesOf('cohashtag');
    expect(graph.type).toBe('undirected');
    // a: 金鐘 外國勢力 hk ; b: 金鐘 ; c: 金鐘 外國勢力 ＨＫ(->hk)
    expect(edges).toEqual([['a', 'b', 1], ['a', 'c', 3], ['b', 'c', 1]]);
  });

  it('co-hashtag: spellings Search matches as one are one hashtag (case, Turkish İ, Chinese script forms, ZWNJ), as in the hashtag lists; Latin diacritics are not folded', () => {
    const c = handColumns([
      { id: '1', user: 'a', screenName: 'alice', time: '2019-06-12 10:00', hashtags: ['HongKong', 'İstanbul', 'می\u200Cخواهم', 'Café', '光復香港'] },
      { id: '2', user: 'b', screenName: 'bob', time: '2019-06-12 10:01', hashtags: ['hongkong', 'istanbul', 'میخواهم', 'cafe', '光复香港'] },
      { id: '3', user: 'c', screenName: 'carol', time: '2019-06-12 10:02', hashtags: ['HONGKONG', 'ISTANBUL'] },
    ]);
    const { graph } = buildNetwork(c, 'cohashtag');
    const edges: [string, string, number][] = [];
    graph.forEachEdge((_e, a, s, t) => void edges.push([s, t, a.weight]));
    expect(edges.sort()).toEqual([['a', 'b', 4], ['a', 'c', 2], ['b', 'c', 2]]);
    // The evidence shows each row's own spelling, not the key it folds to.
    expect(coUseEdgeRows(c, 'cohashtag', 'a', 'b').map((r) => r.items)).toEqual([['HongKong', 'İstanbul', 'می\u200Cخواهم', '光復香港'], ['hongkong', 'istanbul', 'میخواهم', '光复香港']]);
    // A skipped hashtag is named as the archive first wrote it, not by the key its spellings fold to.
    expect(buildNetwork(c, 'cohashtag', { maxAccountsPerItem: 2 }).stats.prunedItems).toEqual([
      { item: 'hongkong', spelling: 'HongKong', accounts: 3 },
      { item: 'istanbul', spelling: 'İstanbul', accounts: 3 },
    ]);
  });

  it('co-hashtag: Greek final and medial sigma, and German ß, ẞ and ss, are one hashtag (Unicode full case folding); each row shows its own spelling', () => {
    const c = handColumns([
      { id: '1', user: 'a', screenName: 'alice', time: '2019-06-12 10:00', hashtags: ['Ελληνικός', 'Straße', 'Straße'] },
      { id: '2', user: 'b', screenName: 'bob', time: '2019-06-12 10:01', hashtags: ['ΕΛΛΗΝΙΚΌΣ'] },
      { id: '3', user: 'c', screenName: 'carol', time: '2019-06-12 10:02', hashtags: ['ελληνικόσ', 'STRASSE'] },
      { id: '4', user: 'd', screenName: 'dara', time: '2019-06-12 10:03', hashtags: ['STRAẞE', 'Strasse'] },
    ]);
    const { graph } = buildNetwork(c, 'cohashtag');
    const edges: [string, string, number][] = [];
    graph.forEachEdge((_e, a, s, t) => void edges.push([s, t, a.weight]));
    expect(edges.sort()).toEqual([['a', 'b', 1], ['a', 'c', 2], ['a', 'd', 1], ['b', 'c', 1], ['c', 'd', 1]]);
    expect(coUseEdgeRows(c, 'cohashtag', 'a', 'c').map((r) => r.items)).toEqual([['Ελληνικός', 'Straße'], ['ελληνικόσ', 'STRASSE']]);
    expect(coUseEdgeRows(c, 'cohashtag', 'c', 'd').map((r) => r.items)).toEqual([['STRASSE'], ['STRAẞE']]);
  });

  it('co-hashtag prunes items used by too many accounts, and says so', () => {
    const { edges, stats } = edgesOf('cohashtag', { maxAccountsPerItem: 2 });
    // The item is the key its spellings fold to (Simplified, as Search folds), named by its first spelling.
    expect(stats.prunedItems).toEqual([{ item: '金钟', spelling: '金鐘', accounts: 3 }]);
    expect(edges).toEqual([['a', 'c', 2]]);
  });

  it('co-URL uses normalised URLs', () => {
    expect(edgesOf('courl').edges).toEqual([['a', 'b', 1]]);
  });

  it('co-URL: an internationalised host written in Unicode or in Punycode is one link; each row shows its own', () => {
    const c = handColumns([
      { id: '1', user: 'a', screenName: 'alice', time: '2019-06-12 10:00', urls: ['https://مثال.شبكة/خبر'] },
      { id: '2', user: 'b', screenName: 'bob', time: '2019-06-12 10:01', urls: ['http://www.XN--MGBH0FB.xn--ngbc5azd/خبر/'] },
      { id: '3', user: 'c', screenName: 'carol', time: '2019-06-12 10:02', urls: ['https://مثال.عرب/خبر'] }, // another name (xn--mgbh0fb.xn--ngbrx)
    ]);
    const { graph } = buildNetwork(c, 'courl');
    const edges: [string, string, number][] = [];
    graph.forEachEdge((_e, x, s, t) => void edges.push([s, t, x.weight]));
    expect(edges).toEqual([['a', 'b', 1]]);
    expect(coUseEdgeRows(c, 'courl', 'a', 'b').map((r) => r.items)).toEqual([['https://مثال.شبكة/خبر'], ['http://www.XN--MGBH0FB.xn--ngbc5azd/خبر/']]);
  });

  it("an edge's evidence: the rows of either account using a shared item, with the items (as many as its weight)", () => {
    const evidence = (kind: 'cohashtag' | 'courl', a: string, b: string, pruned?: Set<string>) =>
      coUseEdgeRows(cols, kind, a, b, undefined, pruned).map((r) => [cols.tweetid[r.row], r.items]);
    // a–c weight 3: 金鐘, 外國勢力 and hk (a's 'hk', c's 'ＨＫ' folded), each as its row spells it
    expect(evidence('cohashtag', 'a', 'c')).toEqual([['6', ['金鐘', '外國勢力']], ['8', ['金鐘', '外國勢力']], ['9', ['ＨＫ']], ['10', ['hk']]]);
    expect(evidence('cohashtag', 'a', 'b')).toEqual([['6', ['金鐘']], ['7', ['金鐘']]]);
    expect(evidence('cohashtag', 'a', 'c', new Set(['金钟']))).toEqual([['6', ['外國勢力']], ['8', ['外國勢力']], ['9', ['ＨＫ']], ['10', ['hk']]]);
    expect(evidence('courl', 'a', 'b')).toEqual([['6', ['https://www.x.hk/a/']], ['7', ['http://x.hk/a?utm_source=t']]]);
  });
});
