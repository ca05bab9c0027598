import type { CaseRecord } from '../cases/caseTypes';
import { sameItem, type PinRecord } from './pinTypes';

/**
 * The repair of a profile holding two or more waiting pins of one item (detachPin left the pin it took
 * out of a case beside one pinned again, before 2026-12-05: "Add every waiting pin" then failed). One
 * pin of each item is kept: one a case's note or tags name (the pin a case held, as detachPin keeps
 * it), else the first pinned. The others are dropped, and whatever a case keeps for them is kept for
 * the kept pin, so nothing is lost when it is added back: a note joined after the kept pin's own (a
 * blank line between), tags added after its own. Returns the pins to delete and the cases changed.
 */
export function oneWaitingPinPerItem(pins: readonly PinRecord[], cases: readonly CaseRecord[]): { drop: string[]; cases: CaseRecord[] } {
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
  const changed = cases.flatMap((c) => {
    const itemNotes = { ...c.itemNotes };
    const itemTags = { ...c.itemTags };
    let moved = false;
    for (const [to, ...dropped] of kept) {
      const from = dropped.filter((id) => id in itemNotes || id in itemTags);
      if (!from.length) continue;
      moved = true;
      const notes = [...new Set([to, ...from].map((id) => itemNotes[id]).filter((n): n is string => !!n))];
      if (notes.length) itemNotes[to] = notes.join('\n\n');
      const tags = [...new Set([to, ...from].flatMap((id) => itemTags[id] ?? []))];
      if (tags.length) itemTags[to] = tags;
      for (const id of from) {
        delete itemNotes[id];
        delete itemTags[id];
      }
    }
    return moved ? [{ ...c, itemNotes, ...(c.itemTags ? { itemTags } : {}) }] : [];
  });
  const drop = kept.flatMap(([, ...dropped]) => dropped);
  return { drop, cases: changed };
}
