import type { ArchiveFormat, DetectedFormat } from '../domain/archive';
import { spreadsheetRefusal } from './spreadsheetFiles';
import { formatCount } from '../domain/countWords';

/**
 * Recognise an archive file from its first record (the header row), never from its file name.
 * Column sets are compared by name (order-free): the Oct 2018 Twitter files swap two columns.
 */

export const TWITTER_USER_COLUMNS = [
  'userid', 'user_display_name', 'user_screen_name', 'user_reported_location', 'user_profile_description',
  'user_profile_url', 'follower_count', 'following_count', 'account_creation_date', 'account_language',
] as const;

export const TWITTER_TWEET_COLUMNS = [
  'tweetid', ...TWITTER_USER_COLUMNS, 'tweet_language', 'tweet_text', 'tweet_time', 'tweet_client_name',
  'in_reply_to_userid', 'in_reply_to_tweetid', 'quoted_tweet_tweetid', 'is_retweet', 'retweet_userid',
  'retweet_tweetid', 'latitude', 'longitude', 'quote_count', 'reply_count', 'like_count', 'retweet_count',
  'hashtags', 'urls', 'user_mentions', 'poll_choices',
] as const;

export const FIVETHIRTYEIGHT_COLUMNS = [
  'external_author_id', 'author', 'content', 'region', 'language', 'publish_date', 'harvested_date',
  'following', 'followers', 'updates', 'post_type', 'account_type', 'retweet', 'account_category',
  'new_june_2018', 'alt_external_id', 'tweet_id', 'article_url', 'tco1_step1', 'tco2_step1', 'tco3_step1',
] as const;

export const REDDIT_PRAW_COLUMNS = [
  'fullname', 'comment_karma', 'created_utc', 'has_subscribed', 'has_verified_email', 'icon_img', 'id',
  'is_employee', 'is_gold', 'is_mod', 'link_karma', 'name',
] as const;

export const META_INDICATOR_COLUMNS = ['indicator_type', 'indicator_value', 'comment', 'ds'] as const;
export const META_KILLCHAIN_COLUMNS = ['Tactic', 'Technique', 'Procedure', 'Indicator'] as const;

interface KnownHeader {
  format: ArchiveFormat;
  label: string;
  columns: readonly string[];
  /** Columns that may be missing (30-column tweets files have no poll_choices). */
  optional?: readonly string[];
}

const KNOWN: KnownHeader[] = [
  { format: 'twitter-io-tweets', label: 'Twitter IO tweets', columns: TWITTER_TWEET_COLUMNS, optional: ['poll_choices'] },
  { format: 'twitter-io-users', label: 'Twitter IO users', columns: TWITTER_USER_COLUMNS },
  { format: 'fivethirtyeight-ira-tweets', label: 'FiveThirtyEight IRA tweets', columns: FIVETHIRTYEIGHT_COLUMNS },
  { format: 'reddit-praw-users', label: 'Reddit users (praw harvest)', columns: REDDIT_PRAW_COLUMNS },
  { format: 'meta-indicators', label: 'Meta threat-research indicators', columns: META_INDICATOR_COLUMNS },
  { format: 'meta-killchain', label: 'Meta kill-chain table', columns: META_KILLCHAIN_COLUMNS, optional: ['Note'] },
];

/** A format's name for messages ('Twitter IO tweets'). */
export const formatLabel = (f: ArchiveFormat): string => KNOWN.find((k) => k.format === f)?.label ?? f;

export class ArchiveFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArchiveFormatError';
  }
}

