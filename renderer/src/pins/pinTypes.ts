import type { Provenance } from '../../../shared/domain/provenance';
import type { EvidenceKind } from '../../../shared/evidence/evidenceKinds';

/** What can be pinned from the explore / network views as evidence for a case (with its words: evidenceKindLabel). */
export type { EvidenceKind };

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

/**
 * The same evidence. A tweet or an account is its archived row(s): the same kind, dataset and source
 * rows are the same item wherever it was pinned from (a search adds the query that found it, an
 * account page does not). Anything else (a search, a chart, an edge) must also match in title and content.
 */
export function sameItem(a: EvidenceItemDraft, b: EvidenceItemDraft): boolean {
  if (a.kind !== b.kind || a.datasetId !== b.datasetId || JSON.stringify(a.provenance) !== JSON.stringify(b.provenance)) return false;
  if ((a.kind === 'tweet' || a.kind === 'account') && a.provenance.length > 0) return true;
  // A chart's or network view's SVG is rendered only when pinned, and differs on each render (the
  // renderer numbers its elements): its option or receipt, and caption, say what it is.
  const comparable = (x: EvidenceItemDraft) => JSON.stringify((x.kind === 'chart' || x.kind === 'network') && x.payload && typeof x.payload === 'object' ? { ...x.payload, svg: undefined, graphml: undefined } : (x.payload ?? null));
  return a.title === b.title && comparable(a) === comparable(b);
}
