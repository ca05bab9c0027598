/**
 * 'report:print': the report HTML → PDF in the main process. The HTML is served once from an
 * in-memory document under app://workbench/__report/<token>.html (same origin as the app, so the
 * report stylesheet and the bundled fonts load; same CSP), a hidden window with the secure web
 * preferences loads it, waits for its fonts, and Chromium prints it with the shared options
 * (shared/report/printTemplates.ts). Electron stays behind the `openWindow` port, so Node tests
 * run this file; printReportWindow.ts is the Electron adapter.
 */
import { randomUUID } from 'node:crypto';
import type { ReportPrintRequest } from '../../shared/api/hostApi';
import { APP_ORIGIN } from '../../shared/appIdentity';
import { PRINT_MARGINS, mmToInches } from '../../shared/report/printTemplates';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/contentSecurityPolicy';

/** Electron's printToPDF options (margins in inches). */
export interface PdfOptions {
  pageSize: 'A4' | 'Letter';
  printBackground: true;
  displayHeaderFooter: true;
  headerTemplate: string;
  footerTemplate: string;
  margins: { top: number; bottom: number; left: number; right: number };
  generateTaggedPDF: true;
  generateDocumentOutline: true;
  preferCSSPageSize: false;
}

export interface PrintWindow {
  /** Resolves when the page's web fonts have loaded (document.fonts.ready). */
  fontsReady(): Promise<void>;
  printToPDF(options: PdfOptions): Promise<Uint8Array>;
  close(): void;
}

export interface PrintReportPorts {
  openWindow(url: string): Promise<PrintWindow>;
  /** How long a report's fonts may take to load (default FONTS_TIMEOUT_MS). */
  fontsTimeoutMs?: number;
}

/** The bundled fonts load from app:// in well under a second; one that never comes must not hold a hidden window (and the document) for ever. */
export const FONTS_TIMEOUT_MS = 120_000;

export const REPORT_DOC_PREFIX = '/__report/';

export function pdfOptions(req: ReportPrintRequest): PdfOptions {
  return {
    pageSize: req.pageSize,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: req.headerTemplate,
    footerTemplate: req.footerTemplate,
    margins: {
      top: mmToInches(PRINT_MARGINS.top),
      bottom: mmToInches(PRINT_MARGINS.bottom),
      left: mmToInches(PRINT_MARGINS.left),
      right: mmToInches(PRINT_MARGINS.right),
    },
    generateTaggedPDF: true,
    generateDocumentOutline: true,
    preferCSSPageSize: false,
  };
}

export function createReportPrinter(ports: PrintReportPorts) {
  const documents = new Map<string, string>();
  /** Reports print one at a time: each holds a hidden window and its document (up to 256 M characters). */
  let queue: Promise<unknown> = Promise.resolve();
  const fontsTimeout = ports.fontsTimeoutMs ?? FONTS_TIMEOUT_MS;
  return {
    /** For the app:// protocol handler: the pending report document, or null for any other URL. */
    serve(request: { url: string }): Response | null {
      const url = new URL(request.url);
      // URL.origin is "null" for a non-special scheme outside Electron: compare protocol and host.
      if (`${url.protocol}//${url.host}` !== APP_ORIGIN || !url.pathname.startsWith(REPORT_DOC_PREFIX)) return null;
      const html = documents.get(url.pathname.slice(REPORT_DOC_PREFIX.length));
      if (html === undefined) return new Response('Not found', { status: 404 });
      return new Response(html, {
        status: 200,
        headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' },
      });
    },
    print(req: ReportPrintRequest): Promise<Uint8Array> {
      const printed = queue.then(async () => {
        const name = `${randomUUID()}.html`;
        documents.set(name, req.html);
        let window: PrintWindow | undefined;
        let timer: ReturnType<typeof setTimeout> | undefined;
        try {
          window = await ports.openWindow(`${APP_ORIGIN}${REPORT_DOC_PREFIX}${name}`);
          await Promise.race([
            window.fontsReady(),
            new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`the report's fonts did not load within ${fontsTimeout / 1000} s: not printed`)), fontsTimeout))),
          ]);
          return new Uint8Array(await window.printToPDF(pdfOptions(req)));
        } finally {
          clearTimeout(timer);
          documents.delete(name);
          window?.close();
        }
      });
      queue = printed.catch(() => {});
      return printed;
    },
  };
}
