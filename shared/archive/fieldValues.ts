import { classifyId, type IdShape } from '../domain/ids';
import type { QuarantineReason } from '../domain/archive';

/** A value that could not be read faithfully: the row is quarantined with this reason and detail. */
export class RowRejection {
  constructor(
    readonly reason: QuarantineReason,
    readonly detail: string,
  ) {}
}

/** Id column check. `allowEmpty` for optional references (reply, quote, retweet). */
export function readId(column: string, value: string, allowEmpty: boolean, allowHashed = true): { id: string; shape: IdShape } {
  const shape = classifyId(value);
  // No platform id starts with 0 ('0' itself stands for none): 0114… would be a second id for the tweet 114…, deduped apart.
  if (shape === 'numeric' && value.length > 1 && value.charCodeAt(0) === 48) throw new RowRejection('invalid-id', `${column} '${clip(value)}' starts with 0, which no platform id does (padded by a tool?)`);
  // ...so a row's own id of 0 names nothing: quarantined, not stored as an account or tweet "0" that every such row would share.
  if (value === '0' && !allowEmpty) throw new RowRejection('invalid-id', `${column} '0' is no id: 0 stands for none (unresolved) in these archives`);
  if (shape === 'numeric') return { id: value, shape };
  if (shape === 'empty' && allowEmpty) return { id: value, shape };
  if ((shape === 'hex64' || shape === 'b64hash') && allowHashed) return { id: value, shape };
  if (shape === 'spreadsheet-damaged') {
    const how = /e/i.test(value) ? 'spreadsheet E-notation' : 'rounded by a spreadsheet (trailing zeros)';
    throw new RowRejection('spreadsheet-damaged-id', `${column} '${value}' is ${how}`);
  }
  throw new RowRejection('invalid-id', `${column} '${clip(value)}' is neither a numeric id nor a known hash`);
}

/** Non-negative integer count; '' means absent (null). */
export function readCount(column: string, value: string): number | null {
  if (value === '') return null;
  const n = value.length <= 10 ? digitsAt(value, 0, value.length) : -1;
  if (n >= 0 && n <= 2147483647) return n;
  throw new RowRejection('invalid-number', `${column} '${clip(value)}' is not a count`);
}

/** Signed integer (Reddit karma). */
export function readInteger(column: string, value: string): number | null {
  if (value === '') return null;
  if (/^-?[0-9]{1,15}$/.test(value)) return Number(value);
  throw new RowRejection('invalid-number', `${column} '${clip(value)}' is not an integer`);
}

