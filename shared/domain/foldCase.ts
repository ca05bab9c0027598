/**
 * Search's first fold (normalizeForSearch, which the hashtag lists also group by): a word the same whatever the case or width of its letters: #HongKong,
 * #hongkong, #HONGKONG and #ＨｏｎｇＫｏｎｇ fold to one key, as Twitter compares hashtags. NFKC
 * (compatibility forms: full-width letters, Arabic presentation forms), then lower case; Turkish
 * dotted capital İ folds to i (its lower case is i + a combining dot, which #istanbul would not
 * match). Then two letters of Unicode's full case folding (CaseFolding.txt) that lower case leaves
 * apart: Greek final sigma ς as σ (ΕΛΛΗΝΙΚΟΣ lower-cases to ς at a word's end, while people type
 * σ there too), and German ß (and capital ẞ, whose lower case is ß) as ss, as STRASSE is Straße
 * in capitals. The key is only compared: lists show a spelling as archived (foldCounts).
 * Nothing else: diacritics stay (they change the word); normalizeForSearch folds Chinese script
 * forms, Greek accents and Persian's zero-width non-joiner after it.
 */
export function foldCase(s: string): string {
  return s.normalize('NFKC').replace(/\u0130/g, 'I').toLowerCase().replace(FOLDED_APART, (c) => (c === 'ß' ? 'ss' : 'σ'));
}

const FOLDED_APART = /[ßς]/g;
