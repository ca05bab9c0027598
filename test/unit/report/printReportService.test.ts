import { describe, expect, it } from 'vitest';
import { createReportPrinter, pdfOptions, type PdfOptions } from '../../../main/services/printReport';

/** The main-process report printer over a recording fake window (the Electron adapter is typechecked only). */
describe('report:print service', () => {
  const request = { html: '<!doctype html><title>r</title><p>报告 تقرير</p>', pageSize: 'Letter' as const, headerTemplate: '<div>h</div>', footerTemplate: '<div>f</div>' };

  it('serves the report document once from app:// with the CSP, prints with the shared options, then forgets it and closes the window', async () => {
    const seen: { url?: string; served?: Response | null; options?: PdfOptions; closed: boolean } = { closed: false };
    const printer = createReportPrinter({
      openWindow: async (url) => {
        seen.url = url;
        seen.served = printer.serve({ url });
        return { fontsReady: async () => {}, printToPDF: async (o) => ((seen.options = o), new TextEncoder().encode('%PDF-1.7 fake')), close: () => void (seen.closed = true) };
      },
    });
    const pdf = await printer.print(request);
    expect(new TextDecoder().decode(pdf)).toBe('%PDF-1.7 fake');
    expect(seen.url).toMatch(/^app:\/\/workbench\/__report\/[0-9a-f-]{36}\.html$/);
    expect(seen.served!.status).toBe(200);
    expect(seen.served!.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(seen.served!.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await seen.served!.text()).toBe(request.html);
    expect(seen.options).toEqual(pdfOptions(request));
    expect(seen.options).toMatchObject({ pageSize: 'Letter', printBackground: true, displayHeaderFooter: true, generateTaggedPDF: true, generateDocumentOutline: true, headerTemplate: '<div>h</div>', footerTemplate: '<div>f</div>' });
    expect(seen.options!.margins.top).toBeCloseTo(16 / 25.4, 6);
    expect(seen.closed).toBe(true);
    expect(printer.serve({ url: seen.url! })!.status).toBe(404); // gone after printing
  });

  it('leaves other app:// paths to the app handler and refuses other origins', () => {
    const printer = createReportPrinter({ openWindow: async () => { throw new Error('unused'); } });
    expect(printer.serve({ url: 'app://workbench/index.html' })).toBeNull();
    expect(printer.serve({ url: 'app://other/__report/x.html' })).toBeNull();
    expect(printer.serve({ url: 'app://workbench/__report/unknown.html' })!.status).toBe(404);
  });

  it('closes the window and forgets the document when printing fails', async () => {
    let closed = false;
    let url = '';
    const printer = createReportPrinter({
      openWindow: async (u) => ((url = u), { fontsReady: async () => {}, printToPDF: async () => { throw new Error('printing failed'); }, close: () => void (closed = true) }),
    });
    await expect(printer.print(request)).rejects.toThrow('printing failed');
    expect(closed).toBe(true);
    expect(printer.serve({ url })!.status).toBe(404);
  });

  it('prints one report at a time (the second window opens once the first is closed), and gives up on fonts that never load, closing the window', async () => {
    const events: string[] = [];
    let opened = 0;
    const printer = createReportPrinter({
      fontsTimeoutMs: 50,
      openWindow: async () => {
        const which = String(++opened);
        events.push(`open ${which}`);
        return {
          fontsReady: () => (which === '1' ? new Promise<void>((r) => setTimeout(r, 30)) : new Promise<void>(() => {})),
          printToPDF: async () => (events.push(`print ${which}`), new Uint8Array([1])),
          close: () => void events.push(`close ${which}`),
        };
      },
    });
    const results = await Promise.allSettled([printer.print(request), printer.print(request)]);
    expect(events).toEqual(['open 1', 'print 1', 'close 1', 'open 2', 'close 2']);
    expect(results[0].status).toBe('fulfilled');
    expect((results[1] as PromiseRejectedResult).reason.message).toBe("the report's fonts did not load within 0.05 s: not printed");
    // The queue goes on after a failure (this third window's fonts never load either).
    await expect(printer.print(request)).rejects.toThrow(/fonts did not load/);
    expect(events.slice(5)).toEqual(['open 3', 'close 3']);
  });
});