export function readBoolean(column: string, value: string): boolean {
  const v = value.toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new RowRejection('invalid-value', `${column} '${clip(value)}' is not true/false`);
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function daysIn(year: number, month: number): number {
  if (month === 2 && (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return 29;
  return DAYS[month - 1];
}

const FIRST_YEAR = 2006;

/** Minutes since the Unix epoch for a valid UTC date-time, or a rejection naming the column. */
function utcMinutes(column: string, raw: string, y: number, mo: number, d: number, h: number, mi: number): number {
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59) {
    throw new RowRejection('impossible-date', `${column} '${clip(raw)}' is not a real date and time`);
  }
  // No tweet, post or account of these archives predates Twitter (2006): an earlier year is damage
  // (a spreadsheet's 1900 or 1970, a year cut to 0019), never read as another year.
  if (y < FIRST_YEAR) throw new RowRejection('impossible-date', `${column} '${clip(raw)}' is before Twitter existed (${FIRST_YEAR})`);
  const minute = (daysFromCivil(y, mo, d) * 24 + h) * 60 + mi;
  // Nor can an archive hold a date after the (UTC) day it is read: a year cut to two digits (99) or
  // typed wrong is damage, never read as the future.
  const today = Math.floor(Date.now() / 60_000 / MINUTES_PER_DAY);
  if (minute >= (today + 1) * MINUTES_PER_DAY) {
    throw new RowRejection('impossible-date', `${column} '${clip(raw)}' is after the day it was read (${new Date(today * 86_400_000).toISOString().slice(0, 10)}, UTC)`);
  }
  return minute;
}

const MINUTES_PER_DAY = 1440;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil), for year >= 0. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/** The number the digits value[from, from + n) write, or -1 if one is not an ASCII digit (the caller checks the length). */
function digitsAt(value: string, from: number, n: number): number {
  let v = 0;
  for (let i = from; i < from + n; i++) {
    const d = value.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return -1;
    v = v * 10 + d;
  }
  return v;
}

/**
 * Twitter IO `tweet_time`: `YYYY-MM-DD HH:MM`, UTC. Read by character codes, not a regular
 * expression with groups (one per tweet: ~0.5 s per million).
 */
export function readIsoMinute(column: string, value: string): number {
  const ok = value.length === 16 && value.charCodeAt(4) === 45 && value.charCodeAt(7) === 45 && value.charCodeAt(10) === 32 && value.charCodeAt(13) === 58;
  const y = ok ? digitsAt(value, 0, 4) : -1;
  const mo = digitsAt(value, 5, 2);
  const d = digitsAt(value, 8, 2);
  const h = digitsAt(value, 11, 2);
  const mi = digitsAt(value, 14, 2);
  if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0) throw new RowRejection('impossible-date', `${column} '${clip(value)}' is not YYYY-MM-DD HH:MM`);
  return utcMinutes(column, value, y, mo, d, h, mi);
}

const US_MINUTE = /^([0-9]{1,2})\/([0-9]{1,2})\/([0-9]{4}|[0-9]{2}) ([0-9]{1,2}):([0-9]{2})$/;
/**
 * FiveThirtyEight `M/D/YYYY H:MM` (UTC), and the spreadsheet re-save `M/D/YY H:MM`: two-digit
 * years are 20YY (Twitter began in 2006, so no archive date falls in the 1900s; a 20YY after the
 * day it is read, 99 say, is quarantined as the damage it is).
 */
export function readUsMinute(column: string, value: string): number {
  const m = US_MINUTE.exec(value);
  if (!m) throw new RowRejection('impossible-date', `${column} '${clip(value)}' is not M/D/YYYY H:MM (or M/D/YY H:MM, a spreadsheet's re-save)`);
  const year = m[3].length === 2 ? 2000 + +m[3] : +m[3];
  return utcMinutes(column, value, year, +m[1], +m[2], +m[4], +m[5]);
}

/** `account_creation_date` stays text; it must still be a real date `YYYY-MM-DD` (or empty). */
export function checkIsoDate(column: string, value: string): string {
  if (value === '') return value;
  const ok = value.length === 10 && value.charCodeAt(4) === 45 && value.charCodeAt(7) === 45;
  const y = ok ? digitsAt(value, 0, 4) : -1;
  const mo = digitsAt(value, 5, 2);
  const d = digitsAt(value, 8, 2);
  if (y < 0 || mo < 0 || d < 0) throw new RowRejection('impossible-date', `${column} '${clip(value)}' is not YYYY-MM-DD`);
  utcMinutes(column, value, y, mo, d, 0, 0);
  return value;
}

/** The empty list of every row without items (most rows, in four list columns): shared, so frozen. */
const NO_ITEMS = Object.freeze([]) as unknown as string[];

/**
 * List columns: Python repr `['金鐘', '外國勢力']` / `[443196382, 12]` (2019+), bare `[http://a.b/c]`
 * (2018), or empty (`[]`, ''). Quoted items may contain commas, and are decoded as Python wrote them
 * (readQuotedItem); bare items have no escapes and are kept as written, and a bare URL's commas are
 * its own unless a space follows.
 */
