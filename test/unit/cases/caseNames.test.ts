import { describe, expect, it } from 'vitest';
import { blankNameRefusal, takenNameRefusal } from '../../../renderer/src/cases/caseNames';

const cases = (...names: string[]) => names.map((name, i) => ({ id: `c${i + 1}`, name }));

describe('a case name needs a visible character', () => {
  it('refuses a name of invisible characters only, naming each by code point and name', () => {
    expect(blankNameRefusal('\u200B')).toBe('a case name needs a visible character: this one has only U+200B ZERO WIDTH SPACE');
    expect(blankNameRefusal('\u2060\uFEFF\u2060')).toBe('a case name needs a visible character: this one has only U+2060 WORD JOINER and U+FEFF ZERO WIDTH NO-BREAK SPACE');
    expect(blankNameRefusal('\u0640')).toBe('a case name needs a visible character: this one has only U+0640 ARABIC TATWEEL');
    expect(blankNameRefusal(' \u200E\u00A0\u200F')).toBe('a case name needs a visible character: this one has only U+0020 SPACE, U+200E LEFT-TO-RIGHT MARK, U+00A0 NO-BREAK SPACE and U+200F RIGHT-TO-LEFT MARK');
    expect(blankNameRefusal('\u3000')).toMatch(/only U\+3000 IDEOGRAPHIC SPACE$/);
    expect(blankNameRefusal('\u{E0001}')).toMatch(/only U\+E0001$/); // no name known: the code point alone
    expect(blankNameRefusal('')).toBe('a case needs a name');
  });

  it('accepts a name with any visible character, in any script, invisible ones beside it', () => {
    for (const name of ['Hong Kong', 'هونغ كونغ', 'كـتاب', '香港', 'می\u200Cخواهم', '🦜', '\u200BHong Kong', 'x', '.']) expect(blankNameRefusal(name), name).toBeUndefined();
  });
});

describe('a case name another case has, or looks like', () => {
  it('refuses the same name, naming it', () => {
    expect(takenNameRefusal('Hong Kong', cases('Hong Kong'))).toBe('a case named “Hong Kong” exists already: choose another name');
  });

  it('refuses a name differing only by look-alike letters, width, letter case or invisible characters, naming the case it looks like', () => {
    const looks = (existing: string) => `this name looks like the case “${existing}”, which exists already (it differs only in letter case, width, invisible characters or look-alike letters): choose another name`;
    for (const name of ['\u0397ong Kong', 'Ｈｏｎｇ Ｋｏｎｇ', 'hong kong', 'Hong\u200B Kong', 'H\u043Eng K\u03BFng']) expect(takenNameRefusal(name, cases('Operation 牛', 'Hong Kong')), name).toBe(looks('Hong Kong'));
    expect(takenNameRefusal('Oп\u0065рация', cases('Операция'))).toBe(looks('Операция')); // Latin O and e among Cyrillic letters
  });

  it('allows names that differ, in whatever script, and a case renamed to a look-alike of its own name', () => {
    for (const name of ['香港', 'هونغ كونغ', 'Hong Kong 2', 'Χονγκ Κονγκ', 'Hongkong']) expect(takenNameRefusal(name, cases('Hong Kong', '香港獨立', 'هونغ')), name).toBeUndefined();
    expect(takenNameRefusal('HONG KONG', cases('Hong Kong'), 'c1')).toBeUndefined();
    expect(takenNameRefusal('HONG KONG', cases('Hong Kong', 'Other'), 'c2')).toMatch(/looks like the case “Hong Kong”/);
  });

  it('isolates a name holding a bidi control, so it cannot reorder the message around it', () => {
    expect(takenNameRefusal('abc\u202Edef', cases('abc\u202Edef'))).toBe('a case named “\u2068abc\u202Edef\u2069” exists already: choose another name');
  });
});
