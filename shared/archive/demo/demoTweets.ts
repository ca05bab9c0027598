import { seededRandom, deriveSeed, type SeededRandom } from '../../graph/seededRandom';
import type { ResolvedDemoOptions } from './demoOptions';
import type { DemoAccount, DemoEvent, DemoPlan, DemoTarget } from './demoPlan';
import { demoSnowflake } from './demoIds';
import { EMOJI, HASHTAGS, LINK_DOMAINS, demoText, shortCode, tcoLink } from './demoText';

/** One generated tweet row, typed; serialised to CSV or packed into TweetColumns. */
export interface DemoTweetRow {
  tweetid: string;
  account: DemoAccount;
  lang: string;
  text: string;
  minute: number;
  client: string;
  inReplyToUserid: string;
  inReplyToTweetid: string;
  quotedTweetTweetid: string;
  isRetweet: boolean;
  retweetUserid: string;
  retweetTweetid: string;
  latitude: string;
  longitude: string;
  quoteCount: number | null;
  replyCount: number | null;
  likeCount: number | null;
  retweetCount: number | null;
  hashtags: string[];
  urls: string[];
  userMentions: string[];
  pollChoices: string[];
}

function coordinatedPostCount(plan: DemoPlan): number {
  return plan.events.reduce((n, e) => n + e.members.length, 0);
}

/**
 * All tweet rows, streamed: background rows are drawn one at a time and the planted events are
 * spread through the file, so memory does not grow with the number of tweets.
 */
export function* demoTweetRows(o: ResolvedDemoOptions, plan: DemoPlan): Generator<DemoTweetRow> {
  const rng = seededRandom(deriveSeed(o.seed, 2));
  const coordinated = coordinatedPostCount(plan);
  if (coordinated > o.tweets) {
    throw new Error(`tweets=${o.tweets} is fewer than the ${coordinated} planted coordinated posts`);
  }
  const background = o.tweets - coordinated;
  const slots = plan.events.length + 1;
  let emitted = 0;
  let seq = 0;
  const recent: RecentTweet[] = [];
  for (let k = 0; k <= plan.events.length; k++) {
    const until = Math.floor(((k + 1) * background) / slots);
    for (; emitted < until; emitted++) {
      const row = backgroundRow(rng, plan, seq++, recent);
      // Keep a small ring of recent originals so some quotes point inside the archive.
      if (!row.isRetweet && !row.inReplyToTweetid && !row.quotedTweetTweetid) recent[seq % 256] = { tweetid: row.tweetid, screenName: row.account.screenName, minute: row.minute };
      yield row;
    }
    const event = plan.events[k];
    if (event) for (let m = 0; m < event.members.length; m++) yield eventRow(rng, plan, event, m, seq++);
  }
}

function clientFor(plan: DemoPlan, a: DemoAccount, minute: number, rng: SeededRandom): string {
  // The operation's phase change: Android first, then "Twitter Web Client".
  if (a.group >= 0) return minute < plan.switchMinute ? 'Twitter for Android' : 'Twitter Web Client';
  return rng.chance(0.95) ? a.client : 'Twitter Web Client';
}

function baseRow(rng: SeededRandom, plan: DemoPlan, account: DemoAccount, minute: number, seq: number): DemoTweetRow {
  const geo = rng.next();
  const [lat, lon] = geo < 0.8 ? ['absent', 'absent'] : geo < 0.9 ? ['present', 'present']
    : [(22.2 + rng.next() * 0.3).toFixed(6), (114.0 + rng.next() * 0.3).toFixed(6)];
  const count = (): number | null => (rng.chance(0.1) ? null : rng.chance(0.7) ? 0 : rng.int(500));
  return {
    tweetid: demoSnowflake(minute, rng, seq),
    account, lang: account.lang === 'und' ? 'und' : account.lang, text: '', minute,
    client: clientFor(plan, account, minute, rng),
    inReplyToUserid: '', inReplyToTweetid: '', quotedTweetTweetid: '',
    isRetweet: false, retweetUserid: '', retweetTweetid: '',
    latitude: lat, longitude: lon,
    quoteCount: count(), replyCount: count(), likeCount: count(), retweetCount: count(),
    hashtags: [], urls: [], userMentions: [], pollChoices: [],
  };
}

