/**
 * An SVG figure's markup for inlining in the report page, or null when it must stay an <img>.
 * Inline, its text is drawn with the report's own fonts (an SVG loaded as an image cannot use the
 * page's @font-face, so CJK, Arabic and emoji labels fell back to whatever the system had, and the
 * PDF's text layer got wrong characters). Only our own drawings are expected here; anything that
 * could run, load or link (script, foreignObject, event handlers, external references, entities)
 * keeps the figure an image (a stylesheet too, but for ECharts' hover rules, dropped). Ids get the figure's prefix: two charts' clip paths must not collide.
 */
export function inlineSvg(dataUrl: string, prefix: string): string | null {
  const m = /^data:image\/svg\+xml;base64,([A-Za-z0-9+/]+=*)$/.exec(dataUrl);
  if (!m) return null;
  let svg: string;
  try {
    svg = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(atob(m[1]!), (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
  svg = svg.replace(/^\uFEFF?\s*<\?xml[^>]*\?>\s*/, '').trim();
  // ECharts adds a stylesheet of hover rules only (nothing to print; inline it would style the whole page).
  svg = svg.replace(/<style[^>]*>\s*<!\[CDATA\[((?:\s*\.[\w-]+:hover\s*\{[^{}<]*\})*)\s*\]\]>\s*<\/style>/g, '');
  if (!/^<svg[\s>]/.test(svg) || !svg.endsWith('</svg>')) return null;
  if (/<(script|foreignObject|iframe|object|embed|image|style|a)[\s>/]|<!|\son[a-z]+\s*=|javascript:|url\(\s*['"]?(?!#)|href\s*=\s*['"](?!#)/i.test(svg)) return null;
  return svg
    .replace(/\sid="([^"]+)"/g, (_, id: string) => ` id="${prefix}-${id}"`)
    .replace(/url\(\s*(['"]?)#([^)'"]+)\1\s*\)/g, (_, q: string, id: string) => `url(${q}#${prefix}-${id}${q})`)
    .replace(/(\s(?:xlink:)?href=")#([^"]+)"/g, (_, attr: string, id: string) => `${attr}#${prefix}-${id}"`);
}
