import { describe, expect, it } from 'vitest';
import { oneWaitingPinPerItem } from '../../../renderer/src/pins/oneWaitingPin';
import type { PinRecord } from '../../../renderer/src/pins/pinTypes';
import type { CaseRecord } from '../../../renderer/src/cases/caseTypes';

const row = (n: number) => ({ fileSha256: 'a'.repeat(64), row: n, byteOffset: 100 * n, byteLength: 90 });
const pin = (id: string, n: number, pinnedAt: string, caseId?: string): PinRecord =>
  ({ id, kind: 'tweet', datasetId: 'd1', title: `Tweet ${n}`, payload: { n }, provenance: [row(n)], pinnedAt, ...(caseId ? { caseId } : {}) }) as PinRecord;
const aCase = (id: string, itemNotes: Record<string, string>, itemTags?: Record<string, string[]>): CaseRecord =>
  ({ id, name: id, createdAt: '2026-11-01T00:00:00.000Z', createdBy: 'analyst', archived: false, itemNotes, ...(itemTags ? { itemTags } : {}) });

describe('one waiting pin per item (the schema v12 repair)', () => {
  it('keeps the pin a case names (the one taken out of it), drops the copy pinned again', () => {
    const pins = [pin('p-again', 1, '2026-11-02T00:00:00.000Z'), pin('p-case', 1, '2026-11-01T00:00:00.000Z'), pin('other', 2, '2026-11-01T00:00:00.000Z'), pin('in-case', 1, '2026-11-01T00:00:00.000Z', 'X')];
    const x = aCase('X', { 'p-case': 'حساب منسق 🦜', 'in-case': 'held' }, { 'p-case': ['lockstep'] });
    expect(oneWaitingPinPerItem(pins, [x])).toEqual({ drop: ['p-again'], cases: [], logged: [] });
    // Named by no case: the first pinned stays, whichever order the store gives them.
    expect(oneWaitingPinPerItem([pins[0]!, pin('first', 1, '2026-10-01T00:00:00.000Z')], [])).toEqual({ drop: ['p-again'], cases: [], logged: [] });
  });

  it('leaves alone a profile without duplicates, and pins in cases even of one item', () => {
    const pins = [pin('a', 1, '2026-11-01T00:00:00.000Z'), pin('b', 1, '2026-11-01T00:00:00.000Z', 'X'), pin('c', 1, '2026-11-01T00:00:00.000Z', 'Y'), pin('d', 2, '2026-11-01T00:00:00.000Z')];
    expect(oneWaitingPinPerItem(pins, [aCase('X', { b: 'n' })])).toEqual({ drop: [], cases: [], logged: [] });
  });

  it('two copies each named by a case: the notes and tags of the one dropped are kept for the one kept, joined where both have some', () => {
    const pins = [pin('from-x', 1, '2026-11-01T00:00:00.000Z'), pin('from-y', 1, '2026-11-03T00:00:00.000Z'), pin('from-z', 1, '2026-11-04T00:00:00.000Z')];
    const x = aCase('X', { 'from-x': 'first note' }, { 'from-x': ['a', 'b'] });
    const y = aCase('Y', { 'from-y': '香港 note' }, { 'from-y': ['b', 'c'] });
    const both = aCase('Both', { 'from-x': 'kept note', 'from-y': 'dropped note', 'from-z': 'kept note' }, { 'from-y': ['z'] });
    const { drop, cases, logged } = oneWaitingPinPerItem(pins, [x, y, both]);
    expect(drop.sort()).toEqual(['from-y', 'from-z']);
    expect(cases).toEqual([
      { ...y, itemNotes: { 'from-x': '香港 note' }, itemTags: { 'from-x': ['b', 'c'] } },
      { ...both, itemNotes: { 'from-x': 'kept note · dropped note' }, itemTags: { 'from-x': ['z'] } },
    ]);
    // Each case's log gets what it now keeps for the kept pin, as the case store logs a note or tags set; X, unchanged, nothing.
    expect(logged).toEqual([
      { caseId: 'Y', action: 'note', detail: { pinId: 'from-x', note: '香港 note', joinedFrom: ['from-y'] } },
      { caseId: 'Y', action: 'tags', detail: { pinId: 'from-x', tags: ['b', 'c'], joinedFrom: ['from-y'] } },
      { caseId: 'Both', action: 'note', detail: { pinId: 'from-x', note: 'kept note · dropped note', joinedFrom: ['from-y', 'from-z'] } },
      { caseId: 'Both', action: 'tags', detail: { pinId: 'from-x', tags: ['z'], joinedFrom: ['from-y'] } },
    ]);
  });

  it('a note joined into the same text, or tags already there, log nothing; an archived case is left as it is (read-only, it takes no pin back)', () => {
    const pins = [pin('kept', 1, '2026-11-01T00:00:00.000Z'), pin('dropped', 1, '2026-11-03T00:00:00.000Z')];
    const same = aCase('Same', { kept: 'عين 👁', dropped: 'عين 👁' }, { kept: ['a', 'b'], dropped: ['b'] });
    const archived = { ...aCase('Archived', { dropped: 'frozen 冻结' }), archived: true };
    const { drop, cases, logged } = oneWaitingPinPerItem(pins, [same, archived]);
    expect(drop).toEqual(['dropped']);
    expect(cases).toEqual([{ ...same, itemNotes: { kept: 'عين 👁' }, itemTags: { kept: ['a', 'b'] } }]);
    expect(logged).toEqual([]);
  });
});
