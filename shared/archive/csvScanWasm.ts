import { fromBase64 } from '../evidence/bytes';
import { CSV_SCAN_WASM } from './csvScanWasmBytes';

/**
 * The CSV splitter's byte scan in WebAssembly SIMD (csvScan.wat): 16 bytes at a time instead of one,
 * the same results as the JS loop (CsvRecordSplitter's scanJs, which a property test compares it with).
 * One instance per splitter: its memory holds the pending record's field ends between calls.
 *
 * Memory: [0, 64) the scan state (STATE below); from 64 the field ends (`commas`, i32); then the
 * records found by a call (six i32 each, as in scanJs); then a copy of the bytes scanned, followed by
 * 16 zero bytes (the last 16-byte load reads past the end; zero is no byte the scan looks for).
 */
export const STATE = {
  odd: 0, extra: 1, quotes: 2, fieldStart: 3, mess: 4, commaCount: 5, recordCommas: 6, start: 7, found: 8, byteBefore: 9, closeAt: 10,
} as const;
const COMMAS = 64;

let module: WebAssembly.Module | null | undefined;

/** Null where WebAssembly may not be compiled (a CSP without 'wasm-unsafe-eval') or has no SIMD. */
function compiled(): WebAssembly.Module | null {
  if (module === undefined) {
    try {
      module = new WebAssembly.Module(fromBase64(CSV_SCAN_WASM));
    } catch {
      module = null;
    }
  }
  return module;
}

export function createWasmCsvScan(): WasmCsvScan | null {
  const m = compiled();
  return m ? new WasmCsvScan(new WebAssembly.Instance(m)) : null;
}

/** The byte scan the CSV splitters of this thread use. */
export const csvScanImplementation = (): 'webassembly' | 'js' => (compiled() ? 'webassembly' : 'js');

export class WasmCsvScan {
  private readonly memory: WebAssembly.Memory;
  private readonly scanFn: (input: number, length: number, from: number, commas: number, found: number) => void;
  /** The scan state, read and written around each call (indexes: STATE). */
  state: Int32Array;
  /** The field ends: valid until the next call (the memory may grow). */
  commas: Int32Array;
  private bytes: Uint8Array;

  constructor(instance: WebAssembly.Instance) {
    this.memory = instance.exports.memory as WebAssembly.Memory;
    this.scanFn = instance.exports.scan as WasmCsvScan['scanFn'];
    this.state = new Int32Array(this.memory.buffer, 0, 16);
    this.bytes = new Uint8Array(this.memory.buffer);
    this.commas = new Int32Array(this.memory.buffer, COMMAS, 0);
  }

  /**
   * Scans `slice`, the bytes of the splitter's buffer from position `from` (positions in the results
   * are the buffer's). Returns the records found (six numbers each); `commas` then holds the field ends.
   */
  scan(slice: Uint8Array, from: number): Int32Array {
    const nc = this.state[STATE.commaCount]!;
    // At most one field end and one record per byte.
    const commasCapacity = nc + slice.length + 1;
    const found = COMMAS + 4 * commasCapacity;
    const input = found + 24 * (slice.length + 1);
    const needed = input + slice.length + 16;
    if (needed > this.memory.buffer.byteLength) {
      this.memory.grow(Math.ceil((needed - this.memory.buffer.byteLength) / 65536));
      this.state = new Int32Array(this.memory.buffer, 0, 16);
      this.bytes = new Uint8Array(this.memory.buffer);
    }
    this.bytes.set(slice, input);
    this.bytes.fill(0, input + slice.length, input + slice.length + 16);
    this.scanFn(input, slice.length, from, COMMAS, found);
    this.commas = new Int32Array(this.memory.buffer, COMMAS, commasCapacity);
    return new Int32Array(this.memory.buffer, found, this.state[STATE.found]!);
  }
}
