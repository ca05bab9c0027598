import { decodePDFRawStream, PDFArray, PDFName, PDFRawStream, PDFRef, type PDFDocument } from 'pdf-lib';
import { binaryString } from '../evidence/bytes';

/**
 * Chromium marks each Arabic glyph of a printed page with its text (/ActualText, UTF-16). For a
 * glyph that stands for several characters (the lam-alef ligature لا, Allah الله, a letter with its
 * vowel mark) poppler's pdftotext takes those characters in order and then reverses the whole
 * right-to-left word, theirs included: 'لا' came back as 'ال', 'السلام' as 'السالم', 'الله' as
 * 'هللا'. Written reversed, they come back in logical order, so the text layer returns every cited
 * word exactly. (A single character needs nothing; text in other scripts is left alone.)
 * Returns how many ActualText strings were rewritten.
 */
export function fixRtlActualText(doc: PDFDocument): number {
  let fixed = 0;
  const done = new Set<string>();
  for (const page of doc.getPages()) {
    const contents = page.node.get(PDFName.of('Contents'));
    const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
    for (const ref of refs) {
      if (!(ref instanceof PDFRef) || done.has(ref.toString())) continue;
      done.add(ref.toString());
      const stream = doc.context.lookup(ref);
      if (!(stream instanceof PDFRawStream)) continue;
      const text = binaryString(decodePDFRawStream(stream).decode());
      if (!text.includes('/ActualText')) continue;
      let n = 0;
      const out = text.replace(/\/ActualText\s*<([0-9A-Fa-f]+)>/g, (whole, hex: string) => {
        const reversed = reversedRtlCluster(utf16(hex));
        if (reversed === null) return whole;
        n++;
        return `/ActualText <${toHex(reversed)}>`;
      });
      if (!n) continue;
      doc.context.assign(ref, doc.context.flateStream(out));
      fixed += n;
    }
  }
  return fixed;
}

const RTL = /^[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]$/u;

/** A glyph's text of two or more right-to-left characters, reversed (a leading BOM kept); else null. */
export function reversedRtlCluster(s: string): string | null {
  const bom = s.startsWith('\uFEFF') ? '\uFEFF' : '';
  const chars = [...s.slice(bom.length)];
  if (chars.length < 2 || !chars.every((c) => RTL.test(c))) return null;
  return bom + chars.reverse().join('');
}

const utf16 = (hex: string): string => {
  let s = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) s += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return s;
};
const toHex = (s: string): string => Array.from({ length: s.length }, (_, i) => s.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')).join('');
