import type { AccountActivity } from '../../store/schema';
import { PairList } from './pairList';

/** An account's activity while the import counts (its languages, clients and hashtags are counted apart). */
export type Activity = Omit<AccountActivity, 'clients' | 'languages' | 'hashtags'>;

/**
 * Each author's tweet counts, first and last tweet time and blocks, in typed arrays indexed by
 * author code. The block writer runs full collections every 1 M tweets, whose cost grows with its
 * live heap: 125,000 objects with a block list each (5 M tweets) made every collection mark them
 * all. Here they are a few flat arrays, off the GC heap, until `forEach` builds the records once.
 */
export class AuthorActivity {
  private tweets = new Int32Array(1024);
  private retweets = new Int32Array(1024);
  private replies = new Int32Array(1024);
  private quotes = new Int32Array(1024);
  private first = new Int32Array(1024);
  private last = new Int32Array(1024);
  /** The last block seq counted for each author; -1 for none yet. */
  private lastSeq = new Int32Array(1024).fill(-1);
  /** (author, seq) pairs in the order blocks were counted, one per author and block. */
  private readonly blocks = new PairList();

  /** Count a tweet by `author` at `time` in block `seq`. */
  tweet(author: number, time: number, seq: number): void {
    if (author >= this.tweets.length) this.grow(author);
    if (this.tweets[author]++ === 0) {
      this.first[author] = time;
      this.last[author] = time;
    } else if (time < this.first[author]!) this.first[author] = time;
    else if (time > this.last[author]!) this.last[author] = time;
    if (this.lastSeq[author] !== seq) {
      this.lastSeq[author] = seq;
      this.blocks.push(author, seq);
    }
  }

  /** Call after `tweet` for the same author. */
  retweet(author: number): void {
    this.retweets[author]!++;
  }
  reply(author: number): void {
    this.replies[author]!++;
  }
  quote(author: number): void {
    this.quotes[author]!++;
  }

  /** Every author that tweeted, by ascending code, with its activity (blocks in the order counted). */
  forEach(fn: (author: number, activity: Activity) => void): void {
    const n = this.tweets.length;
    // Group the (author, seq) pairs by author, keeping their order: a counting sort.
    const pairs = this.blocks.view();
    const starts = new Int32Array(n + 1);
    for (let p = 0; p < pairs.length; p += 2) starts[pairs[p]! + 1]!++;
    for (let u = 0; u < n; u++) starts[u + 1]! += starts[u]!;
    const seqs = new Int32Array(pairs.length / 2);
    const at = starts.slice(0, n);
    for (let p = 0; p < pairs.length; p += 2) seqs[at[pairs[p]!]!++] = pairs[p + 1]!;
    for (let u = 0; u < n; u++) {
      if (this.tweets[u] === 0) continue;
      fn(u, {
        tweets: this.tweets[u]!, retweets: this.retweets[u]!, replies: this.replies[u]!, quotes: this.quotes[u]!,
        firstTweetTime: this.first[u]!, lastTweetTime: this.last[u]!, blocks: Array.from(seqs.subarray(starts[u]!, starts[u + 1]!)),
      });
    }
  }

  private grow(author: number): void {
    let size = this.tweets.length;
    while (size <= author) size *= 2;
    const widen = (a: Int32Array, fill = 0) => {
      const b = new Int32Array(size).fill(fill);
      b.set(a);
      return b;
    };
    this.tweets = widen(this.tweets);
    this.retweets = widen(this.retweets);
    this.replies = widen(this.replies);
    this.quotes = widen(this.quotes);
    this.first = widen(this.first);
    this.last = widen(this.last);
    this.lastSeq = widen(this.lastSeq, -1);
  }
}
