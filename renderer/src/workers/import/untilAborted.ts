/**
 * `p`, or the signal's reason as soon as it aborts: Cancel need not wait for a write in flight to
 * the block writer (which the import's clean-up terminates before deleting what was written). `p`
 * goes on; its outcome is then ignored.
 */
export function untilAborted<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const stop = () => {
      p.catch(() => {});
      reject(signal.reason);
    };
    if (signal.aborted) return stop();
    signal.addEventListener('abort', stop, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}
