import { describe, expect, it } from 'vitest';
import { checkLooksLikeText } from '../../../shared/archive/detectFormat';

const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('a file that is no CSV is refused as what it is', () => {
  it('names images, documents and databases by their first bytes', () => {
    const png = bytes([0x89], 'PNG\r\n', [0x1a, 0x0a, 0, 0, 0, 13], 'IHDR');
    expect(() => checkLooksLikeText(png, 'picture.csv')).toThrow('picture.csv: a PNG image, not CSV text; expected a CSV text file, a .gz or a .zip.');
    expect(() => checkLooksLikeText(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF'), 'x.csv')).toThrow('x.csv: a JPEG image,');
    expect(() => checkLooksLikeText(bytes('GIF89a', [1, 0, 1, 0]), 'x.csv')).toThrow('x.csv: a GIF image,');
    expect(() => checkLooksLikeText(bytes('%PDF-1.7\n%', [0xe2, 0xe3, 0xcf, 0xd3], '\n'), 'report.csv')).toThrow('report.csv: a PDF document, not CSV text');
    expect(() => checkLooksLikeText(bytes('SQLite format 3', [0], 'x'), 'x.csv')).toThrow('x.csv: an SQLite database,');
    expect(() => checkLooksLikeText(bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), 'book.csv')).toThrow('book.csv: an old binary Office document (such as an Excel .xls workbook), not CSV text.'); // and what to do: spreadsheetFiles.test.ts
  });

  it('tells to extract archives the app does not open', () => {
    const extract = 'which the app does not open: extract the CSV files from it and import them (or a .gz or .zip of them).';
    expect(() => checkLooksLikeText(bytes([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4]), 'a.csv')).toThrow(`a.csv: a 7-Zip archive, ${extract}`);
    expect(() => checkLooksLikeText(bytes('Rar!', [0x1a, 0x07, 0x01, 0]), 'a.csv')).toThrow('a.csv: a RAR archive,');
    expect(() => checkLooksLikeText(bytes([0xfd], '7zXZ', [0, 0, 4]), 'a.csv')).toThrow('a.csv: xz-compressed data,');
    expect(() => checkLooksLikeText(bytes('BZh9', [0x31, 0x41, 0x59, 0x26, 0x53, 0x59, 0x12]), 'a.csv')).toThrow('a.csv: bzip2-compressed data,');
    expect(() => checkLooksLikeText(bytes([0x28, 0xb5, 0x2f, 0xfd, 0x04]), 'a.csv')).toThrow('a.csv: Zstandard-compressed data,');
  });

  it('leaves CSV text whose header merely starts like one alone', () => {
    for (const text of ['GIF,count\n1,2\n', 'BZh,x\n', 'BZh9,x,y,z\n', '%PDF,a\n', 'SQLite format 3,x\n', 'tweetid,userid\n']) {
      expect(() => checkLooksLikeText(bytes(text), 'x.csv')).not.toThrow();
    }
  });
});