export function readList(column: string, value: string): string[] {
  if (value === '' || value === '[]') return NO_ITEMS;
  let s = value;
  const open = s.charCodeAt(0) === 0x5b;
  const close = s.charCodeAt(s.length - 1) === 0x5d;
  // A list cut short (a damaged or truncated cell) is quarantined, never read as items.
  if (open !== close) throw new RowRejection('invalid-value', `${column} '${clip(value)}' is not a list: its brackets do not match`);
  // Nor is a cell without brackets one of the archives' list styles: its items would be a guess.
  if (!open) throw new RowRejection('invalid-value', `${column} '${clip(value)}' is not a list: it has no brackets ([...] or [])`);
  s = s.slice(1, -1);
  const out: string[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    while (i < n && s.charCodeAt(i) === 0x20) i++;
    if (i >= n) break;
    const q = s.charCodeAt(i);
    if (q === 0x27 || q === 0x22) {
      const j = readQuotedItem(column, value, s, i, out);
      const comma = s.indexOf(',', j + 1);
      i = comma < 0 ? n : comma + 1;
      // Only spaces may stand between an item's closing quote and the next comma: anything else would be dropped.
      if (s.slice(j + 1, comma < 0 ? n : comma).trim() !== '') {
        throw new RowRejection('invalid-value', `${column} '${clip(value)}' is not a list: text follows a quoted item before the next comma`);
      }
    } else {
      // A bare item ends at the next comma; a bare URL only at a comma and a space (the lists'
      // separator): a URL holds no space but may hold commas (…/maps/@30.04,31.23,12z).
      const comma = column === 'urls' ? s.indexOf(', ', i) : s.indexOf(',', i);
      const end = comma < 0 ? n : comma;
      out.push(s.slice(i, end).trim());
      i = end + 1;
    }
  }
  return out;
}

/**
 * A list of ids (user_mentions): readList, and an item a spreadsheet damaged (9.06E+17,
 * 906000000000000000) is quarantined as the id columns' values are. Other items (hashes, 0 for
 * unresolved, numeric ids) are kept as written.
 */
export function readIdList(column: string, value: string): string[] {
  const items = readList(column, value);
  for (let i = 0; i < items.length; i++) {
    if (classifyId(items[i]!) === 'spreadsheet-damaged') {
      const how = /e/i.test(items[i]!) ? 'spreadsheet E-notation' : 'rounded by a spreadsheet (trailing zeros)';
      throw new RowRejection('spreadsheet-damaged-id', `${column} item ${i + 1} '${items[i]}' is ${how}`);
    }
  }
  return items;
}

/** Python's one-character escapes in a str repr: `\\`, `\n`, `\r`, `\t` (and the item's own quote, below). */
const SIMPLE_ESCAPE: Record<string, string> = { '\\': '\\', n: '\n', r: '\r', t: '\t' };
/** Hex digits after `\x`, `\u` and `\U`. */
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

/**
 * The quoted item of s starting at its quote s[start], pushed to out decoded; returns the index of its
 * closing quote. Decodes exactly the escapes Python's repr of a str writes: `\\`, the item's quote
 * (`\'`, or `\"` in a double-quoted item), `\n`, `\r`, `\t`, `\xNN`, `\uNNNN` and `\UNNNNNNNN` (for
 * zero-width joiners, direction marks, no-break spaces, control characters; beyond U+FFFF as one code
 * point). Any other backslash sequence (`\q`, `\x4`, `\U00110000`, a lone surrogate half) is no text
 * Python could have written: the row is quarantined, as guessing what it meant would change the value.
 */
