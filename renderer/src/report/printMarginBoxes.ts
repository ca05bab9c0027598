import type { ReportModel } from '../../../shared/report/reportModel';
import { fontFamily, REPORT_FACES } from '../styles/fontFaces';

/** A CSS string literal: quotes and backslashes escaped, line breaks flattened. */
const cssString = (s: string): string => `"${s.replace(/[\\"]/g, '\\$&').replace(/[\r\n]+/g, ' ')}"`;

/**
 * window.print() from the report page: the same header and footer as the PDF printers give
 * (signer fingerprint; case · bundle id · page x/y), as CSS page-margin boxes in a constructed
 * stylesheet (no inline <style>: the CSP forbids it) that exists only while the print dialog is open.
 */
export function printWithMarginBoxes(model: ReportModel): void {
  const sheet = new CSSStyleSheet();
  const box = `font-family: ${fontFamily(REPORT_FACES)}; font-size: 7pt; color: #333;`;
  sheet.replaceSync(
    `@page { margin: 16mm 14mm;` +
      ` @top-left { content: ${cssString(`Evidence report · ${model.software.name}`)}; ${box} }` +
      ` @top-right { content: ${cssString(`Signer key ${model.signer.fingerprint}`)}; ${box} }` +
      ` @bottom-left { content: ${cssString(`${model.caseId} · bundle ${model.bundleId}`)}; ${box} }` +
      ` @bottom-right { content: "page " counter(page) "/" counter(pages); ${box} }` +
      ` }`,
  );
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  try {
    window.print(); // blocks until the dialog closes
  } finally {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  }
}