/** Refuse what cannot be a CSV archive before parsing it: empty or binary content. */
export function checkLooksLikeText(firstBytes: Uint8Array, fileName: string): void {
  if (firstBytes.length === 0) throw new ArchiveFormatError(`${fileName}: the file is empty.`);
  const probe = firstBytes.subarray(0, 1024);
  const inner = containerInside(probe);
  if (inner) throw inner === EMPTY_ZIP ? new EmptyZipError(`${fileName}: ${inner}`) : new ArchiveFormatError(`${fileName}: ${inner}`);
  const other = notCsv(probe);
  if (other) throw new ArchiveFormatError(`${fileName}: ${other}`);
  if (looksLikeUtf16(probe)) {
    throw new ArchiveFormatError(
      `${fileName}: UTF-16 text (as Excel's "Unicode Text" saves); archives are UTF-8 CSV. ` +
        'Open the original file from the platform, or re-save this one as "CSV UTF-8".',
    );
  }
  // A NUL in the first line: not a text file. One in a later row is that row's fault (quarantined as 'nul-byte'), wherever it falls.
  const nul = probe.indexOf(0);
  const lf = probe.indexOf(0x0a);
  if (nul >= 0 && (lf < 0 || nul < lf)) {
    throw new ArchiveFormatError(
      `${fileName}: binary content (NUL byte at offset ${nul}, in its first line); expected a CSV text file, a .gz or a .zip.`,
    );
  }
}

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));
const EXTRACT = 'which the app does not open: extract the CSV files from it and import them (or a .gz or .zip of them).';
const NOT_TEXT = 'not CSV text; expected a CSV text file, a .gz or a .zip.';
/**
 * Files picked or dropped by mistake, told by their first bytes (null: any byte), so that the refusal
 * names what the file is: a PNG's first line holds no NUL, and was refused as text "not valid UTF-8",
 * to be re-saved as UTF-8; a PDF's first line is text, and was refused as an unrecognised header.
 */
const NOT_CSV: { magic: (number | null)[]; said: string }[] = [
  { magic: [0x89, ...ascii('PNG\r\n'), 0x1a, 0x0a], said: `a PNG image, ${NOT_TEXT}` },
  { magic: [0xff, 0xd8, 0xff], said: `a JPEG image, ${NOT_TEXT}` },
  { magic: ascii('GIF8'), said: `a GIF image, ${NOT_TEXT}` },
  { magic: ascii('%PDF-'), said: `a PDF document, ${NOT_TEXT}` },
  { magic: ascii('SQLite format 3\0'), said: `an SQLite database, ${NOT_TEXT}` },
  { magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], said: spreadsheetRefusal('an old binary Office document (such as an Excel .xls workbook)', 'open it in a spreadsheet and save each sheet as "CSV UTF-8"') },
  { magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], said: `a 7-Zip archive, ${EXTRACT}` },
  { magic: ascii('Rar!\x1a\x07'), said: `a RAR archive, ${EXTRACT}` },
  { magic: [0xfd, ...ascii('7zXZ'), 0x00], said: `xz-compressed data, ${EXTRACT}` },
  { magic: [...ascii('BZh'), null, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59], said: `bzip2-compressed data, ${EXTRACT}` },
  { magic: [0x28, 0xb5, 0x2f, 0xfd], said: `Zstandard-compressed data, ${EXTRACT}` },
];

function notCsv(b: Uint8Array): string | undefined {
  return NOT_CSV.find(({ magic }) => b.length >= magic.length && magic.every((m, i) => m === null || b[i] === m))?.said;
}

/** The refusal of an empty zip: parseArchive adds nothing to it (the file is zip data, only empty). */
const EMPTY_ZIP = 'an empty zip file (it has no entries): nothing to import.';

export class EmptyZipError extends ArchiveFormatError {}

/**
 * What a text entry that is itself a container is: an empty zip (only its end record, PK 05 06, so it
 * is not read as a zip), or a zip or gzip inside a .gz or a zip (containers are opened one level deep).
 */
function containerInside(b: Uint8Array): string | undefined {
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x05 && b[3] === 0x06) return EMPTY_ZIP;
  const what = b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04 ? 'a zip file' : b[0] === 0x1f && b[1] === 0x8b ? 'gzip data' : '';
  return what && `the content is ${what} inside another container (such as a zip inside a .gz), not CSV text; containers are opened one level deep: unpack the outer one and import what it holds.`;
}

/** A UTF-16 byte-order mark, or ASCII text stored as UTF-16 (every other byte NUL). */
function looksLikeUtf16(b: Uint8Array): boolean {
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) return true;
  const pairs = Math.floor(b.length / 2);
  if (pairs < 4) return false;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (b[i] === 0) evenNul++;
    if (b[i + 1] === 0) oddNul++;
  }
  return (evenNul === pairs && oddNul === 0) || (oddNul === pairs && evenNul === 0);
}

