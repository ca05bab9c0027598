/**
 * The strict reader of an evidence bundle ZIP (verifyBundle's 'zip' check). A recipient checks a
 * bundle with the app, or extracts it with `unzip` (Info-ZIP) and runs verify.sh or VERIFY.txt's
 * steps: both must see the same files. A lenient reader (fflate's unzipSync) ignores what unzip
 * honours: an Info-ZIP Unicode Path field renames an entry, a unix mode makes it a symbolic link, a
 * name ending in '/' is skipped, CRC-32s go unchecked, an end record hidden in the ZIP comment is
 * followed. So a forged bundle could verify here and extract other files there.
 *
 * This reader accepts what the bundle writer makes (client-zip: one entry after another from byte 0,
 * stored, UTF-8 names, data descriptors, Unix regular-file modes, ZIP64 where needed, no comment,
 * no other extra field) and refuses, naming the entry and the reason, anything a tool could read
 * differently (or not at all):
 *  - the end record not at the very end, a comment, a second end record whose comment reaches the
 *    end, ZIP64 records that disagree with it, a central directory not ending where they say or not
 *    holding the stated number of entries;
 *  - local headers not one after another from byte 0 (gaps, overlaps, bytes before the directory),
 *    a local header that differs from its directory entry (name, flags, method, CRC, sizes), a data
 *    descriptor that differs;
 *  - a name with non-ASCII bytes without the UTF-8 flag (unzip decodes CP437) or not valid UTF-8,
 *    any extra field but ZIP64 (0x0001) in the directory (Unicode Path 0x7075 above all), any in a
 *    local header, an entry comment, encryption, flags other than UTF-8 and data descriptor, a
 *    version needed to extract above 4.5 (unzip skips the entry), compression: entries are stored
 *    (deflate would be a second reading of the bytes, by another inflater than unzip's: fflate does
 *    not check what zlib checks, and bytes after the last block would ride along unread);
 *  - an entry not made by Unix, or whose mode is not a regular file (a symbolic link), directory
 *    entries (the writer makes none; a name ending in '/' is one, whatever it holds);
 *  - a CRC-32 that does not match the entry's data.
 * Names are returned as unzip decodes them; their safety, the one top folder and duplicates are
 * the verifier's. Platform-free (no Node or DOM APIs).
 */
import { CENTRAL_ENTRY, EOCD, ZIP64_EOCD, ZIP64_LOCATOR } from '../archive/zipCentralDirectory';
import { crc32 } from '../crc32';
import { bytesEqual } from './bytes';

export interface ZipEntry {
  /** As unzip decodes it (UTF-8 when flagged, else ASCII). */
  name: string;
  data: Uint8Array;
}

/**
 * 'unreadable': its structure cannot be followed (cut short, not a ZIP, ambiguous end records);
 * 'refused': entries named with why, and `repacked`: when every problem is one a ZIP tool makes
 * packing the files again (the writer makes none: compression, directory entries, timestamp and owner
 * fields, another system's attributes), what it added, so the verifier can say that first.
 */
export type BundleZip = { ok: true; entries: ZipEntry[] } | { ok: false; kind: 'unreadable' | 'refused'; problems: string[]; repacked: string[] };

const LOCAL_ENTRY = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;
const HOST_UNIX = 3;
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_DESCRIPTOR = 0x0008;
const FLAG_STRONG_ENCRYPTION = 0x0040;
const FLAG_UTF8 = 0x0800;
const ZIP64_FIELD = 0x0001;
const MAX_VERSION_NEEDED = 45;
const UNICODE_PATH_FIELD = 0x7075;

/** A problem that stops the reading: what follows cannot be located. */
class Unreadable extends Error {}

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Lossy = new TextDecoder('utf-8', { ignoreBOM: true });
const hex = (n: number, digits: number): string => `0x${n.toString(16).padStart(digits, '0')}`;

