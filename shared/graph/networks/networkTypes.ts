import type Graph from 'graphology';

export type InteractionKind = 'retweet' | 'mention' | 'reply' | 'quote';
export type CoUseKind = 'cohashtag' | 'courl';
export type NetworkKind = InteractionKind | CoUseKind;
export const NETWORK_KINDS: readonly NetworkKind[] = ['retweet', 'mention', 'reply', 'quote', 'cohashtag', 'courl'];

/** Node attributes of every network. Node keys are userids ('@name' when only a screen name is known). */
export interface AccountNode {
  label: string;
  /** Not an account of the archive (retweeted, mentioned, replied-to or quoted from outside). */
  external: boolean;
  /** Tweets by this account in the analysed (filtered) set. */
  posts: number;
}

export interface WeightedEdge {
  weight: number;
}

export interface NetworkStats {
  tweetsRead: number;
  tweetsFiltered: number;
  /** Tweets passing the filter that carry what the kind links: a retweet, a mention, a reply, a quote, a hashtag, a link (for an empty network's reason). */
  tweetsWithObject: number;
  /** Interactions whose target could not be resolved (mention id '0', quoted tweet outside the archive, RT without id or name). */
  unresolved: number;
  /**
   * Co-use items skipped because more than maxAccountsPerItem accounts used them: the item as the
   * network compares it (folded hashtag, normalised link) and its first spelling in the archive.
   */
  prunedItems: { item: string; spelling: string; accounts: number }[];
}

export interface NetworkResult {
  kind: NetworkKind;
  graph: Graph<AccountNode, WeightedEdge>;
  stats: NetworkStats;
  /** Interaction networks built with `edgeRows`: column rows of the tweets behind each edge, keyed `source + '\u0000' + target`. */
  edgeRows?: Map<string, number[]>;
}