/**
 * A tweets header's release by its column order: the Oct 2018 files put in_reply_to_tweetid right
 * before in_reply_to_userid, later ones after it; any other order (a re-saved or hand-made file)
 * names no release. Columns are read by name whatever the order.
 */
function tweetsVersion(names: string[]): string {
  const polls = names.includes('poll_choices');
  const same = (order: string[]) => order.length === names.length && order.every((c, i) => c === names[i]);
  return same(tweetsColumnsOf('2019+', polls)!) ? '2019+' : same(tweetsColumnsOf('2018', polls)!) ? '2018' : 'columns reordered';
}

/** A tweets release's column order (tweetsVersion's '2019+' or '2018'), with or without poll_choices; none for another. */
export function tweetsColumnsOf(version: string, withPolls: boolean): string[] | undefined {
  if (version !== '2019+' && version !== '2018') return undefined;
  const canonical = TWITTER_TWEET_COLUMNS.filter((c) => c !== 'poll_choices' || withPolls) as string[];
  return version === '2019+' ? canonical : canonical.map((c) => (c === 'in_reply_to_userid' ? 'in_reply_to_tweetid' : c === 'in_reply_to_tweetid' ? 'in_reply_to_userid' : c));
}

/** Reddit's rule for names (3 to 20 of these): a file starting "1,2" is no Reddit list. */
export const REDDIT_USERNAME = /^[A-Za-z0-9_-]{3,20}$/;
const INTEGER = /^-?[0-9]+$/;

/** Identify the format from the first record's fields. Throws ArchiveFormatError naming what was expected. */
export function detectFormat(first: string[]): DetectedFormat {
  const names = first.map((f) => f.trim());
  for (const k of KNOWN) {
    if (matches(names, k)) {
      let version = '';
      if (k.format === 'twitter-io-tweets') {
        version = tweetsVersion(names);
      }
      return { format: k.format, version, columns: names, hasHeader: true };
    }
  }
  if (first.length === 2 && REDDIT_USERNAME.test(first[0]) && INTEGER.test(first[1])) {
    return { format: 'reddit-suspicious-accounts', version: '', columns: ['username', 'karma'], hasHeader: false };
  }
  throw new ArchiveFormatError(unknownHeaderMessage(names));
}

function matches(names: string[], k: KnownHeader): boolean {
  const optional = k.optional ?? [];
  const allowed = [...new Set([...k.columns, ...optional])];
  const required = allowed.filter((c) => !optional.includes(c));
  if (names.length < required.length || names.length > allowed.length) return false;
  if (new Set(names).size !== names.length) return false;
  return names.every((n) => allowed.includes(n)) && required.every((c) => names.includes(c));
}

/** At most `max` names, each cut at 40 characters: a file that is no CSV can make a "header" of a million fields. */
function nameList(names: string[], max: number): string {
  const shown = names
    .slice(0, max)
    .map((n) => (n.length > 40 ? n.slice(0, 40) + '…' : n).replace(/[\r\n]/g, (c) => (c === '\r' ? '\\r' : '\\n')))
    .join(', ');
  return names.length > max ? `${shown} … and ${names.length - max} more` : shown;
}

