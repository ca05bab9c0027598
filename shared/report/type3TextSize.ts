import { PDFArray, PDFDict, PDFName, PDFNumber, type PDFDocument } from 'pdf-lib';

/**
 * Chromium prints a colour glyph (a flag from the DW Flags face) as a Type 3 font. A Type 3 font
 * does not say how large its text is, so poppler's pdftotext guesses from the width of its glyph
 * named "m" (taken as 0.6 em), else of any glyph (taken as 0.5 em): Chromium's flag glyph is 1 em
 * wide and names no letter, so a flag was read as text of twice the size of the words around it and
 * set apart from them, on lines of its own after its paragraph ("Tehran 🇮🇷 and" came back as
 * "Tehran and" and, further down, "🇮🇷"). Each Type 3 font gets one more code, never drawn, named
 * "m" and 0.6 em wide, so the guess is the size the text was set at and every flag stays in its
 * line. Returns how many fonts were given it.
 */
export function fixType3TextSize(doc: PDFDocument): number {
  let fixed = 0;
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Subtype')) !== PDFName.of('Type3')) continue;
    const matrix = obj.lookupMaybe(PDFName.of('FontMatrix'), PDFArray);
    const widths = obj.lookupMaybe(PDFName.of('Widths'), PDFArray);
    const encoding = obj.lookupMaybe(PDFName.of('Encoding'), PDFDict);
    const differences = encoding?.lookupMaybe(PDFName.of('Differences'), PDFArray);
    const first = obj.lookupMaybe(PDFName.of('FirstChar'), PDFNumber)?.asNumber();
    const last = obj.lookupMaybe(PDFName.of('LastChar'), PDFNumber)?.asNumber();
    const yScale = Math.abs(matrix?.lookupMaybe(3, PDFNumber)?.asNumber() ?? 0);
    if (!widths || !differences || first === undefined || last === undefined || last >= 255 || widths.size() !== last - first + 1 || !yScale) continue;
    if (differences.asArray().some((d) => d === PDFName.of('m'))) continue;
    // poppler: size = Tf size × (width of "m" × FontMatrix x scale / 0.6) × |FontMatrix y / x scale|, which is the Tf size for this width.
    widths.push(PDFNumber.of(0.6 / yScale));
    differences.push(PDFNumber.of(last + 1));
    differences.push(PDFName.of('m'));
    obj.set(PDFName.of('LastChar'), PDFNumber.of(last + 1));
    fixed++;
  }
  return fixed;
}
