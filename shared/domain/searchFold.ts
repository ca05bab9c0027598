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
  // Nor is any other character no one sees (INVISIBLE_IN_WORDS): a zero-width space, word joiner, soft
  // hyphen, BOM or bidi mark pasted inside a word (hong\u200Bkong), as influence operations put them to
  // slip past keyword filters, leaves the word it is in. Dropped from the stored text and the query
  // alike, so "hongkong" finds hong\u200Bkong and the other way round.
  // An apostrophe is typed ' on a keyboard and written ’ by phones' smart punctuation (can’t, it’s):
  // one character for search, so "can't" finds both. Likewise “ ” „ ‟ are the double quote ": a phrase
  // typed on a phone (“clinging to life”) is a phrase, and finds the text whichever quotes it has.
  // One for one, so highlights map back unchanged.
  // Arabic-script letters written in more than one way are one letter (ARABIC_LETTER_FORMS), and the
  // harakat (short-vowel marks) are left out with the invisible characters, as Lucene's ArabicNormalizer
  // folds them: إيران finds ايران, مدرسه finds مدرسة, فى finds في, محمد finds مُحَمَّد, and back;
  // Persian's ezafe on a final heh (ۀ, هٔ, ه‌ٔ) is the heh: خانه finds خانۀ and خانهٔ; Urdu's on a heh goal
  // (ۂ, ہ‌ٔ) is the heh goal: والدہ finds والدۂ. Hebrew's vowel points (niqqud) and cantillation marks
  // are left out likewise: שלום finds שָׁלוֹם.
  // Most texts hold none of the four: one scan for any, and nothing more (the import folds every tweet).
  return foldsAfter(n) ? n.replace(INVISIBLE_IN_WORDS, '').replace(APOSTROPHES, "'").replace(DOUBLE_QUOTES, '"').replace(ARABIC_LETTERS, (c) => ARABIC_LETTER_FORMS[c]!) : n;
}

/**
 * Characters search leaves out of a word: Unicode's default-ignorable code points (what renders as
 * nothing: U+00AD soft hyphen, U+034F, U+061C, the Hangul fillers, U+180B–U+180F, U+200B–U+200F,
 * bidi embeddings and isolates U+202A–U+202E and U+2060–U+206F, U+FEFF, variation selectors, …;
 * test/unit/domain/searchFold.test.ts checks the list against \p{Default_Ignorable_Code_Point}) and
 * Arabic tatweel (كـتاب), the harakat U+064B–U+0652 (fathatan to sukun: مُحَمَّد is محمد) and the
 * superscript alef U+0670 (هٰذا is هذا), marks most Arabic text leaves out; Hebrew's points and
 * cantillation marks U+0591–U+05BD, U+05BF, U+05C1, U+05C2, U+05C4, U+05C5, U+05C7 (niqqud, the shin and
 * sin dots, dagesh: שָׁלוֹם is שלום), which most Hebrew text leaves out too (the maqaf ־, paseq and sof pasuq
 * are punctuation and stay); and the hamza above U+0654 on a
 * heh or an Urdu heh goal ہ (with or without a non-joiner between): Persian writes the ezafe after a word ending in ه as هٔ
 * or ه‌ٔ as well as ۀ (ARABIC_LETTER_FORMS), and all three are the heh for search (Lucene's
 * PersianNormalizer drops the hamza above too; after other letters NFKC has made it part of the
 * letter: أ ؤ ئ). With two kept:
 * - the zero-width joiner before an emoji (👩‍👩‍👧, 🏳️‍🌈 is one picture; without it, a row of them);
 * - tag characters U+E0020–U+E007F, which spell a subdivision flag after 🏴 (Scotland's, Wales').
 * Persian, Arabic and Indic writing use the non-joiner (U+200C) and joiner (U+200D) inside words to
 * choose a letter's joined form or a conjunct (می‌خواهم, क्‍ष): the same word is written with and
 * without them, so dropping them from the stored text and the query alike lets either spelling find
 * both, and never makes such a word unfindable. Variation selectors only choose a character's look
 * (❤️ and ❤ are one heart). One for one otherwise, so highlights map back (highlightRanges).
 */
const INVISIBLE_IN_WORDS = /[\u00ad\u034f\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u061c\u0640\u064b-\u0652\u0670\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\u{1bca0}-\u{1bca3}\u{1d173}-\u{1d17a}\u{e0000}-\u{e001f}\u{e0080}-\u{e0fff}]|\u200d(?!\p{Extended_Pictographic})|(?<=[\u0647\u06c1]\u200c?)\u0654/gu;
/**
 * Whether the text holds a character that the four replacements change (INVISIBLE_IN_WORDS,
 * APOSTROPHES, DOUBLE_QUOTES, ARABIC_LETTERS; for an astral one, its lead surrogate): most texts hold none, and are
 * returned as they are. A loop of comparisons, as a regular expression of this class took twice as
 * long over the demo's tweets (test/unit/domain/searchFold.test.ts checks it against the replacements).
 */
