import { normalizeForSearch } from '../../../shared/domain/searchFold';
import type { NetNode } from './networkModel';

/**
 * The accounts a Find query names: the user id exactly, or a part of the screen or display name,
 * compared as search compares text (NFKC, lower case: 'ＨＫ' finds 'hk'). A leading '@' is the
 * screen name's, as elsewhere in the app. An empty query finds nothing.
 */
export function findAccounts(nodes: readonly NetNode[], query: string): NetNode[] {
  let q = normalizeForSearch(query.trim());
  if (q.startsWith('@') && q.length > 1) q = q.slice(1);
  if (!q) return [];
  return nodes.filter((n) => normalizeForSearch(n.id) === q || normalizeForSearch(n.screenName).includes(q) || normalizeForSearch(n.displayName).includes(q));
}
