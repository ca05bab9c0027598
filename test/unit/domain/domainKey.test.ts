import { describe, expect, it } from 'vitest';
import { domainToASCII, domainToUnicode } from 'node:url';
import { decodeLabel, domainKey, otherDomainForm } from '../../../shared/domain/domainKey';

// Internationalised names in several scripts (Arabic, Chinese, Japanese, Cyrillic, Greek, German, emoji).
const NAMES = ['مثال.شبكة', 'مثال.عرب', '香港.中国', '例え.テスト', 'пример.рф', 'ελληνικά.gr', 'bücher.de', '😀.ws', 'דוגמה.ישראל', 'news.مثال.شبكة'];

describe('domainKey: one key per domain, whichever form of an internationalised name was written', () => {
  it("is WHATWG URL's hostname: Punycode, lower case (checked against Node's domainToASCII)", () => {
    for (const name of NAMES) expect(domainKey(name)).toBe(domainToASCII(name));
    expect(domainKey('مثال.شبكة')).toBe('xn--mgbh0fb.xn--ngbc5azd');
    for (const name of NAMES) expect(domainKey(domainToASCII(name).toUpperCase())).toBe(domainKey(name));
  });

  it('only lower-cases an ASCII name, and keeps a host URL refuses, lower-cased', () => {
    expect(domainKey('Example.COM')).toBe('example.com');
    expect(domainKey('bad host.例え')).toBe('bad host.例え');
  });
});

describe('otherDomainForm: the form to show beside the published one', () => {
  it("is the Punycode of a Unicode name and the Unicode of a Punycode one (checked against Node's domainToUnicode)", () => {
    for (const name of NAMES) {
      const ascii = domainToASCII(name);
      expect(otherDomainForm(name)).toBe(ascii);
      expect(otherDomainForm(ascii)).toBe(domainToUnicode(ascii));
      expect(otherDomainForm(ascii.toUpperCase())).toBe(domainToUnicode(ascii));
    }
  });

  it('is none for an ASCII name or for Punycode that does not decode to a name with its key', () => {
    expect(otherDomainForm('example.com')).toBeUndefined();
    expect(otherDomainForm('xn--zz.com')).toBeUndefined();
    expect(decodeLabel('zz')).toBeUndefined();
    expect(decodeLabel('mgbh0fb')).toBe('مثال');
  });
});
