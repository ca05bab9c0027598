import type { HostApi } from '../../../shared/api/hostApi';

/**
 * A request a worker's CSP refuses raises its event on the worker, where the preload (which reports
 * the page's) cannot see it. Each worker passes its violations over this channel
 * (workers/reportCspViolations.ts) and the page hands them to the host, whose egress log the
 * evidence bundles carry.
 */
export const CSP_VIOLATIONS_CHANNEL = 'dw-worker-csp-violations';

export interface WorkerCspViolation {
  url: string;
  directive: string;
  /** The worker's name, e.g. "search". */
  worker: string;
}

export function forwardWorkerCspViolations(host: Pick<HostApi, 'egress:cspViolation'>): () => void {
  const channel = new BroadcastChannel(CSP_VIOLATIONS_CHANNEL);
  channel.onmessage = ({ data }: MessageEvent<WorkerCspViolation>) => {
    if (typeof data?.url !== 'string' || typeof data.directive !== 'string') return;
    void host['egress:cspViolation']({ url: data.url.slice(0, 8192), directive: `${data.directive} in the ${String(data.worker).slice(0, 40)} worker`.slice(0, 200) });
  };
  return () => channel.close();
}
