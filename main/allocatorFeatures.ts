/**
 * Chromium features the app turns on (`--enable-features`), and test/browser/chromium.ts with it, so
 * the tests and benchmarks run the allocator the app runs. PartitionAlloc's large ring of empty slot
 * spans (on by default on macOS only) keeps more freed spans of the renderer's malloc and Blink's buffer
 * partition committed for reuse instead of handing their pages back: on these virtual machines a page
 * touched afresh costs ~5-10 µs, and an import copies its blocks through fresh buffers (IndexedDB's
 * serialisation, compression, postMessage). 1 M demo tweets, five alternating pairs: ~7% fewer page
 * faults, 0.1-1.9 s faster (docs/IMPORT_PERFORMANCE.md, 2026-12-02). An unknown feature is ignored.
 */
export const ALLOCATOR_FEATURES = ['PartitionAllocLargeEmptySlotSpanRing', 'BlinkUseLargeEmptySlotSpanRingForBufferRoot'] as const;
