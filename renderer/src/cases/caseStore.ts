/**
 * Cases and their custody logs in the store. Every change that matters appends one hash-chained
 * custody entry (shared/evidence/custodyLog.ts) in the same transaction as the change itself, so
 * the log and the case never disagree. Evidence items are the explore engineer's pins
 * (renderer/src/pins) whose `caseId` is this case.
 */
import { canonicalJson, type JsonValue } from '../../../shared/evidence/canonicalJson';
import { importFacts } from './importFacts';
import { appendCustody, type CustodyAction, type CustodyEntry } from '../../../shared/evidence/custodyLog';
import { sameItem, type PinRecord } from '../pins/pinTypes';
import { oneWaitingPinPerItem } from '../pins/oneWaitingPin';
import type { WorkbenchDb } from '../store/schema';
import type { CaseRecord } from './caseTypes';
import { blankNameRefusal, takenNameRefusal } from './caseNames';
import { crossWindowEvent } from '../store/crossWindowEvent';

/** A case, its items or its custody log changed, in this window or another; the detail is the case id. */
export const CASES_CHANGED = 'dw:cases-changed';
export const announceCaseChanged = crossWindowEvent(CASES_CHANGED);

const custodyRange = (db: WorkbenchDb, caseId: string) => db.custody.where('[caseId+seq]').between([caseId, 0], [caseId, Infinity]);

/** Appends one entry after the case's last one. Call inside a transaction that includes db.custody. */
async function appendEntry(db: WorkbenchDb, caseId: string, actor: string, action: CustodyAction, detail: JsonValue, at = new Date()): Promise<CustodyEntry> {
  const last = await custodyRange(db, caseId).last();
  const entry = appendCustody(last ? [last.entry] : [], { at, actor, action, detail }).at(-1)!;
  await db.custody.add({ caseId, seq: entry.seq, entry });
  return entry;
}

/**
 * Appends one entry to the case's log. `unlessRepeated`: not when the log's last entry is this same
 * action with this same detail (a refusal retried: once is what happened). Returns null then.
 */
export async function recordCustody(db: WorkbenchDb, caseId: string, actor: string, action: CustodyAction, detail: JsonValue, unlessRepeated = false): Promise<CustodyEntry | null> {
  const entry = await db.transaction('rw', db.custody, async () => {
    const last = unlessRepeated ? (await custodyRange(db, caseId).last())?.entry : undefined;
    if (last?.action === action && canonicalJson(last.detail) === canonicalJson(detail)) return null;
    return appendEntry(db, caseId, actor, action, detail);
  });
  if (entry) announceCaseChanged(caseId);
  return entry;
}

export async function readCustody(db: WorkbenchDb, caseId: string): Promise<CustodyEntry[]> {
  return (await custodyRange(db, caseId).toArray()).map((r) => r.entry);
}

