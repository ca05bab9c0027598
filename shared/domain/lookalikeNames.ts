/**
 * Account names an operation can make pass for others: `al\u200Bice` (an invisible character) or
 * `\u0430lice` (a Cyrillic а among Latin letters) reads as `alice`. Where the app lists accounts by
 * name alone, such names are shown with their id, so two accounts never look like one.
 */

// Default-ignorable code points (zero-width space, word joiner, soft hyphen, bidi controls, ...),
// but for the parts of emoji: variation selectors (❤️) and tag characters (subdivision flags).
const INVISIBLE = /(?![\uFE00-\uFE0F\u{E0020}-\u{E007F}])\p{Default_Ignorable_Code_Point}/u;
// ZWNJ and ZWJ are letters' business in Persian, Indic scripts and emoji sequences: suspect only between two Latin letters.
const JOINER_IN_LATIN = /\p{Script=Latin}[\u200C\u200D]\p{Script=Latin}/u;
const LATIN = /\p{Script=Latin}/u;
const CYRILLIC_OR_GREEK = /[\p{Script=Cyrillic}\p{Script=Greek}]/u;

/** Whether the name holds an invisible character, or mixes Latin letters with Cyrillic or Greek ones (homoglyphs). */
export function mayPassForAnother(name: string): boolean {
  const invisible = INVISIBLE.test(name.replace(/[\u200C\u200D]/g, '')) || JOINER_IN_LATIN.test(name);
  return invisible || (LATIN.test(name) && CYRILLIC_OR_GREEK.test(name));
}

/** The name as a reader tells it apart: compatibility-folded, case-folded, invisible characters dropped. */
export function lookalikeKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\p{Default_Ignorable_Code_Point}/gu, '');
}

/** Of accounts listed together by name, those to show with their id: a name that may pass for another, or one that reads as another's. */
export function accountsNeedingIds(accounts: readonly { id: string; name: string }[]): Set<string> {
  const byKey = new Map<string, Set<string>>();
  for (const a of accounts) {
    const key = lookalikeKey(a.name);
    let ids = byKey.get(key);
    if (!ids) byKey.set(key, (ids = new Set()));
    ids.add(a.id);
  }
  const out = new Set<string>();
  for (const a of accounts) if (mayPassForAnother(a.name) || byKey.get(lookalikeKey(a.name))!.size > 1) out.add(a.id);
  return out;
}
