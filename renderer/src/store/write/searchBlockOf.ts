import { normalizeForSearch } from '../../search/searchQuery';
import { storedFilterBlock } from '../../search/searchFilterColumns';
import { joinRows } from '../joinRows';
import type { SearchBlockRecord, TweetBlockRecord } from '../schema';
import { unpackStrings } from '../tweetBlockCodec';

/** A tweet block's search record: its text normalised (NFKC folds 'ＨＫ' to 'hk', lower case) and its filter columns. */
export function searchBlockOf(b: TweetBlockRecord): SearchBlockRecord {
  return {
    datasetId: b.datasetId, importId: b.importId, seq: b.seq,
    ...joinRows(unpackStrings(b.columns.tweetText).map(normalizeForSearch)),
    filters: storedFilterBlock(b.columns),
  };
}