export async function listCases(db: WorkbenchDb): Promise<CaseRecord[]> {
  return (await db.cases.toArray()).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export const getCase = (db: WorkbenchDb, id: string): Promise<CaseRecord | undefined> => db.cases.get(id);

export async function createCase(db: WorkbenchDb, name: string, actor: string): Promise<CaseRecord> {
  const trimmed = nameOf(name);
  const rec: CaseRecord = { id: crypto.randomUUID(), name: trimmed, createdAt: new Date().toISOString(), createdBy: actor, archived: false, itemNotes: {} };
  await db.transaction('rw', db.cases, db.custody, async () => {
    await refuseTakenName(db, trimmed);
    await db.cases.add(rec);
    await appendEntry(db, rec.id, actor, 'case-created', { caseId: rec.id, name: rec.name }, new Date(rec.createdAt));
  });
  announceCaseChanged(rec.id);
  return rec;
}

/** The name typed, trimmed; refused if nothing of it can be seen. */
function nameOf(typed: string): string {
  const refusal = blankNameRefusal(typed);
  if (refusal) throw new Error(refusal);
  return typed.trim();
}

/** A name another case has, or one that cannot be told from it, is refused (takenNameRefusal). */
async function refuseTakenName(db: WorkbenchDb, name: string, self?: string): Promise<void> {
  const refusal = takenNameRefusal(name, await db.cases.toArray(), self);
  if (refusal) throw new Error(refusal);
}

/** A change of a case record, with the custody entry that logs it. */
interface CaseChange {
  set: Partial<CaseRecord>;
  action: CustodyAction;
  detail: JsonValue;
}

/**
 * Changes a case record and logs the change, in one transaction. `change` reads the record and gives
 * the change, or null when there is none (a note saved again as it was): then nothing is logged.
 */
async function changeCase(db: WorkbenchDb, caseId: string, actor: string, change: (c: CaseRecord) => CaseChange | null | Promise<CaseChange | null>): Promise<void> {
  await db.transaction('rw', db.cases, db.custody, async () => {
    const c = await db.cases.get(caseId);
    if (!c) throw new Error(`no case ${caseId}`);
    const next = await change(c);
    if (!next) return;
    await db.cases.update(caseId, next.set);
    await appendEntry(db, caseId, actor, next.action, next.detail);
  });
  announceCaseChanged(caseId);
}

/** An archived case's name, notes and tags are read-only: a change of one is refused (the same text again changes nothing, and passes). */
function refuseIfArchived(c: CaseRecord, what: string): void {
  if (c.archived) throw new Error(`this case is archived: its ${what} can no longer be changed`);
}

export async function renameCase(db: WorkbenchDb, caseId: string, name: string, actor: string): Promise<void> {
  const trimmed = nameOf(name);
  await changeCase(db, caseId, actor, async (c) => {
    if (c.name === trimmed) return null;
    refuseIfArchived(c, 'name');
    await refuseTakenName(db, trimmed, caseId);
    return { set: { name: trimmed }, action: 'case-renamed', detail: { from: c.name, to: trimmed } };
  });
}

export async function archiveCase(db: WorkbenchDb, caseId: string, actor: string): Promise<void> {
  await db.transaction('rw', db.cases, db.custody, async () => {
    await db.cases.update(caseId, { archived: true });
    await appendEntry(db, caseId, actor, 'case-archived', { caseId });
  });
  announceCaseChanged(caseId);
}

/** The case's evidence items: pins attached to it, oldest first. */
export async function caseItems(db: WorkbenchDb, caseId: string): Promise<PinRecord[]> {
  return (await db.pins.where('caseId').equals(caseId).toArray()).sort((a, b) => a.pinnedAt.localeCompare(b.pinnedAt) || a.id.localeCompare(b.id));
}

const pinDetail = (p: PinRecord): JsonValue => ({
  pinId: p.id,
  kind: p.kind,
  title: p.title,
  datasetId: p.datasetId,
  sources: p.provenance.map((v) => ({ fileSha256: v.fileSha256, row: v.row, byteOffset: v.byteOffset, byteLength: v.byteLength })),
});

/**
 * Attaches a pin as evidence. An item whose dataset holds files the log does not name yet also
 * records an 'import' entry naming them (name, SHA-256, when imported), so the log says where the
 * evidence came from: the first item of a dataset names all its files, a later one the files
 * imported into it since.
 */
export async function attachPin(db: WorkbenchDb, caseId: string, pinId: string, actor: string): Promise<void> {
  await attachPins(db, caseId, [pinId], actor);
}

/**
 * Adds pins to the case in one transaction, in order (each with its custody entry, and the first of
 * each dataset after that dataset's 'import' entry): all or none. The case's items and log are read
 * once, not once per pin (adding 670 pins one by one read them 670 times).
 */
export async function attachPins(db: WorkbenchDb, caseId: string, pinIds: readonly string[], actor: string): Promise<void> {
  await db.transaction('rw', [db.pins, db.custody, db.files, db.datasets, db.cases], async () => {
    if ((await db.cases.get(caseId))?.archived) throw new Error('this case is archived: it takes no new evidence');
    const inCase = await db.pins.where('caseId').equals(caseId).toArray();
    const log = await custodyRange(db, caseId).toArray();
    // The files (SHA-256) the 'import' entries name, by dataset: a file imported into a dataset after its first item was added is named when an item of the dataset next is.
    const named = new Map<string, Set<string>>();
    for (const r of log) {
      if (r.entry.action !== 'import') continue;
      const d = r.entry.detail as { datasetId: string; files?: { sha256: string }[] };
      const files = named.get(d.datasetId) ?? named.set(d.datasetId, new Set()).get(d.datasetId)!;
      for (const f of d.files ?? []) files.add(f.sha256);
    }
    for (const pinId of pinIds) {
      const pin = await db.pins.get(pinId);
      if (!pin) throw new Error(`no pin ${pinId}`);
      if (pin.caseId === caseId) continue;
      // Added to another case meanwhile (in another window that listed it as waiting): moving it would leave that case's log without its 'unpin'.
      if (pin.caseId) throw new Error(`“${pin.title}” was added to the case “${(await db.cases.get(pin.caseId))?.name ?? pin.caseId}” meanwhile (in another window): remove it there first to add it here`);
      if (inCase.some((p) => sameItem(p, pin))) throw new Error(`“${pin.title}” is already in this case`);
      const ds = await db.datasets.get(pin.datasetId);
      const namedFiles = named.get(pin.datasetId);
      // Pinned in a window that still showed it: the dataset's files, which the log must name, are gone.
      if (!ds && !namedFiles) throw new Error(`“${pin.title}” comes from a dataset that was deleted: it cannot be added as evidence (its source files are no longer recorded)`);
      if (ds) {
        const files = (await db.files.where('datasetId').equals(pin.datasetId).toArray()).filter((f) => ds.committedImports.includes(f.importId) && !namedFiles?.has(f.sha256));
        if (files.length) {
          await appendEntry(db, caseId, actor, 'import', {
            datasetId: pin.datasetId,
            dataset: ds.name,
            files: files.map((f) => importFacts(f.sha256, f.receipt)),
          });
          named.set(pin.datasetId, new Set([...(namedFiles ?? []), ...files.map((f) => f.sha256)]));
        }
      }
      await db.pins.update(pinId, { caseId });
      await appendEntry(db, caseId, actor, 'pin', pinDetail(pin));
      inCase.push({ ...pin, caseId });
    }
  });
  announceCaseChanged(caseId);
}

export async function detachPin(db: WorkbenchDb, caseId: string, pinId: string, actor: string): Promise<void> {
  const changed = await db.transaction('rw', db.pins, db.custody, db.cases, async () => {
    const pin = await db.pins.get(pinId);
    if (!pin || pin.caseId !== caseId) throw new Error(`pin ${pinId} is not in this case`);
    if ((await db.cases.get(caseId))?.archived) throw new Error('this case is archived: its evidence can no longer be removed');
    // The item may wait already (pinned again for another case): one waiting pin per item, as pinToCase
    // keeps it (two made "Add every waiting pin" add it twice and fail). One of the two stays, and what
    // any case keeps for the other (a note or tags saved while another case held it) is kept for it and
    // logged there (oneWaitingPinPerItem, as the v12 repair joins them): added back, the item has them again.
    const waiting = (await db.pins.where('datasetId').equals(pin.datasetId).toArray()).filter((p) => !p.caseId && sameItem(p, pin));
    await db.pins.update(pinId, { caseId: undefined });
    await appendEntry(db, caseId, actor, 'unpin', pinDetail(pin));
    return waiting.length ? joinWaitingPins(db, [{ ...pin, caseId: undefined }, ...waiting], actor) : [];
  });
  for (const id of new Set([caseId, ...changed])) announceCaseChanged(id);
}

/**
 * Inside a transaction on pins, cases and custody: of `pins` (waiting pins), one of each item is kept
 * and the others deleted; what any case keeps for those (a note, tags) is joined onto the kept pin and
 * logged in that case (oneWaitingPinPerItem). Returns the ids of the cases changed, to announce.
 */
export async function joinWaitingPins(db: WorkbenchDb, pins: PinRecord[], actor: string): Promise<string[]> {
  const { drop, cases, logged } = oneWaitingPinPerItem(pins, await db.cases.toArray());
  await db.pins.bulkDelete(drop);
  await db.cases.bulkPut(cases);
  for (const e of logged) await appendEntry(db, e.caseId, actor, e.action, e.detail);
  return cases.map((c) => c.id);
}

/**
 * A note, tags or case notes saved over a text that changed since the analyst began editing (in
 * another window): refused, naming the text now stored, so neither version is lost unseen. `current`
 * is that text: saving again with it as the base replaces it.
 */
export class EditConflict extends Error {
  constructor(what: string, readonly current: string) {
    const plural = what.endsWith('notes') || what === 'tags';
    super(`The ${what} ${plural ? 'were' : 'was'} changed in another window after you began editing; ${plural ? 'they now read' : 'it now reads'} “${current}”. Your text is still in the box: save again to replace theirs.`);
    this.name = 'EditConflict';
  }
}

/**
 * One of the case's texts set to `next`, as written by `write`. `base` is the text the analyst began
 * editing from: if the stored one differs (and is not already `next`), EditConflict.
 */
const setText = (what: string, read: (c: CaseRecord) => string, write: (c: CaseRecord) => CaseChange) =>
  (db: WorkbenchDb, caseId: string, next: string, actor: string, base?: string): Promise<void> =>
    changeCase(db, caseId, actor, (c) => {
      const stored = read(c);
      if (stored === next) return null;
      refuseIfArchived(c, what);
      if (base !== undefined && stored !== base) throw new EditConflict(what, stored);
      return write(c);
    });

export const setItemNote = (db: WorkbenchDb, caseId: string, pinId: string, note: string, actor: string, base?: string): Promise<void> =>
  setText('note', (c) => c.itemNotes[pinId] ?? '', (c) => ({ set: { itemNotes: { ...c.itemNotes, [pinId]: note } }, action: 'note', detail: { pinId, note } }))(db, caseId, note, actor, base);

/** A comma as the analyst's keyboard types it: Latin, Arabic/Persian (،), full-width and ideographic (，、 from a Chinese or Japanese IME). */
const TAG_SEPARATOR = /[,\u060C\uFF0C\u3001]/;

/** Tags typed as one text: split at commas, trimmed, blanks and repeats dropped, in the analyst's order. */
export const parseTags = (text: string): string[] => [...new Set(text.split(TAG_SEPARATOR).map((t) => t.trim()).filter(Boolean))];

/** Tags as the analyst sees and edits them: one text. */
export const tagsText = (tags: readonly string[] | undefined): string => (tags ?? []).join(', ');

/** `base` is the tags' text (tagsText) the analyst began editing from. */
export const setItemTags = (db: WorkbenchDb, caseId: string, pinId: string, tags: string[], actor: string, base?: string): Promise<void> =>
  setText('tags', (c) => tagsText(c.itemTags?.[pinId]), (c) => ({ set: { itemTags: { ...c.itemTags, [pinId]: tags } }, action: 'tags', detail: { pinId, tags } }))(db, caseId, tagsText(tags), actor, base);

export const setCaseNotes = (db: WorkbenchDb, caseId: string, notes: string, actor: string, base?: string): Promise<void> =>
  setText('case notes', (c) => c.notes ?? '', () => ({ set: { notes }, action: 'case-notes', detail: { notes } }))(db, caseId, notes, actor, base);

/**
 * A dataset the case cites (its log names it in an 'import' entry, or it holds an item of it) is being deleted: logged in that
 * case, with the items that come from it, which stay in the case. Call inside the deletion's
 * transaction (it must include db.custody and db.pins), so the log and the store never disagree.
 */
export async function recordDatasetDeleted(db: WorkbenchDb, datasetId: string, dataset: string, actor: string): Promise<string[]> {
  const cases = new Set<string>();
  await db.custody.each((r) => {
    if (r.entry.action === 'import' && (r.entry.detail as { datasetId?: string } | null)?.datasetId === datasetId) cases.add(r.caseId);
  });
  const pins = await db.pins.where('datasetId').equals(datasetId).toArray();
  for (const p of pins) if (p.caseId) cases.add(p.caseId);
  for (const caseId of cases) {
    const items = pins.filter((p) => p.caseId === caseId).map((p) => p.id);
    await appendEntry(db, caseId, actor, 'dataset-deleted', { datasetId, dataset, items });
  }
  return [...cases];
}

/** Key changes matter to every open case (they change who signs its next bundle). */
export async function recordKeyChange(db: WorkbenchDb, action: 'key-created' | 'key-rotated', actor: string, detail: JsonValue): Promise<void> {
  const open = (await db.cases.toArray()).filter((c) => !c.archived);
  await db.transaction('rw', db.custody, async () => {
    for (const c of open) await appendEntry(db, c.id, actor, action, detail);
  });
  for (const c of open) announceCaseChanged(c.id);
}
