/** Host of a URL, lower-cased, without "www."; '' when it has none. Hand-rolled: URL() per row is slow and throws. */
export function urlDomain(url: string): string {
  const s = url.indexOf('://');
  if (s <= 0) return '';
  let e = s + 3;
  while (e < url.length) {
    const c = url.charCodeAt(e);
    if (c === 47 /* / */ || c === 63 /* ? */ || c === 35 /* # */ || c === 58 /* : */ || c <= 32) break;
    e++;
  }
  const host = url.slice(s + 3, e).toLowerCase();
  const at = host.lastIndexOf('@');
  const h = at >= 0 ? host.slice(at + 1) : host;
  return h.startsWith('www.') ? h.slice(4) : h;
}
