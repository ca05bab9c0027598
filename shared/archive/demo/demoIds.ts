import type { SeededRandom } from '../../graph/seededRandom';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * A 2019+ hashed id: base64 of a 32-byte digest with every '/' removed (41–44 chars ending '=').
 * 32 bytes -> 43 significant base64 chars + '='; the last char carries only 4 bits. A digest that
 * loses more than 6 '/' (about 1 in 170,000) would fall outside the documented shape (37–43 chars
 * before the '=', ARCHIVES.md) and be quarantined as an invalid id: it is drawn again.
 */
export function demoB64Hash(rng: SeededRandom): string {
  for (;;) {
    let s = '';
    for (let i = 0; i < 42; i++) s += B64[rng.int(64)];
    s += B64[rng.int(16) * 4]; // 4 significant bits, as for a real 32-byte digest
    s = s.replace(/\//g, '');
    if (s.length >= 37) return s + '=';
  }
}

const TWITTER_EPOCH_MS = 1288834974657n;
/**
 * A snowflake tweet id (up to 19 digits) for a post at a given UTC minute; ids stay strings. One
 * ending in 8 zeros (about 1 in 10^8) reads as rounded by a spreadsheet and would be quarantined
 * (ids.ts): it is drawn again, as the 5 M demo once needed.
 */
export function demoSnowflake(minute: number, rng: SeededRandom, sequence: number): string {
  for (;;) {
    const ms = BigInt(minute) * 60000n + BigInt(rng.int(60000));
    const low = BigInt((sequence % 1024) * 4096 + rng.int(4096));
    const id = (((ms - TWITTER_EPOCH_MS) << 22n) | low).toString();
    if (!id.endsWith('00000000')) return id;
  }
}

/** A numeric account id: 18–19 digit snowflake for accounts created after 2015, else 8–10 digits. */
export function demoNumericUserId(creationMinute: number, rng: SeededRandom, sequence: number): string {
  if (creationMinute >= 23_670_000) return demoSnowflake(creationMinute, rng, sequence);
  return String(10_000_000 + rng.int(3_000_000_000 - 10_000_000));
}

const HANDLE = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
/** Random-looking handle (as many operation accounts have) or word + digits. */
export function demoScreenName(rng: SeededRandom, words: readonly string[]): string {
  if (rng.chance(0.5)) {
    let s = '';
    const n = 8 + rng.int(8);
    for (let i = 0; i < n; i++) s += HANDLE[rng.int(HANDLE.length)];
    return s;
  }
  return rng.pick(words) + String(rng.int(100_000));
}
