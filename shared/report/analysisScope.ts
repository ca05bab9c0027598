import type { AnalysisReceipt } from '../graph/analysisReceipt';
import { utcMinuteText } from './reportTimes';
import { countedWords, VIEW_OMITTED_LABELS } from '../graph/viewOmissions';
import { unresolvedTargetsText } from '../graph/networks/unresolvedTargets';

/** The receipt's `omitted` keys in words: the analysis's own, then the view's (what it did not draw). */
const OMITTED_WORDS: Record<string, string> = {
  tweetsFiltered: 'tweets outside the filter',
  prunedItems: 'items used by too many accounts, skipped',
  cappedObjects: 'objects acted on by too many accounts, skipped',
  candidatePairsBelowMinRepeat: 'pairs of accounts that co-acted fewer times than the minimum repeats',
  ...Object.fromEntries(Object.entries(VIEW_OMITTED_LABELS).map(([k, words]) => [k, `${words} (not drawn)`])),
};

const count = (n: number) => n.toLocaleString('en-US');

/**
 * What an analysis read and what it left out, in words, for the report (its receipt, printed whole
 * in the bundle's analysis.json, counts tweets and omissions by key and the dates in epoch minutes).
 */
export function analysisScope(receipt: Partial<AnalysisReceipt> | undefined): Array<[string, string]> {
  if (!receipt?.dataset) return [];
  const out: Array<[string, string]> = [['tweets analysed', `${count(receipt.dataset.tweetsAnalysed)} of the dataset's ${count(receipt.dataset.tweets)}`]];
  out.push(['left out', omittedText(receipt.counts?.omitted ?? {}, receipt.kind)]);
  out.push(...filterFields(receipt.parameters?.filter));
  return out;
}

/** A receipt's `omitted` counts in words ("54 tweets outside the filter; 2 accounts beyond the node cap (not drawn)"), or "nothing". */
export function omittedText(omitted: Record<string, number>, kind = ''): string {
  const left = Object.entries(omitted).filter(([, n]) => n > 0);
  const words = ([k, n]: [string, number]) => (k === 'unresolvedTargets' ? unresolvedTargetsText(kind, n) : countedWords(n, OMITTED_WORDS[k] ?? k));
  return left.length ? left.map(words).join('; ') : 'nothing';
}

/** A tweet filter in one line ("tweets from … to …; tweet language zh"), or "" when there is none. */
export function filterText(filter: unknown): string {
  return filterFields(filter).map(([k, v]) => `${k} ${v}`).join('; ');
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
  if (f.language !== undefined) out.push(['tweet language', f.language || '(empty)']);
  if (f.userids?.length) out.push(['only accounts', f.userids.join(', ')]);
  return out;
}
