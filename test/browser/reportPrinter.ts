/**
 * A report printer for the app in plain Chromium (renderer/src/host/browserHost.ts,
 * automationReportPrinter): the browser host cannot print a page to a PDF, so automation hands it
 * Playwright's page.pdf(), the engine of Electron's printToPDF. As main/services/printReport.ts
 * does in Electron, the report HTML is served once from the app's own origin (/__report/<n>.html:
 * its stylesheet and bundled fonts load, under the app's CSP), its fonts are awaited, and it is
 * printed with the options report.spec.ts prints with (shared/report/printTemplates.ts).
 * With it installed, the Cases page's Export bundle prints, signs and adds the evidence PDF as the
 * desktop app does.
 */
import type { BrowserContext } from '@playwright/test';
import type { ReportPrintRequest } from '../../shared/api/hostApi';
import { PRINT_MARGINS } from '../../shared/report/printTemplates';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/contentSecurityPolicy';

export async function installReportPrinter(context: BrowserContext, baseUrl: string, timeout = 180_000): Promise<void> {
  let n = 0;
  await context.exposeBinding('__dwPrintReport', async (_source, req: ReportPrintRequest) => {
    const url = new URL(`__report/${++n}.html`, baseUrl).href;
    const page = await context.newPage();
    try {
      await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY }, body: req.html }));
      await page.goto(url, { timeout });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const pdf = await page.pdf({
        format: req.pageSize,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: req.headerTemplate,
        footerTemplate: req.footerTemplate,
        margin: PRINT_MARGINS,
        tagged: true,
        outline: true,
      });
      return pdf.toString('base64');
    } finally {
      await page.close();
    }
  });
}
