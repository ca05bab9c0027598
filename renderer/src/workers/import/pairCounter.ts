/**
 * Counts of (source, target) pairs of small non-negative integers: an import's network edges.
 * Open addressing in typed arrays (12 bytes a slot, at most 3/4 full) instead of a Map of Maps:
 * millions of edges stay off the GC heap, so they neither make V8 grow the heap nor slow its
 * collections.
 */
export class PairCounter {
  private capacity = 1 << 12;
  private sources = new Int32Array(this.capacity).fill(-1); // -1 marks an empty slot
  private targets = new Int32Array(this.capacity);
  private counts = new Int32Array(this.capacity);
  private used = 0;

  get size(): number {
    return this.used;
  }

  add(source: number, target: number): void {
    let slot = this.find(source, target);
    if (this.sources[slot] === -1) {
      if ((this.used + 1) * 4 > this.capacity * 3) {
        this.grow();
        slot = this.find(source, target);
      }
      this.sources[slot] = source;
      this.targets[slot] = target;
      this.used++;
    }
    this.counts[slot]!++;
  }

  /** Every pair with its count, in no particular (but deterministic) order. */
  forEach(fn: (source: number, target: number, count: number) => void): void {
    for (let i = 0; i < this.capacity; i++) if (this.sources[i] !== -1) fn(this.sources[i]!, this.targets[i]!, this.counts[i]!);
  }

  private find(source: number, target: number): number {
    const mask = this.capacity - 1;
    let slot = (Math.imul(source, 0x9e3779b1) ^ Math.imul(target + 0x7f4a7c15, 0x85ebca77)) >>> 0;
    slot = ((slot ^ (slot >>> 15)) >>> 0) & mask;
    for (;;) {
      const s = this.sources[slot];
      if (s === -1 || (s === source && this.targets[slot] === target)) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const { sources, targets, counts } = this;
    this.capacity *= 2;
    this.sources = new Int32Array(this.capacity).fill(-1);
    this.targets = new Int32Array(this.capacity);
    this.counts = new Int32Array(this.capacity);
    for (let i = 0; i < sources.length; i++) {
      if (sources[i] === -1) continue;
      const slot = this.find(sources[i]!, targets[i]!);
      this.sources[slot] = sources[i]!;
      this.targets[slot] = targets[i]!;
      this.counts[slot] = counts[i]!;
    }
  }
}
