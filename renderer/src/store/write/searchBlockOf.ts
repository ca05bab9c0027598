import { normalizeForSearch, SEARCH_TEXT_VERSION } from '../../../../shared/domain/searchFold';
import { storedFilterBlock } from '../../search/searchFilterColumns';
import { joinRows } from '../joinRows';
import { intoOneBuffer } from '../oneBuffer';
import type { SearchBlockRecord, TweetBlockRecord } from '../schema';
import { tweetTargets, type TweetTargets } from '../tweetTargets';

/** A block's search text, normalised and joined (joinRows). */
type SearchText = Pick<SearchBlockRecord, 'joined' | 'starts'>;

/**
 * A tweet block's search record: its text (`tweetText`, the block's decoded text column) normalised
 * (NFKC folds 'ＨＫ' to 'hk', lower case) and its filter columns with its targets (whom each tweet
 * retweets and mentions, the domains it links), typed arrays on one buffer.
 */
export function searchBlockOf(b: TweetBlockRecord, tweetText: readonly string[], targets: TweetTargets = tweetTargets(b.columns)): SearchBlockRecord {
  return searchRecordOf(b, joinRows(tweetText.map(normalizeForSearch)), targets);
}

/** searchBlockOf for text already normalised by this version of normalizeForSearch (the search worker's refold). */
export function searchRecordOf(b: TweetBlockRecord, text: SearchText, targets: TweetTargets = tweetTargets(b.columns)): SearchBlockRecord {
  return intoOneBuffer({
    datasetId: b.datasetId, importId: b.importId, seq: b.seq,
    joined: text.joined, starts: text.starts,
    norm: SEARCH_TEXT_VERSION,
    filters: storedFilterBlock(b.columns, targets),
  });
}

/**
 * A stored search record with its text replaced by `text` of this version, its other fields (filters)
 * kept, on one buffer again (the typed arrays under `r.filters` are moved there: pass a record just read).
 */
export function withSearchText(r: SearchBlockRecord, text: SearchText): SearchBlockRecord {
  return intoOneBuffer({ ...r, joined: text.joined, starts: text.starts, norm: SEARCH_TEXT_VERSION });
}
