import { edgeTriples } from '../../../renderer/src/store/read/edgeColumns';
import { tweetFingerprint } from '../../../shared/archive/tweetFingerprint';
import type { EdgeKind, ImportAggregates, ImportEdges, UnresolvedLinks } from '../../../renderer/src/store/schema';
import { mergeAggregates } from '../../../renderer/src/store/read/mergeAggregates';
import { describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run as runGraph } from '../../../main/cli/graph';
import { createDemoArchive } from '../../../shared/archive/demo/demoArchive';
import { parseArchive, type ArchiveSource } from '../../../shared/archive/parseArchive';
import type { Tweet } from '../../../shared/domain/tweet';
import { AggregateBuilder } from '../../../renderer/src/workers/import/aggregateBuilder';
import { mentionsOf } from '../../../shared/domain/mentions';
import { urlDomain } from '../../../shared/domain/urlDomain';
import { TweetAuthors } from '../../../renderer/src/workers/import/tweetAuthors';
import { TweetBlockPacker, TWEETS_PER_BLOCK } from '../../../renderer/src/store/write/tweetBlockPacker';
import { searchBlockOf } from '../../../renderer/src/store/write/searchBlockOf';
import { normalizeForSearch } from '../../../shared/domain/searchFold';
import { decodeTweetColumns } from '../../../renderer/src/store/tweetBlockCodec';
import { buildInteractionNetwork } from '../../../shared/graph/networks/interactionNetwork';
import { resolveScreenNames } from '../../../renderer/src/store/read/resolveScreenNames';
import { ScreenNames, type NamedAccount } from '../../../shared/domain/screenNames';
import { tweetColumnsFrom } from '../../../shared/archive/columns';
import { tweetHeader, tweetRow, type TweetFields } from '../archive/synthetic';
import { enc, parseBytes } from '../archive/helpers';

function demoTweetsSource(tweets: number, seed: number): ArchiveSource {
  const archive = createDemoArchive({ tweets, seed });
  return {
    name: 'demo_tweets.csv',
    open: () => {
      const it = archive.tweetsCsv(1 << 16);
      const enc = new TextEncoder();
      return new ReadableStream<Uint8Array>({
        async pull(c) {
          const r = await it.next();
          if (r.done) c.close();
          else c.enqueue(enc.encode(r.value));
        },
      });
    },
  };
}

async function demoTweets(n: number, seed: number): Promise<Tweet[]> {
  const out: Tweet[] = [];
  await parseArchive(demoTweetsSource(n, seed), { onTweets: (t) => void out.push(...t) });
  return out;
}

const count = <T>(items: T[], key: (t: T) => string | undefined) => {
  const r: Record<string, number> = {};
  for (const i of items) {
    const k = key(i);
    if (k !== undefined) r[k] = (r[k] ?? 0) + 1;
  }
  return r;
};

