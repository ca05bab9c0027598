import { emptyTweetColumns, pushTweet, trimTweetColumns } from '../../../../shared/archive/columns';
import type { Tweet, TweetColumns } from '../../../../shared/domain/tweet';
import { storedFilterBlock } from '../../search/searchFilterColumns';
import { joinRows } from '../joinRows';
import { encodeTweetColumns } from '../tweetBlockCodec';
import type { SearchBlockRecord, TweetBlockRecord } from '../schema';

export const TWEETS_PER_BLOCK = 2000;

/** Packs tweets into TweetColumns blocks of TWEETS_PER_BLOCK, with their parallel search text. */
export class TweetBlockPacker {
  private cols: TweetColumns = emptyTweetColumns(TWEETS_PER_BLOCK);
  private text: string[] = [];
  private minTime = Infinity;
  private maxTime = -Infinity;
  private readonly full: { block: TweetBlockRecord; search: SearchBlockRecord }[] = [];

  constructor(private readonly datasetId: string, private readonly importId: string, private nextSeq: number) {}

  /** The seq of the block the next pushed tweet lands in. */
  get seq(): number {
    return this.nextSeq;
  }

  push(t: Tweet): void {
    pushTweet(this.cols, t);
    // Search text: NFKC folds full-width and compatibility forms, so 'ＨＫ' finds 'hk'.
    this.text.push(t.tweetText.normalize('NFKC').toLowerCase());
    if (t.tweetTime < this.minTime) this.minTime = t.tweetTime;
    if (t.tweetTime > this.maxTime) this.maxTime = t.tweetTime;
    if (this.cols.length >= TWEETS_PER_BLOCK) this.close();
  }

  /** Close the partly filled block (end of import). */
  close(): void {
    if (this.cols.length === 0) return;
    const seq = this.nextSeq++;
    const base = { datasetId: this.datasetId, importId: this.importId, seq };
    const columns = encodeTweetColumns(trimTweetColumns(this.cols));
    this.full.push({
      block: { ...base, minTime: this.minTime, maxTime: this.maxTime, columns },
      search: { ...base, ...joinRows(this.text), filters: storedFilterBlock(columns) },
    });
    this.cols = emptyTweetColumns(TWEETS_PER_BLOCK);
    this.text = [];
    this.minTime = Infinity;
    this.maxTime = -Infinity;
  }

  /** Take the finished blocks. */
  take(): { block: TweetBlockRecord; search: SearchBlockRecord }[] {
    return this.full.splice(0);
  }

  /** Tweets in the open (not yet full) block. */
  get pendingRows(): number {
    return this.cols.length;
  }
}