export function readBundleZip(zip: Uint8Array): BundleZip {
  const problems: string[] = [];
  const repacked = new Set<string>();
  try {
    const entries = readEntries(zip, problems, repacked);
    return problems.length ? { ok: false, kind: 'refused', problems, repacked: [...repacked] } : { ok: true, entries };
  } catch (err) {
    // Unreadable, or (not expected: every read is bounded first) a RangeError from a read past the end.
    return { ok: false, kind: 'unreadable', problems: [...problems, (err as Error).message], repacked: [] };
  }
}

/** The entries; problems of single entries are added to `problems`, what stops the reading is thrown. */
function readEntries(zip: Uint8Array, problems: string[], repacked: Set<string>): ZipEntry[] {
  let repackProblems = 0;
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const u16 = (at: number) => v.getUint16(at, true);
  const u32 = (at: number) => v.getUint32(at, true);
  const u64 = (at: number): number => {
    const n = v.getBigUint64(at, true);
    if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw new Unreadable(`a ZIP64 value at byte ${at} is too large (${n})`);
    return Number(n);
  };
  const fileEnd = zip.length;

  // The end record: the last 22 bytes, with no comment; no other record whose comment reaches the end.
  const eocd = fileEnd - 22;
  const candidates = endRecordCandidates(zip, v);
  if (eocd < 0 || u32(eocd) !== EOCD) {
    const last = candidates[0];
    throw new Unreadable(
      last === undefined
        ? 'no end-of-central-directory record at its end (the file was cut short, or is not a ZIP)'
        : `${fileEnd - last - 22} bytes follow the end-of-central-directory record (a ZIP comment or appended data; bundles have none)`,
    );
  }
  if (u16(eocd + 20) !== 0) throw new Unreadable(`the end-of-central-directory record announces a ${u16(eocd + 20)}-byte comment the file does not hold`);
  const hidden = candidates.find((at) => at !== eocd);
  if (hidden !== undefined) {
    throw new Unreadable(
      `two end-of-central-directory records: one at byte ${hidden} whose ${u16(hidden + 20)}-byte comment holds the one at byte ${eocd} (tools disagree on which one counts)`,
    );
  }
  const diskEntries = u16(eocd + 8);
  const total = u16(eocd + 10);
  const cdSize32 = u32(eocd + 12);
  const cdOffset32 = u32(eocd + 16);
  if (u16(eocd + 4) !== 0 || u16(eocd + 6) !== 0) throw new Unreadable('the end-of-central-directory record names another disk (a split archive)');
  let count = total;
  let cdSize = cdSize32;
  let cdOffset = cdOffset32;
  let cdEnd = eocd;
  const locator = eocd - 20;
  if (locator >= 0 && u32(locator) === ZIP64_LOCATOR) {
    // ZIP64: its end record directly before the locator.
    if (u32(locator + 4) !== 0 || u32(locator + 16) !== 1) throw new Unreadable('the ZIP64 locator names another disk (a split archive)');
    const z = u64(locator + 8);
    if (z + 56 !== locator || u32(z) !== ZIP64_EOCD || u64(z + 4) !== 44) {
      throw new Unreadable(`the ZIP64 end record is not where its locator says (byte ${z}), directly before the locator`);
    }
    if (u32(z + 16) !== 0 || u32(z + 20) !== 0) throw new Unreadable('the ZIP64 end record names another disk (a split archive)');
    count = u64(z + 32);
    cdSize = u64(z + 40);
    cdOffset = u64(z + 48);
    if (u64(z + 24) !== count) throw new Unreadable(`the ZIP64 end record counts ${u64(z + 24)} entries on this disk and ${count} in all`);
    // Each classic field holds the value or is saturated (client-zip saturates the ones that do not fit).
    const fits = (value: number, field: number, max: number) => field === value || field === max;
    if (!fits(count, diskEntries, MAX16) || !fits(count, total, MAX16) || !fits(cdSize, cdSize32, MAX32) || !fits(cdOffset, cdOffset32, MAX32)) {
      throw new Unreadable(`the end-of-central-directory record (${total} entries, directory of ${cdSize32} bytes at ${cdOffset32}) and the ZIP64 end record (${count} entries, ${cdSize} bytes at ${cdOffset}) disagree`);
    }
    cdEnd = z;
  } else if (diskEntries !== total) throw new Unreadable(`the end-of-central-directory record counts ${diskEntries} entries on this disk and ${total} in all`);
  if (cdOffset + cdSize !== cdEnd) {
    throw new Unreadable(`the central directory (${cdSize} bytes at byte ${cdOffset}) does not end where the end records begin (byte ${cdEnd})`);
  }

  const entries: ZipEntry[] = [];
  let p = cdOffset;
  let next = 0; // where the next local header must begin: entries follow one another from byte 0
  for (let i = 0; i < count; i++) {
    if (p + 46 > cdEnd || u32(p) !== CENTRAL_ENTRY) throw new Unreadable(`the central directory holds ${i} entries where the end record says ${count}`);
    const madeBy = u16(p + 4);
    const flags = u16(p + 8);
    const method = u16(p + 10);
    const crc = u32(p + 16);
    const nameLength = u16(p + 28);
    const extraLength = u16(p + 30);
    const commentLength = u16(p + 32);
    const external = u32(p + 38);
    const recordEnd = p + 46 + nameLength + extraLength + commentLength;
    if (recordEnd > cdEnd) throw new Unreadable(`central directory entry ${i + 1} runs past the directory's end`);
    const rawName = zip.subarray(p + 46, p + 46 + nameLength);
    const name = decodeName(rawName, flags);
    const label = JSON.stringify(name.text);
    const before = problems.length;
    const refuse = (why: string) => problems.push(`${label}: ${why}`);
    /** A problem a ZIP tool makes when it packs the files again (`sign`: what it added). */
    const repack = (why: string, sign: string) => {
      refuse(why);
      repacked.add(sign);
      repackProblems++;
    };
    if (name.problem === UNFLAGGED_NAME) repack(name.problem, 'names not marked UTF-8');
    else if (name.problem) refuse(name.problem);

    // Sizes and offset, from the ZIP64 field where the header says so (as unzip reads it).
    let compressed = u32(p + 20);
    let size = u32(p + 24);
    let offset = u32(p + 42);
    let diskStart = u16(p + 34);
    const wide = size === MAX32; // client-zip then writes a ZIP64 data descriptor
    const extra = parseExtra(zip.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength));
    if (typeof extra === 'string') refuse(`its extra field ${extra}`);
    else {
      for (const f of extra) {
        const sign = REPACKER_FIELDS[f.id];
        if (sign) repack(`has ${describeField(f)}`, sign);
        else if (f.id !== ZIP64_FIELD) refuse(`has ${describeField(f)}`);
      }
      const z64 = extra.filter((f) => f.id === ZIP64_FIELD);
      if (z64.length > 1) refuse('has two ZIP64 fields');
      const body = z64[0]?.body;
      if (size === MAX32 || compressed === MAX32 || offset === MAX32 || diskStart === MAX16) {
        if (!body) throw new Unreadable(`${label}: its header defers its sizes or offset to a ZIP64 field it does not have`);
        const bv = new DataView(body.buffer, body.byteOffset, body.byteLength);
        let at = 0;
        const take = (bytes: 4 | 8): number => {
          if (at + bytes > body.length) throw new Unreadable(`${label}: its ZIP64 field is too short for the values its header defers to it`);
          const n = bytes === 8 ? bv.getBigUint64(at, true) : BigInt(bv.getUint32(at, true));
          at += bytes;
          if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw new Unreadable(`${label}: its ZIP64 field holds a value too large (${n})`);
          return Number(n);
        };
        if (size === MAX32) size = take(8);
        if (compressed === MAX32) compressed = take(8);
        const offsetDeferred = offset === MAX32;
        if (offsetDeferred) offset = take(8);
        if (diskStart === MAX16) diskStart = take(4);
        // client-zip writes the offset beside the sizes even when the header holds it: it must agree.
        const rest = body.length - at;
        if (rest !== 0 && !(rest === 8 && !offsetDeferred && take(8) === offset)) refuse('its ZIP64 field holds values its header does not defer to it');
      } else if (body) refuse('has a ZIP64 field its header does not call for');
    }
    if (diskStart !== 0) refuse(`starts on another disk (${diskStart})`);
    if (commentLength) refuse(`has an entry comment (${commentLength} bytes; bundles have none)`);
    if (flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) refuse('is encrypted');
    else if (flags & ~(FLAG_DESCRIPTOR | FLAG_UTF8)) {
      refuse(`has general-purpose flags ${hex(flags, 4)} (bundles set only UTF-8 names, bit 11, and data descriptors, bit 3)`);
    }
    if (method !== 0) repack(`is compressed (method ${method}): bundles are stored uncompressed, so this ZIP was packed again by another tool; verify the original`, 'compressed entries');
    // Info-ZIP extracts what needs at most version 4.6 of the format; the writer needs 4.5 at most (ZIP64).
    if (u16(p + 6) > MAX_VERSION_NEEDED) refuse(`needs version ${u16(p + 6) / 10} of the ZIP format to extract (unzip skips it; bundles need at most 4.5)`);

    // What unzip makes of it: a regular file, or refused (a directory, a link, anything else).
    const mode = external >>> 16;
    const modeText = mode.toString(8).padStart(6, '0');
    if (rawName[rawName.length - 1] === 0x2f) {
      if (size || compressed) refuse(`is a directory entry (its name ends in '/') holding ${size} bytes of data`);
      else repack("is a directory entry (its name ends in '/'; bundles have none)", 'folder entries');
    } else if (madeBy >> 8 !== HOST_UNIX) repack(`was made by host system ${madeBy >> 8}, not Unix (3): its attributes are read another way`, `entries made on host system ${madeBy >> 8}`);
    else if ((mode & S_IFMT) === S_IFLNK) refuse(`has unix mode ${modeText}, a symbolic link: unzip would create a link, not the file`);
    else if ((mode & S_IFMT) === S_IFDIR) refuse(`has unix mode ${modeText}, a directory: unzip would create a directory, not the file`);
    else if ((mode & S_IFMT) === 0) {
      // Python's zipfile.writestr writes these: unzip makes a file of it, but the writer always sets the type.
      repack(`has unix mode ${modeText}, with no file type (the bundle writer always marks a regular file): this ZIP was packed again by another tool; verify the original`, 'entries with no file type');
    } else if ((mode & S_IFMT) !== S_IFREG) refuse(`has unix mode ${modeText}, not a regular file`);
    else if (mode & 0o7000) refuse(`has unix mode ${modeText}, with setuid, setgid or sticky bits`);
    else if (external & 0x18) refuse(`has MS-DOS attributes ${hex(external & 0xff, 2)}, a directory or volume label`);

    // The local header: where the previous entry ended, agreeing with the directory.
    if (offset !== next) {
      throw new Unreadable(`${label}: its local header is at byte ${offset}, expected at byte ${next} (entries follow one another from the file's start, with no gap or overlap)`);
    }
    if (offset + 30 > cdOffset || u32(offset) !== LOCAL_ENTRY) throw new Unreadable(`${label}: no local header at byte ${offset}`);
    const localNameLength = u16(offset + 26);
    const localExtraLength = u16(offset + 28);
    const dataStart = offset + 30 + localNameLength + localExtraLength;
    if (dataStart > cdOffset) throw new Unreadable(`${label}: its local header runs into the central directory`);
    const localName = zip.subarray(offset + 30, offset + 30 + localNameLength);
    if (!bytesEqual(localName, rawName)) refuse(`its local header names it ${JSON.stringify(utf8Lossy.decode(localName))}`);
    if (u16(offset + 6) !== flags) refuse(`its local header's flags ${hex(u16(offset + 6), 4)} differ from the central directory's ${hex(flags, 4)}`);
    if (u16(offset + 8) !== method) refuse(`its local header's method ${u16(offset + 8)} differs from the central directory's ${method}`);
    if (u16(offset + 4) > MAX_VERSION_NEEDED) refuse(`its local header needs version ${u16(offset + 4) / 10} of the ZIP format to extract (unzip skips it)`);
    if (localExtraLength) {
      const local = parseExtra(zip.subarray(offset + 30 + localNameLength, dataStart));
      if (typeof local === 'string') refuse(`its local header's extra field ${local}`);
      else {
        for (const f of local) {
          const sign = REPACKER_FIELDS[f.id];
          if (sign) repack(`its local header has ${describeField(f)}`, sign);
          else refuse(`its local header has ${describeField(f)}`);
        }
      }
    }
    const [localCrc, localCompressed, localSize] = [u32(offset + 14), u32(offset + 18), u32(offset + 22)];
    const localZero = localCrc === 0 && localCompressed === 0 && localSize === 0;
    const localSame = localCrc === crc && localCompressed === compressed && localSize === size;
    if (!localSame && !(flags & FLAG_DESCRIPTOR && localZero)) {
      refuse(`its local header records CRC-32 ${hex(localCrc, 8)} and sizes ${localCompressed}/${localSize}, the central directory ${hex(crc, 8)} and ${compressed}/${size}`);
    }
    const dataEnd = dataStart + compressed;
    if (dataEnd > cdOffset) throw new Unreadable(`${label}: its data (${compressed} bytes at byte ${dataStart}) runs into the central directory`);
    next = dataEnd;
    if (flags & FLAG_DESCRIPTOR) {
      // With its optional signature (as client-zip writes it) or without (APPNOTE allows both).
      const read = (at: number) => [u32(at), wide ? u64(at + 4) : u32(at + 4), wide ? u64(at + 12) : u32(at + 8)] as const;
      const length = wide ? 20 : 12;
      const agrees = (at: number) => at + length <= cdOffset && read(at).every((x, k) => x === [crc, compressed, size][k]);
      const signed = dataEnd + 4 + length <= cdOffset && u32(dataEnd) === DATA_DESCRIPTOR;
      if (signed && agrees(dataEnd + 4)) next += 4 + length;
      else if (agrees(dataEnd)) next += length;
      else if (signed) {
        const d = read(dataEnd + 4);
        refuse(`its data descriptor records CRC-32 ${hex(d[0], 8)} and sizes ${d[1]}/${d[2]}, the central directory ${hex(crc, 8)} and ${compressed}/${size}`);
        next += 4 + length;
      } else throw new Unreadable(`${label}: no data descriptor agreeing with the central directory after its data (byte ${dataEnd})`);
    }

    // The data, its size and CRC-32 (unzip -t checks them).
    const raw = zip.subarray(dataStart, dataEnd);
    let data: Uint8Array | null = null;
    if (method === 0) {
      if (compressed !== size) refuse(`is stored, yet its sizes differ (${compressed} stored, ${size} recorded)`);
      else data = raw;
    }
    if (data) {
      const actual = crc32(data);
      if (actual !== crc) refuse(`its CRC-32 is recorded as ${hex(crc, 8)}, its data gives ${hex(actual, 8)} (damaged or edited; unzip -t reports a bad CRC)`);
    }
    if (problems.length === before && data) entries.push({ name: name.text, data });
    p = recordEnd;
  }
  if (p !== cdEnd) throw new Unreadable(`the central directory holds ${cdEnd - p} bytes after its ${count} entries`);
  if (next !== cdOffset) throw new Unreadable(`${cdOffset - next} bytes lie between the last entry and the central directory (byte ${cdOffset})`);
  // Only a ZIP whose every problem is one a ZIP tool makes is said to be packed again: not a forgery's.
  if (repackProblems < problems.length) repacked.clear();
  return entries;
}

