import { describe, expect, it } from 'vitest';
import { refang } from '../../../shared/archive/normalizeIndicator';
import { domainKeyCounts, indicatorDomain, linksTo } from '../../../renderer/src/import/indicatorLinks';

describe('indicator links', () => {
  it('takes the host of a refanged URL or domain, as the aggregates count URL domains', () => {
    expect(indicatorDomain(refang('hxxps://WWW.petice[.]com/poadavek?x=1'))).toBe('petice.com');
    expect(indicatorDomain(refang('avisindependent.eu'))).toBe('avisindependent.eu');
    expect(indicatorDomain(refang('954 Facebook Pages'))).toBe('');
  });

  it('counts the tweets linking to the domain and its subdomains, not to look-alike domains', () => {
    const urlDomains = domainKeyCounts({ 'avisindependent.eu': 2, 'news.avisindependent.eu': 3, 'notavisindependent.eu': 5, 'example.org': 7 });
    expect(linksTo('avisindependent.eu', urlDomains)).toBe(5);
    expect(linksTo('', urlDomains)).toBe(0);
  });

  it('counts links to an internationalised domain written in Unicode or Punycode, whichever form the indicator was published in', () => {
    // As the aggregates count them: hosts as the tweets wrote them.
    const urlDomains = domainKeyCounts({ 'مثال.شبكة': 2, 'xn--mgbh0fb.xn--ngbc5azd': 3, 'news.مثال.شبكة': 1, 'news.xn--mgbh0fb.xn--ngbc5azd': 4, 'مثال.عرب': 7 });
    const published = ['مثال[.]شبكة', 'XN--MGBH0FB[.]xn--ngbc5azd', 'hxxps://www.مثال[.]شبكة/مقال?x=1'];
    expect(published.map((v) => indicatorDomain(refang(v)))).toEqual(['مثال.شبكة', 'xn--mgbh0fb.xn--ngbc5azd', 'مثال.شبكة']);
    for (const v of published) expect(linksTo(indicatorDomain(refang(v)), urlDomains), v).toBe(10);
    expect(linksTo('مثال.عرب', urlDomains)).toBe(7);
  });
});
