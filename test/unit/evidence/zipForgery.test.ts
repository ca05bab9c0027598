/**
 * ZIP-level forgeries (red-team QA, session 23): ZIPs in which `unzip` (Info-ZIP) extracts other files
 * than a lenient reader reads. Each is built here from a genuine bundle, byte by byte (a port of the
 * QA's raw ZIP writer), and the verifier must refuse it naming the entry and the reason.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { deflateSync, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { verifyBundle, type BundleVerdict } from '../../../shared/evidence/bundleVerifier';
import { readBundleZip } from '../../../shared/evidence/bundleZip';
import { writeBundle } from './bundleFixture';
import { run, tempDir } from './tools';

const dir = tempDir('zip-forgery-');
const enc = new TextEncoder();
const ITEMS = 'data/derived/coordination/edges.csv';
/** Short enough to be a link target. */
const LINK = 'data/derived/coordination/edges.csv';

interface RawEntry {
  name: Uint8Array;
  data: Uint8Array;
  flag?: number;
  externalAttr?: number;
  madeBy?: number;
  /** Extra field, local header and central directory alike. */
  extra?: Uint8Array;
  /** Bytes written before its local header. */
  gap?: Uint8Array;
  /** Deflated (method 8): these bytes are written, `data` is what they inflate to. */
  deflated?: Uint8Array;
  /** Version needed to extract (x10), local header and directory alike; 20 when absent. */
  versionNeeded?: number;
  /** A data descriptor after the data (flag bit 3, the local header's CRC and sizes zero), with or without its signature. */
  descriptor?: 'signed' | 'unsigned';
}

/** The entries of a genuine bundle, in order, as the QA's zipkit read them (UTF-8 flagged, mode 100644). */
function entriesOf(zip: Uint8Array): RawEntry[] {
  return Object.entries(unzipSync(zip)).map(([name, data]) => ({ name: enc.encode(name), data, flag: 0x800 }));
}

/** A ZIP of stored entries without data descriptors, every field under the test's control (zipkit.write). */
function rawZip(entries: RawEntry[], comment = new Uint8Array(0)): Uint8Array {
  const local: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    if (e.gap) local.push(e.gap);
    offset += e.gap?.length ?? 0;
    central.push(centralRecord(e, offset));
    local.push(localRecord(e));
    offset += local[local.length - 1]!.length;
  }
  const cd = concat(central);
  return concat([...local, cd, endRecord(entries.length, cd.length, offset, comment.length), comment]);
}

/** Little-endian fields [offset, value, bytes] into a record of `size` bytes. */
function record(size: number, fields: Array<[number, number, 2 | 4]>, ...tail: Uint8Array[]): Uint8Array {
  const v = new DataView(new ArrayBuffer(size));
  for (const [at, value, n] of fields) (n === 4 ? v.setUint32(at, value >>> 0, true) : v.setUint16(at, value, true));
  return concat([new Uint8Array(v.buffer), ...tail]);
}

const flagOf = (e: RawEntry): number => (e.flag ?? 0) | (e.descriptor ? 0x08 : 0);

const localRecord = (e: RawEntry): Uint8Array => {
  const extra = e.extra ?? new Uint8Array(0);
  const body = e.deflated ?? e.data;
  const known = e.descriptor ? 0 : 1; // with a descriptor, the local header's CRC and sizes are zero
  const sig = e.descriptor === 'signed' ? 4 : 0;
  const descriptorFields: Array<[number, number, 2 | 4]> = [[sig, crc32(e.data), 4], [sig + 4, body.length, 4], [sig + 8, e.data.length, 4]];
  if (sig) descriptorFields.push([0, 0x08074b50, 4]);
  const descriptor = e.descriptor ? record(sig + 12, descriptorFields) : new Uint8Array(0);
  return record(30, [[0, 0x04034b50, 4], [4, e.versionNeeded ?? 20, 2], [6, flagOf(e), 2], [8, e.deflated ? 8 : 0, 2], [12, 0x21, 2], [14, known * crc32(e.data), 4], [18, known * body.length, 4], [22, known * e.data.length, 4], [26, e.name.length, 2], [28, extra.length, 2]], e.name, extra, body, descriptor);
};

