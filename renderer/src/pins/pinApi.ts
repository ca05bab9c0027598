import { announceCaseChanged, joinWaitingPins } from '../cases/caseStore';
import { crossWindowEvent } from '../store/crossWindowEvent';
import { db } from '../store/database';
import type { WorkbenchDb } from '../store/schema';
import { sameItem, type EvidenceItemDraft, type PinRecord } from './pinTypes';

export type { EvidenceItemDraft, EvidenceKind, PinRecord } from './pinTypes';

/** A pin was added or taken back, in this window or another; the detail is its id. */
export const PINS_CHANGED = 'dw:pins-changed';
const announcePinsChanged = crossWindowEvent(PINS_CHANGED);

/**
 * Pins an item for a case. Cases are attached later (Cases view sets `caseId`), so a pin is stored
 * on its own; the payload is cloned through JSON so only plain data is kept.
 */
export async function pinToCase(item: EvidenceItemDraft, database: WorkbenchDb = db): Promise<PinRecord> {
  const pin: PinRecord = {
    ...item,
    payload: JSON.parse(JSON.stringify(item.payload ?? null)) as unknown,
    provenance: item.provenance.map((p) => ({ ...p })),
    id: crypto.randomUUID(),
    pinnedAt: new Date().toISOString(),
  };
  // Pinning the same thing again (a second click, or after a reload) gives the loose pin it already has.
  // One read-write transaction: two clicks in quick succession are serialised, so the second finds the first's pin.
  const saved = await database.transaction('rw', database.datasets, database.pins, async () => {
    if (!(await database.datasets.get(pin.datasetId))) throw new Error('its dataset was deleted (in another window?): reload the page');
    const same = (await database.pins.where('datasetId').equals(pin.datasetId).toArray()).find((p) => !p.caseId && sameItem(p, pin));
    if (same) return same;
    await database.pins.add(pin);
    return pin;
  });
  if (saved === pin) announcePinsChanged(pin.id);
  return saved;
}

/**
 * Takes back a pin that waits for a case (pinned by mistake): the item's waiting pins, or the one of
 * that id. A pin in a case is the case's (its custody log records it); it is removed from the case page.
 */
export async function discardWaitingPin(which: EvidenceItemDraft | { id: string }, database: WorkbenchDb = db): Promise<PinRecord[]> {
  const gone = await database.transaction('rw', database.pins, async () => {
    const waiting = 'id' in which
      ? [await database.pins.get(which.id)].filter((p): p is PinRecord => p !== undefined && !p.caseId)
      : (await database.pins.where('datasetId').equals(which.datasetId).toArray()).filter((p) => !p.caseId && sameItem(p, which));
    await database.pins.bulkDelete(waiting.map((p) => p.id));
    return waiting;
  });
  for (const p of gone) announcePinsChanged(p.id);
  return gone;
}

/**
 * Puts back waiting pins just discarded (Undo) as they were: the same ids, so a note or tags a case
 * keeps for one (removed from it) are its again when it is added back. A waiting pin of the same item
 * made meanwhile and one stay as one (joinWaitingPins, as detachPin keeps them): whatever a case keeps
 * for either goes with the one kept, logged there by `actor` (the pin made meanwhile was deleted, and a
 * case's note on it lost with it, before 2026-12-07).
 */
export async function restoreWaitingPins(pins: readonly PinRecord[], actor: string, database: WorkbenchDb = db): Promise<void> {
  const casesChanged = await database.transaction('rw', [database.datasets, database.pins, database.cases, database.custody], async () => {
    const changed: string[] = [];
    for (const pin of pins) {
      if (!(await database.datasets.get(pin.datasetId))) throw new Error(`“${pin.title}” comes from a dataset that was deleted meanwhile: it cannot be put back`);
      const again = (await database.pins.where('datasetId').equals(pin.datasetId).toArray()).filter((p) => !p.caseId && p.id !== pin.id && sameItem(p, pin));
      await database.pins.put(pin);
      if (again.length) changed.push(...(await joinWaitingPins(database, [pin, ...again], actor)));
    }
    return changed;
  });
  for (const p of pins) announcePinsChanged(p.id);
  for (const id of new Set(casesChanged)) announceCaseChanged(id);
}

/** Pins of a dataset (or all), newest first. */
export async function listPins(datasetId?: string, database: WorkbenchDb = db): Promise<PinRecord[]> {
  const rows = datasetId ? await database.pins.where('datasetId').equals(datasetId).toArray() : await database.pins.toArray();
  return rows.sort((a, b) => b.pinnedAt.localeCompare(a.pinnedAt));
}

/** Pins not yet attached to any case. */
export async function listUnattachedPins(database: WorkbenchDb = db): Promise<PinRecord[]> {
  return (await listPins(undefined, database)).filter((p) => !p.caseId);
}
