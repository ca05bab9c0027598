import { intoOneBuffer } from '../oneBuffer';
import type { TweetBlockRecord, TweetIdsRecord } from '../schema';
import { TWEET_FINGERPRINT_VERSION } from '../../../../shared/archive/tweetFingerprint';

/** The ids record of one write's blocks: their tweetid and userid columns and content fingerprints, copied onto one buffer (a block's views share its buffer, which storing them would copy whole). */
export function tweetIdsOf(blocks: TweetBlockRecord[]): TweetIdsRecord {
  const { datasetId, importId, seq } = blocks[0]!;
  return intoOneBuffer({
    datasetId, importId, seq,
    blocks: blocks.map(({ seq, columns: { tweetid, userid }, fingerprints }) => ({
      seq,
      tweetid: { joined: tweetid.joined, ends: tweetid.ends },
      userid: { values: { joined: userid.values.joined, ends: userid.values.ends }, codes: userid.codes },
      ...(fingerprints ? { fingerprints, fingerprintVersion: TWEET_FINGERPRINT_VERSION } : {}),
    })),
  });
}