const centralRecord = (e: RawEntry, offset: number): Uint8Array => {
  const extra = e.extra ?? new Uint8Array(0);
  const fields: Array<[number, number, 2 | 4]> = [[0, 0x02014b50, 4], [4, e.madeBy ?? 0x0314, 2], [6, e.versionNeeded ?? 20, 2], [8, flagOf(e), 2], [10, e.deflated ? 8 : 0, 2], [14, 0x21, 2], [16, crc32(e.data), 4], [20, (e.deflated ?? e.data).length, 4], [24, e.data.length, 4], [28, e.name.length, 2], [30, extra.length, 2], [38, e.externalAttr ?? 0o100644 << 16, 4], [42, offset, 4]];
  return record(46, fields, e.name, extra);
};

function endRecord(count: number, cdSize: number, cdOffset: number, commentLength: number): Uint8Array {
  const v = new DataView(new ArrayBuffer(22));
  v.setUint32(0, 0x06054b50, true);
  v.setUint16(8, count, true);
  v.setUint16(10, count, true);
  v.setUint32(12, cdSize, true);
  v.setUint32(16, cdOffset, true);
  v.setUint16(20, commentLength, true);
  return new Uint8Array(v.buffer);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) out.set(p, (at += p.length) - p.length);
  return out;
}

/** Info-ZIP Unicode Path extra field (0x7075): version 1, CRC-32 of the raw name, the name unzip uses. */
function unicodePathExtra(rawName: Uint8Array, unicodeName: Uint8Array): Uint8Array {
  const v = new DataView(new ArrayBuffer(9));
  v.setUint16(0, 0x7075, true);
  v.setUint16(2, 5 + unicodeName.length, true);
  v.setUint8(4, 1);
  v.setUint32(5, crc32(rawName), true);
  return concat([new Uint8Array(v.buffer), unicodeName]);
}

const zipCheck = (v: BundleVerdict) => v.checks.find((c) => c.name === 'zip')!;

function unzipTo(zip: Uint8Array, label: string) {
  const file = path.join(dir, `${label}.zip`);
  writeFileSync(file, zip);
  const out = path.join(dir, label);
  return { file, out, unzip: run('unzip', ['-q', '-o', file, '-d', out]) };
}