describe('AggregateBuilder over parsed demo tweets', () => {
  it('computes counts, languages, buckets, retweets and per-account activity equal to a naive recount', async () => {
    // Every 7th tweet loses its user_mentions and names accounts in its text instead (the 2018 files' way),
    // each naming one account twice in two cases (one mention), every 14th also its own author, in another case: no mention of oneself.
    // Every 3rd reply names only the replied-to tweet (no in_reply_to_userid): every 6th one outside the archive (the demo's
    // replies all are), the others a tweet of the archive, earlier or later in the file.
    const tweets = (await demoTweets(5000, 2))
      .map((t, i) =>
        i % 7 ? t : { ...t, userMentions: [], tweetText: `${t.isRetweet ? 'RT @rt' + (i % 5) + ': ' : ''}${t.tweetText} cc @n${i % 3} @N${i % 3} mail@x.org${i % 14 ? '' : ` @${t.userScreenName.toUpperCase()}`}` },
      )
      .map((t, i, all) => (!t.inReplyToUserid || i % 3 ? t : { ...t, inReplyToUserid: '', inReplyToTweetid: i % 2 ? all[(i * 7) % all.length]!.tweetid : t.inReplyToTweetid }));
    expect(tweets).toHaveLength(5000);
    // As the import does: packed into encoded blocks, aggregated from them by the block writer.
    const packer = new TweetBlockPacker('ds', 'imp', 0);
    const seqOf = new Map<string, number>();
    for (const t of tweets) {
      seqOf.set(t.tweetid, packer.seq);
      packer.push(t, tweetFingerprint(t));
    }
    packer.close();
    const blocks = structuredClone(packer.take());
    const agg = new AggregateBuilder('imp', 'ds');
    for (const b of blocks) agg.addBlock(b.columns, b.seq);
    // Quotes, and replies naming only the tweet, are resolved by the import worker, which sees every tweet's author (the linked tweet may come later).
    const seen = new TweetAuthors();
    for (const t of tweets) seen.add(t.tweetid, t.userid);
    for (const t of tweets) seen.addLinks(t);
    agg.addLinks(seen.linkPairs());
    const a = agg.finish();
    expect(blocks.map((b) => b.columns.length)).toEqual([TWEETS_PER_BLOCK, TWEETS_PER_BLOCK, 1000]);
    expect(blocks.map((b) => b.seq)).toEqual([0, 1, 2]);
    const search = searchBlockOf(blocks[1]!, decodeTweetColumns(blocks[1]!.columns).tweetText);
    const rows = Array.from({ length: search.starts.length - 1 }, (_, i) => search.joined.slice(search.starts[i], search.starts[i + 1]! - 1));
    // Row i of the search block is row i of the tweet block, as search normalises it (NFKC, lower case, Traditional Chinese as Simplified, ...).
    expect(rows).toEqual(tweets.slice(TWEETS_PER_BLOCK, 2 * TWEETS_PER_BLOCK).map((t) => normalizeForSearch(t.tweetText)));
    expect(rows.some((r) => r.includes('中国')) && !rows.some((r) => r.includes('中國'))).toBe(true);
    expect(a.tweets).toBe(5000);
    expect(a.retweets).toBe(tweets.filter((t) => t.isRetweet).length);
    expect(a.retweets).toBeGreaterThan(0);
    expect(a.replies).toBe(tweets.filter((t) => t.inReplyToTweetid || t.inReplyToUserid).length);
    expect(a.quotes).toBe(tweets.filter((t) => t.quotedTweetTweetid).length);
    expect(a.tweetLanguages).toEqual(count(tweets, (t) => t.tweetLanguage));
    expect(a.quarterHourCounts).toEqual(count(tweets, (t) => String(Math.floor(t.tweetTime / 15))));
    expect(a.retweeted).toEqual(count(tweets, (t) => (t.isRetweet ? t.retweetUserid || '@' + t.retweetScreenName : undefined)));
    expect(edgeRecord(a.edges, 'retweet')).toEqual(count(tweets, (t) => (t.isRetweet ? t.userid + '\t' + (t.retweetUserid || '@' + t.retweetScreenName) : undefined)));
    const hashtags: Record<string, number> = {};
    for (const t of tweets) for (const h of t.hashtags) hashtags[h] = (hashtags[h] ?? 0) + 1;
    expect(a.hashtags).toEqual(hashtags);
    const days = count(tweets, (t) => new Date(t.tweetTime * 60_000).toISOString().slice(0, 10));
    expect(Object.fromEntries(Object.entries(a.clientsByDay).map(([d, c]) => [d, Object.values(c).reduce((x, y) => x + y, 0)]))).toEqual(days);
    const perUser = count(tweets, (t) => t.userid);
    expect(Object.fromEntries(Object.entries(a.accountActivity).map(([u, act]) => [u, act.tweets]))).toEqual(perUser);
    const byUser = new Map<string, Tweet[]>();
    for (const t of tweets) byUser.set(t.userid, [...(byUser.get(t.userid) ?? []), t]);
    for (const [user, act] of Object.entries(a.accountActivity)) {
      const mine = byUser.get(user)!;
      expect(act.blocks).toEqual([...new Set(mine.map((t) => seqOf.get(t.tweetid)!))]);
      expect(act.firstTweetTime).toBe(Math.min(...mine.map((t) => t.tweetTime)));
      expect(act.lastTweetTime).toBe(Math.max(...mine.map((t) => t.tweetTime)));
      expect(act.days).toEqual([...new Set(mine.map((t) => Math.floor(t.tweetTime / 1440)))].sort((x, y) => x - y));
    }
    // Mentions (user_mentions ids, else @names in the text), replies, URL domains and per-account
    // breakdowns, recounted from the parsed tweets (the builder reads them from the block codes).
    const mentions = (t: Tweet) => {
      // One per account a tweet names: @names ignore case (the first spelling is kept), ids are exact;
      // the author's own id or name as it spells it is none. Another spelling of its name waits for the readers (below).
      const seen = new Set<string>();
      const out = mentionsOf(t).filter((m) => {
        const key = m.startsWith('@') ? m.toLowerCase() : m;
        return m !== `@${t.userScreenName}` && !seen.has(key) && Boolean(seen.add(key));
      });
      return out.filter((m) => m !== t.userid);
    };
    const mentioned: Record<string, number> = {};
    const mentionEdges: Record<string, number> = {};
    for (const t of tweets) {
      for (const m of mentions(t)) {
        mentioned[m] = (mentioned[m] ?? 0) + 1;
        mentionEdges[t.userid + '\t' + m] = (mentionEdges[t.userid + '\t' + m] ?? 0) + 1;
      }
    }
    expect(tweets.some((t) => t.userMentions.length === 0 && mentions(t).length > 0)).toBe(true); // @names from text
    expect(a.mentioned).toEqual(mentioned);
    expect(edgeRecord(a.edges, 'mention')).toEqual(mentionEdges);
    // Read back with the dataset's accounts (no one spells an author's name in capitals), the author's
    // name in capitals is the author: no mention, as in the Mention network; the counts are its edges'.
    const accounts = [...new Map(tweets.map((t) => [t.userid, { userid: t.userid, userScreenName: t.userScreenName }])).values()];
    expect(Object.keys(mentionEdges).filter((k) => k.includes('\t@') && accounts.some((x) => k === `${x.userid}\t@${x.userScreenName.toUpperCase()}`)).length).toBeGreaterThan(10);
    const read = resolveScreenNames(a, new ScreenNames(accounts));
    expect(edgeRecord(read.edges, 'mention')).toEqual(networkEdges(tweets, 'mention', accounts));
    expect(read.mentioned).toEqual(inWeights(edgeRecord(read.edges, 'mention')));
    // Reply and quote edges are the Reply and Quote networks' (in_reply_to_userid, else the replied-to tweet's author when it is in the archive).
    const author = new Map(tweets.map((t) => [t.tweetid, t.userid]));
    const tweetOnly = tweets.filter((t) => t.inReplyToTweetid && !t.inReplyToUserid);
    expect(tweetOnly.filter((t) => author.has(t.inReplyToTweetid)).length).toBeGreaterThan(50);
    expect(tweetOnly.filter((t) => !author.has(t.inReplyToTweetid)).length).toBeGreaterThan(50);
    for (const kind of ['reply', 'quote'] as const) expect(edgeRecord(a.edges, kind)).toEqual(networkEdges(tweets, kind));
    const domains: Record<string, number> = {};
    for (const t of tweets) for (const u of t.urls) if (urlDomain(u)) domains[urlDomain(u)] = (domains[urlDomain(u)] ?? 0) + 1;
    expect(Object.keys(domains).length).toBeGreaterThan(0);
    expect(a.urlDomains).toEqual(domains);
    for (const [user, act] of Object.entries(a.accountActivity)) {
      const mine = byUser.get(user)!;
      expect(act.languages).toEqual(count(mine, (t) => t.tweetLanguage));
      expect(act.clients).toEqual(count(mine, (t) => t.tweetClientName));
      const tags: Record<string, number> = {};
      for (const t of mine) for (const h of t.hashtags) tags[h] = (tags[h] ?? 0) + 1;
      expect(act.hashtags).toEqual(tags);
      expect([act.retweets, act.replies, act.quotes]).toEqual([
        mine.filter((t) => t.isRetweet).length,
        mine.filter((t) => t.inReplyToTweetid || t.inReplyToUserid).length,
        mine.filter((t) => t.quotedTweetTweetid).length,
      ]);
    }
    // Quote edges resolve to the quoted tweet's author when it is in the import.
    expect(edgeRecord(a.edges, 'quote')).toEqual(count(tweets, (t) => (t.quotedTweetTweetid && author.has(t.quotedTweetTweetid) ? t.userid + '\t' + author.get(t.quotedTweetTweetid) : undefined)));
  });

  it('TweetAuthors knows stored tweets (dedupe against the dataset) and resolves quotes and tweet-only replies to them, before or after the linked tweet', async () => {
    const [stored, later, quoter, other] = await demoTweets(2000, 4);
    const seen = new TweetAuthors();
    seen.add(stored!.tweetid, stored!.userid);
    expect(seen.has(stored!.tweetid)).toBe(true);
    expect(seen.has(quoter!.tweetid)).toBe(false);
    seen.add(quoter!.tweetid, quoter!.userid);
    const link = (quoted: string, repliedTo: string, repliedToUser = '') => seen.addLinks({ userid: quoter!.userid, quotedTweetTweetid: quoted, inReplyToTweetid: repliedTo, inReplyToUserid: repliedToUser });
    link(stored!.tweetid, ''); // quoted tweet already known
    link(later!.tweetid, stored!.tweetid); // quoted tweet comes later in the import; replied-to tweet known
    link('1' + other!.tweetid, later!.tweetid); // quoted tweet outside the dataset: no edge; replied-to tweet comes later
    link('', '1' + other!.tweetid); // replied-to tweet outside the dataset: no edge
    link('', later!.tweetid, other!.userid); // the reply names its account: the block writer links it, not TweetAuthors
    seen.add(later!.tweetid, later!.userid);
    const agg = new AggregateBuilder('imp', 'ds');
    const packer = new TweetBlockPacker('ds', 'imp', 0);
    packer.push({ ...quoter!, quotedTweetTweetid: stored!.tweetid, isRetweet: false, inReplyToTweetid: '', inReplyToUserid: '' }, 0);
    packer.close();
    agg.addBlock(packer.take()[0]!.columns, 0);
    agg.addLinks(seen.linkPairs());
    const a = agg.finish();
    expect(a.tweets).toBe(1);
    expect(a.quotes).toBe(1);
    const pairs = (...to: Tweet[]) => count(to, (t) => `${quoter!.userid}\t${t.userid}`);
    expect(stored!.userid).not.toBe(later!.userid);
    expect(edgeRecord(a.edges, 'quote')).toEqual(pairs(stored!, later!));
    expect(edgeRecord(a.edges, 'reply')).toEqual(pairs(stored!, later!));
  });

  it('a reply naming only the replied-to tweet links to its author, as the Reply network does (a small CSV)', async () => {
    const row = (tweetid: string, userid: string, f: TweetFields = {}) => tweetRow({ tweetid, userid, user_screen_name: 'u' + userid, ...f });
    const csv = [
      tweetHeader(),
      row('100', '1'),
      row('101', '2', { in_reply_to_tweetid: '100' }), // → 1, an earlier tweet
      row('102', '2', { in_reply_to_tweetid: '104' }), // → 3, a later tweet
      row('103', '3', { in_reply_to_tweetid: '999' }), // outside the archive: a reply, no edge
      row('104', '3'),
      row('105', '1', { in_reply_to_userid: '555', in_reply_to_tweetid: '104' }), // the named account, not the tweet's author
      row('106', '1', { in_reply_to_userid: '777' }),
      row('107', '3', { quoted_tweet_tweetid: '100' }),
    ].join('\n') + '\n';
    const { tweets, quarantined } = await parseBytes('small_tweets_csv_unhashed.csv', enc.encode(csv));
    expect(quarantined).toEqual([]);
    expect(tweets).toHaveLength(8);
    // In file order, as the import reads them: 102's replied-to tweet is not seen yet when 102 is.
    const seen = new TweetAuthors();
    const packer = new TweetBlockPacker('ds', 'imp', 0);
    for (const t of tweets) {
      seen.add(t.tweetid, t.userid);
      seen.addLinks(t);
      packer.push(t, tweetFingerprint(t));
    }
    packer.close();
    const agg = new AggregateBuilder('imp', 'ds');
    for (const b of packer.take()) agg.addBlock(b.columns, b.seq);
    agg.addLinks(seen.linkPairs());
    const a = agg.finish();
    expect(a.replies).toBe(5);
    expect(a.accountActivity['2']!.replies).toBe(2);
    // What the account page lists under "Replies to" / "Replied to by", and the Reply network's edges.
    expect(edgeRecord(a.edges, 'reply')).toEqual({ '2\t1': 1, '2\t3': 1, '1\t555': 1, '1\t777': 1 });
    expect(networkEdges(tweets, 'reply')).toEqual(edgeRecord(a.edges, 'reply'));
    expect(buildInteractionNetwork(tweetColumnsFrom(tweets), 'reply').stats.unresolved).toBe(1);
    expect(edgeRecord(a.edges, 'quote')).toEqual({ '3\t1': 1 });
  });

  it('credits text @names and retweets by name as the Mention and Retweet networks do: exact case first, else the only match ignoring case, else the lowest id', async () => {
    const row = (tweetid: string, userid: string, user_screen_name: string, tweet_text: string, f: TweetFields = {}) => tweetRow({ tweetid, userid, user_screen_name, tweet_text, user_mentions: '[]', ...f });
    const csv = [
      tweetHeader(),
      row('200', '1111111111', 'newsagency', 'first'),
      row('201', '1111111114', 'NewsAgency', 'second'),
      row('202', '3', 'gamma', 'hi @newsagency'), // → 1111111111 (exact)
      row('203', '3', 'gamma', 'hi @NewsAgency'), // → 1111111114 (exact)
      row('204', '3', 'gamma', 'hi @NEWSAGENCY'), // ambiguous → the lowest id
      row('205', '1111111111', 'newsagency', 'me @GAMMA and @Gamma'), // one mention of 3
      row('206', '3', 'gamma', 'me @Gamma'), // the author's own name: none
      row('207', '3', 'gamma', 'RT @NewsAgency: hi', { is_retweet: 'true' }), // retweet known by name → 1111111114
    ].join('\n') + '\n';
    const { tweets, quarantined } = await parseBytes('names_tweets_csv_unhashed.csv', enc.encode(csv));
    expect(quarantined).toEqual([]);
    const packer = new TweetBlockPacker('ds', 'imp', 0);
    for (const t of tweets) packer.push(t, tweetFingerprint(t));
    packer.close();
    const agg = new AggregateBuilder('imp', 'ds');
    for (const b of packer.take()) agg.addBlock(b.columns, b.seq);
    const accounts = [...new Map(tweets.map((t) => [t.userid, { userid: t.userid, userScreenName: t.userScreenName }])).values()];
    // As Explore reads the aggregates back (exploreData.ts).
    const a = resolveScreenNames(agg.finish(), new ScreenNames(accounts));
    expect(edgeRecord(a.edges, 'mention')).toEqual({ '3\t1111111111': 2, '3\t1111111114': 1, '1111111111\t3': 1 });
    expect(edgeRecord(a.edges, 'retweet')).toEqual({ '3\t1111111114': 1 });
    for (const kind of ['mention', 'retweet'] as const) {
      const net: Record<string, number> = {};
      buildInteractionNetwork(tweetColumnsFrom(tweets), kind, undefined, { accounts }).graph.forEachEdge((_e, x, s, t) => (net[s + '\t' + t] = x.weight));
      expect(net).toEqual(edgeRecord(a.edges, kind));
    }
  });
});

