import { describe, expect, it } from 'vitest';
import { dayProblem } from '../../../shared/domain/isoDay';

describe('dayProblem', () => {
  it('takes a day written yyyy-mm-dd, leap days included, and an empty field', () => {
    for (const day of ['', '2019-04-01', '2020-02-29', '2000-02-29', '1999-12-31', '0004-02-29']) expect(dayProblem(day), day).toBe('');
  });
  it('says which part of an impossible day is wrong', () => {
    expect(dayProblem('2019-02-29')).toBe('“2019-02-29” is not a day: February 2019 has days 01 to 28.');
    expect(dayProblem('1900-02-29')).toBe('“1900-02-29” is not a day: February 1900 has days 01 to 28.');
    expect(dayProblem('2019-04-31')).toBe('“2019-04-31” is not a day: April 2019 has days 01 to 30.');
    expect(dayProblem('2019-04-00')).toBe('“2019-04-00” is not a day: April 2019 has days 01 to 30.');
    expect(dayProblem('2019-13-01')).toBe('“2019-13-01” is not a day: the month (13) must be 01 to 12.');
  });
  it('refuses the locale formats a date field shows (04/01/2019 is 1 April in en-US, 4 January elsewhere)', () => {
    for (const text of ['04/01/2019', '01.04.2019', '2019-4-1', '20190401', '2019-04-01T00:00Z', ' 2019-04-01'])
      expect(dayProblem(text), text).toBe(`“${text}” is not a day written yyyy-mm-dd (for example 2019-04-01).`);
  });
});
