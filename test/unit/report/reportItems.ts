/**
 * Report items from parsed rows (ids stay strings), for the test case of reportCase.ts. The app builds
 * its items from pins instead (renderer/src/report/caseReportModel.ts).
 */
import type { Account } from '../../../shared/domain/account';
import type { Tweet } from '../../../shared/domain/tweet';
import type { ReportAccountItem, ReportPostItem } from '../../../shared/report/reportModel';

export interface ItemContext {
  itemId: string;
  fileName: string;
  /** SHA-256 (hex) of the item's exact source bytes. */
  sha256: string;
  bundlePath?: string;
  note?: string;
}

export function postItem(t: Tweet, c: ItemContext): ReportPostItem {
  return {
    kind: 'post',
    itemId: c.itemId,
    sha256: c.sha256,
    source: { fileName: c.fileName, ...t.provenance },
    ...(c.bundlePath ? { bundlePath: c.bundlePath } : {}),
    ...(c.note ? { note: c.note } : {}),
    tweetid: t.tweetid,
    userid: t.userid,
    userScreenName: t.userScreenName,
    userDisplayName: t.userDisplayName,
    tweetLanguage: t.tweetLanguage,
    text: t.tweetText,
    tweetTime: t.tweetTime,
    isRetweet: t.isRetweet,
    hashtags: t.hashtags,
    engagement: { replies: t.replyCount, retweets: t.retweetCount, likes: t.likeCount, quotes: t.quoteCount },
  };
}

export function accountItem(a: Account, c: ItemContext): ReportAccountItem {
  return {
    kind: 'account',
    itemId: c.itemId,
    sha256: c.sha256,
    source: { fileName: c.fileName, ...a.provenance },
    ...(c.bundlePath ? { bundlePath: c.bundlePath } : {}),
    ...(c.note ? { note: c.note } : {}),
    userid: a.userid,
    userScreenName: a.userScreenName,
    userDisplayName: a.userDisplayName,
    description: a.userProfileDescription,
    reportedLocation: a.userReportedLocation,
    followerCount: a.followerCount,
    followingCount: a.followingCount,
    accountCreationDate: a.accountCreationDate,
    accountLanguage: a.accountLanguageRaw,
  };
}
