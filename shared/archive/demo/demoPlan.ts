import { seededRandom, deriveSeed, type SeededRandom } from '../../graph/seededRandom';
import { ALL_BEHAVIOURS, type CoordinationBehaviour, type ResolvedDemoOptions } from './demoOptions';
import { demoB64Hash, demoNumericUserId, demoScreenName, demoSnowflake } from './demoIds';
import { parseDayToMinute, formatDay } from './csvFormat';
import {
  ACCOUNT_LANGUAGE, DESCRIPTIONS, HASHTAGS, LINK_DOMAINS, LOCATIONS, NAME_WORDS, TEXT_LANGUAGES,
  demoText, shortCode,
} from './demoText';

/** An account as it appears in the users file (and repeated on its tweet rows). */
export interface DemoAccount {
  userid: string;
  /** Numeric id used in user_mentions (the China 2019 sets do not hash mentions). */
  mentionId: string;
  displayName: string;
  screenName: string;
  location: string;
  description: string;
  profileUrl: string;
  followers: number;
  following: number;
  creationDate: string;
  accountLanguage: string;
  lang: string;
  client: string;
  /** Planted group index, or -1 for a background account. */
  group: number;
}

/** A tweet outside the group events that many accounts retweet, quote or reply to. */
export interface DemoTarget {
  tweetid: string;
  userid: string;
  mentionId: string;
  screenName: string;
  minute: number;
  text: string;
  lang: string;
  hashtags: string[];
  urls: string[];
}

/** One coordinated burst: the participating members act on one shared object within a minute. */
export interface DemoEvent {
  group: number;
  behaviour: CoordinationBehaviour;
  minute: number;
  members: number[];
  /** 0 or 1 minute after `minute` per participant, so pairwise Δt ≤ 60 s. */
  offsets: number[];
  target: DemoTarget;
  /** cotweet: the identical text; colink: the shared URL. */
  text: string;
  url: string;
}

export interface DemoGroup {
  id: number;
  members: number[];
  behaviours: CoordinationBehaviour[];
  createdOn: string;
}

export interface DemoPlan {
  accounts: DemoAccount[];
  externals: DemoAccount[];
  groups: DemoGroup[];
  events: DemoEvent[];
  popular: DemoTarget[];
  startMinute: number;
  endMinute: number;
  switchMinute: number;
}

export function groupBehaviours(g: number): CoordinationBehaviour[] {
  return ALL_BEHAVIOURS.filter((_, k) => g === 0 || (k + g) % 3 !== 0);
}

/** `used`: the ids drawn so far. Random 8–10 digit ids collide (likely from ~50,000 accounts): a taken one is drawn again. */
function makeAccount(rng: SeededRandom, seq: number, creationMinute: number, hashed: boolean, group: number, used: Set<string>): DemoAccount {
  const lang = group >= 0 ? 'zh' : rng.pick(TEXT_LANGUAGES);
  const followers = hashed ? rng.int(4999) : rng.chance(0.3) ? 0 : rng.int(60_000);
  let numeric = demoNumericUserId(creationMinute, rng, seq);
  while (used.has(numeric)) numeric = demoNumericUserId(creationMinute, rng, seq);
  used.add(numeric);
  let hash = hashed ? demoB64Hash(rng) : '';
  while (hashed && used.has(hash)) hash = demoB64Hash(rng);
  if (hashed) used.add(hash);
  const screen = demoScreenName(rng, NAME_WORDS);
  return {
    userid: hashed ? hash : numeric,
    mentionId: numeric,
    displayName: hashed ? hash : rng.chance(0.4) ? rng.pick(['牛小牛', '前尘往事', 'George', 'مريم', 'נועה', 'رضا', 'HK時政直擊']) : screen,
    screenName: hashed ? hash : screen,
    location: hashed ? '' : rng.pick(LOCATIONS),
    description: hashed ? '' : rng.pick(DESCRIPTIONS),
    profileUrl: !hashed && rng.chance(0.1) ? 'https://t.co/' + shortCode(rng, 10) : '',
    followers,
    following: rng.int(2000),
    creationDate: formatDay(creationMinute),
    accountLanguage: rng.pick(ACCOUNT_LANGUAGE[lang] ?? ['en']),
    lang,
    client: group >= 0 ? 'Twitter for Android' : rng.pick(['Twitter for iPhone', 'Twitter for Android', 'Twitter Web App', 'TweetDeck']),
    group,
  };
}

