import type { EgressLog } from '../../shared/api/hostApi';
import { APP_ORIGIN } from '../../shared/appIdentity';

const MAX_URLS_KEPT = 1000;
/** An address kept longer than this is cut, saying how long it was: the log stays small enough to rewrite. */
const MAX_URL_CHARS = 2048;
/** The log is written at once after a quiet second, else at most once a second (and at quit: flush). */
const WRITE_INTERVAL_MS = 1000;

export interface EgressGuardOptions {
  onBlocked?: (url: string) => void;
  /** devtools: passes only where DevTools may open (never in a release). */
  devTools?: boolean;
  /** The log kept by earlier runs (egressLogFile), counted on from. */
  saved?: EgressLog | null;
  /**
   * Called with the log after a blocked request, to keep it across restarts: at once, or for a burst of
   * them once a second (each a rewrite of the whole file, on the main process's thread: a page refused
   * thousands of times froze the app for minutes when every one was written).
   */
  persist?: (log: EgressLog) => void;
  clock?: () => Date;
  /** Runs the next write later (setTimeout; tests pass their own). */
  later?: (write: () => void, ms: number) => void;
}

/**
 * Decides every request the app's session makes: the app's own origin (and in-memory blob:/data:)
 * pass, anything else is cancelled and logged. The log counts from the app's first run (`since`),
 * not from this start, and is exported with evidence bundles ("egress: 0").
 */
export function createEgressGuard({ onBlocked = () => {}, devTools = false, saved, persist = () => {}, clock = () => new Date(), later = (write, ms) => void setTimeout(write, ms) }: EgressGuardOptions = {}) {
  const log: EgressLog = {
    blockedRequests: saved?.blockedRequests ?? 0,
    urls: saved?.urls.slice(0, MAX_URLS_KEPT) ?? [],
    since: saved?.since ?? clock().toISOString(),
    ...(saved?.note ? { note: saved.note } : {}),
  };
  const allowedSchemes = new Set(['blob:', 'data:', ...(devTools ? ['devtools:'] : [])]);
  let unsaved = false;
  let lastWrite = -Infinity;
  let writePending = false;
  const write = () => {
    writePending = false;
    lastWrite = clock().getTime();
    // A log that cannot be saved (a full disk) must not stop the refusal: the count goes on in
    // memory, and the log says it was not kept.
    try {
      persist(guard.snapshot());
    } catch (err) {
      if (!unsaved) log.note = [log.note, `not saved to disk since ${clock().toISOString()} (${(err as Error).message}): a restart loses the count since`].filter(Boolean).join('; ');
      unsaved = true;
    }
  };
  const guard = {
    /** Returns true when the request must be cancelled. */
    shouldCancel(url: string): boolean {
      let scheme: string;
      let origin = '';
      try {
        const u = new URL(url);
        scheme = u.protocol;
        origin = `${u.protocol}//${u.host}`;
      } catch {
        scheme = 'invalid:';
      }
      if (allowedSchemes.has(scheme) || origin === APP_ORIGIN) return false;
      this.record(url);
      return true;
    },
    /** A request stopped elsewhere (the page's CSP, which runs before the session sees it). */
    record(url: string): void {
      log.blockedRequests = (log.blockedRequests ?? 0) + 1;
      if (log.urls.length < MAX_URLS_KEPT) log.urls.push(url.length > MAX_URL_CHARS ? `${url.slice(0, MAX_URL_CHARS)}… (cut: ${url.length} characters)` : url);
      const wait = lastWrite + WRITE_INTERVAL_MS - clock().getTime();
      if (wait <= 0) write();
      else if (!writePending) {
        writePending = true;
        later(write, wait);
      }
      onBlocked(url);
    },
    /** Writes a log still waiting for its write (the app is quitting). */
    flush(): void {
      if (writePending) write();
    },
    snapshot(): EgressLog {
      return { ...log, urls: [...log.urls] };
    },
  };
  return guard;
}
export type EgressGuard = ReturnType<typeof createEgressGuard>;

/**
 * Where the CSP refuses code rather than a request (inline script, eval, WebAssembly compilation,
 * Trusted Types), the violation names a keyword instead of an address: nothing tried to leave.
 */
const CSP_KEYWORDS = new Set(['inline', 'eval', 'wasm-eval', 'trusted-types-policy', 'trusted-types-sink']);
export const cspViolationIsRequest = (blockedURI: string): boolean => !CSP_KEYWORDS.has(blockedURI);
