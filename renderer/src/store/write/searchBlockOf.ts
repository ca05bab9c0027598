import { normalizeForSearch, SEARCH_TEXT_VERSION } from '../../../../shared/domain/searchFold';
import { storedFilterBlock } from '../../search/searchFilterColumns';
import { joinRows } from '../joinRows';
import { intoOneBuffer } from '../oneBuffer';
import type { SearchBlockRecord, TweetBlockRecord } from '../schema';
import { tweetTargets, type TweetTargets } from '../tweetTargets';

/**
 * A tweet block's search record: its text (`tweetText`, the block's decoded text column) normalised
 * (NFKC folds 'ＨＫ' to 'hk', lower case) and its filter columns with its targets (whom each tweet
 * retweets and mentions, the domains it links), typed arrays on one buffer.
 */
export function searchBlockOf(b: TweetBlockRecord, tweetText: readonly string[], targets: TweetTargets = tweetTargets(b.columns)): SearchBlockRecord {
  return intoOneBuffer({
    datasetId: b.datasetId, importId: b.importId, seq: b.seq,
    ...joinRows(tweetText.map(normalizeForSearch)),
    norm: SEARCH_TEXT_VERSION,
    filters: storedFilterBlock(b.columns, targets),
  });
}
