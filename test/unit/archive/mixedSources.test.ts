import { describe, expect, it } from 'vitest';
import type { ArchiveFormat } from '../../../shared/domain/archive';
import { mixedSources, twitterCampaignOf } from '../../../shared/archive/mixedSources';

const r = (fileName: string, format: ArchiveFormat, entryName?: string) => ({ fileName, format, ...(entryName ? { entryName } : {}) });

describe('mixed sources in one dataset', () => {
  it("reads the campaign from Twitter's published names, without the set number", () => {
    expect(twitterCampaignOf('china_082019_1_users_csv_hashed.csv')).toBe('china_082019');
    expect(twitterCampaignOf('china_082019_2_tweets_csv_hashed_3.csv')).toBe('china_082019');
    expect(twitterCampaignOf('ira_2018_users_csv_hashed_excerpt.csv')).toBe('ira_2018');
    expect(twitterCampaignOf('bangladesh_linked_tweets_csv_hashed.csv')).toBe('bangladesh_linked');
    expect(twitterCampaignOf('set/ecuador_082019_tweets_csv_hashed.csv')).toBe('ecuador_082019');
    expect(twitterCampaignOf('hashed_2021_12_CNHU_0621_CNHU_0621_users.csv')).toBe('');
  });

  it('flags different releases and sources; one release in sets, indicators and Reddit lists are not flagged', () => {
    expect(mixedSources([
      r('china_082019_1_users_csv_hashed.csv', 'twitter-io-users'), r('ira_2018_users_csv_hashed_excerpt.csv', 'twitter-io-users'),
      r('fivethirtyeight_IRAhandle_tweets_1_excerpt.csv', 'fivethirtyeight-ira-tweets'), r('reddit_2018_suspiciousaccounts_seed.csv', 'reddit-suspicious-accounts'),
    ])).toEqual({ sources: ['FiveThirtyEight IRA', 'Twitter IO'], releases: ['china_082019', 'ira_2018'] });
    expect(mixedSources([
      r('china_082019_1_users_csv_hashed.csv', 'twitter-io-users'), r('china_082019_2_tweets_csv_hashed.csv', 'twitter-io-tweets'),
      r('meta_threat_research_Q4_2024_China_CIB_killchain.csv', 'meta-killchain'), r('x.zip', 'twitter-io-tweets', 'china_082019_1_tweets_csv_hashed.csv'),
    ])).toBeNull();
    expect(mixedSources([r('demo_users_csv_hashed.csv', 'twitter-io-users'), r('demo_tweets_csv_hashed.csv', 'twitter-io-tweets')])).toBeNull();
  });
});
