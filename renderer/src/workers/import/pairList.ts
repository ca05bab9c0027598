/** A growable list of int32 pairs, in typed memory: pair i is (values[2i], values[2i + 1]) of `view()`. */
export class PairList {
  private data = new Int32Array(2048);
  private count = 0;

  push(a: number, b: number): void {
    if (2 * this.count + 2 > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[2 * this.count] = a;
    this.data[2 * this.count + 1] = b;
    this.count++;
  }

  /** The pairs so far (a view: valid until the next push). */
  view(): Int32Array {
    return this.data.subarray(0, 2 * this.count);
  }
}
