import { formatCount, formatSeconds } from '../../import/formatters';
import type { AnalysisProgress } from '../../network/networkModel';

/**
 * An analysis's progress in words, as the import says its own: "Pairing accounts: 120,000 of
 * 1,004,718 account pairs, 40,000 account pairs/s, about 22 s left"; a phase that counts nothing, by
 * its name ("Communities and metrics: PageRank…").
 */
export function progressText(p: AnalysisProgress): string {
  if (!p.total) return `${p.phase}…`;
  return `${p.phase}: ${formatCount(p.done)} of ${formatCount(p.total)} ${p.unit}`
    + (p.perSecond > 0 && p.done < p.total ? `, ${formatCount(p.perSecond)} ${p.unit}/s` : '')
    + (p.etaSeconds !== null ? `, about ${formatSeconds(p.etaSeconds)} left` : '');
}