function asRetweet(rng: SeededRandom, row: DemoTweetRow, t: DemoTarget): DemoTweetRow {
  row.isRetweet = true;
  row.lang = t.lang;
  const body = t.text.length > 120 ? t.text.slice(0, 119) + '…' : t.text;
  row.text = 'RT @' + t.screenName + ': ' + body;
  row.retweetTweetid = t.tweetid;
  // Some archives leave retweet_userid empty: the reader must fall back to the RT @name prefix.
  row.retweetUserid = rng.chance(0.1) ? '' : t.userid;
  row.hashtags = t.hashtags.slice();
  row.urls = t.urls.slice();
  row.userMentions = [t.mentionId];
  row.quoteCount = row.replyCount = row.likeCount = row.retweetCount = rng.chance(0.1) ? null : 0;
  return row;
}

function asReply(row: DemoTweetRow, t: DemoTarget, text: string): DemoTweetRow {
  row.inReplyToTweetid = t.tweetid;
  row.inReplyToUserid = t.userid;
  row.userMentions = [t.mentionId];
  row.text = '@' + t.screenName + ' ' + text;
  return row;
}

function withExtras(rng: SeededRandom, row: DemoTweetRow, plan: DemoPlan): DemoTweetRow {
  if (rng.chance(0.25)) {
    const tag = rng.pick(HASHTAGS);
    row.hashtags.push(tag);
    row.text += ' #' + tag;
  }
  if (rng.chance(0.2)) {
    const tag = rng.pick(HASHTAGS);
    if (!row.hashtags.includes(tag)) {
      row.hashtags.push(tag);
      row.text += ' #' + tag;
    }
  }
  if (rng.chance(0.2)) {
    row.urls.push(rng.pick(LINK_DOMAINS) + shortCode(rng, rng.chance(0.3) ? 3 : 8));
    row.text += ' ' + tcoLink(rng);
  }
  if (rng.chance(0.1)) {
    const m = rng.pick(plan.accounts);
    row.userMentions.push(m.mentionId);
    row.text = '@' + m.screenName + ' ' + row.text;
  }
  if (rng.chance(0.01)) row.pollChoices = ['支持', '反對', rng.pick(EMOJI)];
  return row;
}

interface RecentTweet {
  tweetid: string;
  screenName: string;
  minute: number;
}

function backgroundRow(rng: SeededRandom, plan: DemoPlan, seq: number, recent: RecentTweet[]): DemoTweetRow {
  const account = plan.accounts[rng.int(plan.accounts.length)]!;
  const kind = rng.next();
  if (kind < 0.4) {
    // Retweet of a popular tweet, Zipf-like choice, some delay after it was posted.
    const t = plan.popular[Math.floor(plan.popular.length * rng.next() ** 3)]!;
    const minute = Math.min(plan.endMinute, t.minute + Math.floor(-Math.log(1 - rng.next()) * 720));
    return asRetweet(rng, baseRow(rng, plan, account, minute, seq), t);
  }
  const minute = plan.startMinute + rng.int(plan.endMinute - plan.startMinute);
  const row = baseRow(rng, plan, account, minute, seq);
  if (kind < 0.5) {
    const t = rng.pick(plan.popular);
    return withExtras(rng, asReply(row, t, demoText(rng, row.lang)), plan);
  }
  if (kind < 0.55) {
    const candidate = recent.length > 0 && rng.chance(0.5) ? recent[rng.int(recent.length)] : undefined;
    const inside = candidate && candidate.minute <= minute ? candidate : undefined; // never quote the future
    const t = inside ?? rng.pick(plan.popular);
    row.quotedTweetTweetid = t.tweetid;
    const link = `https://twitter.com/${t.screenName}/status/${t.tweetid}`;
    row.urls.push(link);
    row.text = demoText(rng, row.lang) + ' ' + tcoLink(rng);
    return row;
  }
  row.text = demoText(rng, row.lang);
  return withExtras(rng, row, plan);
}

function eventRow(rng: SeededRandom, plan: DemoPlan, e: DemoEvent, m: number, seq: number): DemoTweetRow {
  const account = plan.accounts[e.members[m]!]!;
  const row = baseRow(rng, plan, account, e.minute + e.offsets[m]!, seq);
  switch (e.behaviour) {
    case 'coretweet':
      return asRetweet(rng, row, e.target);
    case 'cotweet':
      // Same text; each post gets its own t.co link and sometimes different spacing or case.
      row.text = (rng.chance(0.3) ? e.text.replace(' ', '  ') : e.text) + ' ' + tcoLink(rng);
      row.hashtags = [e.text.slice(e.text.lastIndexOf('#') + 1)];
      return row;
    case 'colink':
      row.text = demoText(rng, 'zh') + ' ' + tcoLink(rng);
      row.urls = [rng.chance(0.3) ? e.url + '/' : e.url];
      return row;
    case 'coreply':
      return asReply(row, e.target, demoText(rng, 'zh'));
  }
}
