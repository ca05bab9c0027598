import { execFileSync } from 'node:child_process';
import { PDFDict, PDFName, PDFString, PDFDocument } from 'pdf-lib';

/**
 * Is a word of a PDF visibly drawn? poppler finds the word's box in the text layer
 * (`pdftotext -bbox`, points from the page's top left), renders just that box as a greyscale image
 * (`pdftoppm -gray -x -y -W -H`, PGM on stdout) and counts dark pixels. A glyph that is in the text
 * layer but draws nothing (a colour-font emoji whose outline is empty) has a box and no ink.
 */

export interface WordBox {
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Right-to-left letters: Hebrew, Arabic, Syriac, Thaana, N'Ko. */
export const RTL = /[\u0590-\u08FF]/;

/** Every box of `word` (exact match of one pdftotext word), with its 1-based page number. */
export function wordBoxes(file: string, word: string): WordBox[] {
  const html = execFileSync('pdftotext', ['-enc', 'UTF-8', '-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 256 << 20 });
  const boxes: WordBox[] = [];
  html.split(/<page\b/).slice(1).forEach((pageHtml, i) => {
    for (const m of pageHtml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      // pdftotext -bbox gives a right-to-left word's letters in the order drawn (reversed), and may wrap a run in embedding marks.
      const text = unescapeXml(m[5]!).replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '');
      if (text === word || (RTL.test(word) && text === [...word].reverse().join(''))) boxes.push({ page: i + 1, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]) });
    }
  });
  return boxes;
}

/** The box rendered by pdftoppm at `dpi`: one byte per pixel and channel (1 channel in grey, 3 in colour). */
function boxPixels(file: string, box: WordBox, dpi: number, channels: 1 | 3): { pixels: Uint8Array; max: number } {
  const px = (pt: number) => Math.round((pt * dpi) / 72);
  const x = px(box.xMin), y = px(box.yMin);
  const w = Math.max(1, px(box.xMax) - x), h = Math.max(1, px(box.yMax) - y);
  const image = execFileSync('pdftoppm', [...(channels === 1 ? ['-gray'] : []), '-r', String(dpi), '-f', String(box.page), '-l', String(box.page), '-x', String(x), '-y', String(y), '-W', String(w), '-H', String(h), file], {
    maxBuffer: 64 << 20,
  });
  // Binary PGM (P5) or PPM (P6): magic, width, height, maxval, one whitespace byte, then the pixels.
  const header = /^P[56]\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(image.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a binary PGM/PPM');
  const [, width, height, max] = header.map(Number) as [number, number, number, number];
  return { pixels: image.subarray(header[0].length, header[0].length + width * height * channels), max };
}

/** Share (0–1) of the box's pixels darker than mid-grey, rendered at `dpi`. */
export function inkShare(file: string, box: WordBox, dpi = 150): number {
  const { pixels, max } = boxPixels(file, box, dpi, 1);
  let dark = 0;
  for (const v of pixels) if (v < max / 2) dark++;
  return dark / pixels.length;
}

/** Share (0–1) of the box's pixels in a strong colour (channels more than 96 apart, as screenInk counts): a colour flag has many, black text none. */
export function colourShare(file: string, box: WordBox, dpi = 150): number {
  const { pixels } = boxPixels(file, box, dpi, 3);
  let coloured = 0;
  for (let i = 0; i + 2 < pixels.length; i += 3) {
    const [r, g, b] = [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!];
    if (Math.max(r, g, b) - Math.min(r, g, b) > 96) coloured++;
  }
  return coloured / (pixels.length / 3);
}

/** The font families (FontDescriptor /FontFamily) of a PDF's Type 3 fonts, each once: Chromium prints colour glyphs as Type 3. */
export async function type3FontFamilies(pdf: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const families = new Set<string>();
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Subtype')) !== PDFName.of('Type3')) continue;
    const family = obj.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict)?.get(PDFName.of('FontFamily'));
    families.add(family instanceof PDFString ? family.decodeText() : String(family));
  }
  return [...families].sort();
}
