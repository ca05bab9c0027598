import { countOf, formatCount } from '../domain/countWords';

/**
 * Why a network came out empty, from the counters its builder keeps: an empty network would read as
 * a finding ("these accounts never interact"), when the data or the settings left nothing to link.
 */
export interface NetworkCounts {
  kind: string;
  edges: number;
  /** Tweets of the dataset, and those the filter left out. */
  tweets: number;
  tweetsFiltered: number;
  /** Interaction and co-use kinds: tweets (after the filter) carrying what the kind links; interactions whose target is unknown; items skipped as used by too many accounts. */
  tweetsWithObject?: number;
  unresolved?: number;
  prunedItems?: number;
  /** Coordination kinds (CoordinationResult). */
  actions?: number;
  candidatePairs?: number;
  heaviestPairWeight?: number;
  cappedObjects?: number;
  windowSeconds?: number;
  minRepeat?: number;
}

/** What a tweet has when an interaction or co-use network counts it. */
const HAS: Record<string, [one: string, many: string]> = {
  retweet: ['is a retweet', 'are retweets'],
  mention: ['has a mention', 'have a mention'],
  reply: ['is a reply', 'are replies'],
  quote: ['quotes a tweet', 'quote a tweet'],
  cohashtag: ['has a hashtag', 'have a hashtag'],
  courl: ['has a link', 'have a link'],
};

/** Why a coordination network has nothing to compare (FiveThirtyEight files have no linked tweet ids). */
export const NOTHING_TO_COMPARE: Record<string, string> = {
  coretweet: 'No tweet of the filtered dataset names the tweet it retweets (retweet_tweetid): there is nothing to compare. FiveThirtyEight files hold no retweeted tweet ids.',
  coreply: 'No tweet of the filtered dataset names the tweet it replies to (in_reply_to_tweetid): there is nothing to compare. FiveThirtyEight files hold no replied-to tweet ids.',
  colink: 'No tweet of the filtered dataset lists a link: there is nothing to compare.',
  cotweet: 'No tweet of the filtered dataset has text to compare.',
};

/** What two accounts did together, and on what, per coordination kind. */
const CO_ACTED: Record<string, [did: string, object: string]> = {
  coretweet: ['retweeted', 'tweet'],
  cotweet: ['posted', 'text'],
  colink: ['shared', 'link'],
  coreply: ['replied to', 'tweet'],
};


/** One sentence saying why the network has no edge; '' when it has edges. */
export function emptyNetworkReason(c: NetworkCounts): string {
  if (c.edges > 0) return '';
  if (c.tweets === 0) return 'The dataset holds no tweets: there is nothing to link.';
  const read = c.tweets - c.tweetsFiltered;
  if (read === 0) return `None of the dataset’s ${countOf(c.tweets, 'tweet')} passes the filter (days, language, accounts).`;
  const after = c.tweetsFiltered > 0 ? ' (after the filter)' : '';
  const co = CO_ACTED[c.kind];
  if (co) {
    const [did, object] = co;
    const actions = c.actions ?? 0;
    if (actions === 0) return NOTHING_TO_COMPARE[c.kind] ?? 'No tweet of the filtered dataset can be compared.';
    const window = `within ${formatCount(c.windowSeconds ?? 0)} s`;
    const pairs = c.candidatePairs ?? 0;
    if (pairs === 0) {
      const hubs = (c.cappedObjects ?? 0) > 0 ? ', apart from the hub objects skipped' : '';
      return `${countOf(read, 'tweet')} read${after}, but no two accounts ${did} the same ${object} ${window}${hubs}.`;
    }
    const min = c.minRepeat ?? 0;
    return `No account pair ${did} ${countOf(min, `different ${object}`, `different ${object}s`)} ${window} (Minimum repeats): of the ${countOf(pairs, 'account pair')} that ${did} the same ${object}, the heaviest ${did} ${formatCount(c.heaviestPairWeight ?? 0)}.`;
  }
  const has = HAS[c.kind];
  if (!has) return '';
  const withObject = c.tweetsWithObject ?? 0;
  if (withObject === 0) return `${countOf(read, 'tweet')} read${after}: none ${has[0]}.`;
  const some = `${countOf(read, 'tweet')} read${after}, ${formatCount(withObject)} of them ${withObject === 1 ? has[0] : has[1]}`;
  if (c.kind === 'cohashtag' || c.kind === 'courl') {
    const item = c.kind === 'cohashtag' ? 'hashtag' : 'link';
    return (c.prunedItems ?? 0) > 0
      ? `${some}, but no two accounts share a ${item} used by few enough accounts to be kept (below).`
      : `${some}, but no two accounts share a ${item}.`;
  }
  if (c.kind === 'mention' && (c.unresolved ?? 0) === 0) return `${some}, but each mentions only its author.`;
  return `${some}, but none names an account the network can link (below).`;
}
