import type { Tweet } from './tweet';
import { resolvedId } from './ids';

const NO_MENTIONS: string[] = [];
// Hashed screen names (2019+: base64 ending '=') first, else the '+' would end a plain @name.
const TEXT_MENTION = /(?:^|[^\w@])@([A-Za-z0-9+]{37,43}=|[A-Za-z0-9_]{1,15}\b)/g;

/** The @names in a tweet's text (may repeat), without '@' and without a retweet's "RT @name:". */
export function textMentions(tweetText: string, isRetweet: boolean): string[] {
  if (!tweetText.includes('@')) return NO_MENTIONS;
  const text = isRetweet ? tweetText.replace(/^RT @[^\s:]+:?/, '') : tweetText;
  if (!text.includes('@')) return NO_MENTIONS;
  return Array.from(text.matchAll(TEXT_MENTION), (m) => m[1]!);
}

/**
 * Mentioned accounts (may repeat): the archive's user_mentions ids ('0' = unresolved, skipped);
 * when the list is empty (FiveThirtyEight files have none), the @names in the text, as '@name'.
 */
export function mentionsOf(t: Pick<Tweet, 'userMentions' | 'tweetText' | 'isRetweet'>): string[] {
  const um = t.userMentions;
  if (um.length) return um.every(resolvedId) ? um : um.filter(resolvedId);
  const names = textMentions(t.tweetText, t.isRetweet);
  return names.length ? names.map((n) => '@' + n) : NO_MENTIONS;
}
