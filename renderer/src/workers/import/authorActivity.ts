import { MINUTES_PER_DAY } from '../../../../shared/domain/tweet';
import type { AccountActivity } from '../../store/schema';
import { PairList } from './pairList';

/** An account's activity while the import counts (its languages, clients and hashtags are counted apart). */
export type Activity = Omit<AccountActivity, 'clients' | 'languages' | 'hashtags'>;

/**
 * Each author's tweet counts, first and last tweet time, active days and blocks, in typed arrays indexed by
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
  /** The UTC day of each author's last counted tweet; -1 for none yet. */
  private lastDay = new Int32Array(1024).fill(-1);
  /** (author, day) pairs: one per author and run of tweets on one day (repeats are dropped by forEach). */
  private readonly days = new PairList();

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
    const day = Math.floor(time / MINUTES_PER_DAY);
    if (this.lastDay[author] !== day) {
      this.lastDay[author] = day;
      this.days.push(author, day);
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

  /** Every author that tweeted, by ascending code, with its activity (blocks in the order counted, days ascending). */
  forEach(fn: (author: number, activity: Activity) => void): void {
    const n = this.tweets.length;
    const blocks = groupByAuthor(this.blocks.view(), n);
    const days = groupByAuthor(this.days.view(), n);
    for (let u = 0; u < n; u++) {
      if (this.tweets[u] === 0) continue;
      fn(u, {
        tweets: this.tweets[u]!, retweets: this.retweets[u]!, replies: this.replies[u]!, quotes: this.quotes[u]!,
        firstTweetTime: this.first[u]!, lastTweetTime: this.last[u]!, blocks: Array.from(blocks.of(u)),
        days: distinctAscending(days.of(u)),
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
    this.lastDay = widen(this.lastDay, -1);
  }
}

/** (author, value) pairs grouped by author, keeping their order: a counting sort. */
function groupByAuthor(pairs: Int32Array, authors: number): { of(author: number): Int32Array } {
  const starts = new Int32Array(authors + 1);
  for (let p = 0; p < pairs.length; p += 2) starts[pairs[p]! + 1]!++;
  for (let u = 0; u < authors; u++) starts[u + 1]! += starts[u]!;
  const values = new Int32Array(pairs.length / 2);
  const at = starts.slice(0, authors);
  for (let p = 0; p < pairs.length; p += 2) values[at[pairs[p]!]!++] = pairs[p + 1]!;
  return { of: (u) => values.subarray(starts[u]!, starts[u + 1]!) };
}

function distinctAscending(values: Int32Array): number[] {
  const sorted = values.slice().sort();
  const out: number[] = [];
  for (const v of sorted) if (out[out.length - 1] !== v) out.push(v);
  return out;
}