describe('self-mentions: an @name is its author only if the screen-name rule credits it to the author', () => {
  it('a tweet by NewsAgency naming @newsagency mentions newsagency, in the import (even newsagency imported later), the Mention network and the CLI', async () => {
    const row = (tweetid: string, userid: string, user_screen_name: string, tweet_text: string) => tweetRow({ tweetid, userid, user_screen_name, tweet_text, user_mentions: '[]' });
    const first = [
      row('400', '1111111114', 'NewsAgency', 'أخبار عاجلة @newsagency'), // another account's name: a mention (its account comes with the second file)
      row('401', '1111111114', 'NewsAgency', '速報 @NewsAgency'), // its own name: none
      row('402', '1111111114', 'NewsAgency', '@NEWSAGENCY 🗞️'), // ambiguous: the lowest id, newsagency's: a mention
      row('403', '3', 'Gamma', 'me @gamma and @GAMMA'), // no account is spelled so exactly: the author's, none
    ];
    const second = [
      row('404', '1111111111', 'newsagency', 'hi @NEWSAGENCY'), // ambiguous: the lowest id, its own: none
      row('405', '1111111111', 'newsagency', 'hi @NewsAgency @gamma'), // the other agency, and Gamma
    ];
    const parse = async (name: string, rows: string[]) => (await parseBytes(name, enc.encode([tweetHeader(), ...rows].join('\n') + '\n'))).tweets;
    const a = await parse('agency1_tweets_csv_unhashed.csv', first);
    const b = await parse('agency2_tweets_csv_unhashed.csv', second);
    const dataset = importInto(importInto(nothingImported, a, 'imp1'), b, 'imp2');
    const accounts = [...new Map(dataset.tweets.map((t) => [t.userid, { userid: t.userid, userScreenName: t.userScreenName }])).values()];
    // As Explore reads a dataset (exploreData.ts): its imports' aggregates merged, the @names credited with every account known.
    const read = resolveScreenNames(mergeAggregates(dataset.aggregates), new ScreenNames(accounts));
    const expected = { '1111111114\t1111111111': 2, '1111111111\t1111111114': 1, '1111111111\t3': 1 };
    expect(edgeRecord(read.edges, 'mention')).toEqual(expected);
    expect(read.mentioned).toEqual({ '1111111111': 2, '1111111114': 1, '3': 1 });
    expect(networkEdges(dataset.tweets, 'mention', accounts)).toEqual(expected);
    // The CLI on the same two files.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-self-mentions-'));
    const files = [['agency1_tweets_csv_unhashed.csv', first], ['agency2_tweets_csv_unhashed.csv', second]] as const;
    for (const [name, rows] of files) fs.writeFileSync(path.join(dir, name), [tweetHeader(), ...rows].join('\n') + '\n');
    const out = path.join(dir, 'mention.csv');
    const quiet = [vi.spyOn(process.stdout, 'write').mockImplementation(() => true), vi.spyOn(process.stderr, 'write').mockImplementation(() => true)];
    try {
      expect(await runGraph([...files.map(([name]) => path.join(dir, name)), '--kind', 'mention', '--format', 'csv', '--out', out, '--no-metrics'])).toBe(0);
    } finally {
      for (const q of quiet) q.mockRestore();
    }
    const cli: Record<string, number> = {};
    for (const line of fs.readFileSync(out, 'utf8').trim().split('\n').slice(1)) {
      const [source, target, weight] = line.split(',');
      cli[source + '\t' + target] = Number(weight);
    }
    expect(cli).toEqual(expected);
  });
});

