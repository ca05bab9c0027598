import { describe, expect, it } from 'vitest';
import { foldCase } from '../../../shared/domain/foldCase';
import { foldCounts } from '../../../shared/domain/foldedCounts';
import { topEntries } from '../../../renderer/src/views/explore/timeBuckets';
import { normalizeForSearch } from '../../../shared/domain/searchFold';
import { highlightRanges, parseQuery } from '../../../renderer/src/search/searchQuery';

const ZWNJ = '\u200C';

describe('foldCase: one key per hashtag whatever the case or width of its letters', () => {
  it('folds a Latin case trio, full-width letters and Turkish dotted İ', () => {
    expect(new Set(['HongKong', 'hongkong', 'HONGKONG', 'ＨｏｎｇＫｏｎｇ'].map(foldCase))).toEqual(new Set(['hongkong']));
    expect(foldCase('İSTANBUL')).toBe(foldCase('istanbul'));
    expect(foldCase('ΑΘΗΝΑ')).toBe('αθηνα');
    expect(foldCase('МОСКВА')).toBe('москва');
  });

  it("folds what Unicode's full case folding folds and lower case does not: Greek final sigma, German ß and ẞ", () => {
    // ΕΛΛΗΝΙΚΌΣ lower-cases to a final ς; people also type σ at the end. One key, with σ.
    expect(new Set(['Ελληνικός', 'ΕΛΛΗΝΙΚΌΣ', 'ελληνικόσ', 'ΕΛΛΗΝΙΚΌσ'].map(foldCase))).toEqual(new Set(['ελληνικόσ']));
    expect(new Set(['Straße', 'STRASSE', 'STRAẞE', 'strasse'].map(foldCase))).toEqual(new Set(['strasse']));
    // Still no diacritic folding: the tonos stays.
    expect(foldCase('Ελληνικός')).not.toBe(foldCase('ΕΛΛΗΝΙΚΟΣ'));
    // And search finds Straße when STRASSE is typed, marking the ß where it stands.
    expect(normalizeForSearch('STRASSE')).toBe(normalizeForSearch('Straße'));
    expect(highlightRanges('Die Straße, #Ελληνικός', parseQuery('strasse ελληνικόσ'))).toEqual([[4, 10], [13, 22]]);
  });

  it('search, not the counts, reads Greek without accents: text in capitals drops them (ΑΘΗΝΑ is Αθήνα)', () => {
    expect(new Set(['ΑΘΗΝΑ', 'Αθήνα', 'αθηνα', 'Ἀθῆνα'].map(normalizeForSearch))).toEqual(new Set(['αθηνα']));
    expect(normalizeForSearch('ΕΛΛΗΝΙΚΟΣ')).toBe(normalizeForSearch('Ελληνικός'));
    expect(highlightRanges('Die Straße, #Ελληνικός', parseQuery('ελληνικοσ'))).toEqual([[13, 22]]);
    expect(highlightRanges('ΣΤΗΝ ΑΘΗΝΑ σήμερα', parseQuery('Αθήνα'))).toEqual([[5, 10]]);
    // Other scripts keep their accents, and Korean its syllables, through the decomposition.
    for (const s of ['café', 'naïve', '한국어', 'café 香港']) expect(normalizeForSearch(s)).toBe(foldCase(s));
  });

  it('leaves scripts without case as they are: Chinese, Arabic, Persian', () => {
    for (const tag of ['香港', '反送中', 'سوريا', 'ایران']) expect(foldCase(tag)).toBe(tag);
  });

  it('keeps the zero-width non-joiner of Persian and diacritics: they change the word', () => {
    const withZwnj = `می${ZWNJ}خواهم`;
    expect(foldCase(withZwnj)).toBe(withZwnj);
    expect(foldCase(withZwnj)).not.toBe(foldCase('میخواهم'));
    expect(foldCase('Café')).toBe('café');
    expect(foldCase('café')).not.toBe(foldCase('cafe'));
    // One letter typed composed or decomposed is one spelling (NFKC composes).
    expect(foldCase('cafe\u0301')).toBe(foldCase('café'));
  });

  it('keeps emoji hashtags, with their joiners and variation selectors', () => {
    for (const tag of ['🇭🇰', '❤\uFE0F', '👨\u200D👩\u200D👧', '🏳\uFE0F\u200D🌈pride']) expect(foldCase(tag)).toBe(tag.normalize('NFKC'));
    expect(foldCase('🇭🇰HK')).toBe(foldCase('🇭🇰hk'));
    expect(foldCase('🇭🇰hk')).not.toBe(foldCase('🇨🇳hk'));
  });

  it("is search's case and width folding; search alone also drops ZWNJ and tatweel", () => {
    for (const s of ['HongKong', 'İstanbul', 'ＨＫ', '香港', 'Café']) expect(normalizeForSearch(s)).toBe(foldCase(s));
    expect(normalizeForSearch(`می${ZWNJ}خواهم`)).toBe('م\u064aخواهم'); // and the Persian yeh as the Arabic one (searchFold.test.ts)
  });
});

