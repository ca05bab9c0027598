import type { CustodyEntry } from '../../../shared/evidence/custodyLog';

/** A case: a named set of evidence items (pins with this caseId) plus its custody log. */
export interface CaseRecord {
  id: string;
  name: string;
  createdAt: string;
  /** Principal of the analyst who opened it (the key's principal, or 'analyst' without a key). */
  createdBy: string;
  archived: boolean;
  /** Free-text notes per evidence item (pin id → note); each change is also a custody entry. */
  itemNotes: Record<string, string>;
  /** Tags per evidence item (pin id → tags, in the analyst's order); each change is a custody entry. Absent in cases of earlier versions. */
  itemTags?: Record<string, string[]>;
  /** The case's own free-text notes (the report's summary); each change is a custody entry. */
  notes?: string;
}

/** One custody entry, stored one row per entry so appends stay cheap: key [caseId+seq]. */
export interface CustodyRecord {
  caseId: string;
  seq: number;
  entry: CustodyEntry;
}
