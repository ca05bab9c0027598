import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyId, compareIds, type IdShape } from '../../../shared/domain/ids';

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

describe('compareIds', () => {
  it('orders numeric ids as numbers without converting them (no precision lost), others as text', () => {
    const ids = ['1000000000000000001', '999999999999999999', '9007199254740993', '9007199254740992', 'abc', '12'];
    expect([...ids].sort(compareIds)).toEqual(['12', '9007199254740992', '9007199254740993', '999999999999999999', '1000000000000000001', 'abc']);
  });
});