function readQuotedItem(column: string, value: string, s: string, start: number, out: string[]): number {
  const quote = s.charCodeAt(start);
  const n = s.length;
  let item = '';
  let from = start + 1;
  let j = from;
  for (;;) {
    if (j >= n) throw new RowRejection('invalid-value', `${column} '${clip(value)}' is not a list: a quoted item does not end`);
    const c = s.charCodeAt(j);
    if (c === quote) break;
    if (c !== 0x5c) {
      j++;
      continue;
    }
    item += s.slice(from, j);
    const e = j + 1 < n ? String.fromCodePoint(s.codePointAt(j + 1)!) : undefined;
    if (e === undefined) throw new RowRejection('invalid-value', `${column} '${clip(value)}' is not a list: a quoted item does not end`);
    const simple = SIMPLE_ESCAPE[e];
    if (simple !== undefined || e.charCodeAt(0) === quote) {
      item += simple ?? e;
      j += 2;
    } else {
      const digits = HEX_DIGITS[e];
      const hex = digits === undefined ? '' : s.slice(j + 2, j + 2 + digits);
      if (digits === undefined || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) {
        const shown = digits === undefined ? '\\' + e : '\\' + e + s.slice(j + 2, j + 2 + digits).replace(/[^0-9a-fA-F].*$/s, '');
        const why = digits === undefined ? 'not an escape Python writes' : `not an escape Python writes (\\${e} takes ${digits} hex digits)`;
        throw new RowRejection('invalid-value', `${column} '${clip(value)}' is not a list: ${shown} in item ${out.length + 1} is ${why}`);
      }
      const cp = parseInt(hex, 16);
      if (cp > 0x10ffff) throw new RowRejection('invalid-value', `${column} '${clip(value)}' is not a list: \\${e}${hex} in item ${out.length + 1} is beyond Unicode (U+10FFFF)`);
      if (cp >= 0xd800 && cp <= 0xdfff) {
        throw new RowRejection('invalid-value', `${column} '${clip(value)}' is not a list: \\${e}${hex} in item ${out.length + 1} is half of a UTF-16 surrogate pair, not a character`);
      }
      item += String.fromCodePoint(cp);
      j += 2 + digits;
    }
    from = j;
  }
  out.push(from === start + 1 ? s.slice(from, j) : item + s.slice(from, j));
  return j;
}

/** `poll_choices`: choices separated by `|`. */
export function readPollChoices(value: string): string[] {
  return value === '' ? NO_ITEMS : value.split('|');
}

/**
 * Latitude/longitude: a number, `absent`, `present` (withheld) or '' — kept as text. A number off the
 * globe (latitude beyond ±90, longitude beyond ±180 degrees) is damage, not a place.
 */
export function readCoordinate(column: string, value: string): string {
  if (value === '' || value === 'absent' || value === 'present') return value;
  if (/^-?[0-9]+(\.[0-9]+)?$/.test(value)) {
    const limit = column === 'latitude' ? 90 : 180;
    if (Math.abs(Number(value)) <= limit) return value;
    throw new RowRejection('invalid-number', `${column} '${clip(value)}' is beyond ±${limit} degrees`);
  }
  throw new RowRejection('invalid-number', `${column} '${clip(value)}' is not a coordinate, 'absent' or 'present'`);
}

/** Leading `RT @name:` of a retweet's text (names may be hashes containing + and =). */
export function retweetScreenNameFromText(text: string): string {
  const m = /^RT @([^\s:]+):/.exec(text);
  return m ? m[1] : '';
}

/**
 * Hashtags in a post's text, in order, without the '#': for formats with no hashtags column
 * (FiveThirtyEight). As Twitter counts them: '#' or '＃' not inside a word, then letters, marks,
 * digits, '_' or the zero-width (non-)joiner that Persian words hold (U+200C, U+200D), with at
 * least one letter ('#1' is not a hashtag).
 */
export function hashtagsFromText(text: string): string[] {
  if (!text.includes('#') && !text.includes('＃')) return NO_ITEMS;
  const out: string[] = [];
  for (const m of text.matchAll(/(?<![\p{L}\p{M}\p{N}_&/])[#＃]([\p{L}\p{M}\p{N}_\u200c\u200d]+)/gu)) if (/\p{L}/u.test(m[1]!)) out.push(m[1]!);
  return out.length ? out : NO_ITEMS;
}

export function clip(s: string, max = 80): string {
  return s.length > max ? s.slice(0, max) + '…' : s;
}
