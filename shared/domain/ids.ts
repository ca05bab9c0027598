/**
 * Ids in disclosure archives are strings, always: tweet ids exceed 2^53 and id columns mix numeric
 * ids with hashes. This file classifies an id's shape; nothing here converts an id to a number.
 */
export type IdShape =
  | 'numeric' // plain decimal digits, as Twitter issued them
  | 'hex64' // 2018 releases: SHA-256 as 64 lowercase hex characters
  | 'b64hash' // 2019+: base64 of a 32-byte digest with every '/' removed, 41–44 chars ending '='
  | 'spreadsheet-damaged' // 9.06E+17 or a rounded 906000000000000000: corrupt, never accepted silently
  | 'empty'
  | 'other';

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const HEX64 = /^[0-9a-f]{64}$/;
const B64HASH = /^[A-Za-z0-9+]{37,43}=$/;
const E_NOTATION = /^[0-9](\.[0-9]+)?[eE]\+?[0-9]+$/;
/**
 * A long numeric id whose trailing digits were zeroed by float rounding: for a string of digits,
 * /^[1-9][0-9]{9,}0{8,}$/ (18 digits or more, no leading zero, >= 8 trailing zeros).
 */
function isRounded(digits: string): boolean {
  const n = digits.length;
  if (n < 18 || digits.charCodeAt(0) === 48) return false;
  for (let i = n - 8; i < n; i++) if (digits.charCodeAt(i) !== 48) return false;
  return true;
}

export function classifyId(id: string): IdShape {
  const n = id.length;
  if (n === 0) return 'empty';
  // Plain digits, the common case, without regular expressions (they cost ~1 s per million tweets).
  let k = 0;
  while (k < n && isDigit(id.charCodeAt(k))) k++;
  if (k === n) {
    if (n <= 20) return isRounded(id) ? 'spreadsheet-damaged' : 'numeric';
    return n === 64 ? 'hex64' : 'other';
  }
  // Each expression only where its length and characters allow a match (hashed ids run all three otherwise).
  if (k === 1 && E_NOTATION.test(id)) return 'spreadsheet-damaged';
  if (n === 64 && HEX64.test(id)) return 'hex64';
  if (n >= 38 && n <= 44 && id.charCodeAt(n - 1) === 61 && B64HASH.test(id)) return 'b64hash';
  return 'other';
}

/** What a spreadsheet's 15-digit rounding can have done to an id (longIdRounding). */
export type LongIdRounding =
  | 'not-long' // not a plain numeric id of 16 to 20 digits: rounding to 15 digits leaves it as it is
  | 'long' // a numeric id of 16 to 20 digits, with a digit other than 0 after its 15th
  | 'long-rounded'; // a numeric id of 16 to 20 digits whose every digit after the 15th is 0

/**
 * A spreadsheet keeps 15 significant digits: saving a column of 18-digit ids writes 914580356430537000
 * for 914580356430536707, which no rule for one id can tell from a real id ending in 000 (one in a
 * thousand do). This says whether an id is a plain numeric id of 16 to 20 digits (those the rounding
 * changes), and if so whether every digit after its 15th is 0; it reads each character once.
 * A file's rows decide (EntryParser.finish in parseArchive.ts, by spreadsheetRounded).
 */
export function longIdRounding(id: string): LongIdRounding {
  const n = id.length;
  if (n < 16 || n > 20) return 'not-long';
  let rounded = true;
  for (let i = 0; i < n; i++) {
    const c = id.charCodeAt(i);
    if (!isDigit(c)) return 'not-long';
    if (i >= 15 && c !== 48) rounded = false;
  }
  return rounded ? 'long-rounded' : 'long';
}

/**
 * Whether an id in a reference column or list names something: '' is none, and '0' stands for none
 * (unresolved) in these archives, as in user_mentions. Stored as archived; analyses skip it, so no
 * account or tweet "0" joins every such row (a false co-retweet of "tweet 0").
 */
export const resolvedId = (id: string): boolean => id !== '' && id !== '0';

export function isHashedId(id: string): boolean {
  const s = classifyId(id);
  return s === 'hex64' || s === 'b64hash';
}

/** Order of two ids as numbers, kept as strings (a 19-digit id is later than an 18-digit one); non-numeric ids by text. */
export function compareIds(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** How often a real id of `digits` digits ends in zeros after its 15th by chance (its last digits are as good as random). */
export const chanceRounded = (digits: number): number => CHANCE_ROUNDED[digits - 16] ?? 0;
const CHANCE_ROUNDED = [1e-1, 1e-2, 1e-3, 1e-4, 1e-5];

/**
 * Whether `rounded` long ids ending in zeros after their 15th digit are too many to be chance, when
 * `expected` of them would be (the sum of chanceRounded over the file's long ids): a file some of
 * whose ids a spreadsheet rounded (one part of a set re-saved in Excel), not only one all of whose
 * ids it rounded. Chance gives `rounded` or more with probability at most e^-λ (eλ/k)^k (Chernoff, for
 * a Poisson count of mean λ); below one in a million it is not chance. One such id is never enough.
 */
export function spreadsheetRounded(rounded: number, expected: number): boolean {
  if (rounded < 2 || rounded <= expected) return false;
  return rounded * Math.log((Math.E * expected) / rounded) - expected < Math.log(1e-6);
}
