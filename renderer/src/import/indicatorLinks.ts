import { urlDomain } from '../../../shared/domain/urlDomain';
import { domainKey } from '../../../shared/domain/domainKey';

/** The host an indicator names (its refanged URL or domain) as published, lower-cased, without "www." as the aggregates count URL domains; '' for other indicators. */
export function indicatorDomain(refanged: string): string {
  if (!refanged) return '';
  return urlDomain(refanged.includes('://') ? refanged : `http://${refanged}`);
}

/** The aggregates' URL domain counts by domainKey: a Unicode host and its Punycode form summed. */
export function domainKeyCounts(urlDomains: Record<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const d in urlDomains) {
    const k = domainKey(d);
    out.set(k, (out.get(k) ?? 0) + urlDomains[d]!);
  }
  return out;
}

/**
 * Links (URLs listed in the dataset's tweets) to `domain` or a subdomain of it, in either form of an
 * internationalised name, from the URL domain counts by key (domainKeyCounts), which count uses: a
 * tweet with two such links counts two.
 */
export function linksTo(domain: string, byKey: ReadonlyMap<string, number>): number {
  if (!domain) return 0;
  const key = domainKey(domain);
  let n = 0;
  for (const [d, count] of byKey) if (d === key || d.endsWith(`.${key}`)) n += count;
  return n;
}
