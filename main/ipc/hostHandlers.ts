import type { AppInfo, ChannelArgs, ChannelName, ChannelResult, EgressLog, KeyStatus, PublicKeyExport, ReportPrintRequest, StorageSpace } from '../../shared/api/hostApi';
import { cspViolationIsRequest } from '../security/egressGuard';
import type { SaveFileService } from '../services/saveFileService';

export type HostHandlers = { [C in ChannelName]: (...args: ChannelArgs<C>) => Promise<ChannelResult<C>> };

export interface HostServices {
  appInfo: () => AppInfo;
  egressLog: () => EgressLog;
  /** Count a request refused in the page (by its CSP) as blocked. */
  egressBlocked: (url: string) => void;
  saves: SaveFileService;
  /** Free space on the disk holding the app's data (main/services/storageSpace); absent → unknown (null). */
  storageSpace?: () => Promise<StorageSpace>;
  /** Analyst key custody (main/services/keys); absent → the key channels refuse with a message. */
  keys?: KeyCustody;
  /** Report HTML → PDF (main/services/printReport); absent → 'report:print' refuses. */
  printReport?: (request: ReportPrintRequest) => Promise<Uint8Array>;
}

/** What the 'keys:*' channels need from the main-process key service; the private key stays there. */
export interface KeyCustody {
  status(): Promise<KeyStatus>;
  create(req: { principal: string; passphrase?: string }): Promise<KeyStatus>;
  importKey(req: { privateKey: string; principal?: string; passphrase?: string }): Promise<KeyStatus>;
  /** Raw Ed25519 signature over an evidence message (signingPolicy.ts). */
  sign(req: { message: Uint8Array; preimage?: Uint8Array; passphrase?: string }): Promise<Uint8Array>;
  /** The report-signing key's certificate and its signature over a report's CMS signed attributes (pdfSigningKey.ts). */
  reportCertificate(req: { passphrase?: string }): Promise<Uint8Array>;
  signReport(req: { signedAttributes: Uint8Array; passphrase?: string }): Promise<Uint8Array>;
  rotate(req: { passphrase?: string; currentPassphrase?: string }): Promise<KeyStatus>;
  exportPublic(): Promise<PublicKeyExport>;
}

/** Maps every channel of the contract onto a service call. Pure: Node tests call it directly. */
export function createHostHandlers(services: HostServices): HostHandlers {
  const keys = (): KeyCustody => {
    if (!services.keys) throw new Error('no key service in this host');
    return services.keys;
  };
  return {
    'app:info': async () => services.appInfo(),
    'egress:log': async () => services.egressLog(),
    'storage:space': async () => (services.storageSpace ? services.storageSpace() : { freeBytes: null, source: 'disk' }),
    'egress:cspViolation': async ({ url, directive }) => {
      if (cspViolationIsRequest(url)) services.egressBlocked(`${url} (refused by the page's CSP: ${directive})`);
    },
    'save:begin': (request) => services.saves.begin(request),
    'save:write': (id, chunk) => services.saves.write(id, chunk),
    'save:end': (id) => services.saves.end(id),
    'save:abort': (id) => services.saves.abort(id),
    'keys:status': () => keys().status(),
    'keys:create': (req) => keys().create(req),
    'keys:import': (req) => keys().importKey(req),
    'keys:sign': async (req) => new Uint8Array(await keys().sign(req)),
    'keys:reportCertificate': async (req) => new Uint8Array(await keys().reportCertificate(req)),
    'keys:signReport': async (req) => new Uint8Array(await keys().signReport(req)),
    'keys:rotate': (req) => keys().rotate(req),
    'keys:exportPublic': () => keys().exportPublic(),
    'report:print': async (req) => {
      if (!services.printReport) throw new Error('no report printer in this host');
      return new Uint8Array(await services.printReport(req));
    },
  };
}
