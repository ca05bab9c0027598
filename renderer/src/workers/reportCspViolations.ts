/// <reference lib="webworker" />
import { CSP_VIOLATIONS_CHANNEL, type WorkerCspViolation } from '../host/workerCspViolations';

// Imported first by every worker: a request this worker's CSP refuses is reported to the page
// (host/workerCspViolations.ts), so the egress log counts it as it counts the page's own.
const channel = new BroadcastChannel(CSP_VIOLATIONS_CHANNEL);
self.addEventListener('securitypolicyviolation', (e) => {
  if (!e.isTrusted || !e.blockedURI) return;
  const violation: WorkerCspViolation = { url: e.blockedURI, directive: e.effectiveDirective, worker: (self as unknown as DedicatedWorkerGlobalScope).name };
  channel.postMessage(violation);
});
