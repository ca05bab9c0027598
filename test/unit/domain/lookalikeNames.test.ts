import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountsNeedingIds, confusableKey, confusableSkeleton, lookalikeKey, mayPassForAnother } from '../../../shared/domain/lookalikeNames';

const listedAs = (names: string[]) => names.map((name, i) => ({ id: String(i + 1), name }));
const withIds = (names: string[]) => { const ids = accountsNeedingIds(listedAs(names)); return names.filter((_, i) => ids.has(String(i + 1))); };

describe('lookalike account names', () => {
  it('flags invisible characters and Latin mixed with Cyrillic or Greek, not ordinary names in any script', () => {
    for (const name of ['al\u200Bice', '\u0430lice', 'alic\u0435', 'b\u03BFb', 'al\u200Dice', 'alice\u2060', 'x\u00ADy', 'ab\u202Ecd']) expect(mayPassForAnother(name), name).toBe(true);
    for (const name of ['alice', 'Алиса', 'می\u200Cخواهم', '牛小牛', 'café', '👨\u200D👩\u200D👧', 'ali_ce99', 'Ζωή', 'love❤\uFE0F', '🏳\uFE0F\u200D🌈pride', '🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}']) expect(mayPassForAnother(name), name).toBe(false);
  });

  it('gives the ids of names that may pass for another or read as another', () => {
    const listed = [
      { id: '1', name: 'alice' },
      { id: '2', name: 'al\u200Bice' },
      { id: '3', name: '\u0430lice' },
      { id: '4', name: 'bob' },
      { id: '5', name: 'BOB' },
      { id: '6', name: 'carol' },
      { id: '7', name: 'ｃａｒｏｌ' },
      { id: '8', name: 'dave' },
    ];
    expect([...accountsNeedingIds(listed)].sort()).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(lookalikeKey('ＡＬ\u200Bice')).toBe('alice');
  });

  it('gives the ids of names confusable within one script or across whole names (UTS #39 skeleton)', () => {
    const pairs = [
      ['rnalik', 'malik'],
      ['MaIik', 'malik'], // capital I for l
      ['Ilya', 'llya'],
      ['bi11y', 'billy'],
      ['J0HN', 'JOHN'],
      ['b0b', 'bob'],
      ['vvolf', 'wolf'],
      ['VVang', 'wang'],
      ['\u0441\u043e\u0441\u043e', 'coco'], // all Cyrillic, so no mixed script to see
      ['\u0440\u043e\u0440', 'POP'],
    ];
    for (const pair of pairs) expect(withIds([...pair, 'dave']), pair.join(' / ')).toEqual(pair);
    expect(confusableSkeleton('rn')).toBe(confusableSkeleton('m'));
    expect(confusableSkeleton('I')).toBe(confusableSkeleton('1'));
    expect(confusableSkeleton('\u0430')).toBe('a');
  });

  it('keeps distinct names plain, in any script', () => {
    const lists = [
      ['malik', 'malika', 'mali', 'nalik'],
      ['alice', 'alicia', 'bob', 'rob', 'bobby'],
      ['cafe', 'caf\u00e9', 'wolf', 'woIves'],
      ['\u725b\u5c0f\u725b', '\u524d\u5c18\u5f80\u4e8b', '\u725b\u5927\u725b', 'HK\u6642\u653f\u76f4\u64ca'],
      ['\u0645\u062d\u0645\u062f', '\u0623\u062d\u0645\u062f', '\u0645\u0631\u064a\u0645', '\u0631\u0636\u0627', '\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645'],
      ['\u05e0\u05d5\u05e2\u05d4', '\u05e0\u05e2\u05de\u05d4', '\u0410\u043b\u0438\u0441\u0430', '\u0411\u043e\u0440\u0438\u0441'],
    ];
    for (const names of lists) expect(withIds(names), names.join(' / ')).toEqual([]);
  });

  it('keys an ASCII name as the general path does', () => {
    // confusableKey takes a table shortcut for ASCII names; a non-ASCII character sends the name down the general path.
    fc.assert(fc.property(fc.string({ unit: 'binary-ascii', maxLength: 16 }), (name) => {
      expect(confusableKey(name + '\u00e9')).toBe(confusableKey(name) + confusableKey('\u00e9'));
    }));
  });
});

