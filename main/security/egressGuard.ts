import type { EgressLog } from '../../shared/api/hostApi';
import { APP_ORIGIN } from '../../shared/appIdentity';

const MAX_URLS_KEPT = 1000;

/**
 * Decides every request the app's session makes: the app's own origin (and in-memory blob:/data:)
 * pass, anything else is cancelled and logged; devtools: only where DevTools may open (never in a
 * release). The log is exported with evidence bundles ("egress: 0").
 */
export function createEgressGuard(onBlocked: (url: string) => void = () => {}, devTools = false) {
  const log: EgressLog = { blockedRequests: 0, urls: [] };
  const allowedSchemes = new Set(['blob:', 'data:', ...(devTools ? ['devtools:'] : [])]);
  return {
    log,
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
      log.blockedRequests += 1;
      if (log.urls.length < MAX_URLS_KEPT) log.urls.push(url);
      onBlocked(url);
    },
    snapshot(): EgressLog {
      return { blockedRequests: log.blockedRequests, urls: [...log.urls] };
    },
  };
}
export type EgressGuard = ReturnType<typeof createEgressGuard>;
