import { ownString } from '../../../../shared/archive/ownString';
import { NO_TAG, TweetIdIndex } from '../../../../shared/archive/tweetIdIndex';
import { Dict } from '../../../../shared/archive/dict';
import type { SeenTweets } from '../../../../shared/archive/parseArchive';
import type { Tweet } from '../../../../shared/domain/tweet';
import type { UnresolvedLinks } from '../../store/schema';
import { packStrings, unpackStrings } from '../../store/tweetBlockCodec';
import { PairList } from './pairList';

/** The edges that name a tweet, not an account: to the linked tweet's author, as the Network view resolves them. Stored by index (UnresolvedLinks.kinds): append only. */
export const LINK_KINDS = ['quote', 'reply'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** Those edges as account pairs, per kind: authors[pairs[kind][2i]] linked to authors[pairs[kind][2i + 1]]. */
export interface LinkPairs {
  authors: string[];
  pairs: Record<LinkKind, Int32Array>;
  /** This import's links whose tweet is in neither the dataset nor the import: stored for a later import to resolve (UnresolvedLinksRecord). */
  unresolved: UnresolvedLinks;
}

/**
 * The tweet ids an import has seen (its own and the dataset's), each with its author: a tweet id
 * seen before is a duplicate, and a quote (or a reply naming only the replied-to tweet) resolves to
 * the linked tweet's account. One table for both (~32 bytes a tweet, off the GC heap): 5 M tweets
 * need it once, not twice.
 */
export class TweetAuthors implements SeenTweets {
  private ids = new TweetIdIndex();
  private readonly authors = new Dict();
  /** Per LINK_KINDS index. */
  private readonly pairs = LINK_KINDS.map(() => new PairList());
  /** Links to tweets not (yet) seen, resolved in linkPairs() against the whole import: (kind index, author) here, the tweet id in pendingIds. */
  private pending = new PairList();
  private pendingIds: string[] = [];
  /** The first `carried` pending links are earlier imports' (carry), the rest this import's own. */
  private carried = 0;

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

  /**
   * A tweet's links by tweet id: its quote, and its reply when the row names only the replied-to
   * tweet (a reply with in_reply_to_userid is linked to that account by the block writer).
   */
  addLinks(t: Pick<Tweet, 'userid' | 'quotedTweetTweetid' | 'inReplyToTweetid' | 'inReplyToUserid'>): void {
    if (t.quotedTweetTweetid) this.link(0, t.userid, t.quotedTweetTweetid);
    if (t.inReplyToTweetid && !t.inReplyToUserid) this.link(1, t.userid, t.inReplyToTweetid);
  }

  /**
   * An earlier import's links to tweets it did not have (its UnresolvedLinksRecord), after the
   * dataset's tweets were added and before this import's: a link whose tweet is in the dataset now
   * was resolved by the import that brought the tweet (its aggregates hold the edge) and is left out;
   * the others are resolved in linkPairs() should this import bring their tweet, and are not stored
   * again otherwise (their own import's record still holds them).
   */
  carry(links: UnresolvedLinks): void {
    if (this.pendingIds.length > this.carried) throw new Error('Links of earlier imports are carried before this import adds its own.');
    const sources = links.authors.map((userid) => this.authors.code(userid));
    unpackStrings(links.tweetids).forEach((tweetid, i) => {
      if (this.ids.has(tweetid)) return;
      this.pending.push(links.kinds[i]!, sources[links.sources[i]!]!);
      this.pendingIds.push(ownString(tweetid));
    });
    this.carried = this.pendingIds.length;
  }

  private link(kind: number, userid: string, tweetid: string): void {
    const from = this.authors.code(userid);
    const to = this.ids.get(tweetid);
    if (to !== undefined) this.pairs[kind]!.push(from, to);
    else {
      this.pending.push(kind, from);
      this.pendingIds.push(ownString(tweetid));
    }
  }

  /**
   * Every link whose tweet is in the dataset, as account pairs; links to tweets outside it have no
   * edge, and this import's own are returned as `unresolved` (a later import may bring their tweet).
   */
  linkPairs(): LinkPairs {
    const pending = this.pending.view();
    const kinds: number[] = [];
    const sources: number[] = [];
    const sourceAuthors = new Dict();
    const tweetids: string[] = [];
    this.pendingIds.forEach((tweetid, i) => {
      const kind = pending[2 * i]!;
      const from = pending[2 * i + 1]!;
      const to = this.ids.get(tweetid);
      if (to !== undefined) this.pairs[kind]!.push(from, to);
      else if (i >= this.carried) {
        kinds.push(kind);
        sources.push(sourceAuthors.code(this.authors.values[from]!));
        tweetids.push(tweetid);
      }
    });
    this.pending = new PairList();
    this.pendingIds = [];
    this.carried = 0;
    const pairs = Object.fromEntries(LINK_KINDS.map((kind, i) => [kind, this.pairs[i]!.view().slice()])) as Record<LinkKind, Int32Array>;
    const unresolved = { kinds: Uint8Array.from(kinds), sources: Int32Array.from(sources), authors: sourceAuthors.values, tweetids: packStrings(tweetids) };
    return { authors: this.authors.values, pairs, unresolved };
  }

  /** Forget every tweet id (~32 bytes a tweet): after linkPairs(), at the end of an import. */
  release(): void {
    this.ids = new TweetIdIndex();
  }
}
