import { foldCase } from './foldCase';
import { foldChineseVariants } from './foldChineseVariants';

/**
 * Text as Search compares it: stored search text, queries, and the hashtag filter are folded by it,
 * and so are the hashtag lists and the Co-hashtag network (a hashtag row sums the spellings its Search
 * link finds). Substring matching on it needs no word segmentation, so CJK (no spaces), Arabic and Hebrew
 * match exactly as typed; `#tag` and `@name` are plain terms.
 */
export function normalizeForSearch(s: string): string {
  // Case and width (foldCase); Chinese in Traditional or Simplified characters (香港獨立, 香港独立) is one text (foldChineseVariants).
  let n = foldChineseVariants(foldCase(s));
  // Greek written in capitals drops its accents (ΑΘΗΝΑ is Αθήνα): Greek letters are searched without them.
  if (GREEK.test(n)) n = n.normalize('NFD').replace(GREEK_MARKS, '$1').normalize('NFC');
  // Persian writers put the zero-width non-joiner (می‌خواهم) or leave it out (میخواهم), and Arabic
  // script stretches words with tatweel (كـتاب): neither changes the word, so neither is searched.
  // An apostrophe is typed ' on a keyboard and written ’ by phones' smart punctuation (can’t, it’s):
  // one character for search, so "can't" finds both. Likewise “ ” „ ‟ are the double quote ": a phrase
  // typed on a phone (“clinging to life”) is a phrase, and finds the text whichever quotes it has.
  // One for one, so highlights map back unchanged.
  return n.replace(INVISIBLE_IN_WORDS, '').replace(APOSTROPHES, "'").replace(DOUBLE_QUOTES, '"');
}

const INVISIBLE_IN_WORDS = /[\u200c\u0640]/g;
/** Right and left single quotation marks and the modifier-letter apostrophe (ʼ), all used as apostrophes. */
const APOSTROPHES = /[\u2018\u2019\u02bc]/g;
/** Curly and low double quotation marks (“ ” „ ‟), written for " by phones' smart punctuation and in German or Polish text. */
const DOUBLE_QUOTES = /[\u201c-\u201f]/g;
const GREEK = /[\u0370-\u03ff\u1f00-\u1fff]/;
/** A Greek letter and the accents, breathings and diaeresis on it (after NFD: tonos, dialytika, polytonic marks). */
const GREEK_MARKS = /(\p{Script=Greek})\p{M}+/gu;
/**
 * The version of normalizeForSearch that search blocks were written with (SearchBlockRecord.norm):
 * a block of another version is normalised again from its tweets when it is searched.
 * 2: ZWNJ and tatweel dropped (2026-11-30). 3: final ς as σ, ß as ss (foldCase, 2026-12-01).
 * 4: Traditional Chinese characters as Simplified (foldChineseVariants), Greek letters without accents (2026-12-02).
 * 5: ’ ‘ ʼ as the apostrophe ' (2026-12-02). 6: “ ” „ ‟ as the double quote " (2026-12-02).
 */
export const SEARCH_TEXT_VERSION = 6;
