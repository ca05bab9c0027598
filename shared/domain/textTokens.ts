/**
 * Tokens of a post's text that must keep their own direction: @mentions, #hashtags and URLs. In a
 * right-to-left text an unisolated "@ar_user1" displays as "ar_user1@" (the bidi algorithm moves the
 * neutral '@' to the other side of the Latin run): each is shown isolated (<bdi>). Ranges [start, end)
 * in UTF-16 units, in order, not overlapping. A retweet's leading "RT @name:" is one token, so it
 * reads as one unit in a right-to-left retweet (not "@name RT").
 */
export const TOKEN = /^RT @[\p{L}\p{M}\p{N}_][\p{L}\p{M}\p{N}_+/=]*:|https?:\/\/[^\s]+|[@#][\p{L}\p{M}\p{N}_][\p{L}\p{M}\p{N}_+/=\u200c\u200d]*/gu;

export function isolatedTokens(text: string): [number, number][] {
  if (!/[@#]|http/.test(text)) return [];
  return Array.from(text.matchAll(TOKEN), (m) => [m.index, m.index + m[0].length] as [number, number]);
}

/** The text as HTML pieces: `escape` for plain runs, each token in <bdi> (the report's form). */
export function htmlWithIsolatedTokens(text: string, escape: (s: string) => string): string {
  let out = '';
  let at = 0;
  for (const [a, b] of isolatedTokens(text)) {
    out += escape(text.slice(at, a)) + '<bdi>' + escape(text.slice(a, b)) + '</bdi>';
    at = b;
  }
  return out + escape(text.slice(at));
}
