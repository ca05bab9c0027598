import type { EgressLog } from '../../shared/api/hostApi';
import { APP_ORIGIN } from '../../shared/appIdentity';

const MAX_URLS_KEPT = 1000;

export interface EgressGuardOptions {
  onBlocked?: (url: string) => void;
  /** devtools: passes only where DevTools may open (never in a release). */
  devTools?: boolean;
  /** The log kept by earlier runs (egressLogFile), counted on from. */
  saved?: EgressLog | null;
  /** Called with the log after each blocked request, to keep it across restarts. */
  persist?: (log: EgressLog) => void;
  clock?: () => Date;
}

/**
 * Decides every request the app's session makes: the app's own origin (and in-memory blob:/data:)
 * pass, anything else is cancelled and logged. The log counts from the app's first run (`since`),
 * not from this start, and is exported with evidence bundles ("egress: 0").
 */
export function createEgressGuard({ onBlocked = () => {}, devTools = false, saved, persist = () => {}, clock = () => new Date() }: EgressGuardOptions = {}) {
  const log: EgressLog = {
    blockedRequests: saved?.blockedRequests ?? 0,
    urls: saved?.urls.slice(0, MAX_URLS_KEPT) ?? [],
    since: saved?.since ?? clock().toISOString(),
    ...(saved?.note ? { note: saved.note } : {}),
  };
  const allowedSchemes = new Set(['blob:', 'data:', ...(devTools ? ['devtools:'] : [])]);
  let unsaved = false;
  return {
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
      if (log.urls.length < MAX_URLS_KEPT) log.urls.push(url);
      // A log that cannot be saved (a full disk) must not stop the refusal: the count goes on in
      // memory, and the log says it was not kept.
      try {
        persist(this.snapshot());
      } catch (err) {
        if (!unsaved) log.note = [log.note, `not saved to disk since ${clock().toISOString()} (${(err as Error).message}): a restart loses the count since`].filter(Boolean).join('; ');
        unsaved = true;
      }
      onBlocked(url);
    },
    snapshot(): EgressLog {
      return { ...log, urls: [...log.urls] };
    },
  };
}
export type EgressGuard = ReturnType<typeof createEgressGuard>;

/**
 * Where the CSP refuses code rather than a request (inline script, eval, WebAssembly compilation,
 * Trusted Types), the violation names a keyword instead of an address: nothing tried to leave.
 */
const CSP_KEYWORDS = new Set(['inline', 'eval', 'wasm-eval', 'trusted-types-policy', 'trusted-types-sink']);
export const cspViolationIsRequest = (blockedURI: string): boolean => !CSP_KEYWORDS.has(blockedURI);