/**
 * Every offset that reads as an end record whose comment ends exactly at the file's end, last first:
 * more than one means tools may take different ones (unzip and fflate do).
 */
function endRecordCandidates(zip: Uint8Array, v: DataView): number[] {
  const out: number[] = [];
  for (let at = zip.length - 22; at >= 0 && at >= zip.length - 22 - MAX16; at--) {
    if (zip[at] === 0x50 && v.getUint32(at, true) === EOCD && at + 22 + v.getUint16(at + 20, true) === zip.length) out.push(at);
  }
  // An end record whose announced comment does not reach the end still tells where a comment begins.
  if (out.length === 0) {
    for (let at = zip.length - 22; at >= 0 && at >= zip.length - 22 - MAX16; at--) if (zip[at] === 0x50 && v.getUint32(at, true) === EOCD) return [at];
  }
  return out;
}

/** decodeName's problem for a name a ZIP tool wrote in the system's encoding, unflagged (Info-ZIP's zip does). */
const UNFLAGGED_NAME = 'its name has non-ASCII bytes without the UTF-8 flag (bit 11): unzip decodes them as CP437, other tools as UTF-8';

function decodeName(raw: Uint8Array, flags: number): { text: string; problem?: string } {
  if (flags & FLAG_UTF8) {
    try {
      return { text: utf8Strict.decode(raw) };
    } catch {
      return { text: utf8Lossy.decode(raw), problem: 'its name is flagged UTF-8 but is not valid UTF-8' };
    }
  }
  if (raw.every((b) => b < 0x80)) return { text: String.fromCharCode(...raw) };
  return {
    text: utf8Lossy.decode(raw),
    problem: UNFLAGGED_NAME,
  };
}

