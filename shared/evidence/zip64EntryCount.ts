/**
 * client-zip writes the ZIP64 end records only when a size or offset passes 4 GiB; past 65,535
 * entries it saturates the end record's count at 0xFFFF and writes no ZIP64 record, so `unzip -t`
 * fails ("expected central file header signature not found (file #65537)") and so does our reader.
 * A bundle citing that many rows gets the ZIP64 end record and locator APPNOTE 4.4.1.4 asks for,
 * inserted before the end record (the entries and the central directory are unchanged).
 */
const EOCD = 0x06054b50;
const ZIP64_EOCD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const EOCD_SIZE = 22;
/** The end record, and before it a ZIP64 locator when client-zip wrote one. */
const KEEP = EOCD_SIZE + 20;

export function withZip64EntryCount(zip: ReadableStream<Uint8Array>, entryCount: number): ReadableStream<Uint8Array> {
  if (entryCount < 0xffff) return zip;
  let tail = new Uint8Array(0);
  return zip.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, out) {
        // Hold back the last bytes: the end record is only known once the stream ends.
        const all = new Uint8Array(tail.length + chunk.length);
        all.set(tail);
        all.set(chunk, tail.length);
        if (all.length > KEEP) out.enqueue(all.slice(0, all.length - KEEP));
        tail = all.slice(Math.max(0, all.length - KEEP));
      },
      flush(out) {
        const v = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
        const eocd = tail.length - EOCD_SIZE;
        if (eocd < 0 || v.getUint32(eocd, true) !== EOCD) throw new Error('the ZIP writer did not end with an end-of-central-directory record');
        if (eocd >= 20 && v.getUint32(eocd - 20, true) === ZIP64_LOCATOR) return out.enqueue(tail); // it wrote ZIP64 itself
        const cdSize = v.getUint32(eocd + 12, true);
        const cdOffset = v.getUint32(eocd + 16, true);
        const z = new DataView(new ArrayBuffer(56 + 20));
        z.setUint32(0, ZIP64_EOCD, true);
        z.setBigUint64(4, 44n, true); // the record's size after this field
        z.setUint16(12, 0x032d, true); // made by Unix, ZIP 4.5 (as client-zip's own ZIP64 record)
        z.setUint16(14, 45, true);
        z.setBigUint64(24, BigInt(entryCount), true);
        z.setBigUint64(32, BigInt(entryCount), true);
        z.setBigUint64(40, BigInt(cdSize), true);
        z.setBigUint64(48, BigInt(cdOffset), true);
        z.setUint32(56, ZIP64_LOCATOR, true);
        z.setBigUint64(64, BigInt(cdOffset + cdSize), true); // where the ZIP64 end record begins (disk 0 at 60)
        z.setUint32(72, 1, true); // one disk
        out.enqueue(tail.slice(0, eocd));
        out.enqueue(new Uint8Array(z.buffer));
        out.enqueue(tail.slice(eocd));
      },
    }),
  );
}
