import { classifyId, isHashedId } from '../../../../shared/domain/ids';
import type { Provenance } from '../../../../shared/domain/provenance';
import type { ScreenNames } from '../../../../shared/domain/screenNames';

/** A text `@mention` whose handle is a hash (the archive hashed that account's screen name). */
export const HASHED_MENTION = /@([0-9a-f]{64}|[A-Za-z0-9+]{37,43}=)/g;

export function hashedMentions(text: string): string[] {
  return [...text.matchAll(HASHED_MENTION)].map((m) => m[1]!).filter(isHashedId);
}

export interface MentionPairing {
  hash: string;
  numericId: string;
  tweets: { tweetid: string; provenance: Provenance }[];
}

export interface TweetForPairing {
  tweetid: string;
  text: string;
  userMentions: string[];
  provenance: Provenance;
}

/**
 * Where a tweet's text mentions exactly one hashed handle and its `user_mentions` column holds
 * exactly one numeric id not accounted for by a clear @handle in the same text, the archive itself
 * pairs that hash with that numeric id. Each pairing lists the rows that support it.
 * `names` are the dataset's clear screen names; a handle several accounts match ignoring case explains
 * any of their ids (no pairing is claimed on a guess).
 */
export function mentionPairings(tweets: Iterable<TweetForPairing>, names: Pick<ScreenNames, 'match'>): MentionPairing[] {
  const pairs = new Map<string, MentionPairing>();
  for (const t of tweets) {
    const hashes = [...new Set(hashedMentions(t.text))];
    if (hashes.length !== 1) continue;
    const explained = new Set<string>();
    for (const m of t.text.matchAll(/@([A-Za-z0-9_]{1,15})(?![A-Za-z0-9_+=])/g)) {
      const named = names.match(m[1]!);
      if (named.kind === 'exact' || named.kind === 'caseless') explained.add(named.userid);
      else if (named.kind === 'ambiguous') for (const c of named.candidates) explained.add(c.userid);
    }
    const numeric = [...new Set(t.userMentions.filter((id) => classifyId(id) === 'numeric' && !explained.has(id)))];
    if (numeric.length !== 1) continue;
    const key = hashes[0] + '\t' + numeric[0];
    const p = pairs.get(key) ?? { hash: hashes[0]!, numericId: numeric[0]!, tweets: [] };
    p.tweets.push({ tweetid: t.tweetid, provenance: t.provenance });
    pairs.set(key, p);
  }
  return [...pairs.values()].sort((a, b) => b.tweets.length - a.tweets.length);
}