function unknownHeaderMessage(names: string[]): string {
  // Classic Mac OS line ends: the whole file reads as one record, so no column list below would help.
  const cr = names.findIndex((n) => n.includes('\r'));
  if (cr >= 0) {
    const firstLine = [...names.slice(0, cr), names[cr]!.slice(0, names[cr]!.indexOf('\r'))];
    return `Its lines end in CR only (classic Mac OS line ends), so the whole file reads as one line of ${formatCount(names.length)} fields: re-save it with LF or CRLF line ends. ` +
      `Its first line names ${firstLine.length} column${firstLine.length === 1 ? '' : 's'}: ${nameList(firstLine, 40)}.`;
  }
  // Name the closest known format and what it lacks: that is what an analyst can act on. Closest:
  // the fewest unexpected names, then the fewest missing ones (a projection of a tweets file is a
  // tweets file; a users header with one misspelt column is a users header, though the tweets header
  // holds every users column), names compared without case or surrounding spaces.
  const plain = (n: string) => n.trim().toLowerCase();
  const given = new Set(names.map(plain));
  const optionalOf = (k: KnownHeader) => k.optional ?? [];
  const knownOf = (k: KnownHeader) => new Set([...k.columns, ...optionalOf(k)].map(plain));
  let best: KnownHeader | undefined;
  let bestDistance = Infinity;
  for (const k of KNOWN) {
    const known = knownOf(k);
    // One name in common among several (name, age, city and the praw harvest's name) is no likeness.
    const shared = [...given].filter((n) => known.has(n)).length;
    if (shared === 0 || (shared === 1 && given.size > 2)) continue;
    const unexpected = [...given].filter((n) => !known.has(n)).length;
    const missing = k.columns.filter((c) => !given.has(plain(c)) && !optionalOf(k).includes(c)).length;
    const distance = unexpected * 1000 + missing;
    if (distance < bestDistance) {
      best = k;
      bestDistance = distance;
    }
  }
  let msg = `Unrecognised header (${names.length} column${names.length === 1 ? '' : 's'}: ${nameList(names, 40)}).`;
  // A download that saved the server's error or sign-in page under the archive's name.
  if (/^\s*<(!doctype\s+html|html[\s>]|\?xml|head[\s>]|body[\s>])/i.test(names[0]!)) {
    msg += ' It is a web page (HTML or XML), not a CSV file: a download that saved an error or sign-in page instead of the archive? Fetch the file again.';
  }
  const empty = names.filter((n) => n.trim() === '').length;
  if (empty === names.length) msg += ' Its first line that is not blank names no column (only spaces or commas).';
  // The Reddit list is headerless: a header someone added to it names its two columns.
  if (names.length === 2 && /^(user_?name|name)$/i.test(names[0]!) && /^karma$/i.test(names[1]!)) {
    msg += ' The Reddit 2018 suspicious-accounts list has no header row: delete this first line and import the file again.';
  }
  // Spreadsheets save "CSV" with tabs ("Text") or, in many locales, semicolons.
  const separator = names.length === 1 ? [['\t', 'tabs'], [';', 'semicolons']].find(([c]) => names[0]!.split(c!).length > 3) : undefined;
  if (separator) msg += ` Its fields are separated by ${separator[1]}, not commas: re-save the file as comma-separated CSV (UTF-8).`;
  if (best) {
    const known = knownOf(best);
    const exact = new Set([...best.columns, ...optionalOf(best)]);
    const missing = best.columns.filter((c) => !given.has(plain(c)) && !optionalOf(best).includes(c));
    const extra = names.filter((n) => n.trim() !== '' && !known.has(plain(n)));
    // Names right but for case or spaces: said, since the header is otherwise the format's.
    const miswritten = names.filter((n) => known.has(plain(n)) && !exact.has(n) && !exact.has(n.trim()));
    msg += ` Closest known format: ${best.label}, which expects ${best.columns.length} columns: ${best.columns.join(', ')}.`;
    if (missing.length) msg += ` Missing: ${missing.join(', ')}.`;
    if (extra.length) msg += ` Unexpected: ${nameList(extra, 20)}.`;
    if (miswritten.length) msg += ` Written otherwise than the format's: ${nameList(miswritten, 10)} (names must match exactly, as the platform publishes them).`;
    const repeated = [...new Set(names.filter((n, i) => n.trim() !== '' && names.indexOf(n) !== i))];
    if (repeated.length) msg += ` Repeated: ${nameList(repeated, 10)} (each column may appear once).`;
    if (empty) msg += ` ${empty} column name${empty === 1 ? ' is' : 's are'} empty (a comma at the end of the header row?).`;
  }
  msg +=
    ' Known formats: ' +
    KNOWN.map((k) => `${k.label} (${k.columns.length} columns${k.optional ? `, ${k.optional.join('/')} optional` : ''})`).join('; ') +
    '; Reddit 2018 suspicious accounts (headerless username,karma).';
  return msg;
}
