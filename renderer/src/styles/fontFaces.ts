/**
 * The faces text is drawn with, in fallback order: the app (styles/app.css), its network labels and
 * chart exports, and the evidence report (report/report.css, printed margin boxes). Every face is a
 * bundled file (main.tsx and report.css import them) that loads only when its script is on the page
 * (unicode-range): no text is drawn from the network or from whatever fonts the computer has. The
 * two stylesheets hold these lists as custom properties; test/unit/styles/fontFaces.test.ts checks
 * that they agree and that every face named is imported.
 */

/** Scripts the app and the report set in the same faces. */
const SCRIPT_FACES = [
  'Noto Sans Hebrew',
  // South, Southeast and Central Asia.
  'Noto Sans Thai', 'Noto Sans Lao', 'Noto Sans Bengali', 'Noto Sans Tamil', 'Noto Sans Telugu', 'Noto Sans Kannada',
  'Noto Sans Malayalam', 'Noto Sans Gujarati', 'Noto Sans Gurmukhi', 'Noto Sans Oriya', 'Noto Sans Myanmar',
  'Noto Sans Khmer', 'Noto Sans Sinhala', 'Noto Serif Tibetan', 'Noto Sans Mongolian',
  // The Caucasus, Africa (Ethiopic, Tifinagh for Tamazight), the Maldives (Thaana) and Syriac.
  'Noto Sans Georgian', 'Noto Sans Armenian', 'Noto Sans Ethiopic', 'Noto Sans Tifinagh', 'Noto Sans Thaana', 'Noto Sans Syriac',
];

/**
 * The app's faces after Noto Sans (Latin, Greek, Cyrillic, Devanagari). Emoji come right after it:
 * flags in colour from DW Flags (styles/flagEmoji.css), the rest from the monochrome Noto Emoji (see
 * app.css), before Noto Sans SC, which also maps flags and some pictographs.
 */
export const APP_SCRIPT_FACES: readonly string[] = ['DW Flags', 'Noto Emoji', 'Noto Sans SC', 'Noto Sans KR', 'DW CJK Extension', 'Noto Sans Arabic', ...SCRIPT_FACES];

/** The report's faces: whole-file CJK and Vazirmatn for Arabic script, so pdftotext gives the text back (report.css says why). */
export const REPORT_FACES: readonly string[] = ['Noto Sans', 'DW Flags', 'Noto Emoji', 'DW Report CJK', 'DW Report KR', 'DW CJK Extension', 'Vazirmatn', ...SCRIPT_FACES];

/** A CSS font-family value, each face in `quote`. */
export const fontFamily = (faces: readonly string[], quote: '"' | "'" = '"'): string => [...faces.map((f) => quote + f + quote), 'sans-serif'].join(', ');

/** The faces of the app's drawings (canvases, network drawings, charts), in fallback order. */
export const APP_FACES: readonly string[] = ['Noto Sans', ...APP_SCRIPT_FACES];
/** The app's font stack for canvases and network drawings: Cytoscape accepts double quotes only. */
export const APP_FONT = fontFamily(APP_FACES);
/** The same for charts: ECharts writes it into SVG style attributes unescaped, so in single quotes. */
export const CHART_FONT = fontFamily(APP_FACES, "'");
