import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chanceRounded, classifyId, compareIds, longIdRounding, spreadsheetRounded, type IdShape, type LongIdRounding } from '../../../shared/domain/ids';

/** The rules as regular expressions (classifyId reads plain digits without them). */
function byRegex(id: string): IdShape {
  if (id === '') return 'empty';
  if (/^[0-9](\.[0-9]+)?[eE]\+?[0-9]+$/.test(id)) return 'spreadsheet-damaged';
  if (/^[0-9]{1,20}$/.test(id)) return /^[1-9][0-9]{9,}0{8,}$/.test(id) ? 'spreadsheet-damaged' : 'numeric';
  if (/^[0-9a-f]{64}$/.test(id)) return 'hex64';
  if (/^[A-Za-z0-9+]{37,43}=$/.test(id)) return 'b64hash';
  return 'other';
}

describe('classifyId', () => {
  it('classifies every id shape of the archives', () => {
    const cases: [string, IdShape][] = [
      ['', 'empty'],
      ['0', 'numeric'],
      ['1166734586357235712', 'numeric'],
      ['12345678901234567890', 'numeric'],
      ['123456789012345678901', 'other'],
      ['906000000000000000', 'spreadsheet-damaged'],
      ['9060000000000000001', 'numeric'],
      ['096000000000000000', 'numeric'],
      ['90600000000000000', 'numeric'], // 17 digits: too short to be a rounded tweet id
      ['9.06E+17', 'spreadsheet-damaged'],
      ['9e17', 'spreadsheet-damaged'],
      ['a'.repeat(64), 'hex64'],
      ['1'.repeat(64), 'hex64'],
      ['A'.repeat(64), 'other'],
      ['Qj1H7x+2rYVJtM0xbsgcvNEKy3FxLNZexUYyzEJ4Zwk=', 'b64hash'],
      ['A'.repeat(36) + '=', 'other'],
      ['A'.repeat(37) + '=', 'b64hash'],
      ['A'.repeat(43) + '=', 'b64hash'],
      ['A'.repeat(44) + '=', 'other'],
      ['9'.repeat(43) + '=', 'b64hash'],
      ['12 34', 'other'],
      ['-1', 'other'],
      ['١٢٣', 'other'], // Arabic-Indic digits are not ids
    ];
    for (const [id, shape] of cases) expect([id, classifyId(id)]).toEqual([id, shape]);
  });

  it('agrees with the rules written as regular expressions (property)', () => {
    const id = fc.oneof(
      fc.stringMatching(/^[0-9]{0,24}$/),
      fc.stringMatching(/^[1-9][0-9]{9,12}0{6,10}$/),
      fc.stringMatching(/^[0-9a-fA-F]{62,66}$/),
      fc.stringMatching(/^[A-Za-z0-9+/]{36,44}=?$/),
      fc.stringMatching(/^[A-Za-z0-9+]{35,45}=$/),
      fc.stringMatching(/^[0-9.eE+-]{1,8}$/),
      fc.string({ maxLength: 70 }),
    );
    fc.assert(
      fc.property(id, (s) => {
        expect([s, classifyId(s)]).toEqual([s, byRegex(s)]);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('longIdRounding', () => {
  /** The rule as regular expressions. */
  const byRegex = (id: string): LongIdRounding => (!/^[0-9]{16,20}$/.test(id) ? 'not-long' : /^[0-9]{15}0+$/.test(id) ? 'long-rounded' : 'long');

  it("tells a plain numeric id of 16 to 20 digits, and whether every digit after its 15th is 0", () => {
    const cases: [string, LongIdRounding][] = [
      ['', 'not-long'],
      ['914580356430537', 'not-long'], // 15 digits: a spreadsheet keeps them all
      ['9145803564305370', 'long-rounded'],
      ['9145803564305371', 'long'],
      ['914580356430537000', 'long-rounded'],
      ['914580356430536707', 'long'],
      ['914580356430537001', 'long'],
      ['91458035643053700000', 'long-rounded'],
      ['914580356430537000000', 'not-long'], // 21 digits
      ['000000000000000000', 'long-rounded'],
      ['91458035643053a000', 'not-long'], // a letter among the first 15
      ['9145803564305370a0', 'not-long'], // a letter after the 15th
      ['a14580356430536707', 'not-long'],
      ['91458035643053670a', 'not-long'],
      ['9145803564 0536707', 'not-long'],
      ['a'.repeat(64), 'not-long'],
      ['Qj1H7x+2rYVJtM0xbsgcvNEKy3FxLNZexUYyzEJ4Zwk=', 'not-long'],
    ];
    for (const [id, r] of cases) expect([id, longIdRounding(id)]).toEqual([id, r]);
  });

  it('agrees with the rule written as regular expressions (property)', () => {
    const id = fc.oneof(
      fc.stringMatching(/^[0-9]{14,22}$/),
      fc.stringMatching(/^[0-9]{15}0{0,6}$/),
      fc.stringMatching(/^[0-9]{10,16}[0-9a]0{0,5}$/),
      fc.string({ minLength: 14, maxLength: 22 }),
    );
    fc.assert(
      fc.property(id, (s) => {
        expect([s, longIdRounding(s)]).toEqual([s, byRegex(s)]);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('compareIds', () => {
  it('orders numeric ids as numbers without converting them (no precision lost), others as text', () => {
    const ids = ['1000000000000000001', '999999999999999999', '9007199254740993', '9007199254740992', 'abc', '12'];
    expect([...ids].sort(compareIds)).toEqual(['12', '9007199254740992', '9007199254740993', '999999999999999999', '1000000000000000001', 'abc']);
  });
});

describe('spreadsheetRounded', () => {
  it('takes ids ending in zeros as a spreadsheet rounding only when chance cannot explain their number', () => {
    // One such id is never enough, however few ids the file has.
    expect(spreadsheetRounded(1, chanceRounded(19))).toBe(false);
    // Two 19-digit ids of two, both ending in 0000 (chance: one in a hundred million): rounded.
    expect(spreadsheetRounded(2, 2 * chanceRounded(19))).toBe(true);
    // 20 of 50 18-digit ids (one part of a set re-saved): rounded; so is 5 of 15.
    expect(spreadsheetRounded(20, 50 * chanceRounded(18))).toBe(true);
    expect(spreadsheetRounded(5, 15 * chanceRounded(18))).toBe(true);
    // A file as published: a million 18-digit ids, ~1,000 of them ending in 000 (± 32): never refused within 4 standard deviations.
    expect(spreadsheetRounded(1130, 1e6 * chanceRounded(18))).toBe(false);
    // A thirtieth of it re-saved (+33,000): refused.
    expect(spreadsheetRounded(1000 + 33_000, 1e6 * chanceRounded(18))).toBe(true);
    // 17-digit ids end in 00 one time in a hundred: 3 of 100 is chance.
    expect(spreadsheetRounded(3, 100 * chanceRounded(17))).toBe(false);
  });

  it('refuses a file as published with probability under one in a million (simulated: ids with random last digits)', () => {
    let refused = 0;
    for (let trial = 0; trial < 2000; trial++) {
      const n = 1 + Math.floor(Math.random() * 5000);
      let rounded = 0;
      for (let i = 0; i < n; i++) if (Math.random() < chanceRounded(18)) rounded++;
      if (spreadsheetRounded(rounded, n * chanceRounded(18))) refused++;
    }
    expect(refused).toBe(0);
  });
});
