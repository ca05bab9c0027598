/**
 * A pinned retweet, mention, reply, quote, co-hashtag or co-URL edge (EdgeDetails' payload) as a
 * reader's fields, in words: who did what to whom, how many tweets the edge counts, the network's
 * parameters, and each tweet listed with its exact text (the PDF's text layer gives back every cited post).
 */
import { isNum, list, obj, str } from './payloadValues';

/** What an edge source → target means, per network kind (interactionNetwork.ts, coUseNetwork.ts). */
const RELATION: Record<string, (a: string, b: string) => string> = {
  retweet: (a, b) => `account ${a} retweeted account ${b}`,
  mention: (a, b) => `account ${a} mentioned account ${b}`,
  reply: (a, b) => `account ${a} replied to account ${b}`,
  quote: (a, b) => `account ${a} quoted account ${b}`,
  cohashtag: (a, b) => `accounts ${a} and ${b} used the same hashtags`,
  courl: (a, b) => `accounts ${a} and ${b} linked the same addresses`,
};
/** The payload key holding each tweet's object, and what it is, per network kind (EdgeDetails' tweetPayload). */
const OBJECT: Record<string, [key: string, label: string]> = {
  retweet: ['objectTweetid', 'retweeted post'], mention: ['mentionedUserid', 'mentioned account'], reply: ['objectTweetid', 'replied-to post'],
  quote: ['objectTweetid', 'quoted post'], cohashtag: ['sharedHashtags', 'shared hashtags'], courl: ['sharedUrls', 'shared links'],
};

/** A pin of an interaction edge: its own kind since 2026-12-03; earlier ones were kind 'network' with the edge's tweets and no figure. */
export function isInteractionEdgePin(kind: string, payload: unknown): boolean {
  const p = obj(payload);
  return kind === 'interaction-edge' || (kind === 'network' && Array.isArray(p.tweets) && typeof p.source === 'string' && !p.svg && !p.png);
}

export function interactionEdgeFields(payload: unknown): Array<[string, string]> {
  const p = obj(payload);
  const kind = str(p.kind);
  const [source, target] = [str(p.source), str(p.target)];
  const tweets = list(p.tweets);
  const total = isNum(p.tweetsTotal) ? p.tweetsTotal : tweets.length;
  const out: Array<[string, string]> = [
    ['edge', (RELATION[kind] ?? ((a: string, b: string) => `${kind} edge from ${a} to ${b}`))(source, target)],
    ['weight', `${isNum(p.weight) ? p.weight : total} (tweets behind the edge)`],
    ['tweets listed', tweets.length < total ? `the first ${tweets.length} of ${total}` : `all ${total}`],
  ];
  const [key, label] = OBJECT[kind] ?? ['object', 'object'];
  tweets.forEach((t, k) => {
    const n = k + 1;
    out.push([`tweet ${n}`, `post ${str(t.tweetid)} by account ${str(t.userid)} at ${str(t.time)}; ${label}: ${str(t[key])}`]);
    out.push([`tweet ${n} text`, str(t.text)]);
  });
  return out;
}
