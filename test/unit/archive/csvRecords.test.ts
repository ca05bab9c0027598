import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CsvRecordSplitter, CsvRecordTooLargeError, invalidUtf8At, splitCsvBytes, splitFields, type CsvRecord } from '../../../shared/archive/csvRecords';
import { createWasmCsvScan } from '../../../shared/archive/csvScanWasm';
import { CSV_SCAN_WASM } from '../../../shared/archive/csvScanWasmBytes';
import { compileCsvScan } from '../../../scripts/build-wasm.mjs';
import { enc, readReal } from './helpers';

const split = (s: string | Uint8Array, chunk?: number) => {
  const bytes = typeof s === 'string' ? enc.encode(s) : s;
  const chunks: Uint8Array[] = [];
  const size = chunk ?? bytes.length;
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return splitCsvBytes(chunks);
};
const fields = (rs: CsvRecord[]) => rs.map((r) => r.fields);

describe('CsvRecordSplitter', () => {
  it('splits quoted fields with embedded newlines, commas and doubled quotes', () => {
    const rs = split('"a","b\nc","say ""hi"", ok"\n"1","",""\n');
    expect(fields(rs)).toEqual([
      ['a', 'b\nc', 'say "hi", ok'],
      ['1', '', ''],
    ]);
    expect(rs.map((r) => r.recordNumber)).toEqual([1, 2]);
  });

  it('handles minimal quoting, CRLF, a missing final newline and a BOM (offsets count the BOM)', () => {
    const text = '\uFEFFa,b\r\n1,"x\r\ny"\r\n2,z';
    const bytes = enc.encode(text);
    const rs = split(bytes);
    expect(fields(rs)).toEqual([['a', 'b'], ['1', 'x\r\ny'], ['2', 'z']]);
    expect(rs[0].byteOffset).toBe(3);
    for (const r of rs) {
      const slice = bytes.subarray(r.byteOffset, r.byteOffset + r.byteLength);
      expect(Buffer.from(slice).toString('utf8')).toBe(Buffer.from(r.bytes).toString('utf8'));
      expect(slice[slice.length - 1]).not.toBe(0x0d); // terminator excluded
    }
  });

  it('reports invalid UTF-8 as a problem record and keeps going', () => {
    const bytes = new Uint8Array([...enc.encode('"a"\n"'), 0xff, 0xfe, ...enc.encode('"\n"c"\n')]);
    const rs = split(bytes);
    expect(rs.map((r) => r.problem ?? 'ok')).toEqual(['ok', 'invalid-utf8', 'ok']);
    expect(rs[2].fields).toEqual(['c']);
  });

  it('says where a record stops being UTF-8 and which byte is there (text in another encoding is named as such)', () => {
    // 'café' as Windows-1252 / Latin-1 saves it: é is the one byte 0xE9.
    const bytes = new Uint8Array([...enc.encode('"a"\n"caf'), 0xe9, ...enc.encode('","x"\n"ok","香'), 0xe6, 0x8d, ...enc.encode('"\n')]);
    const rs = split(bytes);
    expect(rs.map((r) => r.problem ?? 'ok')).toEqual(['ok', 'invalid-utf8', 'invalid-utf8']);
    expect(rs[1].detail).toBe('record is not valid UTF-8 (first bad byte: 0xE9, 4 bytes into the record): the file may be in another encoding, such as Windows-1252 or Latin-1; re-save it as UTF-8');
    expect(rs[2].detail).toBe('record is not valid UTF-8 (first bad byte: 0xE6, 9 bytes into the record): the file may be in another encoding, such as Windows-1252 or Latin-1; re-save it as UTF-8');
  });

  it('invalidUtf8At agrees with a fatal TextDecoder: -1 exactly for valid UTF-8, else the bytes before it decode', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true });
    const valid = (b: Uint8Array) => {
      try {
        fatal.decode(b);
        return true;
      } catch {
        return false;
      }
    };
    const bytes = fc.oneof(fc.uint8Array({ maxLength: 12 }), fc.string({ unit: 'binary' }).map((t) => enc.encode(t)), fc.array(fc.constantFrom(0x41, 0x80, 0xbf, 0xc2, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xa0, 0x9f, 0x90, 0x8f), { maxLength: 8 }).map((a) => Uint8Array.from(a)));
    fc.assert(fc.property(bytes, (b) => {
      const at = invalidUtf8At(b);
      expect(at < 0).toBe(valid(b));
      if (at >= 0) expect(valid(b.subarray(0, at))).toBe(true);
    }), { numRuns: 3000 });
  });

  it('decodes multi-byte records around an invalid one exactly, with exact offsets', () => {
    const good = ['"香港","🇭🇰 مرحبا"', '"ok","שלום 🔥"'];
    const bytes = new Uint8Array([...enc.encode(good[0] + '\n"'), 0xe9, 0x99, ...enc.encode('"\r\n' + good[1] + '\n' + good[0] + '\n')]);
    for (const chunk of [bytes.length, 7, 3]) {
      const rs = split(bytes, chunk);
      expect(rs.map((r) => r.problem ?? 'ok')).toEqual(['ok', 'invalid-utf8', 'ok', 'ok']);
      expect(rs.map((r) => r.fields)).toEqual([['香港', '🇭🇰 مرحبا'], null, ['ok', 'שלום 🔥'], ['香港', '🇭🇰 مرحبا']]);
      for (const r of rs) expect(bytes.subarray(r.byteOffset, r.byteOffset + r.byteLength)).toEqual(r.bytes);
    }
  });

  it('keeps a genuine U+FFFD and a byte-order mark inside the file as text, with every record around them exact', () => {
    // A U+FEFF at a record's start used to be dropped by the decoder, shifting every later record of its decoding run.
    const rows = ['"a","x"', '"\uFFFD replacement char","y"', '\uFEFFbom at record start,"z"', '"香港","🇭🇰"', '"b","\uFEFF"'];
    const bytes = enc.encode('\uFEFF' + rows.join('\n') + '\n');
    for (const chunk of [bytes.length, 5]) {
      const rs = split(bytes, chunk);
      expect(rs.map((r) => r.problem ?? 'ok')).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
      expect(rs.map((r) => r.fields)).toEqual([['a', 'x'], ['\uFFFD replacement char', 'y'], ['\uFEFFbom at record start', 'z'], ['香港', '🇭🇰'], ['b', '\uFEFF']]);
      expect(rs[0].byteOffset).toBe(3); // the file's own BOM is skipped
      for (const r of rs) expect(bytes.subarray(r.byteOffset, r.byteOffset + r.byteLength)).toEqual(r.bytes);
    }
  });

  it('decodes chunks much larger than one decoding run (64 KiB) exactly', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `"${i}","香港 ${'é'.repeat(i % 50)} 🇭🇰","مرحبا ${i}"`);
    const bytes = enc.encode(rows.join('\r\n') + '\n');
    expect(bytes.length).toBeGreaterThan(4 * 64 * 1024);
    const whole = split(bytes);
    expect(whole.map((r) => r.fields)).toEqual(rows.map((_, i) => [String(i), `香港 ${'é'.repeat(i % 50)} 🇭🇰`, `مرحبا ${i}`]));
    expect(split(bytes, 1000).map((r) => [r.byteOffset, r.byteLength])).toEqual(whole.map((r) => [r.byteOffset, r.byteLength]));
  });

  it('reports a file ending inside a quoted field as unterminated-quote', () => {
    const rs = split('"a","b"\n"1","trunc');
    expect(rs[1]).toMatchObject({ problem: 'unterminated-quote', recordNumber: 2, byteOffset: 8, byteLength: 10 });
  });

  it('flags a field over the limit and refuses an unbounded unfinished record', () => {
    const long = 'x'.repeat(50);
    const rs = splitCsvBytes([enc.encode(`a,${long}\nb,c\n`)], { maxFieldChars: 10 });
    expect(rs[0].problem).toBe('field-too-large');
    expect(rs[1].fields).toEqual(['b', 'c']);
    const s = new CsvRecordSplitter(() => {}, { maxRecordBytes: 100 });
    expect(() => {
      s.push(enc.encode('"ok"\n"unbalanced'));
      for (let i = 0; i < 10; i++) s.push(enc.encode('\n' + 'y'.repeat(20)));
    }).toThrow(CsvRecordTooLargeError);
  });

  it('gives exact byte offsets on a real file with multi-byte text and quoted newlines', () => {
    const bytes = readReal('china_082019_1_users_csv_hashed.csv');
    const rs = split(bytes, 4093);
    expect(rs.length).toBe(745); // header + 744
    const dec = new TextDecoder();
    for (const r of rs) {
      const slice = bytes.subarray(r.byteOffset, r.byteOffset + r.byteLength);
      expect(dec.decode(slice)).toBe(dec.decode(r.bytes));
      // the record is followed by its LF terminator (or ends the file)
      expect(r.byteOffset + r.byteLength === bytes.length || bytes[r.byteOffset + r.byteLength] === 0x0a).toBe(true);
    }
  });

  it('produces the same records for any chunking (property)', () => {
    const field = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 8 }),
      fc.constantFrom('', '"', '""', ',', '\n', '\r\n', '香港', '🇭🇰', 'a"b', '\uFEFF', '\uFEFFx', '\uFFFD'),
    );
    const record = fc.array(field, { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 20 }),
        fc.boolean(),
        (records, crlf, finalNewline, cuts, minimalQuoting) => {
          const eol = crlf ? '\r\n' : '\n';
          // Minimal quoting leaves plain fields bare, so a record may start with any character (a U+FEFF, say).
          const quote = (f: string) => (minimalQuoting && f !== '' && !/[",\r\n]/.test(f) ? f : `"${f.replace(/"/g, '""')}"`);
          const text = records.map((r) => r.map(quote).join(',')).join(eol) + (finalNewline ? eol : '');
          const bytes = enc.encode(text);
          const chunks: Uint8Array[] = [];
          let i = 0;
          for (let k = 0; i < bytes.length; k++) {
            const n = cuts[k % cuts.length];
            chunks.push(bytes.subarray(i, i + n));
            i += n;
          }
          const whole = splitCsvBytes([bytes]);
          const chunked = splitCsvBytes(chunks);
          expect(chunked.map((r) => [r.fields, r.byteOffset, r.byteLength])).toEqual(whole.map((r) => [r.fields, r.byteOffset, r.byteLength]));
          // A U+FEFF that opens the file is its byte-order mark, not text (and a file of just that has no record).
          const expected = text === '\uFEFF' ? [] : records.map((r) => [...r]);
          if (expected.length && text.startsWith('\uFEFF')) expected[0]![0] = expected[0]![0]!.slice(1);
          expect(whole.map((r) => r.fields)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds the same fields as splitFields on each record, however malformed the quoting (property)', () => {
    // Fields are cut where the byte scan found commas outside quotes; anything but simple fields falls back to splitFields.
    const text = fc.array(fc.constantFrom('a', 'b', '"', '""', ',', '\n', '\r\n', ' ', '香', '🇭🇰', 'é', '\uFEFF'), { maxLength: 60 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 13 }), (t, cut) => {
        const bytes = enc.encode(t);
        const chunks: Uint8Array[] = [];
        for (let i = 0; i < bytes.length; i += cut) chunks.push(bytes.subarray(i, i + cut));
        const dec = new TextDecoder('utf-8', { ignoreBOM: true });
        for (const r of splitCsvBytes(chunks)) if (r.fields) expect(r.fields).toEqual(splitFields(dec.decode(r.bytes)));
      }),
      { numRuns: 2000 },
    );
    const rs = split('"a"x,"b"\n"",x"y"z,""""\n"q",\n');
    expect(fields(rs)).toEqual([null, ['', 'x"y"z', '"'], ['q', '']]);
  });

  it("reads records as Python's csv module does: a quote inside an unquoted field is a character (property)", () => {
    // A stray quote (5" screen) once opened a quoted section and swallowed the records after it.
    const text = fc.array(fc.constantFrom('a', 'b', '"', '""', ',', '\n', '\r\n', ' ', '5" ', '香', '🇭🇰'), { maxLength: 60 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 13 }), (t, cut) => {
        const bytes = enc.encode(t);
        const chunks: Uint8Array[] = [];
        for (let i = 0; i < bytes.length; i += cut) chunks.push(bytes.subarray(i, i + cut));
        const want = pythonCsv(t);
        for (const scan of [undefined, 'js'] as const) {
          const rs = splitCsvBytes(chunks, { scan });
          if (want.unterminated) expect(rs.at(-1)?.problem).toBe('unterminated-quote');
          expect(rs.slice(0, want.records.length).map((r) => (r.problem === 'stray-quote' ? 'stray' : r.fields))).toEqual(want.records.map((f, i) => (want.stray[i] ? 'stray' : f)));
          expect(rs.length).toBe(want.records.length + (want.unterminated ? 1 : 0));
        }
      }),
      { numRuns: 2000 },
    );
    expect(fields(split('1,5" screen,x\n2,"a ""b""",y\n3,c,z\n'))).toEqual([['1', '5" screen', 'x'], ['2', 'a "b"', 'y'], ['3', 'c', 'z']]);
  });

  it('reports text after a closing quote (an undoubled quote inside a quoted field) instead of repairing it', () => {
    const rs = split('1,"abc"def",x\n2,"abc" def,x\n3,"a ""b""",x\n4,"ok"\r\n');
    const why = 'field 2 has text after its closing quote: a quote inside a quoted field must be doubled ("")';
    expect(rs.map((r) => [r.problem ?? null, r.detail ?? null])).toEqual([['stray-quote', why], ['stray-quote', why], [null, null], [null, null]]);
    expect(fields(rs).slice(2)).toEqual([['3', 'a "b"', 'x'], ['4', 'ok']]);
  });

  describe('the byte scan in WebAssembly SIMD', () => {
    it('is the one used here, and its bytes are csvScan.wat compiled', async () => {
      expect(createWasmCsvScan()).not.toBeNull();
      expect(await compileCsvScan()).toBe(CSV_SCAN_WASM);
    });

    it('gives the records the JS scan gives, for any bytes and chunking (property)', () => {
      const piece = fc.oneof(
        fc.constantFrom('a', '"', '""', ',', '\n', '\r', '\r\n', ' ', '香港', '🇭🇰', 'é', '\uFEFF', 'x'.repeat(17), '","').map((t) => enc.encode(t)),
        fc.uint8Array({ minLength: 1, maxLength: 3 }).map((b) => b.map((x) => x | 0x80)), // often invalid UTF-8
      );
      fc.assert(
        fc.property(fc.array(piece, { maxLength: 80 }), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }), (pieces, cuts) => {
          const bytes = Uint8Array.from(pieces.flatMap((p) => [...p]));
          const chunks: Uint8Array[] = [];
          for (let i = 0, k = 0; i < bytes.length; k++) {
            chunks.push(bytes.subarray(i, i + cuts[k % cuts.length]!));
            i += cuts[k % cuts.length]!;
          }
          const shape = (rs: CsvRecord[]) => rs.map((r) => [r.recordNumber, r.byteOffset, r.byteLength, r.fields, r.problem ?? null]);
          expect(shape(splitCsvBytes(chunks))).toEqual(shape(splitCsvBytes(chunks, { scan: 'js' })));
        }),
        { numRuns: 3000 },
      );
    });

    it('gives the records the JS scan gives on a real file pushed in pieces larger than its 256 KiB slices', () => {
      const row = readReal('ira_2018_tweets_csv_hashed_excerpt.csv');
      const bytes = new Uint8Array(row.length * 700);
      for (let i = 0; i < 700; i++) bytes.set(row, i * row.length);
      const shape = (rs: CsvRecord[]) => rs.map((r) => [r.byteOffset, r.byteLength, r.fields]);
      const wasm = splitCsvBytes([bytes.subarray(0, 600_000), bytes.subarray(600_000)]);
      expect(wasm.length).toBe(2100);
      expect(shape(wasm)).toEqual(shape(splitCsvBytes([bytes], { scan: 'js' })));
    });
  });
});

/**
 * Python's csv.reader (doublequote, strict=False) over LF / CRLF text, the reference: a quote opens
 * a quoted field only at the field's start; after the closing quote, a quote doubles it and any
 * other character continues the field unquoted. An empty line is one empty field here ([] in Python).
 */
/** Python's csv reader, and which records it reads with text after a closing quote (the splitter reports those as 'stray-quote'). */
function pythonCsv(t: string): { records: string[][]; stray: boolean[]; unterminated: boolean } {
  const records: string[][] = [];
  const stray: boolean[] = [];
  let rec: string[] = [];
  let recStray = false;
  let crAfterQuote = false;
  let f = '';
  let state: 'start' | 'field' | 'quoted' | 'quote-in-quoted' = 'start';
  const endField = () => {
    rec.push(state === 'field' && f.endsWith('\r') ? f.slice(0, -1) : f);
    f = '';
  };
  for (const c of t) {
    // After a closing quote only a comma or a line end (LF or CRLF) may follow.
    if (crAfterQuote && c !== '\n') recStray = true;
    crAfterQuote = false;
    if (state === 'quote-in-quoted' && c !== '"' && c !== ',' && c !== '\n') {
      if (c === '\r') crAfterQuote = true;
      else recStray = true;
    }
    if (state === 'quoted') {
      if (c === '"') state = 'quote-in-quoted';
      else f += c;
    } else if (state === 'quote-in-quoted' && c === '"') {
      f += '"';
      state = 'quoted';
    } else if (state === 'start' && c === '"') state = 'quoted';
    else if (c === ',') {
      endField();
      state = 'start';
    } else if (c === '\n') {
      endField();
      records.push(rec);
      stray.push(recStray);
      rec = [];
      recStray = false;
      state = 'start';
    } else {
      f += c;
      state = 'field';
    }
  }
  if (state === 'quoted') return { records, stray, unterminated: true };
  if (state !== 'start' || f !== '' || rec.length) {
    endField();
    records.push(rec);
    stray.push(recStray || crAfterQuote);
  }
  return { records, stray, unterminated: false };
}
