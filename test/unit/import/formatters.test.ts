import { describe, expect, it } from 'vitest';
import { formatBytes, formatSeconds } from '../../../renderer/src/import/formatters';

describe('import formatters', () => {
  it('formatSeconds never shows 60 seconds: a value that rounds up carries into the minutes', () => {
    expect(formatSeconds(59.4)).toBe('59 s');
    expect(formatSeconds(59.6)).toBe('1 min 0 s');
    expect(formatSeconds(119.6)).toBe('2 min 0 s');
    expect(formatSeconds(61)).toBe('1 min 1 s');
    expect(formatSeconds(3599.7)).toBe('60 min 0 s');
    // One decimal below 10 s, none above: 9.96 is "10 s", not "10.0 s".
    expect(formatSeconds(9.94)).toBe('9.9 s');
    expect(formatSeconds(9.96)).toBe('10 s');
  });

  it('formatSeconds says a short duration in milliseconds, not "0.0 s"', () => {
    expect(formatSeconds(0.032)).toBe('32 ms');
    expect(formatSeconds(0)).toBe('0 ms');
    expect(formatSeconds(0.1)).toBe('0.1 s');
    expect(formatSeconds(Infinity)).toBe('—');
    expect(formatSeconds(NaN)).toBe('—');
  });

  it('formatBytes carries a value that rounds to 1024 into the next unit', () => {
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1024)).toBe('1.0 KB');
    expect(formatBytes(1024 * 1024 - 1)).toBe('1.0 MB');
    expect(formatBytes(1024 * 1024 * 1024 - 100)).toBe('1.0 GB');
    expect(formatBytes(1024 * 9.97)).toBe('10 KB');
    expect(formatBytes(35_900)).toBe('35 KB');
    expect(formatBytes(5 * 1024 ** 5)).toBe('5120 TB');
  });
});
