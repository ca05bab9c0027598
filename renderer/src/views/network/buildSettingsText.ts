import { countOf } from '../../import/formatters';
import { isCoordinationKind, type AnalysisRequest } from '../../network/networkModel';
import { dayOfMinute } from '../explore/timeBuckets';

/**
 * The settings a network was built with, in words, for its summary: the form may hold others (a
 * build cancelled or refused since), so the network shown names its own.
 */
export function buildSettingsText(r: AnalysisRequest): string {
  const coordination: string[] = [];
  if (isCoordinationKind(r.kind)) {
    const c = r.coordination;
    coordination.push(`window ${c.windowSeconds.toLocaleString('en-US')} s`, `minimum repeats ${c.minRepeat}`, `FDR alpha ${c.alpha}`, countOf(c.replicates, 'null-model replicate'));
    if (c.sweep) coordination.push('window sweep');
  }
  const f = r.filter;
  // toMinute is where the range ends (the To day included): its last day is the minute before.
  const from = f.fromMinute !== undefined ? ` from ${dayOfMinute(f.fromMinute)}` : '';
  const to = f.toMinute !== undefined ? ` ${from ? 'to' : 'up to'} ${dayOfMinute(f.toMinute - 1)}` : '';
  const tweets = [
    from || to ? `tweets${from}${to} (UTC days)` : '',
    f.language !== undefined ? `language ${f.language || '(empty)'}` : '',
    f.userids?.length ? `only ${f.userids.join(', ')}` : '',
  ].filter(Boolean);
  return `Settings: ${[coordination.join(', '), tweets.length ? tweets.join(', ') : 'all tweets'].filter(Boolean).join('; ')}.`;
}
