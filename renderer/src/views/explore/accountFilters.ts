import { chosenValue } from './emptyOption';
import { MINUTES_PER_DAY } from '../../../../shared/domain/tweet';
import type { AccountActivity } from '../../store/schema';
import { perActiveDayShown, type AccountRow } from './exploreData';
import { minuteOfDay } from './timeBuckets';
import { normalizeForSearch } from '../../../../shared/domain/searchFold';

export interface AccountFilters {
  text: string;
  language: string;
  hashed: 'any' | 'hashed' | 'clear';
  random: 'any' | 'yes' | 'no';
  client: string;
  createdFrom: string;
  createdTo: string;
  followersMin: string;
  followersMax: string;
  followingMin: string;
  followingMax: string;
  tweetsMin: string;
  tweetsMax: string;
  /** Tweets per active day at least (accounts of imports that recorded no days never match). */
  perDayMin: string;
  /** YYYY-MM-DD: the account tweeted on one of these UTC days (older imports: its first-to-last span overlaps them). */
  activeFrom: string;
  activeTo: string;
}

export const NO_FILTERS: AccountFilters = {
  text: '', language: '', hashed: 'any', random: 'any', client: '', createdFrom: '', createdTo: '',
  followersMin: '', followersMax: '', followingMin: '', followingMax: '', tweetsMin: '', tweetsMax: '', perDayMin: '', activeFrom: '', activeTo: '',
};

const bound = (s: string): number | null => (s.trim() === '' || !Number.isFinite(Number(s)) ? null : Number(s));

/** A predicate for the filters; numeric bounds exclude accounts whose value is unknown. */
export function accountFilter(f: AccountFilters): (r: AccountRow) => boolean {
  const text = normalizeForSearch(f.text.trim()).replace(/^@/, ''); // a pasted name often brings spaces
  const [fMin, fMax, gMin, gMax, tMin, tMax, dMin] = [f.followersMin, f.followersMax, f.followingMin, f.followingMax, f.tweetsMin, f.tweetsMax, f.perDayMin].map(bound);
  const within = (v: number | null | undefined, lo: number | null, hi: number | null) =>
    (lo === null && hi === null) || (v !== null && v !== undefined && (lo === null || v >= lo) && (hi === null || v <= hi));
  const activeFrom = f.activeFrom ? minuteOfDay(f.activeFrom) : null;
  const activeTo = f.activeTo ? minuteOfDay(f.activeTo) + MINUTES_PER_DAY : null;
  return (r) => {
    const a = r.account;
    if (text && !(foldedNames(a).includes(text) || a.userid.toLowerCase().includes(text))) return false;
    const language = chosenValue(f.language);
    if (language !== undefined && a.accountLanguage !== language) return false;
    if (f.hashed !== 'any' && r.hashed !== (f.hashed === 'hashed')) return false;
    if (f.random !== 'any' && r.randomHandle !== (f.random === 'yes')) return false;
    if (f.client && r.mainClient !== f.client) return false;
    if (f.createdFrom && !(a.accountCreationDate && a.accountCreationDate >= f.createdFrom)) return false;
    if (f.createdTo && !(a.accountCreationDate && a.accountCreationDate.slice(0, 10) <= f.createdTo)) return false;
    if (!within(a.followerCount, fMin, fMax) || !within(a.followingCount, gMin, gMax)) return false;
    if (!within(r.activity?.tweets ?? 0, tMin, tMax)) return false;
    if (!within(perActiveDayShown(r), dMin, null)) return false;
    if ((activeFrom !== null || activeTo !== null) && !(r.activity && activeWithin(r.activity, activeFrom ?? -Infinity, activeTo ?? Infinity))) return false;
    return true;
  };
}

const folded = new WeakMap<AccountRow['account'], string>();
/**
 * Its screen and display names as Search folds text (case, width, Persian's zero-width non-joiner,
 * Chinese script forms…), apart (U+0000 is in no filter text), folded once per account: a filter
 * typed letter by letter runs over every account at each letter.
 */
function foldedNames(a: AccountRow['account']): string {
  let s = folded.get(a);
  if (s === undefined) folded.set(a, (s = normalizeForSearch(`${a.userScreenName}\u0000${a.userDisplayName}`)));
  return s;
}

/** Whether it tweeted in [from, to) (UTC minutes): on a day of that range, or where days were not recorded, in a span overlapping it. */
function activeWithin(a: AccountActivity, from: number, to: number): boolean {
  if (!a.days) return a.lastTweetTime >= from && a.firstTweetTime < to;
  const first = a.days[firstAtLeast(a.days, Math.ceil(from / MINUTES_PER_DAY))];
  return first !== undefined && first * MINUTES_PER_DAY < to;
}

/** The index of the first value >= x in an ascending array (its length when none is). */
function firstAtLeast(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The ranges whose lower bound is above their upper bound (no account can match them), by name. */
export function invertedRanges(f: AccountFilters): string[] {
  const pairs: [string, string, string, boolean][] = [
    ['Created', f.createdFrom, f.createdTo, false], ['Followers', f.followersMin, f.followersMax, true],
    ['Following', f.followingMin, f.followingMax, true], ['Tweets', f.tweetsMin, f.tweetsMax, true], ['Active', f.activeFrom, f.activeTo, false],
  ];
  return pairs
    .filter(([, lo, hi, numeric]) => (numeric ? bound(lo) !== null && bound(hi) !== null && bound(lo)! > bound(hi)! : lo !== '' && hi !== '' && lo > hi))
    .map(([name]) => name);
}


/** The filters in force, in words (an export's file name and receipt say what it left out); '' when none is. */
export function describeAccountFilters(f: AccountFilters): string {
  const range = (name: string, lo: string, hi: string, unit = '') => {
    const [a, b] = [lo.trim(), hi.trim()];
    if (a && b) return `${name} ${a}${unit} to ${b}${unit}`;
    if (a) return `${name} at least ${a}${unit}`;
    return b ? `${name} at most ${b}${unit}` : '';
  };
  const language = chosenValue(f.language);
  return [
    f.text.trim() ? `matching “${f.text.trim()}”` : '',
    language === undefined ? '' : `language ${language || '(none)'}`,
    f.hashed === 'any' ? '' : f.hashed === 'hashed' ? 'hashed ids' : 'clear ids',
    f.random === 'any' ? '' : f.random === 'yes' ? 'random-looking handles' : 'no random-looking handles',
    f.client ? `main client ${f.client}` : '',
    range('created', f.createdFrom, f.createdTo),
    range('followers', f.followersMin, f.followersMax),
    range('following', f.followingMin, f.followingMax),
    range('tweets', f.tweetsMin, f.tweetsMax),
    f.perDayMin.trim() ? `at least ${f.perDayMin.trim()} tweets per active day` : '',
    range('active', f.activeFrom, f.activeTo),
  ].filter(Boolean).join(', ');
}
