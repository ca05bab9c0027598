/**
 * The kinds of evidence an analyst pins (Explore and Network), each with the words people read for
 * it. The ids stay what the stores, the custody log and the bundle's metadata record
 * (`interaction-edge`); pages and the report show the words ("Interaction edge").
 */
export const EVIDENCE_KIND_LABELS = {
  account: 'Account',
  tweet: 'Tweet',
  search: 'Search',
  chart: 'Chart',
  network: 'Network view',
  'coordination-edge': 'Coordination edge',
  'interaction-edge': 'Interaction edge',
} as const satisfies Record<string, string>;

export type EvidenceKind = keyof typeof EVIDENCE_KIND_LABELS;

/** A kind in words ("Coordination edge"); a kind this version does not know (a newer bundle's) as it is recorded. */
export function evidenceKindLabel(kind: string): string {
  return Object.hasOwn(EVIDENCE_KIND_LABELS, kind) ? EVIDENCE_KIND_LABELS[kind as EvidenceKind] : kind;
}
