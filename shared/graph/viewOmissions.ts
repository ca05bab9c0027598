/**
 * What a network view leaves undrawn, by the `omitted` keys kept in export receipts, in words: said
 * on the Network view and, for a pinned analysis, in the evidence report.
 */
export const VIEW_OMITTED_LABELS: Record<string, string> = {
  edgesNotSignificant: 'edges not significant',
  edgesBelowMinWeight: 'edges under the minimum weight',
  nodesFilteredByCommunityOrMetric: 'accounts outside the community or metric filter',
  nodesWithoutDrawnEdge: 'accounts without a drawn edge',
  nodesPrunedByCap: 'accounts beyond the node cap',
  edgesOfHiddenNodes: 'edges of hidden accounts',
  edgesPrunedByCap: 'edges beyond the edge cap',
};

/** A count and its plural words, the first one singular for 1: "1 account beyond the node cap", "2 accounts …". */
export function countedWords(n: number, words: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? words.replace(/^(\S+)s\b/, '$1') : words}`;
}
