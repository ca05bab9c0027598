/**
 * Account names an operation can make pass for others: `al\u200Bice` (an invisible character),
 * `\u0430lice` (a Cyrillic а among Latin letters) or `rnalik` (`rn` for `m`) reads as `alice` or
 * `malik`. Where the app lists accounts by name alone, such names are shown with their id, so two
 * accounts never look like one.
 */
import unhomoglyph from 'unhomoglyph';

// Default-ignorable code points (zero-width space, word joiner, soft hyphen, bidi controls, ...),
// but for the parts of emoji: variation selectors (❤️) and tag characters (subdivision flags).
const INVISIBLE = /(?![\uFE00-\uFE0F\u{E0020}-\u{E007F}])\p{Default_Ignorable_Code_Point}/u;
const IGNORABLES = /\p{Default_Ignorable_Code_Point}/gu;
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
  return name.normalize('NFKC').toLowerCase().replace(IGNORABLES, '');
}

/**
 * The UTS #39 skeleton: NFD, invisible characters dropped, each character replaced by its prototype
 * in Unicode's confusables.txt (`m` by `rn`, `I` and `1` by `l`, `0` by `O`, Cyrillic `о` by `o`: the
 * unhomoglyph package's table and replacement), NFD again. Two texts whose skeletons are equal look alike.
 */
export function confusableSkeleton(text: string): string {
  return unhomoglyph(text.normalize('NFD').replace(IGNORABLES, '')).normalize('NFD');
}

/**
 * The name as a reader may mistake it, whatever its case: skeleton, then lookalikeKey's folding, then
 * skeleton again (so `MaIik` with a capital I meets `malik`), and `w` read as `vv`, which confusables.txt
 * leaves out.
 */
export function confusableKey(name: string): string {
  return ASCII.test(name) ? name.replace(ASCII_KEYED, (c) => ASCII_KEYS.get(c)!).toLowerCase() : confusableKeyOfAny(name);
}

function confusableKeyOfAny(name: string): string {
  return confusableSkeleton(lookalikeKey(confusableSkeleton(name))).toLowerCase().replaceAll('w', 'vv');
}

// Nearly every screen name is ASCII, where no character composes with its neighbour: the key is its
// characters' keys end to end, so the few whose key is not their lower case (`m`, `I`, `0`, `w`, ...) are
// replaced from a table, not normalised five times over (25,000 names: ~20 ms instead of ~100).
const ASCII = /^[\0-\x7F]*$/;
const ASCII_KEYS = new Map(Array.from({ length: 128 }, (_, c) => String.fromCharCode(c)).map((c): [string, string] => [c, confusableKeyOfAny(c)]).filter(([c, key]) => c.toLowerCase() !== key));
const ASCII_KEYED = new RegExp(`[${[...ASCII_KEYS.keys()].map((c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join('')}]`, 'g');

const KEYS = [lookalikeKey, confusableKey];

/** Whether a reader may take one name for the other (equal by lookalikeKey or confusableKey), as accountsNeedingIds tells names apart. */
export const readsAs = (a: string, b: string): boolean => KEYS.some((keyOf) => keyOf(a) === keyOf(b));

/** Of accounts listed together by name, those to show with their id: a name that may pass for another, or one that reads as another's. */
export function accountsNeedingIds(accounts: readonly { id: string; name: string }[]): Set<string> {
  const keyings = KEYS.map((keyOf) => {
    const keys = accounts.map((a) => keyOf(a.name));
    const firstId = new Map<string, string>();
    const shared = new Set<string>();
    keys.forEach((key, j) => {
      const first = firstId.get(key);
      if (first === undefined) firstId.set(key, accounts[j]!.id);
      else if (first !== accounts[j]!.id) shared.add(key);
    });
    return { keys, shared };
  });
  const out = new Set<string>();
  accounts.forEach((a, j) => {
    if (mayPassForAnother(a.name) || keyings.some(({ keys, shared }) => shared.has(keys[j]!))) out.add(a.id);
  });
  return out;
}
