import { describe, expect, it } from 'vitest';
import { refang } from '../../../shared/archive/normalizeIndicator';
import { indicatorDomain, linksTo } from '../../../renderer/src/import/indicatorLinks';

describe('indicator links', () => {
  it('takes the host of a refanged URL or domain, as the aggregates count URL domains', () => {
    expect(indicatorDomain(refang('hxxps://WWW.petice[.]com/poadavek?x=1'))).toBe('petice.com');
    expect(indicatorDomain(refang('avisindependent.eu'))).toBe('avisindependent.eu');
    expect(indicatorDomain(refang('954 Facebook Pages'))).toBe('');
  });

  it('counts the tweets linking to the domain and its subdomains, not to look-alike domains', () => {
    const urlDomains = { 'avisindependent.eu': 2, 'news.avisindependent.eu': 3, 'notavisindependent.eu': 5, 'example.org': 7 };
    expect(linksTo('avisindependent.eu', urlDomains)).toBe(5);
    expect(linksTo('', urlDomains)).toBe(0);
  });
});
