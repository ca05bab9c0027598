import type { TweetColumns } from '../../domain/tweet';
import { tweetPasses, type TweetFilter } from '../tweetFilter';
import type { CoordinationKind } from './coordinationTypes';
import { normaliseText, normaliseUrl } from './normalise';
import { resolvedId } from '../../domain/ids';

/**
 * Posts reduced to integers for the sweep: which account acted on which object at which minute.
 * Accounts and objects are interned (index -> string kept in accountIds / objectKeys).
 */
export interface CoActions {
  length: number;
  post: Int32Array;
  account: Int32Array;
  object: Int32Array;
  minute: Int32Array;
  accountIds: string[];
  objectKeys: string[];
  tweetsFiltered: number;
}

function objectsOf(c: TweetColumns, i: number, kind: CoordinationKind, includeRetweets: boolean): readonly string[] {
  const rt = c.isRetweet[i] === 1;
  switch (kind) {
    case 'coretweet':
      return rt && resolvedId(c.retweetTweetid[i]!) ? [c.retweetTweetid[i]!] : [];
    case 'cotweet': {
      if (rt && !includeRetweets) return [];
      const t = normaliseText(c.tweetText[i]!);
      return t === '' || t === '<url>' ? [] : [t];
    }
    case 'colink': {
      if (rt && !includeRetweets) return [];
      const urls = c.urls[i]!;
      if (urls.length === 0) return [];
      return [...new Set(urls.map(normaliseUrl))];
    }
    case 'coreply':
      if (rt && !includeRetweets) return [];
      return resolvedId(c.inReplyToTweetid[i]!) ? [c.inReplyToTweetid[i]!] : [];
  }
}

export function extractCoActions(
  c: TweetColumns,
  kind: CoordinationKind,
  filter?: TweetFilter,
  includeRetweets = false,
): CoActions {
  let cap = Math.max(16, c.length);
  let post = new Int32Array(cap), account = new Int32Array(cap), object = new Int32Array(cap), minute = new Int32Array(cap);
  const accountIndex = new Map<string, number>();
  const objectIndex = new Map<string, number>();
  const accountIds: string[] = [];
  const objectKeys: string[] = [];
  let n = 0;
  let filtered = 0;
  for (let i = 0; i < c.length; i++) {
    if (!tweetPasses(c, i, filter)) {
      filtered++;
      continue;
    }
    const objs = objectsOf(c, i, kind, includeRetweets);
    if (objs.length === 0) continue;
    const uid = c.userid[i]!;
    let a = accountIndex.get(uid);
    if (a === undefined) {
      a = accountIds.length;
      accountIndex.set(uid, a);
      accountIds.push(uid);
    }
    for (const key of objs) {
      let o = objectIndex.get(key);
      if (o === undefined) {
        o = objectKeys.length;
        objectIndex.set(key, o);
        objectKeys.push(key);
      }
      if (n === cap) {
        cap *= 2;
        post = grow(post, cap); account = grow(account, cap); object = grow(object, cap); minute = grow(minute, cap);
      }
      post[n] = i;
      account[n] = a;
      object[n] = o;
      minute[n] = c.tweetTime[i]!;
      n++;
    }
  }
  return { length: n, post, ...renumberById(account, n, accountIds), object, minute, objectKeys, tweetsFiltered: filtered };
}

/**
 * Accounts numbered in the order of their ids, not of their first post: the null model draws each
 * account-day's offset from the account's number, so the same tweets in another row order (files
 * chosen in another order, a dataset built by two imports) must number them alike to give the same
 * p-values, q-values and communities.
 */
function renumberById(account: Int32Array<ArrayBuffer>, n: number, ids: readonly string[]): { account: Int32Array<ArrayBuffer>; accountIds: string[] } {
  const byId = ids.map((id, i) => ({ id, i })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const number = new Int32Array(ids.length);
  byId.forEach(({ i }, rank) => (number[i] = rank));
  for (let k = 0; k < n; k++) account[k] = number[account[k]!]!;
  return { account, accountIds: byId.map((x) => x.id) };
}

function grow(a: Int32Array<ArrayBuffer>, cap: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(cap);
  b.set(a);
  return b;
}
