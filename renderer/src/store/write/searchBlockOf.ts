import { normalizeForSearch, SEARCH_TEXT_VERSION } from '../../search/searchQuery';
import { storedFilterBlock } from '../../search/searchFilterColumns';
import { joinRows } from '../joinRows';
import { intoOneBuffer } from '../oneBuffer';
import type { SearchBlockRecord, TweetBlockRecord } from '../schema';

/**
 * A tweet block's search record: its text (`tweetText`, the block's decoded text column) normalised
 * (NFKC folds 'ＨＫ' to 'hk', lower case) and its filter columns, typed arrays on one buffer.
 */
export function searchBlockOf(b: TweetBlockRecord, tweetText: readonly string[]): SearchBlockRecord {
  return intoOneBuffer({
    datasetId: b.datasetId, importId: b.importId, seq: b.seq,
    ...joinRows(tweetText.map(normalizeForSearch)),
    norm: SEARCH_TEXT_VERSION,
    filters: storedFilterBlock(b.columns),
  });
}
