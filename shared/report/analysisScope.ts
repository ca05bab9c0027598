import type { AnalysisReceipt } from '../graph/analysisReceipt';
import { utcMinuteText } from './reportTimes';

/** The receipt's `omitted` keys in words (the view's own keys are in renderer/src/network/viewGraph.ts). */
const OMITTED_WORDS: Record<string, string> = {
  tweetsFiltered: 'tweets outside the filter',
  unresolvedTargets: 'links to accounts or tweets not in the archive',
  prunedItems: 'items used by too many accounts, skipped',
  cappedObjects: 'objects acted on by too many accounts, skipped',
  edgesNotSignificant: 'edges not significant (not drawn)',
  edgesBelowMinWeight: 'edges under the minimum weight (not drawn)',
  nodesFilteredByCommunityOrMetric: 'accounts outside the community or metric filter (not drawn)',
  nodesWithoutDrawnEdge: 'accounts without a drawn edge (not drawn)',
  nodesPrunedByCap: 'accounts beyond the node cap (not drawn)',
  edgesOfHiddenNodes: 'edges of hidden accounts (not drawn)',
  edgesPrunedByCap: 'edges beyond the edge cap (not drawn)',
};

const count = (n: number) => n.toLocaleString('en-US');

/**
 * What an analysis read and what it left out, in words, for the report (its receipt, printed whole
 * in the bundle's analysis.json, counts tweets and omissions by key and the dates in epoch minutes).
 */
export function analysisScope(receipt: Partial<AnalysisReceipt> | undefined): Array<[string, string]> {
  if (!receipt?.dataset) return [];
  const out: Array<[string, string]> = [['tweets analysed', `${count(receipt.dataset.tweetsAnalysed)} of the dataset's ${count(receipt.dataset.tweets)}`]];
  const omitted = Object.entries(receipt.counts?.omitted ?? {}).filter(([, n]) => n > 0);
  out.push(['left out', omitted.length ? omitted.map(([k, n]) => `${count(n)} ${OMITTED_WORDS[k] ?? k}`).join('; ') : 'nothing']);
  out.push(...filterFields(receipt.parameters?.filter));
  return out;
}

/** A tweet filter (TweetFilter as described in receipts) in words: dates in UTC, the end day included. */
export function filterFields(filter: unknown): Array<[string, string]> {
  if (!filter || typeof filter !== 'object') return [];
  const f = filter as { fromMinute?: number; toMinute?: number; language?: string; userids?: string[] };
  const out: Array<[string, string]> = [];
  if (f.fromMinute !== undefined || f.toMinute !== undefined) {
    // toMinute is exclusive: the last minute read is the one before it.
    out.push(['tweets from', `${f.fromMinute !== undefined ? utcMinuteText(f.fromMinute) : 'the first'} to ${f.toMinute !== undefined ? utcMinuteText(f.toMinute - 1) : 'the last'}`]);
  }
  if (f.language) out.push(['tweet language', f.language]);
  if (f.userids?.length) out.push(['only accounts', f.userids.join(', ')]);
  return out;
}
