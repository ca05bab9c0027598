import { normalizeForSearch } from './searchFold';

/**
 * Text no one can see: white space, default-ignorable code points (zero-width space, joiners, word
 * joiner, BOM, bidi marks and controls, variation selectors) and controls, once folded as Search folds
 * text (normalizeForSearch drops tatweel, which only stretches a word). One rule for a search term and
 * a case name: neither may be made of these alone.
 */
export const INVISIBLE_ONLY = /^[\p{Default_Ignorable_Code_Point}\p{Cc}\s]*$/u;

/** A character not seen, that is not white space. */
export const INVISIBLE_CHAR = /^(?!\p{White_Space})[\p{Default_Ignorable_Code_Point}\p{Cc}]$/u;

/**
 * A letter or mark of a script that writes words with the zero-width non-joiner (U+200C) and joiner
 * (U+200D) inside them, to choose a letter's joined form or a conjunct: Arabic-script languages
 * (Persian می‌خواهم, Urdu, Kurdish), the other joining scripts, and the Indic ones (क्‍ष). Beside such
 * a letter the two are spelling, not an invisible character slipped into a word. Script_Extensions,
 * so that marks shared by several scripts (Arabic harakat) count.
 */
export const JOINING_SCRIPT = /^(?=[\p{L}\p{M}])[\p{Script_Extensions=Arabic}\p{Script_Extensions=Syriac}\p{Script_Extensions=Nko}\p{Script_Extensions=Mongolian}\p{Script_Extensions=Phags_Pa}\p{Script_Extensions=Adlam}\p{Script_Extensions=Hanifi_Rohingya}\p{Script_Extensions=Devanagari}\p{Script_Extensions=Bengali}\p{Script_Extensions=Gurmukhi}\p{Script_Extensions=Gujarati}\p{Script_Extensions=Oriya}\p{Script_Extensions=Tamil}\p{Script_Extensions=Telugu}\p{Script_Extensions=Kannada}\p{Script_Extensions=Malayalam}\p{Script_Extensions=Sinhala}\p{Script_Extensions=Tibetan}\p{Script_Extensions=Myanmar}\p{Script_Extensions=Khmer}]$/u;

/** Whether the text holds no character a reader sees (INVISIBLE_ONLY, after Search's folding). */
export const holdsNothingVisible = (text: string): boolean => INVISIBLE_ONLY.test(normalizeForSearch(text));

/** A character by code point, as `U+200B` (being invisible, it cannot be quoted). */
export const codePoint = (c: string): string => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** A character by code point and, for the invisible ones people paste, its Unicode name: `U+200B ZERO WIDTH SPACE`. */
export const codePointNamed = (c: string): string => (NAMES[c] ? `${codePoint(c)} ${NAMES[c]}` : codePoint(c));

const NAMES: Record<string, string> = {
  ' ': 'SPACE',
  '\u00A0': 'NO-BREAK SPACE',
  '\u00AD': 'SOFT HYPHEN',
  '\u034F': 'COMBINING GRAPHEME JOINER',
  '\u061C': 'ARABIC LETTER MARK',
  '\u0640': 'ARABIC TATWEEL',
  '\u115F': 'HANGUL CHOSEONG FILLER',
  '\u1160': 'HANGUL JUNGSEONG FILLER',
  '\u180E': 'MONGOLIAN VOWEL SEPARATOR',
  '\u2007': 'FIGURE SPACE',
  '\u2009': 'THIN SPACE',
  '\u200A': 'HAIR SPACE',
  '\u200B': 'ZERO WIDTH SPACE',
  '\u200C': 'ZERO WIDTH NON-JOINER',
  '\u200D': 'ZERO WIDTH JOINER',
  '\u200E': 'LEFT-TO-RIGHT MARK',
  '\u200F': 'RIGHT-TO-LEFT MARK',
  '\u202A': 'LEFT-TO-RIGHT EMBEDDING',
  '\u202B': 'RIGHT-TO-LEFT EMBEDDING',
  '\u202C': 'POP DIRECTIONAL FORMATTING',
  '\u202D': 'LEFT-TO-RIGHT OVERRIDE',
  '\u202E': 'RIGHT-TO-LEFT OVERRIDE',
  '\u202F': 'NARROW NO-BREAK SPACE',
  '\u205F': 'MEDIUM MATHEMATICAL SPACE',
  '\u2060': 'WORD JOINER',
  '\u2066': 'LEFT-TO-RIGHT ISOLATE',
  '\u2067': 'RIGHT-TO-LEFT ISOLATE',
  '\u2068': 'FIRST STRONG ISOLATE',
  '\u2069': 'POP DIRECTIONAL ISOLATE',
  '\u3000': 'IDEOGRAPHIC SPACE',
  '\u3164': 'HANGUL FILLER',
  '\uFEFF': 'ZERO WIDTH NO-BREAK SPACE',
  '\uFFA0': 'HALFWIDTH HANGUL FILLER',
};
