/**
 * Messages about a bundle's entries, in the UI's words: one entry is “1 entry”, a title is quoted
 * with typographic quotes.
 */
import { describe, expect, it } from 'vitest';
import { prepareBundle } from '../../../shared/evidence/bundleWriter';
import { verifyBundle } from '../../../shared/evidence/bundleVerifier';
import { appendCustody } from '../../../shared/evidence/custodyLog';
import { generateEd25519KeyPair } from '../../../shared/evidence/opensshKeys';
import { buildCaseBundleContent } from '../../../renderer/src/cases/caseBundleInput';
import type { CaseRecord } from '../../../renderer/src/cases/caseTypes';
import type { PinRecord } from '../../../renderer/src/pins/pinTypes';
import { bundleInput, collect, PRINCIPAL, sampleCustody } from './bundleFixture';

const custodyDetail = async (custody: ReturnType<typeof sampleCustody>) => {
  const key = generateEd25519KeyPair();
  const prepared = await prepareBundle({ ...bundleInput(key), custody });
  const v = verifyBundle(await collect(prepared.zip()), { trustedFingerprints: [prepared.fingerprint] });
  return v.checks.find((c) => c.name === 'custody')!;
};

describe('messages about a bundle’s entries', () => {
  it('the verifier counts a custody log of one entry as “1 entry”, of several as “entries”', async () => {
    const one = appendCustody([], { at: '2026-11-28T10:00:00.000Z', actor: PRINCIPAL, action: 'case-created', detail: { caseId: 'case-42' } });
    const c1 = await custodyDetail(one);
    expect(c1.ok).toBe(true);
    expect(c1.detail).toBe(`1 entry, chain intact, head ${one[0]!.hash}`);
    const three = sampleCustody();
    expect((await custodyDetail(three)).detail).toBe(`3 entries, chain intact, head ${three[2]!.hash}`);
  });

  it('an item whose cited bytes were not read is named in typographic quotes', () => {
    const item = { id: 'p1', kind: 'tweet', title: 'Post 1108484717123067905 香港', datasetId: 'd', pinnedAt: '2026-11-28T10:00:00.000Z', payload: null, provenance: [{ fileSha256: 'ab'.repeat(32), row: 3, byteOffset: 0, byteLength: 10 }] } as unknown as PinRecord;
    const caseRecord = { id: 'c', name: 'case', itemNotes: {} } as unknown as CaseRecord;
    expect(() => buildCaseBundleContent({ caseRecord, items: [item], excerpts: new Map(), firstLines: new Map(), sources: new Map(), analyst: PRINCIPAL, software: { name: 'Disclosure Workbench', version: '0.1.0' } }))
      .toThrow(`item “Post 1108484717123067905 香港”: the cited bytes of source ${'ab'.repeat(32)} row 3 were not read`);
  });
});
