import type { Provenance } from '../../../shared/domain/provenance';

/** What can be pinned from the explore / network views as evidence for a case. */
export type EvidenceKind = 'account' | 'tweet' | 'search' | 'chart' | 'network' | 'coordination-edge';

/**
 * An evidence item before it belongs to a case. `payload` is plain JSON (what the item shows:
 * ids as strings, the query and filters, a chart's option and caption…); `provenance` points at the
 * source rows it rests on, so a bundle can quote the exact archived bytes.
 */
export interface EvidenceItemDraft {
  kind: EvidenceKind;
  datasetId: string;
  title: string;
  payload: unknown;
  provenance: Provenance[];
}

/** A stored pin. `caseId` is set when the Cases view attaches the pin to a case. */
export interface PinRecord extends EvidenceItemDraft {
  id: string;
  pinnedAt: string;
  caseId?: string;
}

/** The same evidence: kind, dataset, title, content and source rows alike (ids and times aside). */
export function sameItem(a: EvidenceItemDraft, b: EvidenceItemDraft): boolean {
  return a.kind === b.kind && a.datasetId === b.datasetId && a.title === b.title &&
    JSON.stringify(a.payload ?? null) === JSON.stringify(b.payload ?? null) && JSON.stringify(a.provenance) === JSON.stringify(b.provenance);
}