/** A dataset as successive imports leave it: its tweets, and each committed import's aggregates and unresolved links. */
interface Imported {
  tweets: Tweet[];
  aggregates: ImportAggregates[];
  unresolved: UnresolvedLinks[];
}

/**
 * One import into `into` as runImport and the block writer make it: the dataset's tweets and its
 * imports' unresolved links read first (carry), then the new tweets (duplicates skipped), packed,
 * aggregated, their links resolved at the end. The records pass through structuredClone, as through IndexedDB.
 */
function importInto(into: Imported, tweets: Tweet[], importId: string): Imported {
  const seen = new TweetAuthors();
  for (const t of into.tweets) seen.add(t.tweetid, t.userid);
  for (const u of into.unresolved) seen.carry(structuredClone(u));
  const packer = new TweetBlockPacker('ds', importId, 0);
  const added = tweets.filter((t) => !seen.has(t.tweetid));
  for (const t of added) {
    seen.add(t.tweetid, t.userid);
    seen.addLinks(t);
    packer.push(t, tweetFingerprint(t));
  }
  packer.close();
  const agg = new AggregateBuilder(importId, 'ds');
  for (const b of packer.take()) agg.addBlock(b.columns, b.seq);
  const links = seen.linkPairs();
  agg.addLinks(links);
  return { tweets: [...into.tweets, ...added], aggregates: [...into.aggregates, structuredClone(agg.finish())], unresolved: [...into.unresolved, structuredClone(links.unresolved)] };
}

