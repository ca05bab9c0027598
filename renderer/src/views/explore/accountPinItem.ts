import type { EvidenceItemDraft } from '../../pins/pinApi';
import { accountTitle } from '../../pins/accountTitles';
import type { ExploreData } from './exploreData';

/**
 * An account as a pin holds it, wherever it is pinned from (its page, the accounts table, a network's
 * node): the row as archived, its activity (block numbers aside) and the row's place in its source
 * file as provenance; an id with no account row is pinned by its id, with no provenance.
 */
export function accountPinItem(data: ExploreData, userid: string): EvidenceItemDraft {
  const row = data.byId.get(userid);
  const a = row?.account;
  const act = row?.activity ?? data.aggregates?.accountActivity[userid];
  return { kind: 'account', datasetId: data.dataset.id, title: accountTitle(a?.userScreenName ?? '', userid), payload: { account: a ?? { userid }, activity: act ? { ...act, blocks: undefined } : null }, provenance: a ? [a.provenance] : [] };
}
