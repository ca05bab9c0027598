import { describe, expect, it } from 'vitest';
import { intoOneBuffer } from '../../../renderer/src/store/oneBuffer';

describe('intoOneBuffer', () => {
  it('moves every typed array under a value onto one buffer, keeping contents, types and alignment', () => {
    const value = {
      a: Int32Array.from([1, -2, 3]),
      nested: { b: Uint8Array.from([7]), c: [Float64Array.from([0.5, 1e300]), 'text'] },
      d: Int32Array.from([9, 8]).subarray(1),
      s: 'kept',
    };
    const before = structuredClone(value);
    const out = intoOneBuffer(value);
    expect(out).toBe(value);
    expect(out).toEqual(before);
    const views = [out.a, out.nested.b, out.nested.c[0] as Float64Array, out.d];
    expect(new Set(views.map((v) => v.buffer)).size).toBe(1);
    for (const v of views) expect(v.byteOffset % v.BYTES_PER_ELEMENT).toBe(0);
    // Survives a structured clone (IndexedDB, postMessage) as views of one buffer.
    const cloned = structuredClone(out);
    expect(cloned).toEqual(before);
    expect(cloned.a.buffer).toBe(cloned.nested.b.buffer);
  });
});
