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
 * One scheme (http and https alike), the host lower-cased (an internationalised host as Punycode,
 * domainKey: `مثال.شبكة` and `xn--mgbh0fb.xn--ngbc5azd` are one; user info and port kept), no "www.",
 * no fragment, no trailing slash, no utm_* parameters. Shortened links (t.co, goo.gl) are not
 * expanded: that would need the network.
 */
export function normaliseUrl(raw: string): string {
  const s = raw.trim();
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^#]*)/i.exec(s);
  if (!m) return s.toLowerCase();
  // user@host:port: only the host is keyed (URL's hostname drops the rest); an IPv6 [host] has no port inside.
  const authority = m[2]!;
  const at = authority.lastIndexOf('@');
  const hostPort = authority.slice(at + 1);
  const port = /:\d*$/.exec(hostPort)?.[0] ?? '';
  const host = authority.slice(0, at + 1).toLowerCase() + domainKey(hostPort.slice(0, hostPort.length - port.length)).replace(/^www\./, '') + port;
  let rest = m[3]!;
  const q = rest.indexOf('?');
  let pathPart = q >= 0 ? rest.slice(0, q) : rest;
  let query = q >= 0 ? rest.slice(q + 1) : '';
  query = query.split('&').filter((p) => p !== '' && !/^utm_/i.test(p)).join('&');
  pathPart = pathPart.replace(/\/+$/, '');
  rest = pathPart + (query ? '?' + query : '');
  return 'http://' + host + rest; // http and https name the same resource for this purpose
}
