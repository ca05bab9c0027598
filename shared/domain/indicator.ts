import type { Provenance } from './provenance';

/** A Meta threat-research indicator or kill-chain row, kept on the dataset and searchable. */
export interface Indicator {
  /** e.g. 'domain', 'url', 'facebook_page_id', or the kill-chain Tactic. */
  type: string;
  /** As published (defanged, e.g. example[.]com). */
  value: string;
  /** Refanged form for matching against tweet URLs ('' when not a URL/domain). */
  refanged: string;
  comment: string;
  /** Any other columns (ds, Technique, Procedure, Note ...), trimmed header -> value. */
  extra: Record<string, string>;
  provenance: Provenance;
}

/** Reddit 2018 suspicious-accounts list entry. */
export interface RedditAccount {
  username: string;
  karma: number | null;
  extra: Record<string, string>;
  provenance: Provenance;
}
