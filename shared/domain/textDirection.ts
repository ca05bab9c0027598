import { isolatedTokens } from './textTokens';

const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]|[\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
const LETTER = /\p{L}/u;
/** Links written without a scheme ('www.example.com', 'pic.twitter.com/…'): Latin whatever the post's script. */
const BARE_URL = /\b(?:www\.|pic\.twitter\.com\/)[^\s]+/g;

/**
 * The direction to show a post in: that of its first letter outside a leading "RT", its @mentions,
 * #hashtags and links (with a scheme, or www. and pic.twitter.com/ ones), which are Latin in posts of every script. dir="auto" takes the very first
 * letter, so an Arabic retweet ("RT @name: …") showed left to right on one page and right to left
 * on another. 'auto' when the text has no other letter.
 */
export function textDirection(text: string): 'rtl' | 'ltr' | 'auto' {
  const skip = [...isolatedTokens(text), ...Array.from(text.matchAll(BARE_URL), (m) => [m.index, m.index + m[0].length] as [number, number])].sort((a, b) => a[0] - b[0]);
  let t = 0;
  let i = /^RT\b/.test(text) ? 2 : 0;
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
