import { containBidi } from '../../../shared/domain/bidiIsolate';

/**
 * Pin titles naming an account: its screen name and, always, its user id. A title is written when
 * the item is pinned, before anyone knows which other accounts the case will hold, so a name that
 * reads as another's (`newsagеncy` with a Cyrillic е, `NewsAgency`) is told apart by its id there
 * and in the bundle's tables, whatever the case ends up holding.
 */
export const accountTitle = (screenName: string, userid: string): string =>
  screenName ? `Account @${containBidi(screenName)} (user id ${userid})` : `Account ${userid}`;

export const tweetTitle = (tweetid: string, screenName: string, userid: string): string =>
  screenName ? `Tweet ${tweetid} by @${containBidi(screenName)} (user id ${userid})` : `Tweet ${tweetid} by user id ${userid}`;
