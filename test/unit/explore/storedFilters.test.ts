import { describe, expect, it } from 'vitest';
import { demoTweetColumns } from '../../../shared/archive/demo/demoColumns';
import type { TweetColumns } from '../../../shared/domain/tweet';
import { encodeTweetColumns, unpackStrings } from '../../../renderer/src/store/tweetBlockCodec';
import { intoOneBuffer } from '../../../renderer/src/store/oneBuffer';
import { adoptFilterBlock, filterBlock, filterDicts, storedFilterBlock, type FilterBlock, type FilterDicts } from '../../../renderer/src/search/searchFilterColumns';

/** Rows [from, to) of the columns, as a block. */
function slice(c: TweetColumns, from: number, to: number): TweetColumns {
  const out = { length: to - from } as TweetColumns;
  for (const [k, v] of Object.entries(c)) if (k !== 'length') (out as any)[k] = (v as any).slice(from, to);
  return out;
}

/** Every row's filter values, decoded through the dictionaries. */
const decoded = (blocks: FilterBlock[], d: FilterDicts) =>
  blocks.flatMap((b) =>
    Array.from(b.tweetTime, (time, i) => ({
      time, retweet: b.isRetweet[i], language: d.language.values[b.language[i]!], userid: d.userid.values[b.userid[i]!], client: d.client.values[b.client[i]!],
      tags: Array.from(b.tagCodes.subarray(b.tagStarts[i], b.tagStarts[i + 1]), (t) => [d.hashtag.values[t], d.hashtagLower.values[d.hashtagLowerOf[t]!]]),
    })),
  );

describe('filter columns stored by the import', () => {
  it('adopted into a corpus, read exactly as the ones built from the tweet blocks', () => {
    const { columns } = demoTweetColumns({ tweets: 6000, seed: 3 });
    const blocks = [slice(columns, 0, 2000), slice(columns, 2000, 4000), slice(columns, 4000, 6000)];
    const direct = filterDicts();
    const built = blocks.map((b) => filterBlock(b, direct));
    const adopted = filterDicts();
    // As the import stores them (each record's typed arrays on one buffer), structured-cloned in and out of IndexedDB.
    const viaStore = blocks.map((b) => adoptFilterBlock(structuredClone(intoOneBuffer(storedFilterBlock(intoOneBuffer(encodeTweetColumns(b))))), adopted));
    expect(decoded(viaStore, adopted)).toEqual(decoded(built, direct));
    expect(decoded(viaStore, adopted).some((r) => r.tags.length > 0)).toBe(true);
    // The corpus keeps arrays of its own, not views that would hold the stored record's whole buffer.
    for (const b of viaStore) for (const v of [...Object.values(b), ...Object.values(b.targets!)]) if (ArrayBuffer.isView(v)) expect(v.byteLength).toBe(v.buffer.byteLength);
    expect(viaStore.every((b) => b.targets)).toBe(true);
  });

  it('reads the search blocks of older stores, whose dictionaries are string arrays', () => {
    const { columns } = demoTweetColumns({ tweets: 2000, seed: 4 });
    const direct = filterDicts();
    const built = [filterBlock(columns, direct)];
    const s = storedFilterBlock(encodeTweetColumns(columns));
    const legacy = { ...s, languages: unpackStrings(s.languages as never), userids: unpackStrings(s.userids as never), clients: unpackStrings(s.clients as never), hashtags: unpackStrings(s.hashtags as never) };
    const adopted = filterDicts();
    expect(decoded([adoptFilterBlock(structuredClone(legacy), adopted)], adopted)).toEqual(decoded(built, direct));
  });
});
