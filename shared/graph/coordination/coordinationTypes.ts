import type { TweetFilter } from '../tweetFilter';

export type CoordinationKind = 'coretweet' | 'cotweet' | 'colink' | 'coreply';
export const COORDINATION_KINDS: readonly CoordinationKind[] = ['coretweet', 'cotweet', 'colink', 'coreply'];

export interface CoordinationOptions {
  kind: CoordinationKind;
  /** Maximum time between two posts on the same object; default 60. Minute data: Δt ∈ {0, 60, ...}. */
  windowSeconds?: number;
  /** Minimum number of distinct shared objects co-acted on within the window; default 3. */
  minRepeat?: number;
  /** Null-model replicates; default 199 (p-values in steps of 1/200). 0 skips significance. */
  replicates?: number;
  seed?: number;
  /** FDR level for `significant`; default 0.05. */
  alpha?: number;
  /** An object whose in-window pair count exceeds this is excluded and reported; default 250,000. */
  maxPairsPerObject?: number;
  /** Half-width of the null model's random per-account shift; default max(60, 20 windows) minutes. */
  nullShiftMinutes?: number;
  /** cotweet / colink / coreply skip retweets by default (co-retweet covers them). */
  includeRetweets?: boolean;
  filter?: TweetFilter;
}

/** One pair of posts behind an edge: the evidence an analyst clicks through to. */
export interface CoordinationPair {
  /** Post of `source`. */
  tweetA: string;
  /** Post of `target`. */
  tweetB: string;
  /** UTC minutes since the epoch. */
  timeA: number;
  timeB: number;
  deltaSeconds: number;
  /** The shared object: retweeted tweet id, normalised text, normalised URL or replied-to tweet id. */
  object: string;
}

export interface CoordinationEdge {
  /** userid; source < target as strings. */
  source: string;
  target: string;
  /** Number of distinct objects both accounts acted on within the window (pairs lists every post pair). */
  weight: number;
  /** Mean weight under the null model. */
  expectedWeight: number;
  pValue: number;
  qValue: number;
  significant: boolean;
  pairs: CoordinationPair[];
}

export interface CappedObject {
  object: string;
  actions: number;
  pairsInWindow: number;
}

export interface NullModelDescription {
  name: 'account-day-shift';
  description: string;
  replicates: number;
  seed: number;
  /** Half-width S of the random per-account shift actually used. */
  shiftMaxMinutes: number;
}

export interface CoordinationResult {
  kind: CoordinationKind;
  windowSeconds: number;
  minRepeat: number;
  alpha: number;
  /** Posts that carried an object of this kind (after the filter). */
  actions: number;
  objects: number;
  accounts: number;
  /** Per userid of the actions, its posts that carried an object (an account's "posts analysed" here). */
  postsByAccount: Record<string, number>;
  tweetsFiltered: number;
  /** Account pairs that co-acted at least once (before minRepeat). */
  candidatePairs: number;
  /** The most distinct objects any account pair co-acted on within the window (0 when no pair did): what minRepeat is measured against. */
  heaviestPairWeight: number;
  edges: CoordinationEdge[];
  cappedObjects: CappedObject[];
  nullModel: NullModelDescription;
  /** Wall-clock: detection (extract + sweeps + evidence), significance (null model + BH + output). */
  timingsMs: { detection: number; significance: number; nullModel: number };
}
