import type { EgressLog } from '../../shared/api/hostApi';
import { APP_SCHEME } from '../../shared/appIdentity';

const MAX_URLS_KEPT = 1000;

/**
 * Decides every request the app's session makes: app:// (and in-memory blob:/data:) pass, anything
 * else is cancelled and logged. The log is exported with evidence bundles ("egress: 0").
 */
export function createEgressGuard(onBlocked: (url: string) => void = () => {}) {
  const log: EgressLog = { blockedRequests: 0, urls: [] };
  const allowedSchemes = new Set([`${APP_SCHEME}:`, 'blob:', 'data:', 'devtools:']);
  return {
    log,
    /** Returns true when the request must be cancelled. */
    shouldCancel(url: string): boolean {
      let scheme: string;
      try {
        scheme = new URL(url).protocol;
      } catch {
        scheme = 'invalid:';
      }
      if (allowedSchemes.has(scheme)) return false;
      log.blockedRequests += 1;
      if (log.urls.length < MAX_URLS_KEPT) log.urls.push(url);
      onBlocked(url);
      return true;
    },
    snapshot(): EgressLog {
      return { blockedRequests: log.blockedRequests, urls: [...log.urls] };
    },
  };
}
export type EgressGuard = ReturnType<typeof createEgressGuard>;
