import { z } from 'zod';

// zod compiles object parsers with `new Function` where it can; it probes for that once, and under
// the app's CSP (no 'unsafe-eval') the probe is a CSP violation in every start. Parse without it.
z.config({ jitless: true });

/**
 * The typed contract between the renderer and its host (Electron main process, or the browser).
 * Every channel is declared once here with runtime schemas for its arguments and result: the
 * preload maps channels onto IPC, main validates arguments before calling a service, and the
 * browser host implements the same interface with web APIs.
 */

export const EgressLogSchema = z.object({
  /** null where nothing was counted (the browser build: see note), never a 0 that was not measured. */
  blockedRequests: z.number().int().nonnegative().nullable(),
  /** The first URLs that were blocked (capped), in order. */
  urls: z.array(z.string()),
  /** Set where the count is not a measurement: the browser build cannot see the page's requests. */
  note: z.string().optional(),
  /** When counting began: the desktop app's first run (the log is kept across restarts). */
  since: z.string().optional(),
});
export type EgressLog = z.infer<typeof EgressLogSchema>;

/** The browser build's egress note: a page cannot see its own requests, so no count is claimed. */
export const EGRESS_NOT_MEASURED =
  'not measured: exported from the browser version, which cannot see the requests a page makes (the desktop app counts every request its session blocks)';

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  host: z.enum(['electron', 'browser']),
  /** Where the app keeps its data on disk, for the user to find, back up or move. */
  dataLocation: z.string(),
  platform: z.string(),
  /** The host prints the report HTML to a PDF ('report:print'): the desktop app, or a browser that automation handed a printer. */
  printsReport: z.boolean(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const SaveRequestSchema = z.object({
  suggestedName: z.string().min(1).max(255),
  mimeType: z.string().max(100),
});
export type SaveRequest = z.infer<typeof SaveRequestSchema>;

export const SaveTargetSchema = z.object({
  /** Opaque handle for the chunked writes; null when the user cancelled the dialog. */
  id: z.string().nullable(),
  path: z.string().optional(),
});
export type SaveTarget = z.infer<typeof SaveTargetSchema>;

const Id = z.string().min(1).max(100);
const Bytes = z.instanceof(Uint8Array);
/** One piece of a save: exports stream in pieces; a whole report PDF is one (tens of MB at most). */
export const MAX_SAVE_CHUNK_BYTES = 256 * 2 ** 20;
const SaveChunk = Bytes.refine((b) => b.byteLength <= MAX_SAVE_CHUNK_BYTES, { message: `a save chunk may hold at most ${MAX_SAVE_CHUNK_BYTES} bytes` });

/** The analyst's signing key as the renderer may see it: never the private half. */
export const KeyStatusSchema = z.object({
  exists: z.boolean(),
  /** `SHA256:...` as `ssh-keygen -lf` prints it. */
  fingerprint: z.string().nullable(),
  /** The whole `ssh-keygen -lf` line: `256 SHA256:... principal (ED25519)`. */
  fingerprintLine: z.string().nullable(),
  /** OpenSSH public key line `ssh-ed25519 AAAA... principal`. */
  publicKey: z.string().nullable(),
  principal: z.string().nullable(),
  /** True when signing needs the analyst's passphrase (browser host; Electron with basic_text safeStorage). */
  needsPassphrase: z.boolean(),
  /** 'passphrase' (browser host) or Electron's safeStorage backend name. */
  backend: z.string(),
});
export type KeyStatus = z.infer<typeof KeyStatusSchema>;

export const PublicKeyExportSchema = z.object({
  fingerprint: z.string(),
  fingerprintLine: z.string(),
  publicKey: z.string(),
  allowedSigners: z.string(),
  minisignPublicKey: z.string(),
  /** The keys this one replaced, most recent first, each with its rotation statement (shared/evidence/keyHistory.ts). */
  previousKeys: z.array(z.object({ publicKey: z.string(), rotationStatement: z.string() })),
});
export type PublicKeyExport = z.infer<typeof PublicKeyExportSchema>;

/** The evidence report as one HTML document plus Chromium header/footer templates (shared/report). */
export const ReportPrintRequestSchema = z.object({
  html: z.string().min(1).max(256 * 1024 * 1024),
  pageSize: z.enum(['A4', 'Letter']),
  headerTemplate: z.string().max(20_000),
  footerTemplate: z.string().max(20_000),
});
export type ReportPrintRequest = z.infer<typeof ReportPrintRequestSchema>;

/**
 * Free space where the app keeps its data. Electron: the disk holding the profile (statfs: what an
 * unprivileged process may still write). Browser: the origin's quota minus its usage, a best effort
 * only: a browser's quota is not the disk's free space (QA saw a 1 GB quota on a 40 MB disk; Chromium
 * 150 reports usage + 1 to 10 GiB, whatever is free). null: not known, and then nothing is refused for it.
 */
export const StorageSpaceSchema = z.object({
  freeBytes: z.number().nonnegative().nullable(),
  source: z.enum(['disk', 'browser-quota']),
});
export type StorageSpace = z.infer<typeof StorageSpaceSchema>;

const Principal = z.string().min(1).max(200);
const Passphrase = z.string().min(1).max(1000);

/** Every channel: name → argument tuple schema and result schema. */
export const channels = {
  'app:info': { args: z.tuple([]), result: AppInfoSchema },
  'egress:log': { args: z.tuple([]), result: EgressLogSchema },
  /** Free space for the app's data: the renderer refuses writes that could fill the disk (renderer/src/store/diskGuard.ts). */
  'storage:space': { args: z.tuple([]), result: StorageSpaceSchema },
  /** A request the page's CSP refused before it reached the session (the preload hears of it): logged as blocked. */
  'egress:cspViolation': { args: z.tuple([z.object({ url: z.string().max(8192), directive: z.string().max(200) })]), result: z.void() },
  'save:begin': { args: z.tuple([SaveRequestSchema]), result: SaveTargetSchema },
  'save:write': { args: z.tuple([Id, SaveChunk]), result: z.void() },
  'save:end': { args: z.tuple([Id]), result: z.object({ path: z.string(), bytes: z.number() }) },
  'save:abort': { args: z.tuple([Id]), result: z.void() },
  'keys:status': { args: z.tuple([]), result: KeyStatusSchema },
  'keys:create': { args: z.tuple([z.object({ principal: Principal, passphrase: Passphrase.optional() })]), result: KeyStatusSchema },
  /** An unencrypted OpenSSH Ed25519 private key; the principal defaults to the key's comment. */
  'keys:import': {
    args: z.tuple([z.object({ privateKey: z.string().min(1).max(20_000), principal: Principal.optional(), passphrase: Passphrase.optional() })]),
    result: KeyStatusSchema,
  },
  /**
   * Raw Ed25519 signature (64 bytes) over `message`; the renderer builds SSHSIG/minisign from it. Only
   * evidence messages are signed (shared/evidence/signingPolicy.ts); `preimage` is what a minisign digest hashes.
   */
  'keys:sign': { args: z.tuple([z.object({ message: Bytes, preimage: Bytes.optional(), passphrase: Passphrase.optional() })]), result: Bytes },
  /**
   * The certificate (X.509, DER) of the ECDSA P-256 key that signs the evidence report inside the PDF
   * (CMS, as pdfsig checks it), derived from the analyst's key: shared/evidence/pdfSigningKey.ts.
   */
  'keys:reportCertificate': { args: z.tuple([z.object({ passphrase: Passphrase.optional() })]), result: Bytes },
  /** That key's DER ECDSA signature over a report's CMS signed attributes, and over nothing else. */
  'keys:signReport': { args: z.tuple([z.object({ signedAttributes: Bytes, passphrase: Passphrase.optional() })]), result: Bytes },
  /** New key for the same principal; the old one is retired (kept, no longer used). */
  'keys:rotate': { args: z.tuple([z.object({ passphrase: Passphrase.optional(), currentPassphrase: Passphrase.optional() })]), result: KeyStatusSchema },
  'keys:exportPublic': { args: z.tuple([]), result: PublicKeyExportSchema },
  /** Prints the report HTML to PDF (Electron: hidden window + printToPDF); the browser host refuses (users print with window.print()). */
  'report:print': { args: z.tuple([ReportPrintRequestSchema]), result: Bytes },
} as const;

export type ChannelName = keyof typeof channels;
export type ChannelArgs<C extends ChannelName> = z.infer<(typeof channels)[C]['args']>;
export type ChannelResult<C extends ChannelName> = z.infer<(typeof channels)[C]['result']>;

/** The host API as the renderer sees it: one async function per channel. */
export type HostApi = { [C in ChannelName]: (...args: ChannelArgs<C>) => Promise<ChannelResult<C>> };

/** Name under which the preload exposes the API on `window`. */
export const HOST_API_GLOBAL = 'workbenchHost';

export function parseArgs<C extends ChannelName>(channel: C, args: unknown[]): ChannelArgs<C> {
  const result = channels[channel].args.safeParse(args);
  if (!result.success) {
    throw new Error(`Invalid arguments for ${channel}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return result.data as ChannelArgs<C>;
}

export function isChannelName(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(channels, name);
}
