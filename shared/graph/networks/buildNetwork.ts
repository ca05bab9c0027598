import type { TweetColumns } from '../../domain/tweet';
import type { TweetFilter } from '../tweetFilter';
import { buildInteractionNetwork } from './interactionNetwork';
import { buildCoUseNetwork, DEFAULT_MAX_ACCOUNTS_PER_ITEM } from './coUseNetwork';
import type { NetworkKind, NetworkResult } from './networkTypes';
import type { NamedAccount } from '../../domain/screenNames';
import type { BuildProgress } from './buildProgress';

/** One entry point for every network kind. */
export function buildNetwork(
  c: TweetColumns,
  kind: NetworkKind,
  /** accounts: the dataset's (users file too), for the names a row gives without an id. */
  options: { filter?: TweetFilter; maxAccountsPerItem?: number; edgeRows?: boolean; accounts?: Iterable<NamedAccount>; onProgress?: BuildProgress } = {},
): NetworkResult {
  if (kind === 'cohashtag' || kind === 'courl') {
    return buildCoUseNetwork(c, kind, options.filter, options.maxAccountsPerItem ?? DEFAULT_MAX_ACCOUNTS_PER_ITEM, options.onProgress);
  }
  return buildInteractionNetwork(c, kind, options.filter, { edgeRows: options.edgeRows, accounts: options.accounts, onProgress: options.onProgress });
}
