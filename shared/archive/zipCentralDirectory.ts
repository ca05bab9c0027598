/**
 * The CRC-32 of each zip entry as its central directory records it. The streaming unzip (fflate)
 * does not check CRCs, so pass 1 compares them with the entries it inflated (hashArchive): a
 * damaged stored entry would otherwise import its changed bytes. The directory is at the end of
 * the file: the last bytes seen are kept (TAIL_BYTES), and a directory larger than that goes unchecked.
 * A zip with no end record at all was cut short (the streaming unzip reads the entries before the
 * cut as if they were all): the caller refuses it.
 */
const TAIL_BYTES = 8 << 20;
/** Record signatures (little-endian uint32), shared with the evidence bundle's strict reader (bundleZip.ts). */
export const EOCD = 0x06054b50;
export const ZIP64_LOCATOR = 0x07064b50;
export const ZIP64_EOCD = 0x06064b50;
export const CENTRAL_ENTRY = 0x02014b50;

export class ZipTail {
  private chunks: Uint8Array[] = [];
  private bytes = 0;
  /** Bytes pushed in all: the tail starts at total - bytes in the file. */
  private total = 0;

  push(chunk: Uint8Array): void {
    this.chunks.push(chunk);
    this.bytes += chunk.length;
    this.total += chunk.length;
    while (this.chunks.length > 1 && this.bytes - this.chunks[0]!.length >= TAIL_BYTES) this.bytes -= this.chunks.shift()!.length;
  }

  /** Entry name -> CRC-32s in directory order (a name may repeat); 'no-end-record' for a truncated zip; null when the directory is not in the tail. */
  centralCrcs(): Map<string, number[]> | 'no-end-record' | null {
    const tail = new Uint8Array(this.bytes);
    let at = 0;
    for (const c of this.chunks) {
      tail.set(c, at);
      at += c.length;
    }
    const v = new DataView(tail.buffer);
    // The end record is 22 bytes plus a comment of at most 65,535.
    let eocd = -1;
    for (let i = tail.length - 22; i >= Math.max(0, tail.length - 22 - 0xffff); i--) {
      if (v.getUint32(i, true) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return 'no-end-record';
    let size = v.getUint32(eocd + 12, true);
    let end = eocd; // the directory ends where the end records begin
    // A zip64 archive (over 4 GiB or 65,535 entries) puts its own end record, found through the
    // locator just before the classic one, after the directory; writers fill the classic fields or not.
    if (eocd >= 20 && v.getUint32(eocd - 20, true) === ZIP64_LOCATOR) {
      end = Number(v.getBigUint64(eocd - 20 + 8, true)) - (this.total - this.bytes);
      if (end < 0 || end + 56 > tail.length || v.getUint32(end, true) !== ZIP64_EOCD) return null;
      size = Number(v.getBigUint64(end + 40, true));
    }
    let p = end - size;
    if (p < 0) return null;
    const out = new Map<string, number[]>();
    const utf8 = new TextDecoder();
    while (p + 46 <= end && v.getUint32(p, true) === CENTRAL_ENTRY) {
      const flags = v.getUint16(p + 8, true);
      const crc = v.getUint32(p + 16, true);
      const nameLength = v.getUint16(p + 28, true);
      const raw = tail.subarray(p + 46, p + 46 + nameLength);
      // As fflate reads names: UTF-8 when flagged (bit 11), else one byte a character.
      const name = flags & 0x800 ? utf8.decode(raw) : String.fromCharCode(...raw);
      out.set(name, [...(out.get(name) ?? []), crc]);
      p += 46 + nameLength + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
    }
    return out;
  }
}
