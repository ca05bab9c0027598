/** V8's gc(), where the host exposes it (Chromium started with --js-flags=--expose-gc: the Electron app, the benchmark). */
const gc = (globalThis as { gc?: (options?: object) => void }).gc;

/**
 * V8's most thorough collection ('last-resort': repeated full collections, as DevTools' "collect
 * garbage" does), on this thread's heap; the seconds it took (0 where gc() is not exposed).
 */
export function collectGarbage(): number {
  if (!gc) return 0;
  const t = performance.now();
  gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
  return (performance.now() - t) / 1000;
}