describe('ZIP-level forgeries are refused, naming the entry', async () => {
  const { prepared, bytes } = await writeBundle(dir);
  const bag = prepared.bagName;
  const fp = prepared.fingerprint;
  const verify = (zip: Uint8Array) => verifyBundle(zip, { trustedFingerprints: [fp], requireTrust: true });
  const find = (entries: RawEntry[], p: string) => entries.find((e) => new TextDecoder().decode(e.name) === `${bag}/${p}`)!;

  it('the genuine bundle, and its rewrite by the raw writer, verify (the forgeries below differ only by their trick)', () => {
    expect(verify(bytes).ok).toBe(true);
    const rewritten = rawZip(entriesOf(bytes));
    expect(verify(rewritten)).toMatchObject({ ok: true, bagName: bag });
    expect(run('unzip', ['-tq', unzipTo(rewritten, 'rewritten').file]).stdout).toMatch(/^No errors detected/);
  });

  /** f1_unicode_path.py: the genuine entry renamed by unzip to a directory, a '/'-named entry renamed by unzip to the genuine path. */
  function unicodePathForgery(target: string, forged: Uint8Array): Uint8Array {
    const entries = entriesOf(bytes);
    const genuine = find(entries, target);
    // unzip honours the field only on names not flagged UTF-8 (bit 11): these are ASCII.
    genuine.flag = 0;
    genuine.extra = unicodePathExtra(genuine.name, enc.encode(`${bag}/data/.x${entries.length}/`));
    const raw = enc.encode(`${bag}/data/${target.replace(/\//g, '_')}/`);
    entries.push({ name: raw, data: forged, flag: 0, extra: unicodePathExtra(raw, enc.encode(`${bag}/${target}`)) });
    return rawZip(entries);
  }

  it('Info-ZIP Unicode Path fields (0x7075): unzip extracts forged content under the genuine name; refused', () => {
    const genuine = unzipSync(bytes)[`${bag}/${ITEMS}`]!;
    const forged = concat([genuine, enc.encode('"forged","row",9\n')]);
    const z = unicodePathForgery(ITEMS, forged);
    // The forgery is real: unzip writes the forged bytes where the genuine file belongs.
    const { out } = unzipTo(z, 'unicode-path');
    expect(readFileSync(path.join(out, bag, ITEMS))).toEqual(Buffer.from(forged));
    const v = verify(z);
    expect(v.ok).toBe(false);
    expect(zipCheck(v).detail).toContain(`the ZIP is refused: "${bag}/${ITEMS}": has an Info-ZIP Unicode Path field (0x7075) naming it "${bag}/data/.x`);
    expect(zipCheck(v).detail).toContain(`"${bag}/data/${ITEMS.replace(/\//g, '_')}/": is a directory entry (its name ends in '/') holding ${forged.length} bytes of data`);
    expect(zipCheck(v).detail).toContain(`has an Info-ZIP Unicode Path field (0x7075) naming it "${bag}/${ITEMS}": unzip would extract it under that name`);
    expect(v.checks.filter((c) => c.status === 'skip').length).toBe(9);
  });

  it('the same trick on verify.sh: refused, naming verify.sh', () => {
    const z = unicodePathForgery('verify.sh', enc.encode('#!/bin/sh\necho "ALL CHECKS PASSED."\n'));
    expect(zipCheck(verify(z)).detail).toMatch(new RegExp(`^the ZIP is refused: "${bag}/verify\\.sh": has an Info-ZIP Unicode Path field \\(0x7075\\)`));
  });

  it('an Info-ZIP Unicode Comment field (0x6375) or a timestamp field: refused (bundles hold only ZIP64 fields)', () => {
    const entries = entriesOf(bytes);
    find(entries, 'bagit.txt').extra = Uint8Array.of(0x75, 0x63, 1, 0, 0);
    find(entries, 'bag-info.txt').extra = Uint8Array.of(0x55, 0x54, 5, 0, 1, 0, 0, 0, 0);
    const detail = zipCheck(verify(rawZip(entries))).detail;
    expect(detail).toContain(`"${bag}/bagit.txt": has an Info-ZIP Unicode Comment field (0x6375) (bundles have none)`);
    expect(detail).toContain(`"${bag}/bag-info.txt": has an extended timestamp field (0x5455) (bundles have none)`);
  });

  it("directory entries: outside the bag, with '../', or holding data under a '/' name (f5 dirs): refused, each named", () => {
    const entries = entriesOf(bytes);
    const dirMode = ((0o40755 << 16) | 0x10) >>> 0;
    entries.push({ name: enc.encode('OTHER-FOLDER/'), data: new Uint8Array(0), externalAttr: dirMode });
    entries.push({ name: enc.encode('../../escaped/'), data: new Uint8Array(0), externalAttr: dirMode });
    entries.push({ name: enc.encode(`${bag}/data/hidden/`), data: enc.encode('payload hidden in a directory entry'), externalAttr: dirMode });
    const v = verify(rawZip(entries));
    expect(zipCheck(v).detail).toBe(
      `the ZIP is refused: "OTHER-FOLDER/": is a directory entry (its name ends in '/'; bundles have none); ` +
        `"../../escaped/": is a directory entry (its name ends in '/'; bundles have none); ` +
        `"${bag}/data/hidden/": is a directory entry (its name ends in '/') holding 35 bytes of data`,
    );
  });

  it('a deflated entry (bundles are stored: a re-packed ZIP) and one needing a later ZIP version than 4.5 (unzip skips it): refused', () => {
    const edited = (edit: (e: RawEntry) => RawEntry) => rawZip(entriesOf(bytes).map((e) => (new TextDecoder().decode(e.name) === `${bag}/${ITEMS}` ? edit(e) : e)));
    const deflated = edited((e) => ({ ...e, deflated: deflateSync(e.data) }));
    expect(run('unzip', ['-tq', unzipTo(deflated, 'deflated').file]).stdout).toContain('No errors detected');
    expect(zipCheck(verify(deflated)).detail).toBe(`this ZIP looks packed again by another tool (it has compressed entries, which bundles never have), so it is not the ZIP that was signed and sent: verify the ZIP as received, or run sh verify.sh <fingerprint> in the folder extracted from it. The ZIP is refused: "${bag}/${ITEMS}": is compressed (method 8): bundles are stored uncompressed, so this ZIP was packed again by another tool; verify the original`);
    const later = edited((e) => ({ ...e, versionNeeded: 63 }));
    expect(run('unzip', ['-tq', unzipTo(later, 'version-63').file]).stdout).toContain('1 file skipped');
    expect(zipCheck(verify(later)).detail).toContain(`"${bag}/${ITEMS}": needs version 6.3 of the ZIP format to extract (unzip skips it; bundles need at most 4.5)`);
  });

  it('data descriptors with and without their optional signature are read alike (APPNOTE allows both; unzip does)', () => {
    for (const descriptor of ['signed', 'unsigned'] as const) {
      const z = rawZip(entriesOf(bytes).map((e) => ({ ...e, descriptor })));
      expect(run('unzip', ['-tq', unzipTo(z, `descriptor-${descriptor}`).file]).stdout, descriptor).toContain('No errors detected');
      expect(zipCheck(verify(z)), descriptor).toMatchObject({ ok: true });
    }
  });

  it('a wrong stored CRC-32 (f5 crc): refused, as unzip -t reports it', () => {
    const z = rawZip(entriesOf(bytes));
    const name = enc.encode(`${bag}/${ITEMS}`);
    const v = new DataView(z.buffer);
    // Flip the CRC in the directory entry and in the local header, content untouched.
    let p = z.length - 22 - v.getUint32(z.length - 22 + 12, true);
    while (Buffer.compare(z.subarray(p + 46, p + 46 + v.getUint16(p + 28, true)), name) !== 0) p += 46 + v.getUint16(p + 28, true) + v.getUint16(p + 30, true);
    const crc = v.getUint32(p + 16, true);
    v.setUint32(p + 16, crc ^ 1, true);
    v.setUint32(v.getUint32(p + 42, true) + 14, crc ^ 1, true);
    const hex = (n: number) => `0x${(n >>> 0).toString(16).padStart(8, '0')}`;
    expect(zipCheck(verify(z)).detail).toBe(
      `the ZIP is refused: "${bag}/${ITEMS}": its CRC-32 is recorded as ${hex(crc ^ 1)}, its data gives ${hex(crc)} (damaged or edited; unzip -t reports a bad CRC)`,
    );
    expect(run('unzip', ['-tq', unzipTo(z, 'bad-crc').file]).stdout).toContain(`bad CRC`);
  });

  it('a genuine entry stored with a symlink mode (f8), or an added link: refused', () => {
    const entries = entriesOf(bytes);
    find(entries, LINK).externalAttr = (0o120777 << 16) >>> 0;
    entries.push({ name: enc.encode(`${bag}/data/derived/x.csv`), data: enc.encode('/etc/passwd'), flag: 0x800, externalAttr: (0o120777 << 16) >>> 0 });
    const z = rawZip(entries);
    const { out } = unzipTo(z, 'symlink');
    expect(run('test', ['-L', path.join(out, bag, LINK)]).code).toBe(0);
    expect(zipCheck(verify(z)).detail).toBe(
      `the ZIP is refused: "${bag}/${LINK}": has unix mode 120777, a symbolic link: unzip would create a link, not the file; ` +
        `"${bag}/data/derived/x.csv": has unix mode 120777, a symbolic link: unzip would create a link, not the file`,
    );
  });

  it('a bundle extracted and zipped again (zip -r) is refused, saying first that another tool packed it and what to verify instead', () => {
    const { out, unzip } = unzipTo(bytes, 'rezip');
    expect(unzip.code).toBe(0);
    const again = path.join(dir, 'rezipped.zip');
    expect(run('zip', ['-qr', again, bag], { cwd: out }).code).toBe(0);
    const v = verify(new Uint8Array(readFileSync(again)));
    expect(v.ok).toBe(false);
    expect(zipCheck(v).detail).toMatch(/^this ZIP looks packed again by another tool \(it has [^)]*, which bundles never have\), so it is not the ZIP that was signed and sent: verify the ZIP as received, or run sh verify\.sh <fingerprint> in the folder extracted from it\. The ZIP is refused: /);
    expect(zipCheck(v).detail).toMatch(/^[^(]*\([^)]*folder entries[^)]*\)/);
    expect(zipCheck(v).detail).toMatch(/^[^(]*\([^)]*compressed entries[^)]*\)/);
    // The genuine ZIP still verifies: only the repacked copy is refused.
    expect(verify(bytes).ok).toBe(true);
  });

  it("an entry whose mode has no file type (Python's zipfile.writestr: 0600): refused as a re-packed ZIP, though unzip makes a file of it", () => {
    const entries = entriesOf(bytes);
    find(entries, ITEMS).externalAttr = (0o600 << 16) >>> 0;
    const z = rawZip(entries);
    expect(run('unzip', ['-tq', unzipTo(z, 'no-type').file]).code).toBe(0);
    expect(zipCheck(verify(z)).detail).toBe(
      `this ZIP looks packed again by another tool (it has entries with no file type, which bundles never have), so it is not the ZIP that was signed and sent: verify the ZIP as received, or run sh verify.sh <fingerprint> in the folder extracted from it. The ZIP is refused: "${bag}/${ITEMS}": has unix mode 000600, with no file type (the bundle writer always marks a regular file): this ZIP was packed again by another tool; verify the original`,
    );
  });

  it('a second end record hidden in the ZIP comment, pointing at another directory (f6): refused', () => {
    // Every genuine local record, a forged one after the edited entry's; two directories: the real end
    // record names the forged one, a second end record, hidden as its comment, the genuine one.
    const local: Uint8Array[] = [];
    const genuineCd: Uint8Array[] = [];
    const forgedCd: Uint8Array[] = [];
    let offset = 0;
    const entries = entriesOf(bytes);
    for (const e of entries) {
      genuineCd.push(centralRecord(e, offset));
      local.push(localRecord(e));
      offset += local[local.length - 1]!.length;
      if (e !== find(entries, ITEMS)) forgedCd.push(centralRecord(e, offset - local[local.length - 1]!.length));
      else {
        const forged = { ...e, data: enc.encode('"forged","row"\n') };
        forgedCd.push(centralRecord(forged, offset));
        local.push(localRecord(forged));
        offset += local[local.length - 1]!.length;
      }
    }
    const [g, f] = [concat(genuineCd), concat(forgedCd)];
    const z = concat([...local, g, f, endRecord(entries.length, f.length, offset + g.length, 22), endRecord(entries.length, g.length, offset, 0)]);
    // A lenient reader (fflate) follows the hidden record and reads the genuine directory.
    expect(unzipSync(z)[`${bag}/${ITEMS}`]).toEqual(unzipSync(bytes)[`${bag}/${ITEMS}`]);
    expect(zipCheck(verify(z)).detail).toBe(
      `the ZIP cannot be read: two end-of-central-directory records: one at byte ${z.length - 44} whose 22-byte comment holds the one at byte ${z.length - 22} (tools disagree on which one counts)`,
    );
  });

  it('a ZIP comment, or bytes appended after the end record: refused', () => {
    const note = enc.encode('Verified by the Disclosure Workbench team. No need to check.');
    expect(zipCheck(verify(rawZip(entriesOf(bytes), note))).detail).toBe(
      `the ZIP cannot be read: ${note.length} bytes follow the end-of-central-directory record (a ZIP comment or appended data; bundles have none)`,
    );
    expect(zipCheck(verify(concat([bytes, Uint8Array.of(0)]))).detail).toBe(
      'the ZIP cannot be read: 1 bytes follow the end-of-central-directory record (a ZIP comment or appended data; bundles have none)',
    );
  });

  it('bytes before the first entry (a self-extractor stub) or between entries: refused', () => {
    const stub = entriesOf(bytes);
    stub[0]!.gap = enc.encode('#!/bin/sh\n');
    expect(zipCheck(verify(rawZip(stub))).detail).toBe(
      `the ZIP cannot be read: "${bag}/VERIFY.txt": its local header is at byte 10, expected at byte 0 (entries follow one another from the file's start, with no gap or overlap)`,
    );
    const between = entriesOf(bytes);
    between[3]!.gap = new Uint8Array(4);
    expect(zipCheck(verify(rawZip(between))).detail).toMatch(/^the ZIP cannot be read: ".*": its local header is at byte \d+, expected at byte \d+ \(entries follow/);
    // Unadjusted offsets after a stub: the directory is not where the end record says.
    expect(zipCheck(verify(concat([enc.encode('#!/bin/sh\n'), bytes]))).detail).toMatch(/^the ZIP cannot be read: the central directory \(\d+ bytes at byte \d+\) does not end where the end records begin/);
  });

  it('an absolute name, or a file outside the bag: the message names the entry', () => {
    const abs = entriesOf(bytes);
    abs.push({ name: enc.encode('/tmp/x/abs.txt'), data: enc.encode('x'), flag: 0x800 });
    expect(zipCheck(verify(rawZip(abs))).detail).toBe('unsafe entry names: "/tmp/x/abs.txt": is absolute');
    const other = entriesOf(bytes);
    other.push({ name: enc.encode('OTHER/readme.txt'), data: enc.encode('x'), flag: 0x800 });
    other.push({ name: enc.encode('loose.txt'), data: enc.encode('x'), flag: 0x800 });
    expect(zipCheck(verify(rawZip(other))).detail).toBe(`expected every entry in one top-level folder (${bag}/), outside it: "OTHER/readme.txt"; "loose.txt"`);
    const dotdot = entriesOf(bytes);
    dotdot.push({ name: enc.encode(`${bag}/../../outside.txt`), data: enc.encode('x'), flag: 0x800 });
    expect(zipCheck(verify(rawZip(dotdot))).detail).toBe(`unsafe entry names: "${bag}/../../outside.txt": has a '..' segment`);
  });

  it('a non-ASCII name without the UTF-8 flag (unzip decodes it as CP437): refused', () => {
    const entries = entriesOf(bytes);
    const arabic = entries.find((e) => e.name.some((b) => b >= 0x80))!;
    arabic.flag = 0;
    expect(zipCheck(verify(rawZip(entries))).detail).toContain('its name has non-ASCII bytes without the UTF-8 flag (bit 11): unzip decodes them as CP437, other tools as UTF-8');
  });

  it('a local header naming another file than its directory entry: refused', () => {
    const z = rawZip(entriesOf(bytes));
    const at = Buffer.from(z).indexOf(Buffer.from(`${bag}/bagit.txt`));
    z[at + bag.length + 1] = 'B'.charCodeAt(0);
    expect(zipCheck(verify(z)).detail).toBe(`the ZIP is refused: "${bag}/bagit.txt": its local header names it "${bag}/Bagit.txt"`);
  });

  /**
   * The writer's output in the form client-zip gives it past 4 GiB (here with small values): an entry's
   * offset in a ZIP64 field (header 0xffffffff), the directory's offset in a ZIP64 end record, the
   * classic field saturated.
   */
  function zip64Form(zip: Uint8Array, classicCount?: number): Uint8Array {
    const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const count = v.getUint16(zip.length - 22 + 10, true);
    const cdOffset = v.getUint32(zip.length - 22 + 16, true);
    const records: Uint8Array[] = [];
    for (let p = cdOffset, i = 0; i < count; i++) {
      const length = 46 + v.getUint16(p + 28, true) + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
      const rec = zip.slice(p, p + length);
      if (i === 1) {
        const rv = new DataView(rec.buffer);
        const offset = rv.getUint32(42, true);
        rv.setUint32(42, 0xffffffff, true);
        rv.setUint16(30, 12, true);
        const extra = new DataView(new ArrayBuffer(12));
        extra.setUint16(0, 1, true);
        extra.setUint16(2, 8, true);
        extra.setBigUint64(4, BigInt(offset), true);
        records.push(concat([rec, new Uint8Array(extra.buffer)]));
      } else records.push(rec);
      p += length;
    }
    const cd = concat(records);
    const end64 = new DataView(new ArrayBuffer(76));
    end64.setUint32(0, 0x06064b50, true);
    end64.setBigUint64(4, 44n, true);
    end64.setUint16(12, 0x032d, true);
    end64.setUint16(14, 45, true);
    end64.setBigUint64(24, BigInt(count), true);
    end64.setBigUint64(32, BigInt(count), true);
    end64.setBigUint64(40, BigInt(cd.length), true);
    end64.setBigUint64(48, BigInt(cdOffset), true);
    end64.setUint32(56, 0x07064b50, true);
    end64.setBigUint64(64, BigInt(cdOffset + cd.length), true);
    end64.setUint32(72, 1, true);
    const end = endRecord(classicCount ?? count, cd.length, 0, 0);
    new DataView(end.buffer).setUint32(16, 0xffffffff, true);
    return concat([zip.subarray(0, cdOffset), cd, new Uint8Array(end64.buffer), end]);
  }

  it('ZIP64 records and fields, as the writer makes them past 4 GiB, are read; ones that disagree are refused', () => {
    const z = zip64Form(bytes);
    expect(run('unzip', ['-tq', unzipTo(z, 'zip64').file]).stdout).toMatch(/^No errors detected/);
    expect(verify(z).ok).toBe(true);
    const n = Object.keys(unzipSync(bytes)).length;
    expect(zipCheck(verify(zip64Form(bytes, n - 1))).detail).toMatch(new RegExp(`^the ZIP cannot be read: the end-of-central-directory record \\(${n - 1} entries, .*\\) and the ZIP64 end record \\(${n} entries, .*\\) disagree$`));
  });

  it('the writer output (client-zip: data descriptors, UTF-8 names) reads entry for entry as fflate reads it', () => {
    const read = readBundleZip(bytes);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const lenient = unzipSync(bytes);
    expect(read.entries.map((e) => e.name)).toEqual(Object.keys(lenient));
    for (const e of read.entries) expect(e.data).toEqual(lenient[e.name]);
  });
});
