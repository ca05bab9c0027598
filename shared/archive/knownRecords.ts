import type { Account } from '../domain/account';
import type { RedditAccount } from '../domain/indicator';
import { TWITTER_USER_COLUMNS } from './detectFormat';
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
  /** One 32-bit hash per value (see RecordValues): a conflict can say which columns differ. */
  values: RecordValues;
}

/** A record's archived values (not where it was read), each as a 32-bit hash, with their column names. */
export interface RecordValues {
  columns: readonly string[];
  hashes: Uint32Array;
}

/** Named by the users file's columns, in their order (the values below follow it). */
export const accountValues = (a: Account): RecordValues =>
  hashed(TWITTER_USER_COLUMNS, [
    a.userid, a.userDisplayName, a.userScreenName, a.userReportedLocation, a.userProfileDescription, a.userProfileUrl,
    a.followerCount, a.followingCount, a.accountCreationDate, a.accountLanguageRaw,
  ]);

const REDDIT_COLUMNS = ['username', 'karma', 'other columns'] as const;

/** A Reddit account's values, its name in any case (Reddit's names ignore case). */
export const redditValues = (r: RedditAccount): RecordValues => hashed(REDDIT_COLUMNS, [r.username.toLowerCase(), r.karma, r.extra]);

/** The columns whose values differ (none: the same record). */
export function differingColumns(a: RecordValues, b: RecordValues): string[] {
  return a.columns.filter((_, i) => a.hashes[i] !== b.hashes[i]);
}

/** FNV-1a over each value's JSON (collisions ~1 in 4 billion a value). */
function hashed(columns: readonly string[], values: unknown[]): RecordValues {
  return { columns, hashes: Uint32Array.from(values, (v) => fnv1a(FNV_OFFSET, JSON.stringify(v ?? null)) >>> 0) };
}
