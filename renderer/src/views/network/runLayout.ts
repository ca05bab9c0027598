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
      const xy = fitSpread(m.xy);
      const pos = new Map<string, { x: number; y: number }>();
      v.nodes.forEach((n, i) => pos.set(n.id, { x: xy[2 * i]!, y: xy[2 * i + 1]! }));
      resolve(pos);
    };
    w.onerror = (e) => {
      w.terminate();
      reject(new Error(e.message || 'layout worker failed'));
    };
    w.postMessage(req, [req.source.buffer, req.target.buffer, req.weight.buffer]);
  });
}

/**
 * ForceAtlas2's spread is in its own units and pushes loose nodes far out: drawn as they came, a
 * 600-node retweet network was fitted at zoom 0.04 and its nodes were half a pixel wide. Scaled so
 * that 90% of the nodes lie within 20·√n px of the middle (about three node widths between
 * neighbours), with the far stragglers drawn in (log-compressed beyond 1.5× that radius) so they do
 * not shrink the fit.
 */
export function fitSpread(xy: Float32Array): Float32Array {
  const n = xy.length / 2;
  if (n < 2) return xy;
  const median = (a: Float64Array) => a.sort()[a.length >> 1]!;
  const cx = median(Float64Array.from({ length: n }, (_, i) => xy[2 * i]!));
  const cy = median(Float64Array.from({ length: n }, (_, i) => xy[2 * i + 1]!));
  const r = Float64Array.from({ length: n }, (_, i) => Math.hypot(xy[2 * i]! - cx, xy[2 * i + 1]! - cy));
  const r90 = Float64Array.from(r).sort()[Math.floor(0.9 * (n - 1))]!;
  if (!(r90 > 0)) return xy;
  const scale = (20 * Math.sqrt(n)) / r90;
  const far = 1.5 * r90;
  const out = new Float32Array(xy.length);
  for (let i = 0; i < n; i++) {
    const ri = r[i]!;
    const k = ri > far ? (far * (1 + Math.log(ri / far))) / ri : 1;
    out[2 * i] = (xy[2 * i]! - cx) * k * scale;
    out[2 * i + 1] = (xy[2 * i + 1]! - cy) * k * scale;
  }
  return out;
}
