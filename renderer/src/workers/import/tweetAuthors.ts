import { ownString } from '../../../../shared/archive/ownString';
import { NO_TAG, TweetIdIndex } from '../../../../shared/archive/tweetIdIndex';
import { Dict } from '../../../../shared/archive/dict';
import type { SeenTweets } from '../../../../shared/archive/parseArchive';
import { PairList } from './pairList';

/** Quote edges as account pairs: quoter authors[pairs[2i]] quoted authors[pairs[2i + 1]]. */
export interface QuotePairs {
  authors: string[];
  pairs: Int32Array;
}

/**
 * The tweet ids an import has seen (its own and the dataset's), each with its author: a tweet id
 * seen before is a duplicate, and a quote resolves to the quoted tweet's account. One table for
 * both (~32 bytes a tweet, off the GC heap): 5 M tweets need it once, not twice.
 */
export class TweetAuthors implements SeenTweets {
  private ids = new TweetIdIndex();
  private readonly authors = new Dict();
  private readonly pairs = new PairList();
  /** Quotes of tweets not (yet) seen: resolved in quotePairs(), against the whole import. */
  private readonly pending: [number, string][] = [];

  has(tweetid: string): boolean {
    return this.ids.has(tweetid);
  }

  /**
   * Remember a tweet, its author and its content's fingerprint: ADDED, or (nothing changed) the
   * fingerprint its id was seen with before (NO_TAG: not known). A SeenTweets for parseArchive.
   */
  add(tweetid: string, userid: string, fingerprint: number = NO_TAG): number {
    return this.ids.addTagged(tweetid, this.authors.code(userid), fingerprint);
  }

  /** A tweet by `userid` quoting `quotedTweetid`. */
  addQuote(userid: string, quotedTweetid: string): void {
    const quoter = this.authors.code(userid);
    const quoted = this.ids.get(quotedTweetid);
    if (quoted !== undefined) this.pairs.push(quoter, quoted);
    else this.pending.push([quoter, ownString(quotedTweetid)]);
  }

  /** Every quote whose quoted tweet is in the dataset; quotes of tweets outside it have no edge. */
  quotePairs(): QuotePairs {
    for (const [quoter, tweetid] of this.pending) {
      const quoted = this.ids.get(tweetid);
      if (quoted !== undefined) this.pairs.push(quoter, quoted);
    }
    this.pending.length = 0;
    return { authors: this.authors.values, pairs: this.pairs.view().slice() };
  }

  /** Forget every tweet id (~32 bytes a tweet): after quotePairs(), at the end of an import. */
  release(): void {
    this.ids = new TweetIdIndex();
  }
}
