import { ownString } from './ownString';

/**
 * tweet id → small integer, for the millions of tweet ids an import must remember (dedupe across
 * files, quote → quoted author). A Map<string, number> costs ~100 bytes per entry and millions of
 * long-lived strings that every major GC has to mark; this open-addressing table keeps a canonical
 * decimal id (what tweet ids are: 1–19 digits, no leading zero) as two numbers in typed arrays,
 * ~32 bytes per entry and nothing for the GC to trace. Any other id (leading zeros, hashes, more
 * digits) goes to an ordinary Map, so every string id is still told apart exactly. The numbers are
 * a private hash key: ids stay strings everywhere else.
 */
export class TweetIdIndex {
  private capacity = 1 << 16;
  private high = new Float64Array(this.capacity).fill(-1); // -1 marks an empty slot
  private low = new Uint32Array(this.capacity);
  private values = new Int32Array(this.capacity);
  private used = 0;
  private readonly others = new Map<string, number>();

  get size(): number {
    return this.used + this.others.size;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  get(id: string): number | undefined {
    if (!split(id)) return this.others.get(id);
    const slot = this.find(splitHigh, splitLow);
    return this.high[slot] === -1 ? undefined : this.values[slot];
  }

  /** Store `value` (a non-negative int32) for `id`, replacing any earlier value. */
  set(id: string, value: number): void {
    this.store(id, value, true);
  }

  /** Store `value` for `id` unless `id` is already here: true when it was added (one lookup, where has + set take two). */
  add(id: string, value: number): boolean {
    return this.store(id, value, false);
  }

  private store(id: string, value: number, replace: boolean): boolean {
    if (!split(id)) {
      if (!replace && this.others.has(id)) return false;
      this.others.set(ownString(id), value);
      return true;
    }
    const h = splitHigh;
    const l = splitLow;
    let slot = this.find(h, l);
    if (this.high[slot] !== -1) {
      if (!replace) return false;
    } else {
      if ((this.used + 1) * 4 > this.capacity * 3) {
        this.grow();
        slot = this.find(h, l);
      }
      this.high[slot] = h;
      this.low[slot] = l;
      this.used++;
    }
    this.values[slot] = value;
    return true;
  }

  /** The slot holding (h, l), or the empty slot where it would go (linear probing, at most 3/4 full). */
  private find(h: number, l: number): number {
    const mask = this.capacity - 1;
    let slot = hash(h, l) & mask;
    for (;;) {
      const x = this.high[slot];
      if (x === -1 || (x === h && this.low[slot] === l)) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const { high, low, values } = this;
    this.capacity *= 2;
    this.high = new Float64Array(this.capacity).fill(-1);
    this.low = new Uint32Array(this.capacity);
    this.values = new Int32Array(this.capacity);
    for (let i = 0; i < high.length; i++) {
      if (high[i] === -1) continue;
      const slot = this.find(high[i]!, low[i]!);
      this.high[slot] = high[i]!;
      this.low[slot] = low[i]!;
      this.values[slot] = values[i]!;
    }
  }
}

// split()'s results, in module variables so the hot path allocates nothing.
let splitHigh = 0;
let splitLow = 0;

/**
 * A canonical decimal id (1–19 digits, no leading zero unless it is "0") as high = all but the last
 * 9 digits (< 10^10, exact in a double) and low = the last 9 digits; false for anything else.
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
  splitHigh = high;
  splitLow = low;
  return true;
}

function hash(high: number, low: number): number {
  let h = Math.imul(low, 0x9e3779b1) ^ Math.imul(high >>> 0, 0x85ebca77) ^ Math.floor(high / 4294967296);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 0;
}
