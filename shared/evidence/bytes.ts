/** Small byte helpers shared by the evidence formats (platform-free: no Buffer). */
import { bytesToHex, concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';

export { bytesToHex, concatBytes };

export const utf8 = (s: string): Uint8Array => utf8ToBytes(s);
const decoder = new TextDecoder('utf-8', { fatal: true });
/** Strict UTF-8 decode: throws on invalid bytes (tag files must be valid UTF-8). */
export const fromUtf8 = (b: Uint8Array): string => decoder.decode(b);

/** Bytes as a string of the same char codes (0–255), in pieces small enough for the argument list. */
export function binaryString(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return s;
}

export const toBase64 = (b: Uint8Array): string => btoa(binaryString(b));

export function fromBase64(s: string): Uint8Array<ArrayBuffer> {
  let bin: string;
  try {
    bin = atob(s.replace(/\s+/g, ''));
  } catch {
    // atob's own words name the browser API ("Failed to execute 'atob' on 'Window'"), not the damage.
    throw new Error('the text is not valid base64 (damaged or edited)');
  }
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i]! ^ b[i]!;
  return d === 0;
}

/** Wrap text at `width` columns, as OpenSSH armours its base64. */
export function wrap(s: string, width: number): string {
  const lines: string[] = [];
  for (let i = 0; i < s.length; i += width) lines.push(s.slice(i, i + width));
  return lines.join('\n');
}
