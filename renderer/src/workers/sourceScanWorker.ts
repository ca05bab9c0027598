/// <reference lib="webworker" />
import './reportCspViolations';
import { scanSource } from '../cases/sourceExcerpts';
import type { FromSourceScan, ToSourceScan } from '../cases/scanSourceOffThread';

/**
 * The bundle export's re-reading of one selected source file (hash it, cut the cited bytes out), on
 * a thread of its own: a source of hundreds of megabytes takes seconds of hashing, which on the page's
 * thread made the page answer late meanwhile (and a keyboard's Cancel with it). One file a thread;
 * cancelling terminates it.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: FromSourceScan) => scope.postMessage(m);

scope.onmessage = async (e: MessageEvent<ToSourceScan>) => {
  const { file, wanted } = e.data;
  // Bytes read are reported at most ten times a second, not once a 64 KiB chunk.
  let unreported = 0;
  let reported = performance.now();
  try {
    const scanned = await scanSource(file.name, file.stream(), new Map(wanted), (n) => {
      unreported += n;
      if (performance.now() - reported < 100) return;
      reported = performance.now();
      post({ type: 'read', bytes: unreported });
      unreported = 0;
    });
    if (unreported) post({ type: 'read', bytes: unreported });
    post({ type: 'done', scanned });
  } catch (err) {
    // The error's name travels: the page tells an unreadable file (NotReadableError, …) from the rest.
    post({ type: 'failed', name: err instanceof Error ? err.name : 'Error', message: err instanceof Error ? err.message : String(err) });
  }
};
