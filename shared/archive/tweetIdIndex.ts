import { ownString } from './ownString';

/**
 * tweet id → small integer, for the millions of tweet ids an import must remember (dedupe across
 * files, quote → quoted author). A Map<string, number> costs ~100 bytes per entry and millions of
 * long-lived strings that every major GC has to mark; this open-addressing table keeps a canonical
 * decimal id (what tweet ids are: 1–19 digits, no leading zero) as a 64-bit key in two Uint32
 * arrays, 16 bytes a slot with its value and tag and nothing for the GC to trace (15 M tweets:
 * 512 MiB). Any other id (leading zeros, hashes, more digits) goes to an ordinary Map, so every
 * string id is still told apart exactly. The numbers are a private hash key: ids stay strings
 * everywhere else. The tag is a fingerprint of the tweet's content (tweetFingerprint), so a repeated
 * id with other content can be told from a plain duplicate; NO_TAG when it is not known.
 */
export class TweetIdIndex {
  private capacity = 1 << 16;
  private keyHigh = new Uint32Array(this.capacity);
  private keyLow = new Uint32Array(this.capacity);
  private values = new Int32Array(this.capacity).fill(EMPTY);
  private tags = new Int32Array(this.capacity);
  private used = 0;
  private readonly others = new Map<string, number>();
  private readonly otherTags = new Map<string, number>();

  get size(): number {
    return this.used + this.others.size;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  get(id: string): number | undefined {
    if (!split(id)) return this.others.get(id);
    const v = this.values[this.find(splitHigh, splitLow)]!;
    return v === EMPTY ? undefined : v;
  }

  /** Store `value` (a non-negative int32) for `id`, replacing any earlier value. */
  set(id: string, value: number): void {
    this.store(id, value, NO_TAG, true);
  }

  /** Store `value` for `id` unless `id` is already here: true when it was added (one lookup, where has + set take two). */
  add(id: string, value: number): boolean {
    return this.store(id, value, NO_TAG, false) === ADDED;
  }

  /** As add, with a tag (a non-negative int32, or NO_TAG): ADDED, or the tag stored with the id before. */
  addTagged(id: string, value: number, tag: number): number {
    return this.store(id, value, tag, false);
  }

  private store(id: string, value: number, tag: number, replace: boolean): number {
    if (!(value >= 0 && value <= 0x7fffffff && Number.isInteger(value))) throw new RangeError(`TweetIdIndex values are non-negative int32, not ${value}`);
    if (!split(id)) {
      if (!replace && this.others.has(id)) return this.otherTags.get(id) ?? NO_TAG;
      const own = ownString(id);
      this.others.set(own, value);
      if (tag !== NO_TAG) this.otherTags.set(own, tag);
      return ADDED;
    }
    const h = splitHigh;
    const l = splitLow;
    let slot = this.find(h, l);
    if (this.values[slot] !== EMPTY) {
      if (!replace) return this.tags[slot]!;
    } else {
      if ((this.used + 1) * 4 > this.capacity * 3) {
        this.grow();
        slot = this.find(h, l);
      }
      this.keyHigh[slot] = h;
      this.keyLow[slot] = l;
      this.tags[slot] = tag;
      this.used++;
    }
    this.values[slot] = value;
    return ADDED;
  }

  /** The slot holding (h, l), or the empty slot where it would go (linear probing, at most 3/4 full). */
  private find(h: number, l: number): number {
    const mask = this.capacity - 1;
    let slot = hash(h, l) & mask;
    for (;;) {
      if (this.values[slot] === EMPTY || (this.keyHigh[slot] === h && this.keyLow[slot] === l)) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const { keyHigh, keyLow, values, tags } = this;
    this.capacity *= 2;
    this.keyHigh = new Uint32Array(this.capacity);
    this.keyLow = new Uint32Array(this.capacity);
    this.values = new Int32Array(this.capacity).fill(EMPTY);
    this.tags = new Int32Array(this.capacity);
    for (let i = 0; i < values.length; i++) {
      if (values[i] === EMPTY) continue;
      const slot = this.find(keyHigh[i]!, keyLow[i]!);
      this.keyHigh[slot] = keyHigh[i]!;
      this.keyLow[slot] = keyLow[i]!;
      this.values[slot] = values[i]!;
      this.tags[slot] = tags[i]!;
    }
  }
}

/** A slot's value when it holds no id (values are non-negative). */
const EMPTY = -1;
/** addTagged's result when the id was not there before (tags are non-negative or NO_TAG). */
export const ADDED = -2;
/** The tag of an id stored without one. */
export const NO_TAG = -1;

// split()'s results, in module variables so the hot path allocates nothing.
let splitHigh = 0;
let splitLow = 0;

/**
 * A canonical decimal id (1–19 digits, no leading zero unless it is "0") as a 64-bit key in two
 * uint32s: with h = all but the last 9 digits (< 10^10 < 2^34) and l = the last 9 (< 10^9 < 2^30),
 * high = h mod 2^32 and low = l plus h's bits above 32 (0 to 2) in low's top two bits. Distinct ids,
 * distinct keys. False for anything else.
 */
function split(id: string): boolean {
  const n = id.length;
  if (n === 0 || n > 19 || (n > 1 && id.charCodeAt(0) === 48)) return false;
  let high = 0;
  let low = 0;
  const cut = n - 9;
  for (let i = 0; i < n; i++) {
    const d = id.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (i < cut) high = high * 10 + d;
    else low = low * 10 + d;
  }
  splitHigh = high >>> 0;
  splitLow = (low + Math.floor(high / 4294967296) * 1073741824) >>> 0;
  return true;
}

function hash(high: number, low: number): number {
  let h = Math.imul(low, 0x9e3779b1) ^ Math.imul(high, 0x85ebca77);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 0;
}
