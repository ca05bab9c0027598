import { describe, expect, it } from 'vitest';
import { accountsNeedingIds, lookalikeKey, mayPassForAnother } from '../../../shared/domain/lookalikeNames';

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
});
