import { urlDomain } from '../../../shared/domain/urlDomain';

/** The host an indicator names (its refanged URL or domain), in the form the aggregates count URL domains; '' for other indicators. */
export function indicatorDomain(refanged: string): string {
  if (!refanged) return '';
  return urlDomain(refanged.includes('://') ? refanged : `http://${refanged}`);
}

/**
 * Links (URLs listed in the dataset's tweets) to `domain` or a subdomain of it, from the aggregates'
 * URL domain counts, which count uses: a tweet with two such links counts two.
 */
export function linksTo(domain: string, urlDomains: Record<string, number>): number {
  if (!domain) return 0;
  let n = 0;
  for (const [d, count] of Object.entries(urlDomains)) if (d === domain || d.endsWith(`.${domain}`)) n += count;
  return n;
}
