import { decode } from 'punycode/punycode.es6.js';

/**
 * A host as domains are compared and counted: WHATWG URL's hostname, so an internationalised name
 * meets whether it was written in Unicode (`مثال.شبكة`) or as Punycode (`xn--mgbh0fb.xn--ngbc5azd`),
 * in lower case. An ASCII host is only lower-cased (what URL would do), without building a URL per
 * row; a host URL refuses is kept, lower-cased. Shown nowhere: views show a host as published
 * (otherDomainForm gives the other form).
 */
export function domainKey(host: string): string {
  if (!NEEDS_URL.test(host)) return host.toLowerCase();
  let key = keys.get(host);
  if (key === undefined) {
    try {
      key = new URL(`http://${host}/`).hostname;
    } catch {
      key = host.toLowerCase();
    }
    if (keys.size > 10_000) keys.clear();
    keys.set(host, key);
  }
  return key;
}

const NON_ASCII = /[^\u0000-\u007f]/;
// A host URL would change beyond its case: non-ASCII, or percent-encoded (`%D9%85...` is the Unicode name).
const NEEDS_URL = /[^\u0000-\u007f]|%/;
const keys = new Map<string, string>();

/**
 * The host's other form, to show beside the published one: the Punycode of a Unicode name, the
 * Unicode of a Punycode one; undefined when there is none (an ASCII name, or Punycode that does not
 * decode to a name with that key).
 */
export function otherDomainForm(host: string): string | undefined {
  const key = domainKey(host);
  if (NON_ASCII.test(host)) return key === host.toLowerCase() ? undefined : key;
  if (!key.split('.').some((l) => l.startsWith('xn--'))) return undefined;
  const labels = key.split('.').map((l) => (l.startsWith('xn--') ? decodeLabel(l.slice(4)) : l));
  if (labels.some((l) => l === undefined)) return undefined;
  const unicode = labels.join('.');
  return domainKey(unicode) === key ? unicode : undefined;
}

/** A Punycode label (without its `xn--`) in Unicode, or undefined when it is not valid Punycode (WHATWG URL only encodes). */
export function decodeLabel(label: string): string | undefined {
  try {
    return decode(label);
  } catch {
    return undefined;
  }
}
