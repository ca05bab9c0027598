import { isolatedTokens } from './textTokens';

const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]|[\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
const LETTER = /\p{L}/u;

/**
 * The direction to show a post in: that of its first letter outside a leading "RT", its @mentions,
 * #hashtags and URLs, which are Latin in posts of every script. dir="auto" takes the very first
 * letter, so an Arabic retweet ("RT @name: …") showed left to right on one page and right to left
 * on another. 'auto' when the text has no other letter.
 */
export function textDirection(text: string): 'rtl' | 'ltr' | 'auto' {
  const skip = isolatedTokens(text);
  let t = 0;
  let i = /^RT @/.test(text) ? 2 : 0;
  while (i < text.length) {
    while (t < skip.length && skip[t]![1] <= i) t++;
    if (t < skip.length && skip[t]![0] <= i) {
      i = skip[t]![1];
      continue;
    }
    const c = String.fromCodePoint(text.codePointAt(i)!);
    if (RTL.test(c)) return 'rtl';
    if (LETTER.test(c)) return 'ltr';
    i += c.length;
  }
  return 'auto';
}
