/// <reference lib="webworker" />
/**
 * Worker of decodeFaultsProbe.ts: reads a File with File.stream() and turns its bytes into strings
 * in runs of about 64 KiB ending at a line feed, as the import's splitter does, by one of three ways:
 * 'read' (no decoding), 'textdecoder' (one fatal TextDecoder call a run, as the app), 'transcode'
 * (UTF-8 to UTF-16 by hand into one reused Uint16Array, then String.fromCharCode per line).
 */
type Way = 'read' | 'textdecoder' | 'transcode';
const SPAN = 64 * 1024;

const units = new Uint16Array(SPAN + 8);
/** UTF-8 bytes[from, to) to UTF-16 in `units`; returns the count, or -1 on invalid UTF-8 (a rough check: enough for a probe). */
function transcode(b: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; ) {
    const c = b[i]!;
    if (c < 0x80) { units[n++] = c; i++; continue; }
    if (c < 0xe0) { units[n++] = ((c & 0x1f) << 6) | (b[i + 1]! & 0x3f); i += 2; continue; }
    if (c < 0xf0) { units[n++] = ((c & 0x0f) << 12) | ((b[i + 1]! & 0x3f) << 6) | (b[i + 2]! & 0x3f); i += 3; continue; }
    const cp = (((c & 0x07) << 18) | ((b[i + 1]! & 0x3f) << 12) | ((b[i + 2]! & 0x3f) << 6) | (b[i + 3]! & 0x3f)) - 0x10000;
    units[n++] = 0xd800 + (cp >> 10);
    units[n++] = 0xdc00 + (cp & 0x3ff);
    i += 4;
  }
  return n;
}

self.onmessage = async (e: MessageEvent<{ file: File; way: Way }>) => {
  const { file, way } = e.data;
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const t0 = performance.now();
  let chars = 0;
  let lines = 0;
  let keep: string[] = [];
  let rest = new Uint8Array(0);
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    let buf = value;
    if (rest.length) { buf = new Uint8Array(rest.length + value.length); buf.set(rest); buf.set(value, rest.length); }
    let at = 0;
    for (;;) {
      let end = Math.min(at + SPAN, buf.length);
      end = buf.lastIndexOf(0x0a, end - 1) + 1;
      if (end <= at) break;
      if (way === 'textdecoder') {
        const text = decoder.decode(buf.subarray(at, end));
        chars += text.length;
        // as the splitter: one slice a line (a record)
        for (let p = 0; p < text.length; ) { const q = text.indexOf('\n', p); keep.push(text.slice(p, q)); p = q + 1; lines++; }
      } else if (way === 'transcode') {
        const n = transcode(buf, at, end);
        chars += n;
        for (let p = 0; p < n; ) {
          let q = units.indexOf(0x0a, p);
          keep.push(String.fromCharCode.apply(null, units.subarray(p, q) as unknown as number[]));
          p = q + 1;
          lines++;
        }
      }
      if (keep.length > 2000) keep = [];
      at = end;
    }
    rest = buf.slice(at);
  }
  postMessage({ seconds: (performance.now() - t0) / 1000, chars, lines, way });
};
