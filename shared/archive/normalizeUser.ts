import type { Account } from '../domain/account';
import type { Provenance } from '../domain/provenance';
import { checkIsoDate, readCount, readId } from './fieldValues';

/** Column positions of the ten user columns, looked up by name (they appear in users and tweets files). */
export interface UserColumnIndex {
  userid: number;
  user_display_name: number;
  user_screen_name: number;
  user_reported_location: number;
  user_profile_description: number;
  user_profile_url: number;
  follower_count: number;
  following_count: number;
  account_creation_date: number;
  account_language: number;
}

export function columnIndex<K extends string>(columns: string[], names: readonly K[]): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const name of names) out[name] = columns.indexOf(name);
  return out;
}

export const USER_KEYS = [
  'userid', 'user_display_name', 'user_screen_name', 'user_reported_location', 'user_profile_description',
  'user_profile_url', 'follower_count', 'following_count', 'account_creation_date', 'account_language',
] as const;

/** Read an Account from the user columns of a Twitter IO row (users file or tweets file). Throws RowRejection. */
export function readAccount(f: string[], c: UserColumnIndex, provenance: Provenance): Account {
  const { id, shape } = readId('userid', f[c.userid], false);
  const lang = f[c.account_language];
  return {
    userid: id,
    idShape: shape,
    userDisplayName: f[c.user_display_name],
    userScreenName: f[c.user_screen_name],
    userReportedLocation: f[c.user_reported_location],
    userProfileDescription: f[c.user_profile_description],
    // 14-column projections lack the url column: absent is ''.
    userProfileUrl: c.user_profile_url >= 0 ? f[c.user_profile_url] : '',
    followerCount: readCount('follower_count', f[c.follower_count]),
    followingCount: readCount('following_count', f[c.following_count]),
    accountCreationDate: checkIsoDate('account_creation_date', f[c.account_creation_date]),
    accountLanguage: lang.toLowerCase(),
    accountLanguageRaw: lang,
    provenance,
  };
}

/** Normaliser for a Twitter IO users file with the given header. */
export function userNormalizer(columns: string[]): (fields: string[], provenance: Provenance) => Account {
  const c = columnIndex(columns, USER_KEYS);
  return (f, p) => readAccount(f, c, p);
}