function makeTarget(rng: SeededRandom, author: DemoAccount, minute: number, seq: number): DemoTarget {
  const lang = author.lang === 'und' ? 'zh' : author.lang;
  const tags = rng.chance(0.5) ? [rng.pick(HASHTAGS)] : [];
  const urls = rng.chance(0.3) ? [rng.pick(LINK_DOMAINS) + shortCode(rng, 6)] : [];
  return {
    tweetid: demoSnowflake(minute, rng, seq),
    userid: author.userid,
    mentionId: author.mentionId,
    screenName: author.screenName,
    minute,
    text: demoText(rng, lang) + tags.map((t) => ' #' + t).join(''),
    lang,
    hashtags: tags,
    urls,
  };
}

/** Everything small enough to hold in memory: accounts, groups, events, popular tweets. */
export function buildDemoPlan(o: ResolvedDemoOptions): DemoPlan {
  const rng = seededRandom(deriveSeed(o.seed, 1));
  const startMinute = parseDayToMinute(o.startDate);
  const endMinute = startMinute + o.days * 1440 - 2;
  const switchMinute = parseDayToMinute(o.clientSwitchDate);
  const day2009 = parseDayToMinute('2009-01-01');
  const accounts: DemoAccount[] = [];
  const groups: DemoGroup[] = [];
  let seq = 0;
  const used = new Set<string>();
  // Planted groups first: each created in a burst on one day of 2017 (like 2017-08-30 in China set 1).
  for (let g = 0; g < o.groups; g++) {
    const size = o.groupSizeMin + rng.int(o.groupSizeMax - o.groupSizeMin + 1);
    const burstDay = parseDayToMinute('2017-06-01') + rng.int(180) * 1440;
    const members: number[] = [];
    for (let i = 0; i < size; i++) {
      members.push(accounts.length);
      accounts.push(makeAccount(rng, seq++, burstDay + rng.int(1440), rng.chance(0.7), g, used));
    }
    groups.push({ id: g, members, behaviours: groupBehaviours(g), createdOn: formatDay(burstDay) });
  }
  // Background accounts; a share of them created in the same burst as group 0 (a decoy burst).
  const burst0 = parseDayToMinute(groups[0]?.createdOn ?? '2017-08-30');
  while (accounts.length < o.accounts) {
    const creation = rng.chance(0.1) ? burst0 + rng.int(1440) : day2009 + rng.int(startMinute - day2009);
    accounts.push(makeAccount(rng, seq++, creation, rng.chance(o.hashedShare), -1, used));
  }
  const externals: DemoAccount[] = [];
  for (let i = 0; i < 60; i++) {
    const a = makeAccount(rng, seq++, day2009 + rng.int(startMinute - day2009), false, -1, used);
    externals.push(a);
  }
  const popularCount = Math.min(20_000, Math.max(50, Math.round(o.tweets / 200)));
  const popular: DemoTarget[] = [];
  for (let i = 0; i < popularCount; i++) {
    const author = rng.chance(0.7) ? rng.pick(externals) : rng.pick(accounts);
    popular.push(makeTarget(rng, author, startMinute + rng.int(endMinute - startMinute), seq++));
  }
  popular.sort((a, b) => a.minute - b.minute);
  const events: DemoEvent[] = [];
  for (const group of groups) {
    const amplified = externals[group.id % externals.length]!;
    for (const behaviour of group.behaviours) {
      for (let e = 0; e < o.eventsPerBehaviour; e++) {
        const minute = startMinute + rng.int(endMinute - startMinute);
        let members = group.members.filter(() => rng.chance(o.participation));
        if (members.length < 2) members = group.members.slice(0, 2);
        const author = behaviour === 'coreply' ? rng.pick(externals) : amplified;
        const target = makeTarget(rng, author, Math.max(startMinute, minute - 1 - rng.int(30)), seq++);
        events.push({
          group: group.id, behaviour, minute, members,
          offsets: members.map(() => rng.int(2)),
          target,
          text: demoText(rng, 'zh') + ' #' + rng.pick(HASHTAGS),
          url: rng.pick(LINK_DOMAINS) + shortCode(rng, 7),
        });
      }
    }
  }
  // Interleave events through the file deterministically (not grouped by group).
  for (let i = events.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [events[i], events[j]] = [events[j]!, events[i]!];
  }
  return { accounts, externals, groups, events, popular, startMinute, endMinute, switchMinute };
}
