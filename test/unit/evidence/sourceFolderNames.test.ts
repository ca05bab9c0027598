/**
 * A cited source's folder in the bag (data/source/<sha>_<name>/) keeps the name's combining marks
 * (they were each turned into '-': हिन्दी read ह-न-द-), and still refuses what is unsafe in a path.
 */
import { describe, expect, it } from 'vitest';
import { bagName, bagPathProblem } from '../../../shared/evidence/bagPaths';
import { sourceFolder } from '../../../renderer/src/cases/caseBundleInput';
import { verifyBundle } from '../../../shared/evidence/bundleVerifier';
import { bundleInput, runVerifySh, writeBundle } from './bundleFixture';
import { tempDir } from './tools';

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

  it('keeps a zero-width non-joiner or joiner between letters of a script that spells with it (Persian, Indic)', () => {
    // QA: the Persian name's ZWNJ became '-': می-خواهم is not the word.
    expect(folderName('می\u200cخواهم.csv')).toBe('می\u200cخواهم.csv');
    expect(folderName('نامه\u200cها_ی_اِرسالی.csv')).toBe('نامه\u200cها_ی_اِرسالی.csv');
    expect(folderName('क्\u200dष_ट्वीट.csv')).toBe('क्\u200dष_ट्वीट.csv');
    expect(folderName('archive.zip', 'می\u200cخواهم.csv')).toBe('archive.zip-می\u200cخواهم.csv');
  });

  it('a bundle citing rows of a Persian-named source verifies, in the app\'s verifier and with verify.sh', async () => {
    const input = bundleInput();
    const folder = sourceFolder({ sha256: SHA, fileName: 'می\u200cخواهم.csv' });
    expect(folder).toContain('می\u200cخواهم');
    input.payload.push({ path: `${folder}/row-2_bytes-10-5.csv`, bytes: new TextEncoder().encode('a,b,c') });
    const dir = tempDir('source-folders-');
    const { prepared, bytes } = await writeBundle(dir, input);
    const v = verifyBundle(bytes, { trustedFingerprints: [prepared.fingerprint], requireTrust: true });
    expect(v.checks.filter((c) => !c.ok)).toEqual([]);
    const sh = runVerifySh(dir, bytes, 'persian', prepared.fingerprint);
    expect(sh.stderr).toBe('');
    expect(sh.code).toBe(0);
  });

  it('any other zero-width joiner or non-joiner is \'-\' as before: in a Latin name, at an edge, beside a digit, two together', () => {
    expect(folderName('hong\u200ckong\u200d.csv')).toBe('hong-kong-.csv');
    expect(folderName('\u200cمی.csv')).toBe('می.csv');
    expect(folderName('می\u200c.csv')).toBe('می-.csv');
    expect(folderName('می\u200c۲.csv')).toBe('می-۲.csv');
    expect(folderName('می\u200c\u200cخواهم.csv')).toBe('می-خواهم.csv');
    expect(folderName('می\u200cabc.csv')).toBe('می-abc.csv');
  });

  it('a joiner is not left at the end of a long name where it is cut', () => {
    // 77 + م + ی with its ZWNJ (one character) are 80 UTF-16 units: the cut falls after the ZWNJ.
    expect(folderName(`${'خ'.repeat(77)}می\u200cخواهم.csv`)).toBe(`${'خ'.repeat(77)}می`);
  });

  it('still replaces what is unsafe in a path: separators, spaces, control characters, % and \\', () => {
    expect(folderName('a/b\\c%d\u0000e\r\nf g\u202Eh.csv')).toBe('a-b-c-d-e-f-g-h.csv');
    expect(folderName('archive.zip', 'inner/تَغْرِيدَات.csv')).toBe('archive.zip-inner-تَغْرِيدَات.csv');
    // An emoji's variation selector is a mark of no letter: it goes with the emoji (was kept after its '-').
    expect(folderName('a❤️b.csv')).toBe('a-b.csv');
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
