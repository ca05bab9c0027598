import { resolveDemoOptions, type CoordinationBehaviour, type DemoArchiveOptions, type ResolvedDemoOptions } from './demoOptions';
import { buildDemoPlan, type DemoAccount, type DemoPlan } from './demoPlan';
import { demoTweetRows, type DemoTweetRow } from './demoTweets';
import {
  TWEETS_COLUMNS, USERS_COLUMNS, csvRecord, formatMinute, pythonIdList, pythonStringList,
} from './csvFormat';

export interface DemoGroundTruth {
  generator: 'disclosure-workbench-demo';
  version: 1;
  options: ResolvedDemoOptions;
  counts: { tweets: number; accounts: number; groupMembers: number; coordinatedPosts: number; events: number };
  groups: {
    id: number;
    members: string[];
    behaviours: CoordinationBehaviour[];
    eventsPerBehaviour: number;
    accountsCreatedOn: string;
  }[];
}

export interface DemoArchive {
  options: ResolvedDemoOptions;
  groundTruth: DemoGroundTruth;
  /** Users CSV text in chunks of about `chunkChars` characters. */
  usersCsv(chunkChars?: number): AsyncGenerator<string>;
  /** Tweets CSV text in chunks; generated lazily, never held whole in memory. */
  tweetsCsv(chunkChars?: number): AsyncGenerator<string>;
  plan: DemoPlan;
}

export const DEMO_USERS_FILE = 'demo_users_csv_hashed.csv';
export const DEMO_TWEETS_FILE = 'demo_tweets_csv_hashed.csv';
export const DEMO_GROUND_TRUTH_FILE = 'ground_truth.json';

const userFields = (a: DemoAccount): string[] => [
  a.userid, a.displayName, a.screenName, a.location, a.description, a.profileUrl,
  String(a.followers), String(a.following), a.creationDate, a.accountLanguage,
];

const count = (n: number | null): string => (n === null ? '' : String(n));

export function demoTweetFields(r: DemoTweetRow): string[] {
  return [
    r.tweetid, ...userFields(r.account), r.lang, r.text, formatMinute(r.minute), r.client,
    r.inReplyToUserid, r.inReplyToTweetid, r.quotedTweetTweetid, r.isRetweet ? 'True' : 'False',
    r.retweetUserid, r.retweetTweetid, r.latitude, r.longitude, count(r.quoteCount),
    count(r.replyCount), count(r.likeCount), count(r.retweetCount), pythonStringList(r.hashtags),
    pythonStringList(r.urls), pythonIdList(r.userMentions), r.pollChoices.join('|'),
  ];
}

async function* chunked(records: Iterable<string>, chunkChars: number): AsyncGenerator<string> {
  let buf = '';
  for (const rec of records) {
    buf += rec;
    if (buf.length >= chunkChars) {
      yield buf;
      buf = '';
    }
  }
  if (buf) yield buf;
}

export function createDemoArchive(options: DemoArchiveOptions): DemoArchive {
  const o = resolveDemoOptions(options);
  const plan = buildDemoPlan(o);
  const groupMembers = plan.groups.reduce((n, g) => n + g.members.length, 0);
  const groundTruth: DemoGroundTruth = {
    generator: 'disclosure-workbench-demo',
    version: 1,
    options: o,
    counts: {
      tweets: o.tweets,
      accounts: plan.accounts.length,
      groupMembers,
      coordinatedPosts: plan.events.reduce((n, e) => n + e.members.length, 0),
      events: plan.events.length,
    },
    groups: plan.groups.map((g) => ({
      id: g.id,
      members: g.members.map((i) => plan.accounts[i]!.userid),
      behaviours: g.behaviours,
      eventsPerBehaviour: o.eventsPerBehaviour,
      accountsCreatedOn: g.createdOn,
    })),
  };
  return {
    options: o,
    groundTruth,
    plan,
    usersCsv: (chunkChars = 1 << 20) =>
      chunked(
        (function* () {
          yield csvRecord(USERS_COLUMNS);
          for (const a of plan.accounts) yield csvRecord(userFields(a));
        })(),
        chunkChars,
      ),
    tweetsCsv: (chunkChars = 1 << 20) =>
      chunked(
        (function* () {
          yield csvRecord(TWEETS_COLUMNS);
          for (const r of demoTweetRows(o, plan)) yield csvRecord(demoTweetFields(r));
        })(),
        chunkChars,
      ),
  };
}

/**
 * Why the archive's tweets file cannot be written (fewer tweets than its planted coordinated posts),
 * for a script to say before it writes anything: the tweet rows refuse only once the users file is out.
 * A users-only archive (its tweets never read) has no such limit.
 */
export function tooFewTweets(archive: DemoArchive): string | null {
  const planted = archive.groundTruth.counts.coordinatedPosts;
  return planted > archive.options.tweets ? `--tweets ${archive.options.tweets} is fewer than the ${planted} planted coordinated posts` : null;
}