interface ExtraField {
  id: number;
  body: Uint8Array;
}

/** The fields of an extra block, or what is wrong with it. */
function parseExtra(extra: Uint8Array): ExtraField[] | string {
  const v = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  const out: ExtraField[] = [];
  let at = 0;
  while (at < extra.length) {
    if (at + 4 > extra.length) return `has ${extra.length - at} stray bytes at its end`;
    const id = v.getUint16(at, true);
    const length = v.getUint16(at + 2, true);
    if (at + 4 + length > extra.length) return `field ${hex(id, 4)} runs past its end`;
    out.push({ id, body: extra.subarray(at + 4, at + 4 + length) });
    at += 4 + length;
  }
  return out;
}

/** Extra fields zip tools add and the bundle writer never does: the sign of a ZIP packed again. */
const REPACKER_FIELDS: Record<number, string> = {
  0x000a: 'NTFS times',
  0x000d: 'Unix owner fields',
  0x5455: 'extended timestamps',
  0x7855: 'Unix owner fields',
  0x7875: 'Unix owner fields',
};

function describeField({ id, body }: ExtraField): string {
  if (id === UNICODE_PATH_FIELD) {
    const path = body.length > 5 ? ` naming it ${JSON.stringify(utf8Lossy.decode(body.subarray(5)))}` : '';
    return `an Info-ZIP Unicode Path field (0x7075)${path}: unzip would extract it under that name`;
  }
  const known: Record<number, string> = {
    0x0001: 'a ZIP64 field',
    0x000d: 'a PKWARE Unix field (0x000d)',
    0x5455: 'an extended timestamp field (0x5455)',
    0x6375: 'an Info-ZIP Unicode Comment field (0x6375)',
    0x7855: 'an Info-ZIP Unix field (0x7855)',
    0x7875: 'an Info-ZIP Unix UID/GID field (0x7875)',
  };
  return `${known[id] ?? `an extra field ${hex(id, 4)}`} (bundles have none)`;
}
