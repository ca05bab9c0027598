import type { IdShape } from './ids';
import type { Provenance } from './provenance';

/** An account as archived (users file, or the user columns repeated on each tweet row). */
export interface Account {
  userid: string;
  idShape: IdShape;
  userDisplayName: string;
  userScreenName: string;
  userReportedLocation: string;
  userProfileDescription: string;
  userProfileUrl: string;
  followerCount: number | null;
  followingCount: number | null;
  /** YYYY-MM-DD as archived, or ''. */
  accountCreationDate: string;
  /** Lower-cased for grouping; the archived spelling is kept in accountLanguageRaw. */
  accountLanguage: string;
  accountLanguageRaw: string;
  provenance: Provenance;
}
