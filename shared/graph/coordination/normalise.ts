/** Normalisation used to decide that two posts share "the same" text or link. */
import { domainKey } from '../../domain/domainKey';

const URL_RE = /\bhttps?:\/\/\S+/gi;
const RT_PREFIX = /^rt @[^\s:]+:\s*/;

/** NFKC, lower-cased, RT prefix stripped, every URL replaced by one token, whitespace collapsed. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(RT_PREFIX, '')
    .replace(URL_RE, '<url>')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Lower-cased scheme and host (an internationalised host as Punycode, domainKey: `مثال.شبكة` and
 * `xn--mgbh0fb.xn--ngbc5azd` are one), no "www.", no fragment, no trailing slash, no utm_* parameters.
 * Shortened links (t.co, goo.gl) are not expanded: that would need the network.
 */
export function normaliseUrl(raw: string): string {
  const s = raw.trim();
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^#]*)/i.exec(s);
  if (!m) return s.toLowerCase();
  const host = domainKey(m[2]!).replace(/^www\./, '');
  let rest = m[3]!;
  const q = rest.indexOf('?');
  let pathPart = q >= 0 ? rest.slice(0, q) : rest;
  let query = q >= 0 ? rest.slice(q + 1) : '';
  query = query.split('&').filter((p) => p !== '' && !/^utm_/i.test(p)).join('&');
  pathPart = pathPart.replace(/\/+$/, '');
  rest = pathPart + (query ? '?' + query : '');
  return 'http://' + host + rest; // http and https name the same resource for this purpose
}
