/**
 * Adds a tEXt chunk (keyword + Latin-1 text) to a PNG right after IHDR, so a saved image carries
 * its analysis receipt. Non-ASCII characters are written as JSON \u escapes by the caller.
 */
import { crc32 } from '../../../shared/crc32';

export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (ch) => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0'));
}

export function addPngText(png: Uint8Array, keyword: string, text: string): Uint8Array<ArrayBuffer> {
  const data = new TextEncoder().encode(keyword + '\0' + text); // ASCII only: Latin-1 safe
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set([0x74, 0x45, 0x58, 0x74], 4); // "tEXt"
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  const ihdrEnd = 8 + 12 + new DataView(png.buffer, png.byteOffset).getUint32(8); // signature + IHDR
  const out = new Uint8Array(png.length + chunk.length);
  out.set(png.subarray(0, ihdrEnd), 0);
  out.set(chunk, ihdrEnd);
  out.set(png.subarray(ihdrEnd), ihdrEnd + chunk.length);
  return out;
}
