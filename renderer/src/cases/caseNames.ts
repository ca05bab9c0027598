import { containBidi } from '../../../shared/domain/bidiIsolate';
import { readsAs } from '../../../shared/domain/lookalikeNames';
import { codePointNamed, holdsNothingVisible } from '../../../shared/domain/visibleText';
import type { CaseRecord } from './caseTypes';

/**
 * Why a name typed for a case (new or renamed) cannot be its name, or undefined: it is blank, or
 * holds no character a reader sees (as a search word of them is refused: holdsNothingVisible), named
 * by code point since they cannot be shown.
 */
export function blankNameRefusal(typed: string): string | undefined {
  if (typed === '') return 'a case needs a name';
  if (!holdsNothingVisible(typed)) return undefined;
  const named = [...new Set(typed)].map(codePointNamed);
  return `a case name needs a visible character: this one has only ${named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named.at(-1)}` : named[0]}`;
}

/**
 * Why `name` cannot name a case beside `cases` (but the one of id `self`, being renamed), or
 * undefined: another has it, or one an analyst cannot tell from it (letter case, width, invisible
 * characters, Latin, Greek and Cyrillic look-alikes: readsAs, as listed accounts are told apart).
 * Two such cases would be told apart by their ids only (in the list, the report, a bundle).
 */
export function takenNameRefusal(name: string, cases: readonly Pick<CaseRecord, 'id' | 'name'>[], self?: string): string | undefined {
  const others = cases.filter((c) => c.id !== self);
  if (others.some((c) => c.name === name)) return `a case named “${containBidi(name)}” exists already: choose another name`;
  const like = others.find((c) => readsAs(c.name, name));
  if (like) return `this name looks like the case “${containBidi(like.name)}”, which exists already (it differs only in letter case, width, invisible characters or look-alike letters): choose another name`;
  return undefined;
}
