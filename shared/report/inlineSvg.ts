/**
 * An SVG figure's markup for inlining in the report page, or null when it must stay an <img>.
 * Inline, its text is drawn with the report's own fonts (an SVG loaded as an image cannot use the
 * page's @font-face, so CJK, Arabic and emoji labels fell back to whatever the system had, and the
 * PDF's text layer got wrong characters).
 *
 * The figure comes from a pin in the database, so it is not trusted: it is read as XML by the small
 * tokenizer below and written out again from an allow-list of drawing elements and presentation
 * attributes, values escaped. Anything else (an element or attribute off the list, a reference that
 * is not to an id inside the figure, markup the tokenizer does not read: comments, CDATA, doctype,
 * entities beyond the XML five and character references) keeps the figure an <img>, which can
 * neither run, load nor link. ECharts' stylesheet of hover rules is dropped, and its `style`
 * attributes become the presentation attributes they hold (the page's CSP refuses inline styles).
 * Ids get the figure's prefix: two charts' clip paths must not collide.
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
  // ECharts adds a stylesheet of hover rules only (nothing to print).
  svg = svg.replace(/<style[^>]*>\s*<!\[CDATA\[((?:\s*\.[\w-]+:hover\s*\{[^{}<]*\})*)\s*\]\]>\s*<\/style>/g, '');
  try {
    return rewrite(svg, prefix);
  } catch {
    return null;
  }
}

const ELEMENTS = new Set(['svg', 'g', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'tspan', 'defs', 'clipPath', 'linearGradient', 'radialGradient', 'stop', 'title', 'desc']);

const ATTRIBUTES = new Set([
  'xmlns', 'version', 'baseProfile', 'width', 'height', 'viewBox', 'preserveAspectRatio', 'id', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry',
  'dx', 'dy', 'd', 'points', 'transform', 'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-linecap',
  'stroke-linejoin', 'stroke-dasharray', 'stroke-dashoffset', 'stroke-miterlimit', 'opacity', 'clip-path', 'clip-rule', 'font-size', 'font-family',
  'font-weight', 'font-style', 'text-anchor', 'dominant-baseline', 'alignment-baseline', 'unicode-bidi', 'direction', 'xml:space', 'offset',
  'stop-color', 'stop-opacity', 'gradientUnits', 'gradientTransform', 'clipPathUnits', 'paint-order', 'visibility', 'display', 'letter-spacing',
]);

/** Attributes left out without refusing the figure: they only serve interaction or the lost stylesheet. */
const DROPPED = new Set(['class', 'pointer-events', 'cursor', 'xmlns:xlink']);

/**
 * A value may point only at an id inside the figure: url(#id). No other url(), no escapes, no scheme,
 * no numeric character references (the XML five named ones only: the network figure quotes its fonts).
 */
function safeValue(v: string): boolean {
  return !/[\\<>]|&(?!(amp|lt|gt|quot|apos);)|javascript:|expression\s*\(/i.test(v) && ![...v.matchAll(/url\s*\(([^)]*)\)/gi)].some((u) => !/^\s*['"]?#[\w.-]+['"]?\s*$/.test(u[1]!));
}

const TOKEN = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[A-Za-z_:][\w:.-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/y;
const ATTRIBUTE = /([A-Za-z_:][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const TEXT_OK = /^(?:[^&<>]|&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);|>)*$/;

/** Reads the SVG and writes it again from the allow-lists; throws on anything else. */
function rewrite(svg: string, prefix: string): string {
  const out: string[] = [];
  const open: string[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < svg.length) {
    TOKEN.lastIndex = pos;
    const t = TOKEN.exec(svg);
    if (!t) throw new Error(`unreadable at ${pos}`);
    pos = TOKEN.lastIndex;
    const [, closing, name, attrs, selfClosing, text] = t;
    if (text !== undefined) {
      if (!open.length && text.trim()) throw new Error('text outside the figure');
      if (!TEXT_OK.test(text)) throw new Error('text with markup');
      out.push(text.replace(/>/g, '&gt;'));
      continue;
    }
    if (!ELEMENTS.has(name!)) throw new Error(`element ${name}`);
    if (closing) {
      if (attrs || selfClosing || open.pop() !== name) throw new Error(`unbalanced ${name}`);
      out.push(`</${name}>`);
      if (!open.length && svg.slice(pos).trim()) throw new Error('content after the figure');
      continue;
    }
    if (!open.length && (name !== 'svg' || out.length)) throw new Error('not one svg element');
    out.push(`<${name}${attributes(attrs ?? '', prefix)}${selfClosing ? '/' : ''}>`);
    if (!selfClosing) open.push(name!);
  }
  if (open.length || !out.length) throw new Error('unclosed');
  return out.join('');
}

function attributes(text: string, prefix: string): string {
  const kept = new Map<string, string>();
  for (const [, name, dq, sq] of text.matchAll(ATTRIBUTE)) {
    const value = dq ?? sq ?? '';
    if (name === 'style') {
      // font-size:12px;font-family:… → presentation attributes (CSS text, so only plain declarations).
      for (const decl of value.split(';')) {
        const [k, ...rest] = decl.split(':');
        const key = k?.trim() ?? '';
        const v = rest.join(':').trim();
        if (!key) continue;
        if (!ATTRIBUTES.has(key) || !safeValue(v)) throw new Error(`style ${key}`);
        kept.set(key, v);
      }
      continue;
    }
    if (DROPPED.has(name!) || name!.startsWith('ecmeta_')) continue; // ecmeta_*: ECharts' record of the series behind a shape
    if (!ATTRIBUTES.has(name!) || !safeValue(value)) throw new Error(`attribute ${name}`);
    kept.set(name!, value);
  }
  return [...kept]
    .map(([k, v]) => {
      const prefixed = k === 'id' ? `${prefix}-${v}` : v.replace(/url\(\s*(['"]?)#([\w.-]+)\1\s*\)/g, (_, _q: string, id: string) => `url(#${prefix}-${id})`);
      return ` ${k}="${prefixed.replace(/"/g, '&quot;').replace(/</g, '&lt;')}"`;
    })
    .join('');
}
