import { toBase64 } from '../../../shared/evidence/bytes';
import { parseUnicodeRange, rangesCover, type CodePointRanges } from '../../../shared/domain/unicodeRange';

/**
 * An exported SVG made to draw its text as the app does on any computer: the font files (the app's
 * bundled @font-face slices) that draw its characters are written into it, as data URLs in a
 * <style> of its own. Without them a viewer draws the text in whatever fonts its computer has
 * (boxes for CJK or Arabic where it has none, other emoji). Only the slices its text needs are
 * embedded, each chosen as the browser chooses: the first face in `faces` whose unicode-range holds
 * the character. Text stays text: names stay searchable and exact.
 *
 * Only files saved from the app get the fonts (and an evidence bundle's figure files, written from the
 * pinned SVGs at export): the SVGs pinned to a case are printed into the report's page, whose own
 * faces must stay the only ones (report.css says why).
 */
export async function svgWithFonts(svg: string, faces: readonly string[]): Promise<string> {
  const slices = slicesFor(svgText(svg), faces, pageFontSlices());
  const rules = await Promise.all(slices.map(async (s) => {
    const response = await fetch(s.url);
    if (!response.ok) throw new Error(`the font file ${s.url} could not be read (HTTP ${response.status})`);
    const data = toBase64(new Uint8Array(await response.arrayBuffer()));
    return `@font-face{font-family:"${s.family}";font-style:normal;font-weight:${s.weight};unicode-range:${s.unicodeRange};src:url(data:${s.mime};base64,${data}) format("${s.format}")}`;
  }));
  if (rules.length === 0) return svg;
  const open = /<svg\b[^>]*>/.exec(svg);
  if (!open) throw new Error('not an SVG document');
  const at = open.index + open[0].length;
  return `${svg.slice(0, at)}\n<defs><style>/* The fonts this drawing's text is drawn in (Noto and Twemoji flags: SIL Open Font License, CC-BY 4.0). */\n${rules.join('\n')}</style></defs>${svg.slice(at)}`;
}

/** An @font-face rule of the page: one file, the code points it draws. */
interface FontSlice {
  family: string;
  weight: string;
  unicodeRange: string;
  ranges: CodePointRanges;
  url: string;
  mime: string;
  format: string;
}

/**
 * The characters an SVG draws: its character data, markup taken off and character references read.
 * Not by DOMParser, whose document would be checked against the page's CSP (style attributes).
 */
function svgText(svg: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return svg.replace(/<!--[\s\S]*?-->|<[^>]*>/g, ' ').replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (ref, name: string) =>
    name[0] === '#' ? String.fromCodePoint(parseInt(name[1] === 'x' || name[1] === 'X' ? name.slice(2) : name.slice(1), name[1] === 'x' || name[1] === 'X' ? 16 : 10)) : named[name] ?? ref);
}

/** The page's normal-style @font-face rules of weight 400 with a unicode-range and a woff2/woff file (the app's bundled slices). */
function pageFontSlices(): FontSlice[] {
  const slices: FontSlice[] = [];
  const visit = (rules: CSSRuleList, base: string) => {
    for (const rule of rules) {
      if (rule instanceof CSSImportRule && rule.styleSheet) visit(rule.styleSheet.cssRules, rule.styleSheet.href ?? base);
      if (!(rule instanceof CSSFontFaceRule)) continue;
      const style = rule.style;
      const family = style.getPropertyValue('font-family').trim().replace(/^(["'])(.*)\1$/, '$2');
      const weight = style.getPropertyValue('font-weight').trim() || '400';
      const unicodeRange = style.getPropertyValue('unicode-range').trim();
      const src = /url\((["']?)([^"')]+)\1\)\s*format\((["'])(woff2?)\3\)/.exec(style.getPropertyValue('src'));
      if (!unicodeRange || !src || !['normal', ''].includes(style.getPropertyValue('font-style').trim())) continue;
      if (!weight.split(/\s+/).some((w) => w === 'normal' || w === '400')) continue;
      slices.push({ family, weight: '400', unicodeRange, ranges: parseUnicodeRange(unicodeRange), url: new URL(src[2]!, base).href, mime: `font/${src[4]}`, format: src[4]! });
    }
  };
  for (const sheet of document.styleSheets) visit(sheet.cssRules, sheet.href ?? document.baseURI);
  return slices;
}

/** For each character drawn, the slice of the first face in `faces` that holds it; each slice once. */
function slicesFor(text: string, faces: readonly string[], slices: readonly FontSlice[]): FontSlice[] {
  const byFamily = faces.map((f) => slices.filter((s) => s.family === f));
  const chosen = new Set<FontSlice>();
  for (const ch of new Set(text)) {
    const cp = ch.codePointAt(0)!;
    if (cp <= 0x20) continue; // spaces and controls draw nothing
    for (const familySlices of byFamily) {
      const slice = familySlices.find((s) => rangesCover(s.ranges, cp));
      if (slice) {
        chosen.add(slice);
        break;
      }
    }
  }
  return slices.filter((s) => chosen.has(s));
}
