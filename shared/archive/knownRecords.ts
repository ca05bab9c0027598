import type { Account } from '../domain/account';
import type { RedditAccount } from '../domain/indicator';
import { fnv1a, FNV_OFFSET } from './fnv1a';

/**
 * Keyed records read so far (accounts by userid, Reddit accounts by username): where each was first
 * read and a fingerprint of its archived values. A repeat with the same values is a duplicate; with
 * other values it is quarantined as 'conflicting-duplicate' and the first is kept. One map can span
 * the files of an import and the dataset's stored accounts, so a later file cannot silently lose a
 * version.
 */
export type KnownRecords = Map<string, KnownRecord>;
export interface KnownRecord {
  file: string;
  row: number;
  values: number;
}

/** The archived values of an account (not where it was read), as a 32-bit hash. */
export const accountValues = (a: Account): number =>
  fingerprint([
    a.userid, a.userDisplayName, a.userScreenName, a.userReportedLocation, a.userProfileDescription, a.userProfileUrl,
    a.followerCount, a.followingCount, a.accountCreationDate, a.accountLanguageRaw,
  ]);

/** A Reddit account's values, its name in any case (Reddit's names ignore case). */
export const redditValues = (r: RedditAccount): number => fingerprint([r.username.toLowerCase(), r.karma, r.extra]);

/** FNV-1a over the values' JSON (collisions ~1 in 4 billion). */
const fingerprint = (values: unknown[]): number => fnv1a(FNV_OFFSET, JSON.stringify(values)) >>> 0;