const nothingImported: Imported = { tweets: [], aggregates: [], unresolved: [] };
const tweetIdsOf = (u: UnresolvedLinks) => Array.from(u.tweetids.ends, (end, i) => u.tweetids.joined.slice(i ? u.tweetids.ends[i - 1] : 0, end));

describe('quotes and tweet-only replies across imports into one dataset', () => {
  /** Demo tweets, every 3rd reply naming only its replied-to tweet, an archive tweet (as in the first test). */
  async function linkedTweets(): Promise<Tweet[]> {
    return (await demoTweets(6000, 5)).map((t, i, all) => (!t.inReplyToUserid || i % 3 ? t : { ...t, inReplyToUserid: '', inReplyToTweetid: all[(i * 7) % all.length]!.tweetid }));
  }

  it('links a reply or quote to a tweet of a later import, or of an earlier one, as one import of all the tweets does', async () => {
    const tweets = await linkedTweets();
    const once = importInto(nothingImported, tweets, 'all');
    const whole = once.aggregates[0]!;
    // The network views' edges, over every tweet: what the merged aggregates must hold, whatever the order of the parts.
    for (const kind of ['reply', 'quote'] as const) expect(edgeRecord(whole.edges, kind)).toEqual(networkEdges(tweets, kind));
    const parts = [tweets.slice(0, 2000), tweets.slice(2000, 4000), tweets.slice(4000)];
    for (const order of [[0, 1, 2], [2, 1, 0], [1, 0, 2]]) {
      const dataset = order.reduce((d, p) => importInto(d, parts[p]!, `imp${p}`), nothingImported);
      const merged = mergeAggregates(dataset.aggregates);
      for (const kind of ['reply', 'quote'] as const) expect(edgeRecord(merged.edges, kind), `${kind}, parts in order ${order}`).toEqual(edgeRecord(whole.edges, kind));
      expect(merged.replies).toBe(whole.replies);
      // Active days are a union: the parts' days per account, merged, are the whole import's.
      for (const [user, act] of Object.entries(whole.accountActivity)) expect(merged.accountActivity[user]!.days, `${user}, parts in order ${order}`).toEqual(act.days);
      expect(merged.quotes).toBe(whole.quotes);
      // Links to tweets outside the archive are stored, each once, as by one import: links resolved later stay stored with their own import.
      const inArchive = new Set(tweets.map((t) => t.tweetid));
      const outside = dataset.unresolved.flatMap(tweetIdsOf).filter((id) => !inArchive.has(id));
      expect(outside.sort(), `parts in order ${order}`).toEqual(tweetIdsOf(once.unresolved[0]!).sort());
    }
    // The parts link to each other both ways: a later part resolves links of an earlier one (carried) and its own to earlier tweets.
    const [first] = importInto(nothingImported, parts[0]!, 'imp0').unresolved;
    const firstToLater = tweetIdsOf(first!).filter((id) => parts[1]!.some((t) => t.tweetid === id));
    expect(firstToLater.length).toBeGreaterThan(0);
    const laterToFirst = parts[1]!.filter((t) => parts[0]!.some((s) => s.tweetid === t.quotedTweetTweetid || (!t.inReplyToUserid && s.tweetid === t.inReplyToTweetid)));
    expect(laterToFirst.length).toBeGreaterThan(0);
  });

  it('stores a link once: a later import neither stores again an earlier import\'s link it cannot resolve nor counts again one resolved before', () => {
    const tweet = (tweetid: string, userid: string, f: Partial<Tweet> = {}) => ({ tweetid, userid, quotedTweetTweetid: '', inReplyToTweetid: '', inReplyToUserid: '', ...f });
    const withLinks = (tweets: ReturnType<typeof tweet>[], carried: UnresolvedLinks[] = [], stored: ReturnType<typeof tweet>[] = []) => {
      const seen = new TweetAuthors();
      for (const t of stored) seen.add(t.tweetid, t.userid);
      for (const u of carried) seen.carry(u);
      for (const t of tweets) {
        seen.add(t.tweetid, t.userid);
        seen.addLinks(t);
      }
      return seen.linkPairs();
    };
    const pairsOf = (l: ReturnType<typeof withLinks>, kind: 'quote' | 'reply') => Array.from(l.pairs[kind], (c) => l.authors[c]).join(' ');
    // Import 1: account 1 quotes tweet 20 and replies to tweet 30, neither in it.
    const part1 = [tweet('10', '1', { quotedTweetTweetid: '20', inReplyToTweetid: '30' })];
    const one = withLinks(part1);
    expect(pairsOf(one, 'quote')).toBe('');
    expect(one.unresolved.authors).toEqual(['1']);
    expect(tweetIdsOf(one.unresolved)).toEqual(['20', '30']);
    // Import 2 brings tweet 20 (by account 2): the quote is its edge; the reply stays stored with import 1 alone.
    const part2 = [tweet('20', '2')];
    const two = withLinks(part2, [one.unresolved], part1);
    expect(pairsOf(two, 'quote')).toBe('1 2');
    expect(pairsOf(two, 'reply')).toBe('');
    expect(tweetIdsOf(two.unresolved)).toEqual([]);
    // Import 3 brings tweet 30 (by account 3): the reply is its edge, the quote (resolved by import 2) is not counted again.
    const three = withLinks([tweet('30', '3')], [one.unresolved, two.unresolved], [...part1, ...part2]);
    expect(pairsOf(three, 'reply')).toBe('1 3');
    expect(pairsOf(three, 'quote')).toBe('');
  });

  it('carries earlier imports\' links only before this import adds its own', () => {
    const seen = new TweetAuthors();
    seen.addLinks({ userid: '1', quotedTweetTweetid: '9', inReplyToTweetid: '', inReplyToUserid: '' });
    expect(() => seen.carry({ kinds: new Uint8Array(0), sources: new Int32Array(0), authors: [], tweetids: { joined: '', ends: new Int32Array(0) } })).toThrow(/before this import adds its own/);
  });
});

