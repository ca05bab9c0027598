import type { PinRecord } from '../pins/pinTypes';

/** The beginnings of every draft key: anyUnsavedDraft finds the drafts of any case by them. */
const DRAFT_PREFIXES = { note: 'dw.noteDraft.', tags: 'dw.tagsDraft.', name: 'dw.nameDraft.' } as const;

/** Where NoteEditor keeps each of the case's texts typed and not saved yet (sessionStorage). */
export const draftKeys = {
  notes: (caseId: string) => `${DRAFT_PREFIXES.note}${caseId}`,
  note: (caseId: string, pinId: string) => `${DRAFT_PREFIXES.note}${caseId}.${pinId}`,
  tags: (caseId: string, pinId: string) => `${DRAFT_PREFIXES.tags}${caseId}.${pinId}`,
  /** The new name typed in the open Rename form. */
  name: (caseId: string) => `${DRAFT_PREFIXES.name}${caseId}`,
};

/** Whether this window holds a text typed in a case and not saved yet (any case's notes, an item's note or tags, a new name). */
export function anyUnsavedDraft(): boolean {
  const prefixes = Object.values(DRAFT_PREFIXES);
  for (let i = 0; i < sessionStorage.length; i++) {
    const key = sessionStorage.key(i) ?? '';
    if (prefixes.some((p) => key.startsWith(p))) return true;
  }
  return false;
}

/**
 * Closing the window (or the app) while a case's text is typed and not saved asks first: drafts live in
 * the window's sessionStorage, which a reload keeps and a closed window loses. The browser asks in its
 * own words; the desktop app's main process asks in ours (will-prevent-unload, main/window).
 */
export function askBeforeClosingWithDrafts(): void {
  addEventListener('beforeunload', (e) => {
    if (anyUnsavedDraft()) e.preventDefault();
  });
}

/** This window's drafts of the case, [key, text]: its notes, its items' notes and tags, a new name (otherWindowsDrafts asks for them). */
export function caseDraftsHere(caseId: string): [string, string][] {
  const ofCase = (key: string) =>
    key === draftKeys.notes(caseId) || key === draftKeys.name(caseId) || key.startsWith(draftKeys.note(caseId, '')) || key.startsWith(draftKeys.tags(caseId, ''));
  const out: [string, string][] = [];
  for (let i = 0; i < sessionStorage.length; i++) {
    const key = sessionStorage.key(i) ?? '';
    if (ofCase(key)) out.push([key, sessionStorage.getItem(key) ?? '']);
  }
  return out;
}

/**
 * The case's texts typed and not saved yet, in words (a draft is kept only while it differs from the
 * stored text): this window's, or those `kept` says another window holds.
 */
export function unsavedTexts(caseId: string, items: readonly PinRecord[], kept = (key: string) => sessionStorage.getItem(key) !== null): string[] {
  return [
    ...(kept(draftKeys.notes(caseId)) ? ['the case notes'] : []),
    ...items.flatMap((p) => [
      ...(kept(draftKeys.note(caseId, p.id)) ? [`the note on “${p.title}”`] : []),
      ...(kept(draftKeys.tags(caseId, p.id)) ? [`the tags of “${p.title}”`] : []),
    ]),
  ];
}

/** Unsaved texts named in a sentence: the first three, then how many more. */
export function unsavedList(unsaved: readonly string[]): string {
  return new Intl.ListFormat('en', { type: 'conjunction' }).format(unsaved.length > 3 ? [...unsaved.slice(0, 3), `${unsaved.length - 3} more`] : unsaved);
}

/** A kept draft and its base ({draft, base} JSON; a plain string, as kept before, is begun from the stored text). */
export function readDraft(key: string, stored: string): { draft: string; base: string } {
  const raw = sessionStorage.getItem(key);
  if (raw === null) return { draft: stored, base: stored };
  try {
    const v = JSON.parse(raw) as { draft?: unknown; base?: unknown };
    if (typeof v.draft === 'string' && typeof v.base === 'string') return { draft: v.draft, base: v.base };
  } catch {
    // kept as a plain string
  }
  return { draft: raw, base: stored };
}
