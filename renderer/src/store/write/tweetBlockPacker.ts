import { emptyTweetColumns, pushTweet, trimTweetColumns } from '../../../../shared/archive/columns';
import type { Tweet, TweetColumns } from '../../../../shared/domain/tweet';
import type { TweetBlockRecord } from '../schema';
import { intoOneBuffer } from '../oneBuffer';
import { encodeTweetColumns } from '../tweetBlockCodec';

export const TWEETS_PER_BLOCK = 2000;

/** Packs tweets into encoded blocks of TWEETS_PER_BLOCK (their search records are built by the writer: searchBlockOf). */
export class TweetBlockPacker {
  private cols: TweetColumns = emptyTweetColumns(TWEETS_PER_BLOCK);
  private fingerprints = new Int32Array(TWEETS_PER_BLOCK);
  private minTime = Infinity;
  private maxTime = -Infinity;
  private readonly full: TweetBlockRecord[] = [];

  constructor(private readonly datasetId: string, private readonly importId: string, private nextSeq: number) {}

  /** The seq of the block the next pushed tweet lands in. */
  get seq(): number {
    return this.nextSeq;
  }

  /** A tweet, with its content's fingerprint (tweetFingerprint; kept in the block's ids record). */
  push(t: Tweet, fingerprint: number): void {
    this.fingerprints[this.cols.length] = fingerprint;
    pushTweet(this.cols, t);
    if (t.tweetTime < this.minTime) this.minTime = t.tweetTime;
    if (t.tweetTime > this.maxTime) this.maxTime = t.tweetTime;
    if (this.cols.length >= TWEETS_PER_BLOCK) this.close();
  }

  /** Close the partly filled block (end of import). */
  close(): void {
    if (this.cols.length === 0) return;
    this.full.push({
      datasetId: this.datasetId, importId: this.importId, seq: this.nextSeq++, minTime: this.minTime, maxTime: this.maxTime,
      columns: intoOneBuffer(encodeTweetColumns(trimTweetColumns(this.cols))),
      fingerprints: this.fingerprints.slice(0, this.cols.length),
    });
    this.cols = emptyTweetColumns(TWEETS_PER_BLOCK);
    this.minTime = Infinity;
    this.maxTime = -Infinity;
  }

  /** Take the finished blocks. */
  take(): TweetBlockRecord[] {
    return this.full.splice(0);
  }
}