function foldsAfter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xad) continue;
    if (c < 0x2000) {
      if (c === 0xad || c === 0x2bc || c === 0x34f || (c >= 0x591 && c <= 0x5bd) || c === 0x5bf || c === 0x5c1 || c === 0x5c2 || c === 0x5c4 || c === 0x5c5 || c === 0x5c7 || c === 0x61c || c === 0x622 || c === 0x623 || c === 0x625 || c === 0x629 || c === 0x640 || c === 0x649 || (c >= 0x64b && c <= 0x652) || c === 0x670 || c === 0x671 || c === 0x654 || c === 0x6a9 || c === 0x6c0 || c === 0x6c2 || c === 0x6cc || c === 0x115f || c === 0x1160 || c === 0x17b4 || c === 0x17b5 || (c >= 0x180b && c <= 0x180f)) return true;
    } else if (
      (c >= 0x200b && c <= 0x200f) || c === 0x2018 || c === 0x2019 || (c >= 0x201c && c <= 0x201f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x206f) ||
      c === 0x3164 || (c >= 0xfe00 && c <= 0xfe0f) || c === 0xfeff || c === 0xffa0 || (c >= 0xfff0 && c <= 0xfff8) ||
      c === 0xd82f || c === 0xd834 || (c >= 0xdb40 && c <= 0xdb43) // U+1BCA0–U+1BCA3, U+1D173–U+1D17A, U+E0000–U+E0FFF
    ) return true;
  }
  return false;
}
/** Right and left single quotation marks and the modifier-letter apostrophe (ʼ), all used as apostrophes. */
const APOSTROPHES = /[\u2018\u2019\u02bc]/g;
/** Curly and low double quotation marks (“ ” „ ‟), written for " by phones' smart punctuation and in German or Polish text. */
const DOUBLE_QUOTES = /[\u201c-\u201f]/g;
/**
 * Arabic-script letters searched as another, one for one, as Lucene's ArabicNormalizer and Arabic
 * search engines fold them (writers and keyboards use either): alef with hamza above or below, with
 * madda, and alef wasla as the bare alef (أحمد, إيران, آمن, ٱلله); teh marbuta as heh (مدرسة is
 * often written مدرسه, and Persian writes the ending ه); alef maqsura as yeh (Egyptian writing
 * ends في and علي as فى and على, so على "on" and علي "Ali" are one word for search, as in those engines);
 * Persian yeh and keheh as the Arabic yeh and kaf (ایران is ايران, کشور is كشور: the same letters,
 * drawn alike inside a word); heh with yeh above ۀ, the Persian ezafe on a word ending in ه
 * (خانهٔ, written ۀ, هٔ or ه‌ٔ: the hamza dropped in INVISIBLE_IN_WORDS), as heh, as Lucene's
 * PersianNormalizer folds it; Urdu's heh goal with hamza above ۂ, its ezafe on a word ending in ہ
 * (written ۂ or ہ‌ٔ), as the heh goal ہ (which stays apart from ه: Urdu keyboards write ہ for it). Hamza on waw or yeh (ؤ, ئ) and the lone hamza ء stay: they spell
 * different words.
 */
const ARABIC_LETTER_FORMS: Record<string, string> = {
  '\u0622': '\u0627', '\u0623': '\u0627', '\u0625': '\u0627', '\u0671': '\u0627',
  '\u0629': '\u0647', '\u06c0': '\u0647',
  '\u06c2': '\u06c1',
  '\u0649': '\u064a', '\u06cc': '\u064a',
  '\u06a9': '\u0643',
};
const ARABIC_LETTERS = new RegExp(`[${Object.keys(ARABIC_LETTER_FORMS).join('')}]`, 'g');
/** The Arabic-script letters search treats as one, each group its letter first (ا آ أ إ ٱ, ه ة ۀ, ہ ۂ, ي ى ی, ك ک): what Search's note names. */
export const ARABIC_LETTERS_ALIKE: string[][] = [...new Set(Object.values(ARABIC_LETTER_FORMS))].map((to) => [to, ...Object.keys(ARABIC_LETTER_FORMS).filter((from) => ARABIC_LETTER_FORMS[from] === to)]);
const GREEK = /[\u0370-\u03ff\u1f00-\u1fff]/;
/** A Greek letter and the accents, breathings and diaeresis on it (after NFD: tonos, dialytika, polytonic marks). */
const GREEK_MARKS = /(\p{Script=Greek})\p{M}+/gu;
/**
 * The version of normalizeForSearch that search blocks were written with (SearchBlockRecord.norm):
 * a block of another version is normalised again from its tweets when it is first searched, and stored
 * so (DatasetCorpus.storeRefolded in the search worker).
 * 2: ZWNJ and tatweel dropped (2026-11-30). 3: final ς as σ, ß as ss (foldCase, 2026-12-01).
 * 4: Traditional Chinese characters as Simplified (foldChineseVariants), Greek letters without accents (2026-12-02).
 * 5: ’ ‘ ʼ as the apostrophe ' (2026-12-02). 6: “ ” „ ‟ as the double quote " (2026-12-02).
 * 7: every invisible character inside a word dropped (zero-width space, joiner, soft hyphen, word
 * joiner, BOM, bidi marks, variation selectors: INVISIBLE_IN_WORDS), 2026-12-05.
 * 8: Persian yeh and keheh as the Arabic yeh and kaf (PERSIAN_LETTERS), 2026-12-06.
 * 9: alef forms as alef, teh marbuta as heh, alef maqsura as yeh (ARABIC_LETTER_FORMS), Arabic
 * harakat and superscript alef dropped (INVISIBLE_IN_WORDS), 2026-12-06.
 * 10: heh with yeh above ۀ as heh (ARABIC_LETTER_FORMS), the hamza above on a heh dropped (هٔ, ه‌ٔ:
 * INVISIBLE_IN_WORDS), 2026-12-06.
 * 11: Urdu's heh goal with hamza above ۂ as the heh goal ہ, the hamza above on a heh goal dropped
 * (ہ‌ٔ), 2026-12-06.
 * 12: Hebrew points and cantillation marks dropped (INVISIBLE_IN_WORDS), 2026-12-06.
 */
export const SEARCH_TEXT_VERSION = 12;
