import { TOKEN } from './textTokens';

const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]|[\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
/** What is Latin whatever the post's script: @mentions, #hashtags and links (with a scheme, or www. and pic.twitter.com/ ones). */
const LATIN_ALWAYS = new RegExp(`${TOKEN.source}|\\b(?:www\\.|pic\\.twitter\\.com\\/)[^\\s]+`, 'gu');

/**
 * The direction to show a post in: that of its first letter outside a leading "RT", its @mentions,
 * #hashtags and links. dir="auto" takes the very first letter, so an Arabic retweet ("RT @name: …")
 * showed left to right on one page and right to left on another. 'auto' when no other letter is left.
 */
export function textDirection(text: string): 'rtl' | 'ltr' | 'auto' {
  const first = /\p{L}/u.exec(text.replace(/^RT\b/, '').replace(LATIN_ALWAYS, ' '))?.[0];
  return first === undefined ? 'auto' : RTL.test(first) ? 'rtl' : 'ltr';
}
