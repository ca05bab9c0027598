import { EGRESS_NOT_MEASURED, type HostApi, type ReportPrintRequest, type SaveRequest } from '../../../shared/api/hostApi';
import { APP_NAME } from '../../../shared/appIdentity';
import { appVersion } from '../app/version';
import { createBrowserKeyStore } from '../keys/browserKeyStore';
import { db } from '../store/database';

/**
 * The report printer that automation driving this page in real Chromium installed as
 * `__dwPrintReport` (Playwright's exposeBinding; `npm run demo:bundle`): Chromium's page.pdf(), the
 * engine of Electron's printToPDF, with the same options; it answers the PDF in base64. A person's
 * browser has none: there the bundle is written without its report.
 */
function automationReportPrinter(): ((req: ReportPrintRequest) => Promise<string>) | undefined {
  const print = (globalThis as { __dwPrintReport?: unknown }).__dwPrintReport;
  return typeof print === 'function' ? (print as (req: ReportPrintRequest) => Promise<string>) : undefined;
}

function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * The host API implemented with web APIs, so the same renderer build runs in plain Chromium
 * (`npm run start:web`, browser tests). A save is collected and handed over as one download
 * (the Electron host streams saves to disk instead).
 */
export function createBrowserHost(): HostApi {
  const saves = new Map<string, { request: SaveRequest; chunks: Uint8Array[]; bytes: number }>();
  let next = 0;
  const keys = createBrowserKeyStore(() => db);
  return {
    'app:info': async () => ({
      name: APP_NAME,
      version: appVersion,
      host: 'browser',
      dataLocation: `this browser profile's IndexedDB for ${location.origin}`,
      platform: navigator.platform,
      printsReport: automationReportPrinter() !== undefined,
    }),
    // In a browser the page cannot see blocked requests (the browser tests record them instead): the log says so.
    'egress:log': async () => ({ blockedRequests: null, urls: [], note: EGRESS_NOT_MEASURED }),
    'egress:cspViolation': async () => {},
    // A best effort: the origin's quota left, not the disk's free space (hostApi.ts, StorageSpaceSchema).
    'storage:space': async () => {
      try {
        const { quota, usage } = await navigator.storage.estimate();
        return { freeBytes: quota === undefined ? null : Math.max(0, quota - (usage ?? 0)), source: 'browser-quota' };
      } catch {
        return { freeBytes: null, source: 'browser-quota' };
      }
    },
    'save:begin': async (request) => {
      const id = `save-${++next}`;
      saves.set(id, { request, chunks: [], bytes: 0 });
      return { id };
    },
    'save:write': async (id, chunk) => {
      const save = saves.get(id);
      if (!save) throw new Error(`No open save with id ${id}`);
      save.chunks.push(chunk.slice());
      save.bytes += chunk.byteLength;
    },
    'save:end': async (id) => {
      const save = saves.get(id);
      if (!save) throw new Error(`No open save with id ${id}`);
      saves.delete(id);
      const url = URL.createObjectURL(new Blob(save.chunks as BlobPart[], { type: save.request.mimeType }));
      const a = document.createElement('a');
      a.href = url;
      a.download = save.request.suggestedName;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return { path: save.request.suggestedName, bytes: save.bytes };
    },
    'save:abort': async (id) => {
      saves.delete(id);
    },
    // Analyst key: passphrase-sealed in IndexedDB (renderer/src/keys); the seed never leaves it.
    'keys:status': () => keys.status(),
    'keys:create': (req) => keys.create(req),
    'keys:import': (req) => keys.importKey(req),
    'keys:sign': (req) => keys.sign(req),
    'keys:reportCertificate': (req) => keys.reportCertificate(req),
    'keys:signReport': (req) => keys.signReport(req),
    'keys:rotate': (req) => keys.rotate(req),
    'keys:exportPublic': () => keys.exportPublic(),
    // A page cannot print itself to a PDF file: the user prints the report view with window.print().
    // Automation driving real Chromium may hand the page a printer (automationReportPrinter).
    'report:print': async (req) => {
      const print = automationReportPrinter();
      if (!print) throw new Error('Saving the report as PDF needs the desktop app; in the browser, open the report and use Print (Save as PDF).');
      return base64ToBytes(await print(req));
    },
  };
}
