import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TweetIdIndex } from '../../../shared/archive/tweetIdIndex';

const decimal = fc.stringMatching(/^[0-9]{1,21}$/);
const anyId = fc.oneof(decimal, decimal, fc.string({ maxLength: 44 }), fc.constantFrom('', '0', '00', '01', '9999999999999999999', '18446744073709551616'));

describe('TweetIdIndex', () => {
  it('behaves exactly like a Map<string, number> for any mix of ids (leading zeros, hashes, long ids), set and add', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(anyId, fc.nat()), { maxLength: 300 }), fc.array(anyId, { maxLength: 50 }), (writes, probes) => {
        const index = new TweetIdIndex();
        const reference = new Map<string, number>();
        for (const [i, [id, v]] of writes.entries()) {
          if (i % 2) {
            index.set(id, v % 2 ** 31);
            reference.set(id, v % 2 ** 31);
          } else {
            // add: only when absent, and says so.
            expect(index.add(id, v % 2 ** 31)).toBe(!reference.has(id));
            if (!reference.has(id)) reference.set(id, v % 2 ** 31);
          }
        }
        expect(index.size).toBe(reference.size);
        for (const id of [...probes, ...reference.keys()]) expect(index.get(id)).toBe(reference.get(id));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps 300,000 real-shaped tweet ids through several table growths', () => {
    const index = new TweetIdIndex();
    const ids: string[] = [];
    for (let i = 0; i < 300_000; i++) ids.push(String(1_100_000_000_000_000_000n + BigInt(i) * 7_919_000_013n));
    ids.forEach((id, i) => index.set(id, i));
    expect(index.size).toBe(ids.length);
    expect(ids.filter((id, i) => index.get(id) !== i)).toEqual([]);
    expect(index.has('1100000000000000001')).toBe(false);
    expect(index.has('01100000000000000000')).toBe(false); // a leading zero is another id
    expect(index.get('1100000000000000000')).toBe(0);
  });

  it("tells apart ids whose leading digits differ by multiples of 2^32 (the key's top bits), up to 19 digits", () => {
    const index = new TweetIdIndex();
    // All but the last 9 digits: h, h + 2^32, h + 2^33 (and the largest, 9999999999), each with the same last 9 digits.
    const heads = [1n, 2n ** 32n + 1n, 2n ** 33n + 1n, 2n ** 32n, 2n ** 33n, 9_999_999_999n, 9_999_999_999n - 2n ** 32n];
    const ids = heads.flatMap((h) => ['000000000', '999999999', '123456789'].map((tail) => `${h}${tail}`));
    ids.forEach((id, i) => expect(index.add(id, i)).toBe(true));
    expect(ids.map((id) => index.get(id))).toEqual(ids.map((_, i) => i));
    expect(index.get('9999999999999999999')).toBe(ids.indexOf('9999999999999999999'));
    expect(index.has('4294967296999999998')).toBe(false);
  });

  it('refuses a value it could not store (values are non-negative int32)', () => {
    const index = new TweetIdIndex();
    expect(() => index.set('1', -1)).toThrow(RangeError);
    expect(() => index.add('2', 2 ** 31)).toThrow(RangeError);
    expect(index.size).toBe(0);
  });
});
