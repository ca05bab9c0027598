import { describe, expect, it } from 'vitest';
import { ambiguousNameMessage, ScreenNames } from '../../../shared/domain/screenNames';
import { resolveAccounts, unresolvedAccountsMessage } from '../../../shared/graph/resolveAccounts';
import { splitCsvBytes } from '../../../shared/archive/csvRecords';
import { readReal } from '../archive/helpers';

const accounts = [
  { userid: '1111111114', userScreenName: 'NewsAgency' },
  { userid: '1111111111', userScreenName: 'newsagency' },
  { userid: '22', userScreenName: 'Gamma' },
  { userid: '31', userScreenName: 'Новости' },
  { userid: '32', userScreenName: 'خبرگزاری' },
  { userid: '40', userScreenName: '' },
];

describe('screen names: one rule for every view', () => {
  const names = new ScreenNames(accounts);

  it('an exact-case match wins over one ignoring case', () => {
    expect(names.match('newsagency')).toEqual({ kind: 'exact', userid: '1111111111' });
    expect(names.match('NewsAgency')).toEqual({ kind: 'exact', userid: '1111111114' });
  });

  it('else the only account matching ignoring case', () => {
    expect(names.match('gamma')).toEqual({ kind: 'caseless', userid: '22' });
    expect(names.match('GAMMA')).toEqual({ kind: 'caseless', userid: '22' });
  });

  it('several matching ignoring case and none exactly is ambiguous, with the candidates in id order', () => {
    const m = names.match('NEWSAGENCY');
    expect(m).toEqual({ kind: 'ambiguous', candidates: [{ userid: '1111111111', userScreenName: 'newsagency' }, { userid: '1111111114', userScreenName: 'NewsAgency' }] });
    expect(ambiguousNameMessage('@NEWSAGENCY', m.kind === 'ambiguous' ? m.candidates : [])).toContain('@newsagency (1111111111), @NewsAgency (1111111114)');
  });

  it('a count credits an ambiguous name to the lowest id, whatever the accounts’ order', () => {
    expect(names.attribute('NEWSAGENCY')).toBe('1111111111');
    expect(new ScreenNames([...accounts].reverse()).attribute('NEWSAGENCY')).toBe('1111111111');
    // Ids compared as numbers: 9 before 10.
    expect(new ScreenNames([{ userid: '10', userScreenName: 'ab' }, { userid: '9', userScreenName: 'AB' }]).attribute('Ab')).toBe('9');
    expect(names.attribute('newsagency')).toBe('1111111111');
    expect(names.attribute('NewsAgency')).toBe('1111111114');
  });

  it('an unknown name matches nothing; an empty screen name is no name', () => {
    expect(names.match('nobody')).toEqual({ kind: 'unknown' });
    expect(names.attribute('nobody')).toBeUndefined();
    expect(names.match('')).toEqual({ kind: 'unknown' });
  });

  it('non-Latin names: case folds in scripts that have it, others match as written', () => {
    expect(names.match('новости')).toEqual({ kind: 'caseless', userid: '31' });
    expect(names.match('НОВОСТИ')).toEqual({ kind: 'caseless', userid: '31' });
    expect(names.match('خبرگزاری')).toEqual({ kind: 'exact', userid: '32' });
    // A look-alike (Cyrillic е in a Latin name) is another name, not a case variant.
    expect(names.match('newsagеncy')).toEqual({ kind: 'unknown' });
  });

  it('two accounts with the very same name are ambiguous too', () => {
    expect(new ScreenNames([{ userid: '2', userScreenName: 'twin' }, { userid: '1', userScreenName: 'twin' }]).match('twin')).toEqual({
      kind: 'ambiguous', candidates: [{ userid: '1', userScreenName: 'twin' }, { userid: '2', userScreenName: 'twin' }],
    });
  });

  it('accounts that share one screen name exactly: the message asks for the id, since no spelling tells them apart', () => {
    // The real China 2019 users file, and a later account of the release that took @HKpoliticalnew again.
    const [header, ...rows] = splitCsvBytes([readReal('china_082019_1_users_csv_hashed.csv')]).map((r) => r.fields as string[]);
    const real = rows.map((r) => ({ userid: r[header!.indexOf('userid')]!, userScreenName: r[header!.indexOf('user_screen_name')]! }));
    expect(real).toHaveLength(744);
    expect(real.filter((a) => a.userScreenName === 'HKpoliticalnew')).toEqual([{ userid: '2993185258', userScreenName: 'HKpoliticalnew' }]);
    const names = new ScreenNames([...real, { userid: '1150000000000000001', userScreenName: 'HKpoliticalnew' }]);
    const twins = '@HKpoliticalnew (2993185258), @HKpoliticalnew (1150000000000000001)';
    for (const given of ['HKpoliticalnew', 'hkpoliticalnew']) {
      const m = names.match(given);
      expect(m.kind).toBe('ambiguous');
      expect(ambiguousNameMessage(`@${given}`, m.kind === 'ambiguous' ? m.candidates : [])).toBe(`“@${given}” matches 2 accounts that share the screen name @HKpoliticalnew: ${twins}; give the id`);
    }
    // Two spellings: the exact one still tells them apart.
    const spelled = new ScreenNames([...real, { userid: '1150000000000000001', userScreenName: 'hkpoliticalnew' }]);
    const m = spelled.match('HKPOLITICALNEW');
    expect(ambiguousNameMessage('@HKPOLITICALNEW', m.kind === 'ambiguous' ? m.candidates : [])).toBe(
      '“@HKPOLITICALNEW” matches 2 accounts ignoring case and none exactly: @HKpoliticalnew (2993185258), @hkpoliticalnew (1150000000000000001); give the exact name or the id',
    );
  });
});

describe('resolveAccounts (network filters, the CLI, search)', () => {
  it('resolves ids and names, and reports the unknown and the ambiguous apart', () => {
    const r = resolveAccounts(['22', '@newsagency', '@GAMMA', '@NEWSAGENCY', '@nobody', '999'], accounts);
    expect([...r.userids]).toEqual(['22', '1111111111']);
    expect(r.unknown).toEqual(['@nobody', '999']);
    expect(r.ambiguous.map((a) => [a.given, a.candidates.map((c) => c.userid)])).toEqual([['@NEWSAGENCY', ['1111111111', '1111111114']]]);
    const message = unresolvedAccountsMessage(r);
    expect(message).toContain('“@nobody”, “999” are not accounts of this dataset');
    expect(message).toContain('“@NEWSAGENCY” matches 2 accounts ignoring case and none exactly');
    expect(unresolvedAccountsMessage(resolveAccounts(['@NewsAgency'], accounts))).toBe('');
  });
});
