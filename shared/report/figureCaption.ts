/**
 * A figure's caption drawn as a band under the drawing (an SVG chart or network), and taken off
 * again. The saved or pinned SVG carries its caption, so the file alone (an export, the bundle's
 * data/derived/figures/…) says what it shows. The report prints the caption as text in its
 * <figcaption> (searchable, selectable) and draws the figure without the band: it is said once.
 * The band is one marked group at the end of the SVG, `<g id="figure-caption">`, its first element
 * a white rect spanning the band; withoutCaptionBand finds exactly that and nothing else.
 */
import { xmlAttr, xmlText } from '../graph/export/xmlText';

const ID = 'figure-caption';
const PAD_X = 16;
const PAD_Y = 8;
const FONT_SIZE = 12;
const LINE = 16;

const ROOT = /<svg\b[^>]*>/;
const BAND = new RegExp(`<g id="${ID}"[^>]*><rect x="0" y="([\\d.]+)" width="[\\d.]+" height="([\\d.]+)" fill="#ffffff"/>(?:<text [^>]*>[^<]*</text>)*</g>\\s*(?=</svg>\\s*$)`);

/** Words to lines of at most `width` characters (a longer word stays whole on its own line). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if ((line + ' ' + word).length > width && line) {
      lines.push(line);
      line = word;
    } else line = line ? line + ' ' + word : word;
  }
  if (line) lines.push(line);
  return lines;
}

const num = (x: number): string => (Math.round(x * 10) / 10).toString();

/** The root element's width and height, from its viewBox "0 0 w h" (the exporters write one). */
function rootSize(svg: string): { w: number; h: number } | null {
  const m = /\bviewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(ROOT.exec(svg)?.[0] ?? '');
  return m ? { w: Number(m[1]), h: Number(m[2]) } : null;
}

/** The root's width, height and viewBox set to `w` × `h`. */
function withRootSize(svg: string, w: number, h: number): string {
  return svg.replace(ROOT, (tag) =>
    tag.replace(/\bwidth="[\d.]+"/, `width="${num(w)}"`).replace(/\bheight="[\d.]+"/, `height="${num(h)}"`).replace(/\bviewBox="0 0 [\d.]+ [\d.]+"/, `viewBox="0 0 ${num(w)} ${num(h)}"`),
  );
}

/** A band at least this wide: under a narrow drawing (a small filtered network) the caption would wrap to a column of a few words a line. */
const MIN_BAND_WIDTH = 480;

/** `svg` made taller by a band holding `caption` (wrapped to the width); unchanged if its root has no viewBox "0 0 w h" or the caption is empty. */
export function withCaptionBand(svg: string, caption: string, fontFamily: string): string {
  const size = rootSize(svg);
  const end = svg.lastIndexOf('</svg>');
  if (!size || end < 0 || !caption.trim()) return svg;
  // The figure grows to the band's width if narrower; the band says how wide the drawing was, to be taken off again.
  const w = Math.max(size.w, MIN_BAND_WIDTH);
  const lines = wrapWords(caption, Math.max(20, Math.floor(w / 8)));
  const band = 2 * PAD_Y + lines.length * LINE;
  const texts = lines.map((l, i) => `<text x="${PAD_X}" y="${num(size.h + PAD_Y + FONT_SIZE + i * LINE)}">${xmlText(l)}</text>`).join('');
  const group =
    `<g id="${ID}"${w > size.w ? ` data-drawing-width="${num(size.w)}"` : ''} font-family="${xmlAttr(fontFamily)}" font-size="${FONT_SIZE}" fill="#333">` +
    `<rect x="0" y="${num(size.h)}" width="${num(w)}" height="${band}" fill="#ffffff"/>${texts}</g>\n`;
  return withRootSize(svg.slice(0, end), w, size.h + band) + group + svg.slice(end);
}

/** `svg` without the band withCaptionBand added (and that much shorter); any other SVG unchanged. */
export function withoutCaptionBand(svg: string): string {
  const size = rootSize(svg);
  const m = BAND.exec(svg);
  if (!size || !m || Math.abs(Number(m[1]) + Number(m[2]) - size.h) > 0.2) return svg;
  const drawingWidth = /^<g id="[^"]*" data-drawing-width="([\d.]+)"/.exec(m[0])?.[1];
  return withRootSize(svg.slice(0, m.index) + svg.slice(m.index + m[0].length), drawingWidth ? Number(drawingWidth) : size.w, Number(m[1]));
}
