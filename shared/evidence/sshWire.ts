/** The SSH wire encoding (RFC 4251 §5): uint32 big-endian and length-prefixed strings. */
import { concatBytes, utf8 } from './bytes';

export function sshUint32(n: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n >>> 0);
  return b;
}

export function sshString(v: Uint8Array | string): Uint8Array {
  const bytes = typeof v === 'string' ? utf8(v) : v;
  return concatBytes(sshUint32(bytes.length), bytes);
}

/** Sequential reader over an SSH wire buffer; every read is bounds-checked. */
export class SshReader {
  private pos = 0;
  constructor(private readonly buf: Uint8Array, private readonly what = 'SSH data') {}

  get remaining(): number {
    return this.buf.length - this.pos;
  }

  raw(n: number): Uint8Array {
    if (n < 0 || this.pos + n > this.buf.length) throw new Error(`${this.what} is truncated`);
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  uint32(): number {
    const b = this.raw(4);
    return new DataView(b.buffer, b.byteOffset, 4).getUint32(0);
  }

  string(): Uint8Array {
    return this.raw(this.uint32());
  }

  text(): string {
    return new TextDecoder('utf-8', { fatal: true }).decode(this.string());
  }

  rest(): Uint8Array {
    return this.raw(this.remaining);
  }
}
