/**
 * Exported files (CSV, chart image, network export, report PDF) are named by their title with its
 * combining marks and a Persian or Indic word's joiners kept (they were each '_': हिन्दी read ह_न_द_),
 * and a name every file system takes.
 */
import { describe, expect, it } from 'vitest';
import { FILE_NAME_BYTES, safeFileName } from '../../../shared/domain/fileNames';

const utf8Length = (s: string): number => new TextEncoder().encode(s).length;
/** What Windows, macOS or Linux refuse or mangle in a file name. */
const unsafe = /[/\\:*?"<>|\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|^[.\s]|[.\s]$/u;

describe('safeFileName', () => {
  it.each([
    ['Hindi: vowel signs and virama', 'हिन्दी ट्वीट', 'हिन्दी_ट्वीट'],
    ['Arabic with harakat', 'تَغْرِيدَات الحِسَاب', 'تَغْرِيدَات_الحِسَاب'],
    ['Hebrew with points', 'צִיּוּצִים שֶׁל', 'צִיּוּצִים_שֶׁל'],
    ['Persian with a zero-width non-joiner', 'نامه‌های ارسالی', 'نامه‌های_ارسالی'],
    ['Devanagari with a zero-width joiner', 'क्‍ष ट्वीट', 'क्‍ष_ट्वीट'],
    ['Thai vowel and tone marks', 'ทวีต ภาษาไทย', 'ทวีต_ภาษาไทย'],
    ['CJK', '香港 抗议 推文', '香港_抗议_推文'],
    ['decomposed accents, made NFC', 'Cafe\u0301 ope\u0301rations', 'Café_opérations'],
    ['Arabic-Indic digits', 'حملة ٢٠١٩', 'حملة_٢٠١٩'],
  ])('keeps %s', (_what, title, expected) => {
    expect(safeFileName(title)).toBe(expected);
  });

  it('an emoji (a ZWJ sequence, a skin tone, a flag, a heart with its variation selector) is one _, no joiner or mark left of it', () => {
    expect(safeFileName('team 👩‍💻 report')).toBe('team_report');
    expect(safeFileName('👍🏽 likes 🇺🇦 ❤️ x')).toBe('likes_x');
    expect(safeFileName('a👨‍👩‍👧‍👦b')).toBe('a_b');
    expect(safeFileName('👩‍💻')).toBe('export');
    expect(safeFileName('demo-search-👩‍👩‍👧‍👦')).toBe('demo-search'); // no '-' left dangling (was demo-search-.csv)
  });

  it('a joiner not between two letters of a joining script is replaced: in a Latin word, at an edge, two together', () => {
    expect(safeFileName('hong\u200ckong')).toBe('hong_kong');
    expect(safeFileName('می\u200c')).toBe('می');
    expect(safeFileName('می\u200c\u200cخواهم')).toBe('می_خواهم');
  });

  it('refuses what a file system refuses: separators, reserved punctuation, controls, bidi overrides, edge dots', () => {
    const name = safeFileName('..a/b\\c:d*e?f"g<h>i|j\u0000k\r\nl\u202Em\u2066n\u200fo.. ');
    expect(name).toBe('a_b_c_d_e_f_g_h_i_j_k_l_m_n_o');
    expect(safeFileName('report...')).toBe('report');
    expect(safeFileName('\u0301\u093Fटेस्ट')).toBe('टेस्ट');
    expect(safeFileName('///')).toBe('export');
  });

  it('a Windows device name gets a _ (CON.csv cannot be created)', () => {
    expect(safeFileName('CON')).toBe('CON_');
    expect(safeFileName('nul.tar')).toBe('nul_.tar');
    expect(safeFileName('com1')).toBe('com1_');
    expect(safeFileName('console')).toBe('console');
  });

  it('a long name is bounded in UTF-8 bytes, cut between words, never inside a letter with its marks or an emoji', () => {
    for (const word of ['हिन्दी', 'تَغْرِيدَات', 'צִיּוּצִים', 'نامه‌ها', 'ภาษาไทย', '香港', '𠀀𠀁', 'tweets']) {
      const title = Array.from({ length: 60 }, () => word).join(' ');
      const name = safeFileName(title);
      expect(utf8Length(name), word).toBeLessThanOrEqual(FILE_NAME_BYTES);
      expect(utf8Length(name), word).toBeGreaterThan(FILE_NAME_BYTES / 2);
      expect(name).not.toMatch(unsafe);
      // Whole words only: the name is the first words of the title.
      expect(name.split('_').every((w) => w === word), word).toBe(true);
    }
    // One long word: cut between characters, a letter never parted from its marks.
    const word = 'हिन्दी'.repeat(40);
    const name = safeFileName(word);
    expect(utf8Length(name)).toBeLessThanOrEqual(FILE_NAME_BYTES);
    expect(word.startsWith(name)).toBe(true);
    expect(word[name.length]).toMatch(/^\p{L}$/u);
    // A letter of four UTF-8 bytes (two UTF-16 units) is never cut in half.
    expect(safeFileName('𠀀'.repeat(60))).toBe('𠀀'.repeat(Math.floor(FILE_NAME_BYTES / 4)));
  });

  it('a Persian name cut after a zero-width non-joiner ends on the letter, not the joiner', () => {
    // 56 + 1 letters of 2 bytes, ی with its ZWNJ (one character, 5 bytes): 119 bytes, the next letter is past 120.
    const name = safeFileName(`${'خ'.repeat(56)}می\u200cخواهم`);
    expect(name).toBe(`${'خ'.repeat(56)}می`);
    expect(name.endsWith('\u200c')).toBe(false);
  });
});
