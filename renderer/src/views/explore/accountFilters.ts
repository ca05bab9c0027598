import { chosenValue } from './emptyOption';
import type { AccountRow } from './exploreData';
import { minuteOfDay } from './timeBuckets';

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
  /** YYYY-MM-DD, compared with the first / last tweet's UTC day. */
  activeFrom: string;
  activeTo: string;
}

export const NO_FILTERS: AccountFilters = {
  text: '', language: '', hashed: 'any', random: 'any', client: '', createdFrom: '', createdTo: '',
  followersMin: '', followersMax: '', followingMin: '', followingMax: '', tweetsMin: '', tweetsMax: '', activeFrom: '', activeTo: '',
};

const bound = (s: string): number | null => (s.trim() === '' || !Number.isFinite(Number(s)) ? null : Number(s));

/** A predicate for the filters; numeric bounds exclude accounts whose value is unknown. */
export function accountFilter(f: AccountFilters): (r: AccountRow) => boolean {
  const text = f.text.trim().normalize('NFKC').toLowerCase().replace(/^@/, ''); // a pasted name often brings spaces
  const [fMin, fMax, gMin, gMax, tMin, tMax] = [f.followersMin, f.followersMax, f.followingMin, f.followingMax, f.tweetsMin, f.tweetsMax].map(bound);
  const within = (v: number | null | undefined, lo: number | null, hi: number | null) =>
    (lo === null && hi === null) || (v !== null && v !== undefined && (lo === null || v >= lo) && (hi === null || v <= hi));
  const activeFrom = f.activeFrom ? minuteOfDay(f.activeFrom) : null;
  const activeTo = f.activeTo ? minuteOfDay(f.activeTo) + 1440 : null;
  return (r) => {
    const a = r.account;
    if (text && !(a.userScreenName.normalize('NFKC').toLowerCase().includes(text) || a.userDisplayName.normalize('NFKC').toLowerCase().includes(text) || a.userid.toLowerCase().includes(text))) return false;
    const language = chosenValue(f.language);
    if (language !== undefined && a.accountLanguage !== language) return false;
    if (f.hashed !== 'any' && r.hashed !== (f.hashed === 'hashed')) return false;
    if (f.random !== 'any' && r.randomHandle !== (f.random === 'yes')) return false;
    if (f.client && r.mainClient !== f.client) return false;
    if (f.createdFrom && !(a.accountCreationDate && a.accountCreationDate >= f.createdFrom)) return false;
    if (f.createdTo && !(a.accountCreationDate && a.accountCreationDate.slice(0, 10) <= f.createdTo)) return false;
    if (!within(a.followerCount, fMin, fMax) || !within(a.followingCount, gMin, gMax)) return false;
    if (!within(r.activity?.tweets ?? 0, tMin, tMax)) return false;
    // Active in [from, to]: its first tweet is before the end and its last after the start.
    if (activeFrom !== null && !(r.activity && r.activity.lastTweetTime >= activeFrom)) return false;
    if (activeTo !== null && !(r.activity && r.activity.firstTweetTime < activeTo)) return false;
    return true;
  };
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

