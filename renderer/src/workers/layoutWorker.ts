/// <reference lib="webworker" />
import './reportCspViolations';
// ForceAtlas2 (graphology) for graphs too big for fcose on the UI thread; Cytoscape gets the result
// as `preset` positions. Seeded start positions make the same graph come out the same.
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { seededRandom } from '../../../shared/graph/seededRandom';
import type { LayoutReply, LayoutRequest } from '../network/layoutMessages';

const post = (m: LayoutReply, transfer: Transferable[] = []): void => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m, transfer);

self.onmessage = (e: MessageEvent<LayoutRequest>) => {
  try {
    const t0 = performance.now();
    const { nodeCount, source, target, weight, iterations, seed } = e.data;
    const rng = seededRandom(seed);
    const g = new Graph({ type: 'undirected', multi: true, allowSelfLoops: false });
    const spread = Math.sqrt(nodeCount) * 10;
    for (let i = 0; i < nodeCount; i++) g.addNode(i, { x: (rng.next() - 0.5) * spread, y: (rng.next() - 0.5) * spread });
    for (let k = 0; k < source.length; k++) if (source[k] !== target[k]) g.addEdge(source[k]!, target[k]!, { weight: weight[k]! });
    const settings = { ...forceAtlas2.inferSettings(g), barnesHutOptimize: nodeCount > 500, edgeWeightInfluence: 1 };
    const step = Math.max(1, Math.ceil(iterations / 10));
    for (let done = 0; done < iterations; done += step) {
      forceAtlas2.assign(g, { iterations: Math.min(step, iterations - done), settings, getEdgeWeight: 'weight' });
      post({ type: 'progress', done: Math.min(done + step, iterations), total: iterations });
    }
    const xy = new Float32Array(nodeCount * 2);
    g.forEachNode((n, a) => {
      const i = Number(n); // node keys here are list indices, never account ids
      xy[2 * i] = a.x as number;
      xy[2 * i + 1] = a.y as number;
    });
    post({ type: 'done', xy, millis: Math.round(performance.now() - t0) }, [xy.buffer]);
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
