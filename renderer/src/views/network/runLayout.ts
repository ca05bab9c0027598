import type { LayoutReply, LayoutRequest } from '../../network/layoutMessages';
import type { ViewGraph } from '../../network/viewGraph';

/** ForceAtlas2 in the layout worker; resolves with positions by node id. The signal terminates it. */
export function runLayout(v: ViewGraph, signal: AbortSignal, onProgress: (done: number, total: number) => void): Promise<Map<string, { x: number; y: number }>> {
  return new Promise((resolve, reject) => {
    const index = new Map(v.nodes.map((n, i) => [n.id, i]));
    const req: LayoutRequest = {
      nodeCount: v.nodes.length,
      source: Int32Array.from(v.edges, (e) => index.get(e.source)!),
      target: Int32Array.from(v.edges, (e) => index.get(e.target)!),
      weight: Float32Array.from(v.edges, (e) => e.weight),
      iterations: v.nodes.length > 5_000 ? 60 : 150,
      seed: 1,
    };
    const w = new Worker(new URL('../../workers/layoutWorker.ts', import.meta.url), { type: 'module', name: 'layout' });
    signal.addEventListener('abort', () => {
      w.terminate();
      reject(new DOMException('cancelled', 'AbortError'));
    });
    w.onmessage = (e: MessageEvent<LayoutReply>) => {
      const m = e.data;
      if (m.type === 'progress') return onProgress(m.done, m.total);
      w.terminate();
      if (m.type === 'error') return reject(new Error(m.message));
      const pos = new Map<string, { x: number; y: number }>();
      // ForceAtlas2 units are small; scale so default node sizes and labels fit.
      v.nodes.forEach((n, i) => pos.set(n.id, { x: m.xy[2 * i]! * 10, y: m.xy[2 * i + 1]! * 10 }));
      resolve(pos);
    };
    w.onerror = (e) => {
      w.terminate();
      reject(new Error(e.message || 'layout worker failed'));
    };
    w.postMessage(req, [req.source.buffer, req.target.buffer, req.weight.buffer]);
  });
}