describe('foldCounts: the spellings of one hashtag as one row', () => {
  it('sums a case trio under its most used spelling and lists every spelling with its count', () => {
    const rows = foldCounts({ hongkong: 3, HongKong: 5, HONGKONG: 1, 香港: 4 }, foldCase);
    expect(rows).toEqual([
      { value: 'HongKong', count: 9, spellings: [['HongKong', 5], ['hongkong', 3], ['HONGKONG', 1]] },
      { value: '香港', count: 4, spellings: [['香港', 4]] },
    ]);
  });

  it('keeps Persian spellings with and without ZWNJ, Arabic and emoji hashtags apart, and folds only case', () => {
    const withZwnj = `می${ZWNJ}خواهم`;
    const rows = foldCounts({ [withZwnj]: 2, میخواهم: 3, سوريا: 5, '🇭🇰': 1, '🇭🇰HK': 2, '🇭🇰hk': 2 }, foldCase);
    expect(rows.map((r) => [r.value, r.count, r.spellings.length])).toEqual([
      ['سوريا', 5, 1],
      ['🇭🇰HK', 4, 2], // a tie between spellings goes to the first in code-unit order
      ['میخواهم', 3, 1],
      [withZwnj, 2, 1],
      ['🇭🇰', 1, 1],
    ]);
  });

  it('sums #Straße, #STRASSE and #STRAẞE, and Greek final and medial sigma, under a spelling as archived', () => {
    const rows = foldCounts({ Straße: 4, STRASSE: 2, 'STRAẞE': 1, Ελληνικός: 3, ελληνικόσ: 1 }, foldCase);
    expect(rows).toEqual([
      { value: 'Straße', count: 7, spellings: [['Straße', 4], ['STRASSE', 2], ['STRAẞE', 1]] },
      { value: 'Ελληνικός', count: 4, spellings: [['Ελληνικός', 3], ['ελληνικόσ', 1]] },
    ]);
  });

  it('loses no count: the rows sum to the counts', () => {
    const counts = { a: 1, A: 2, b: 3, B: 4, 'ｂ': 5, c: 6 };
    const rows = foldCounts(counts, foldCase);
    expect(rows.reduce((n, r) => n + r.count, 0)).toBe(Object.values(counts).reduce((x, y) => x + y, 0));
    expect(rows.map((r) => [r.value, r.count])).toEqual([['ｂ', 12], ['c', 6], ['A', 3]]);
  });

  it('with no key, is topEntries: each value its own row, in the same order', () => {
    const counts = { x: 2, y: 5, Y: 5, z: 1, '': 2 };
    expect(foldCounts(counts).map((r): [string, number] => [r.value, r.count])).toEqual(topEntries(counts, 10));
  });
});
