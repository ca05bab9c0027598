/**
 * Chromium's header/footer templates for printToPDF (Electron) and page.pdf (Playwright): the same
 * engine, the same options. Chromium fills elements of class pageNumber/totalPages. The templates
 * are rendered outside the page, so they carry their own (inline) styles and an explicit font size.
 * Every page shows: case · bundle id · page x/y, and the signer key fingerprint.
 */
import { escapeHtml as e } from './escapeHtml';
import type { ReportModel } from './reportModel';

const BOX = 'font-family:Noto Sans,DejaVu Sans,Liberation Sans,Arial,sans-serif;font-size:7px;color:#333;width:100%;margin:0 12mm;display:flex;justify-content:space-between;gap:8px;';

export function headerTemplate(m: ReportModel): string {
  return `<div style="${BOX}"><span>Evidence report · ${e(m.software.name)}</span><span>Signer key ${e(m.signer.fingerprint)}</span></div>`;
}

export function footerTemplate(m: ReportModel): string {
  return (
    `<div style="${BOX}"><span>${e(m.caseId)} · bundle ${e(m.bundleId)}</span>` +
    `<span>page <span class="pageNumber"></span>/<span class="totalPages"></span></span></div>`
  );
}

/** Margins leave room for the header and footer. */
export const PRINT_MARGINS = { top: '16mm', bottom: '16mm', left: '14mm', right: '14mm' } as const;

export const mmToInches = (mm: string): number => Number.parseFloat(mm) / 25.4;
