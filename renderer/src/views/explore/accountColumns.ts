import { csvLine } from '../../../../shared/domain/csvLine';
import { perActiveDay, perActiveDayShown, type AccountRow } from './exploreData';
import { randomHandleReasons } from './randomHandle';
import { formatMinute } from './timeBuckets';

/** The accounts table's columns: how each shows, sorts and exports. */
export interface AccountColumn {
  key: string;
  label: string;
  width: string;
  defaultVisible: boolean;
  /** Sort key (numbers sort numerically; missing values sort last). */
  sortValue: (r: AccountRow) => string | number | null;
  /** As the CSV holds it (numbers bare, for other tools). */
  text: (r: AccountRow) => string;
  /** As the table shows it, where that differs (counts with thousands separators). */
  shown?: (r: AccountRow) => string;
}

/** What a cell of the table shows. */
export const cellText = (c: AccountColumn, r: AccountRow): string => (c.shown ?? c.text)(r);

const num = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
const count = (n: number | null | undefined) => (n === null || n === undefined ? '' : n.toLocaleString('en'));
const time = (m: number | undefined) => (m === undefined || !Number.isFinite(m) ? '' : formatMinute(m));

export const ACCOUNT_COLUMNS: AccountColumn[] = [
  { key: 'screenName', label: 'Screen name', width: 'minmax(160px, 1.4fr)', defaultVisible: true, sortValue: (r) => r.account.userScreenName.toLowerCase(), text: (r) => r.account.userScreenName },
  { key: 'displayName', label: 'Display name', width: 'minmax(140px, 1fr)', defaultVisible: true, sortValue: (r) => r.account.userDisplayName.toLowerCase(), text: (r) => r.account.userDisplayName },
  { key: 'userid', label: 'User id', width: 'minmax(160px, 1.2fr)', defaultVisible: false, sortValue: (r) => useridSortKey(r.account.userid), text: (r) => r.account.userid },
  { key: 'created', label: 'Created', width: '104px', defaultVisible: true, sortValue: (r) => r.account.accountCreationDate || null, text: (r) => r.account.accountCreationDate },
  { key: 'followers', label: 'Followers', width: '92px', defaultVisible: true, sortValue: (r) => r.account.followerCount, text: (r) => num(r.account.followerCount), shown: (r) => count(r.account.followerCount) },
  { key: 'following', label: 'Following', width: '92px', defaultVisible: true, sortValue: (r) => r.account.followingCount, text: (r) => num(r.account.followingCount), shown: (r) => count(r.account.followingCount) },
  { key: 'language', label: 'Language', width: '84px', defaultVisible: true, sortValue: (r) => r.account.accountLanguage || null, text: (r) => r.account.accountLanguageRaw || r.account.accountLanguage },
  { key: 'hashed', label: 'Hashed', width: '72px', defaultVisible: true, sortValue: (r) => (r.hashed ? 1 : 0), text: (r) => (r.hashed ? 'yes' : 'no') },
  { key: 'tweets', label: 'Tweets', width: '80px', defaultVisible: true, sortValue: (r) => r.activity?.tweets ?? 0, text: (r) => String(r.activity?.tweets ?? 0), shown: (r) => count(r.activity?.tweets ?? 0) },
  { key: 'activeDays', label: 'Active days', width: '88px', defaultVisible: false, sortValue: (r) => r.activity?.days?.length ?? null, text: (r) => num(r.activity?.days?.length), shown: (r) => count(r.activity?.days?.length) },
  { key: 'perDay', label: 'Tweets per active day', width: '104px', defaultVisible: true, sortValue: perActiveDay, text: (r) => perActiveDayShown(r)?.toFixed(1) ?? '' },
  { key: 'first', label: 'First tweet', width: '160px', defaultVisible: true, sortValue: (r) => r.activity?.firstTweetTime ?? null, text: (r) => time(r.activity?.firstTweetTime) },
  { key: 'last', label: 'Last tweet', width: '160px', defaultVisible: false, sortValue: (r) => r.activity?.lastTweetTime ?? null, text: (r) => time(r.activity?.lastTweetTime) },
  { key: 'client', label: 'Main client', width: 'minmax(120px, 1fr)', defaultVisible: true, sortValue: (r) => r.mainClient || null, text: (r) => r.mainClient },
  // Flagged: why (the rule's reasons); not flagged: "no", in the table and the CSV (a blank read as unknown).
  { key: 'random', label: 'Random-looking handle', width: '120px', defaultVisible: true, sortValue: (r) => (r.randomHandle ? 1 : 0), text: (r) => (r.randomHandle ? randomHandleReasons(r.account.userScreenName).join(', ') : 'no') },
  { key: 'location', label: 'Location', width: 'minmax(100px, 1fr)', defaultVisible: false, sortValue: (r) => r.account.userReportedLocation || null, text: (r) => r.account.userReportedLocation },
];

/** Sorts with each row's key computed once (100k rows: one key per row, not two per comparison). */
export function sortRows(rows: AccountRow[], col: AccountColumn, dir: 1 | -1): AccountRow[] {
  const keyed = rows.map((r) => ({ r, k: col.sortValue(r) }));
  keyed.sort((a, b) => {
    if (a.k === null || b.k === null) return a.k === b.k ? 0 : a.k === null ? 1 : -1; // missing last, either direction
    return (a.k < b.k ? -1 : a.k > b.k ? 1 : 0) * dir;
  });
  return keyed.map((x) => x.r);
}

/** CSV (RFC 4180, every field quoted so ids stay text), header = column labels. */
export function rowsToCsv(rows: AccountRow[], cols: AccountColumn[]): string {
  return csvLine(cols.map((c) => c.label)) + rows.map((r) => csvLine(cols.map((c) => c.text(r)))).join('');
}

/**
 * Numeric ids in numeric order (ids are strings: '1018492735' before '1014383617843883142', the order
 * of account creation), then hashed ids, as text. Numeric ids never start with 0.
 */
export function useridSortKey(id: string): string {
  return /^\d+$/.test(id) ? `0${String(id.length).padStart(3, '0')}${id}` : `1${id}`;
}
