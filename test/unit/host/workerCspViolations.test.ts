import { describe, expect, it } from 'vitest';
import { CSP_VIOLATIONS_CHANNEL, forwardWorkerCspViolations } from '../../../renderer/src/host/workerCspViolations';

describe("a worker's CSP violations reach the host's egress log", () => {
  it('forwards each report from the channel, naming the worker, and ignores malformed messages', async () => {
    const logged: { url: string; directive: string }[] = [];
    const stop = forwardWorkerCspViolations({ 'egress:cspViolation': async (v) => void logged.push(v) });
    const worker = new BroadcastChannel(CSP_VIOLATIONS_CHANNEL); // what workers/reportCspViolations.ts posts on
    try {
      worker.postMessage({ nonsense: true });
      worker.postMessage({ url: 'https://example.com/x', directive: 'connect-src', worker: 'search' });
      await expect.poll(() => logged).toEqual([{ url: 'https://example.com/x', directive: 'connect-src in the search worker' }]);
    } finally {
      worker.close();
      stop();
    }
  });
});
