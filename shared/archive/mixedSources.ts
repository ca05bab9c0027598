import type { ImportReceipt } from '../domain/archive';

/**
 * Whether a dataset joins files of different releases: a hashed id names the same account only
 * within one release (ARCHIVES.md), so such a dataset holds groups of accounts that cannot be
 * matched with each other. Two signals: tweets or users of different sources (Twitter IO and
 * FiveThirtyEight), and Twitter IO files whose published names give different campaigns
 * (`china_082019_1_users_csv_hashed.csv` and `ira_2018_users_csv_hashed.csv`; the set number of
 * one release, `_1` or `_2`, does not count). Indicator and Reddit lists join any dataset.
 */
export interface MixedSources {
  sources: string[];
  releases: string[];
}

const SOURCE: Record<string, string> = {
  'twitter-io-tweets': 'Twitter IO', 'twitter-io-users': 'Twitter IO', 'fivethirtyeight-ira-tweets': 'FiveThirtyEight IRA',
};

/** The campaign in a Twitter IO file's published name, or '' when the name does not follow the pattern. */
export function twitterCampaignOf(fileName: string): string {
  const base = fileName.slice(fileName.lastIndexOf('/') + 1);
  const m = /^(.+?)(?:_\d{1,2})?_(?:users|tweets)_csv_/i.exec(base);
  return m ? m[1]!.toLowerCase() : '';
}

export function mixedSources(receipts: readonly Pick<ImportReceipt, 'fileName' | 'entryName' | 'format'>[]): MixedSources | null {
  const sources = new Set<string>();
  const releases = new Set<string>();
  for (const r of receipts) {
    const source = SOURCE[r.format];
    if (!source) continue;
    sources.add(source);
    const campaign = source === 'Twitter IO' ? twitterCampaignOf(r.entryName ?? r.fileName) : '';
    if (campaign) releases.add(campaign);
  }
  return sources.size > 1 || releases.size > 1 ? { sources: [...sources].sort(), releases: [...releases].sort() } : null;
}
