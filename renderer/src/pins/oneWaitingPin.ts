import type { CaseRecord } from '../cases/caseTypes';
import type { JsonValue } from '../../../shared/evidence/canonicalJson';
import { sameItem, type PinRecord } from './pinTypes';

/**
 * The repair of a profile holding two or more waiting pins of one item (detachPin left the pin it took
 * out of a case beside one pinned again, before 2026-12-05: "Add every waiting pin" then failed). One
 * pin of each item is kept: one a case's note or tags name (the pin a case held, as detachPin keeps
 * it), else the first pinned. The others are dropped, and whatever a case keeps for them is kept for
 * the kept pin, so nothing is lost when it is added back: a note joined after the kept pin's own (` · `
 * between: an item's note is one line, its box drops line breaks), tags added after its own. A case's custody log records its notes and tags by
 * pin id, so each note or tags a case now keeps for the kept pin is also `logged` for that case, as
 * setItemNote and setItemTags log them (`joinedFrom`: the dropped pins whose note, or tags, it joins). An archived case is left as
 * it is: its notes and tags are read-only, and it takes no pin back. Returns the pins to delete, the
 * cases changed and the entries to append to their logs, in order.
 */
export function oneWaitingPinPerItem(pins: readonly PinRecord[], cases: readonly CaseRecord[]): { drop: string[]; cases: CaseRecord[]; logged: RepairEntry[] } {
  const named = new Set(cases.flatMap((c) => [...Object.keys(c.itemNotes), ...Object.keys(c.itemTags ?? {})]));
  // Pins of one item have the same kind, dataset and source rows: only those are compared (sameItem).
  const bySource = new Map<string, PinRecord[][]>();
  for (const pin of pins.filter((p) => !p.caseId)) {
    const key = JSON.stringify([pin.kind, pin.datasetId, pin.provenance]);
    const groups = bySource.get(key) ?? bySource.set(key, []).get(key)!;
    const group = groups.find((g) => sameItem(g[0]!, pin));
    if (group) group.push(pin);
    else groups.push([pin]);
  }
  const groups = [...bySource.values()].flat();
  const kept = groups.filter((g) => g.length > 1).map((group) => {
    group.sort((a, b) => Number(named.has(b.id)) - Number(named.has(a.id)) || a.pinnedAt.localeCompare(b.pinnedAt) || a.id.localeCompare(b.id));
    return group.map((p) => p.id);
  });
  const logged: RepairEntry[] = [];
  const changed = cases.filter((c) => !c.archived).flatMap((c) => {
    const itemNotes = { ...c.itemNotes };
    const itemTags = { ...c.itemTags };
    let moved = false;
    for (const [to, ...dropped] of kept) {
      const from = dropped.filter((id) => id in itemNotes || id in itemTags);
      if (!from.length) continue;
      moved = true;
      const notes = [...new Set([to, ...from].map((id) => itemNotes[id]).filter((n): n is string => !!n))].join(NOTE_SEPARATOR);
      if (notes && itemNotes[to] !== notes) {
        itemNotes[to] = notes;
        logged.push({ caseId: c.id, action: 'note', detail: { pinId: to!, note: itemNotes[to]!, joinedFrom: from.filter((id) => itemNotes[id]) } });
      }
      const tags = [...new Set([to, ...from].flatMap((id) => itemTags[id] ?? []))];
      if (tags.length && JSON.stringify(itemTags[to] ?? []) !== JSON.stringify(tags)) {
        itemTags[to] = tags;
        logged.push({ caseId: c.id, action: 'tags', detail: { pinId: to!, tags, joinedFrom: from.filter((id) => itemTags[id]?.length) } });
      }
      for (const id of from) {
        delete itemNotes[id];
        delete itemTags[id];
      }
    }
    return moved ? [{ ...c, itemNotes, ...(c.itemTags ? { itemTags } : {}) }] : [];
  });
  const drop = kept.flatMap(([, ...dropped]) => dropped);
  return { drop, cases: changed, logged };
}

/** Between notes joined: an item's note is edited in a one-line box, which would drop a line break (and run the two together). */
const NOTE_SEPARATOR = ' · ';

/** A custody entry the repair appends to a case's log: a note or tags it now keeps for a kept pin. */
export interface RepairEntry {
  caseId: string;
  action: 'note' | 'tags';
  detail: JsonValue;
}

/** Who the repair's custody entries name: the app, opening a profile of an earlier version (no analyst did it). */
export const REPAIR_ACTOR = 'Disclosure Workbench (profile upgrade to schema v12)';