describe('urlDomain and mentionsOf', () => {
  it('extracts hosts without parsing URLs as objects', () => {
    expect(urlDomain('http://goo.gl/32K38q')).toBe('goo.gl');
    expect(urlDomain('https://WWW.Example.com:8080/a?b#c')).toBe('example.com');
    expect(urlDomain('https://user@host.org')).toBe('host.org');
    expect(urlDomain('not a url')).toBe('');
  });

  it('uses user_mentions ids (skipping 0), else @names in the text without the RT prefix', () => {
    const base = { userMentions: [] as string[], tweetText: '', isRetweet: false } as unknown as Tweet;
    expect(mentionsOf({ ...base, userMentions: ['443196382', '0', '12'] })).toEqual(['443196382', '12']);
    expect(mentionsOf({ ...base, tweetText: 'RT @someone: hi @other and @AbC+dEf123456789012345678901234567890123= 香港', isRetweet: true })).toEqual([
      '@other',
      '@AbC+dEf123456789012345678901234567890123=',
    ]);
    expect(mentionsOf({ ...base, tweetText: 'mail me at a@b.com' })).toEqual([]);
  });
});

/** The Reply or Quote network's edges over `tweets`, as edgeRecord writes them. */
function networkEdges(tweets: Tweet[], kind: 'reply' | 'quote' | 'mention', accounts?: NamedAccount[]): Record<string, number> {
  const out: Record<string, number> = {};
  buildInteractionNetwork(tweetColumnsFrom(tweets), kind, undefined, { accounts }).graph.forEachEdge((_e, a, s, t) => (out[s + '\t' + t] = a.weight));
  return out;
}

/** Per target, the summed weight of the edges into it: a mentioned count, from an edge record. */
function inWeights(edges: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k in edges) {
    const t = k.slice(k.indexOf('\t') + 1);
    out[t] = (out[t] ?? 0) + edges[k]!;
  }
  return out;
}

/** The edges of a kind as the "source\ttarget" → weight record the expectations are written in. */
function edgeRecord(edges: ImportEdges, kind: EdgeKind): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [s, t, n] of edgeTriples(edges, kind)) out[s + '\t' + t] = n;
  return out;
}
