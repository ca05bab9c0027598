import type { RedditAccount } from '../domain/indicator';
import type { Provenance } from '../domain/provenance';
import { REDDIT_USERNAME } from './detectFormat';
import { readInteger, RowRejection } from './fieldValues';

/** Reddit 2018 suspicious-accounts list: headerless `username,karma`. */
export function redditSeedNormalizer(): (fields: string[], provenance: Provenance) => RedditAccount {
  return (f, provenance) => {
    if (f[0] === '') throw new RowRejection('invalid-value', 'username is empty');
    // The list's first row was recognised by this rule; a later row that breaks it is no Reddit name.
    if (!REDDIT_USERNAME.test(f[0])) throw new RowRejection('invalid-value', `username ${JSON.stringify(f[0].slice(0, 40))} is not a Reddit name (3 to 20 letters, digits, _ or -)`);
    // The list gives every account its karma (its first row was recognised by one): an empty one is damage, not 'unknown'.
    if (f[1] === '') throw new RowRejection('invalid-number', 'karma is empty: the list gives every account its karma');
    return { username: f[0], karma: readInteger('karma', f[1]), extra: {}, provenance };
  };
}

/**
 * Third-party praw harvest (12 columns). Its karma is split into link/comment karma and does not
 * equal the list's karma, so `karma` is null and every column is kept in `extra`.
 */
export function redditPrawNormalizer(columns: string[]): (fields: string[], provenance: Provenance) => RedditAccount {
  const nameCol = columns.indexOf('name');
  return (f, provenance) => {
    if (f[nameCol] === '') throw new RowRejection('invalid-value', 'name is empty');
    readInteger('link_karma', f[columns.indexOf('link_karma')]);
    readInteger('comment_karma', f[columns.indexOf('comment_karma')]);
    const extra: Record<string, string> = {};
    columns.forEach((col, i) => (extra[col] = f[i]));
    return { username: f[nameCol], karma: null, extra, provenance };
  };
}
