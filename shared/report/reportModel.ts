/**
 * Everything the evidence PDF prints, as plain data (JSON-safe, so it can be handed to a report
 * page or a print service). Ids are strings; times of archived rows stay minute-precision UTC.
 */
import type { JsonValue } from '../evidence/canonicalJson';
import type { CustodyVerdict } from '../evidence/custodyLog';

export type ReportPageSize = 'A4' | 'Letter';

/** Where an item's bytes are in the source file as imported. */
export interface ReportSourceRef {
  fileName: string;
  /** SHA-256 (hex) of the source file (the decompressed CSV entry) at import. */
  fileSha256: string;
  /** 1-based data row. */
  row: number;
  byteOffset: number;
  byteLength: number;
  /** The file is no longer in the workbench (its dataset deleted after the item was cited): only a preview prints such an item. */
  deleted?: boolean;
}

interface ReportItemBase {
  /** The evidence item id as written to metadata/items.jsonl. */
  itemId: string;
  /** SHA-256 (hex) of the item's exact source bytes (or of its file in the bundle). */
  sha256: string;
  /** The first source row the item rests on; null when it rests on none (e.g. a chart). */
  source: ReportSourceRef | null;
  /** How many source rows the item rests on in all. */
  sourceRows?: number;
  /** Path of the item's file inside the bag, when it has one (e.g. data/source/…). */
  bundlePath?: string;
  /** The analyst's note, as typed. */
  note?: string;
  /** The analyst's tags, in their order. */
  tags?: string[];
}

export interface ReportPostItem extends ReportItemBase {
  kind: 'post';
  tweetid: string;
  userid: string;
  userScreenName: string;
  userDisplayName: string;
  tweetLanguage: string;
  /** Exact archived text. */
  text: string;
  /** UTC minutes since the epoch (archives give minute precision). */
  tweetTime: number;
  /** null = the archive (or its projection) has no is_retweet column. */
  isRetweet: boolean | null;
  hashtags: string[];
  /** Counts as archived: null = not in the archive. */
  /** Null when the pin holds no counts (a post pinned from a network edge); a count is null when the archive row has none. */
  engagement: { replies: number | null; retweets: number | null; likes: number | null; quotes: number | null } | null;
}

export interface ReportAccountItem extends ReportItemBase {
  kind: 'account';
  userid: string;
  userScreenName: string;
  userDisplayName: string;
  description: string;
  reportedLocation: string;
  followerCount: number | null;
  followingCount: number | null;
  /** YYYY-MM-DD as archived, or ''. */
  accountCreationDate: string;
  accountLanguage: string;
}

/** Any other pinned finding (search, coordination edge, …): its title and what was pinned, as JSON. */
export interface ReportFindingItem extends ReportItemBase {
  kind: 'finding';
  findingKind: string;
  title: string;
  /** Pretty-printed JSON of what was pinned (parameters, ids, query …). */
  detail: string;
  /** The same as fields to print: dotted paths ('pairs[0].textA') and values as text, user text exact. */
  fields?: Array<[string, string]>;
}

export type ReportItem = ReportPostItem | ReportAccountItem | ReportFindingItem;

export interface ReportFigure {
  kind: 'network' | 'chart';
  title: string;
  /** data:image/png;base64,… or data:image/svg+xml;base64,… (nothing else is accepted). */
  imageDataUrl: string;
  /** Text alternative describing what the figure shows. */
  alt: string;
  caption: string;
  /** What was filtered or hidden to draw it (required for network figures). */
  filtered: string;
  /** The pinned item's id (its line in items.jsonl), where the figure is one. */
  itemId?: string;
}

export interface ReportCustodyRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  /** The entry's detail as the log records it (printed as keys and values in words, the values exact). */
  detail: JsonValue;
  hash: string;
}

export interface ReportModel {
  caseId: string;
  caseTitle: string;
  author: string;
  /** ISO 8601 UTC creation time of the bundle/report. */
  createdAt: string;
  software: { name: string; version: string };
  signer: { principal: string; fingerprint: string; namespace: string };
  /** SHA-256 (hex) of the signed tagmanifest-sha512.txt. */
  bundleId: string;
  bagName: string;
  /** A preview of the case, made before any export: no bundle, no signature, no attachments. */
  preview?: boolean;
  /** IANA time zone of the analyst for the second time column, e.g. 'Europe/Berlin'. */
  analystTimeZone: string;
  /** The analyst's summary; blank lines separate paragraphs. */
  summary: string;
  method: {
    description: string;
    parameters: Array<{ name: string; value: string }>;
    /** Stated limits: hashed ids, minute-precision times, what an archive cannot show, … */
    limits: string[];
  };
  sources: Array<{ fileName: string; sha256: string; rows: number | null; format: string }>;
  items: ReportItem[];
  figures: ReportFigure[];
  custody: ReportCustodyRow[];
  /** The custody chain checked when the model was made (verifyCustody): the report says it is intact or where it breaks. */
  custodyCheck?: CustodyVerdict;
  /** VERIFY.txt of the bundle, printed verbatim on the "how to verify" page. */
  verifyText: string;
  /** Hash appendix: every file of the bag that the manifests cover. */
  hashes: Array<{ path: string; sha256: string; sha512?: string }>;
}
