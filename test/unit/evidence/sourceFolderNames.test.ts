/**
 * A cited source's folder in the bag (data/source/<sha>_<name>/) keeps the name's combining marks
 * (they were each turned into '-': हिन्दी read ह-न-द-), and still refuses what is unsafe in a path.
 */
import { describe, expect, it } from 'vitest';
import { bagName, bagPathProblem } from '../../../shared/evidence/bagPaths';
import { sourceFolder } from '../../../renderer/src/cases/caseBundleInput';

const SHA = '0123456789abcdef'.repeat(4);
const folderName = (fileName: string, entryName?: string): string => {
  const folder = sourceFolder({ sha256: SHA, fileName, ...(entryName ? { entryName } : {}) });
  expect(bagPathProblem(`data/${folder}/row-1_bytes-0-10.csv`), folder).toBeNull();
  expect(folder.startsWith(`source/${SHA.slice(0, 12)}_`)).toBe(true);
  return folder.slice(`source/${SHA.slice(0, 12)}_`.length);
};

describe('source folder names in a bundle', () => {
  it.each([
    ['decomposed accents (e + U+0301), made NFC', 'Cafe\u0301_ope\u0301rations.csv', 'Café_opérations.csv'],
    ['Devanagari vowel signs and virama', 'हिन्दी_ट्वीट.csv', 'हिन्दी_ट्वीट.csv'],
    ['Arabic harakat', 'تَغْرِيدَات_حِسَاب.csv', 'تَغْرِيدَات_حِسَاب.csv'],
    ['Hebrew points', 'צִיּוּצִים.csv', 'צִיּוּצִים.csv'],
    ['Thai vowel and tone marks', 'ทวีต_ไทย.csv', 'ทวีต_ไทย.csv'],
  ])('keeps %s', (_what, name, expected) => {
    expect(folderName(name)).toBe(expected);
  });

  it('still replaces what is unsafe in a path: separators, spaces, control characters, % and \\', () => {
    expect(folderName('a/b\\c%d\u0000e\r\nf g\u202Eh.csv')).toBe('a-b-c-d-e-f-g-h.csv');
    expect(folderName('archive.zip', 'inner/تَغْرِيدَات.csv')).toBe('archive.zip-inner-تَغْرِيدَات.csv');
  });

  it('no leading - or . (nor a mark with no letter), no trailing . (Windows drops it)', () => {
    expect(folderName('--..\u0301\u093Fटेस्ट.csv')).toBe('टेस्ट.csv');
    expect(folderName('tweets.csv...')).toBe('tweets.csv');
    expect(folderName('...')).toBe('source');
    expect(folderName('///')).toBe('source');
  });

  it('a long name is cut at 80 UTF-16 units between characters, never between a letter and its marks', () => {
    const name = 'हिन्दी'.repeat(40); // 6 UTF-16 units each
    const folder = folderName(name);
    expect(folder.length).toBeLessThanOrEqual(80);
    expect(name.startsWith(folder)).toBe(true);
    // What follows the cut starts a new character: not a mark, not a virama's consonant half.
    expect(name[folder.length]).toMatch(/^\p{L}$/u);
    expect(folder).toMatch(/[\p{M}]$/u);
    // Astral letters (CJK Extension B) are not split in half.
    const astral = folderName('𠀀'.repeat(60));
    expect(astral).toBe('𠀀'.repeat(40));
  });

  it('the bag folder itself keeps its older alphabet (bundles already sent are named by it)', () => {
    expect(bagName('Cafe\u0301 हिन्दी', new Date('2026-11-28T12:00:00Z'))).toBe('Café-ह-न-द-_20261128T120000Z');
  });
});
