import { containBidi } from '../../../shared/domain/bidiIsolate';

/**
 * Whether a title names the account by screen name as well as by id. A hashed account's screen name
 * is its user id, the same hash: it is named once, by id, as an account without a name.
 */
const namedApart = (screenName: string, userid: string): boolean => screenName !== '' && screenName !== userid;

/**
 * Pin titles naming an account: its screen name and, always, its user id. A title is written when
 * the item is pinned, before anyone knows which other accounts the case will hold, so a name that
 * reads as another's (`newsagеncy` with a Cyrillic е, `NewsAgency`) is told apart by its id there
 * and in the bundle's tables, whatever the case ends up holding.
 */
export const accountTitle = (screenName: string, userid: string): string =>
  namedApart(screenName, userid) ? `Account @${containBidi(screenName)} (user id ${userid})` : `Account ${userid}`;

export const tweetTitle = (tweetid: string, screenName: string, userid: string): string =>
  namedApart(screenName, userid) ? `Tweet ${tweetid} by @${containBidi(screenName)} (user id ${userid})` : `Tweet ${tweetid} by user id ${userid}`;

/** "(user id N)" after a network account's name; an account known only by the name a tweet gave (node id '@name', not in the archive) has no id to give. */
export const userIdNote = (id: string): string => (id.startsWith('@') ? '(no user id)' : `(user id ${id})`);

/** An account of a network edge in a pin title: screen name and user id (userIdNote). */
const edgeEnd = (screenName: string, id: string): string => {
  const name = screenName || (id.startsWith('@') ? id.slice(1) : '');
  return namedApart(name, id) ? `@${containBidi(name)} ${userIdNote(id)}` : `user id ${id}`;
};

/** A network edge in a pin title: both accounts with their user ids, as accountTitle gives them. */
export const edgeAccountsTitle = (source: { screenName: string; id: string }, target: { screenName: string; id: string }, directed: boolean): string =>
  `${edgeEnd(source.screenName, source.id)} ${directed ? '→' : '—'} ${edgeEnd(target.screenName, target.id)}`;
