// Browser entry for test/bench/graphRender.ts (bundled with esbuild): draws a generated graph with
// the Network view's own Cytoscape settings and records frame times.
import { createNetworkCy, type NetworkDrawing } from '../../renderer/src/network/createNetworkCy';
import { communityColour } from '../../renderer/src/network/communityColours';
import type cytoscape from 'cytoscape';
import type { EdgeSpec } from '../../renderer/src/network/drawnEdges';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Clustered graph: 20 communities placed on a circle, 80% of edges inside a community. */
function generate(n: number, m: number): { nodes: cytoscape.ElementDefinition[]; edges: EdgeSpec[] } {
  const rnd = mulberry32(n * 31 + m);
  const C = 20;
  const nodes: cytoscape.ElementDefinition[] = [];
  const edges: EdgeSpec[] = [];
  const spread = Math.sqrt(n) * 12;
  for (let i = 0; i < n; i++) {
    const c = i % C;
    const a = (2 * Math.PI * c) / C;
    const r = rnd() * spread * 0.35;
    const b = rnd() * 2 * Math.PI;
    nodes.push({
      group: 'nodes',
      data: { id: 'n' + i, label: 'account' + i, color: communityColour(c), size: 6 + rnd() * 14 },
      position: { x: Math.cos(a) * spread + Math.cos(b) * r, y: Math.sin(a) * spread + Math.sin(b) * r },
    });
  }
  for (let e = 0; e < m; e++) {
    const s = Math.floor(rnd() * n);
    let t = rnd() < 0.8 ? (s % C) + C * Math.floor((rnd() * n) / C) : Math.floor(rnd() * n);
    if (t >= n) t = s % C;
    if (t === s) t = (s + C) % n;
    edges.push({ index: e, source: 'n' + s, target: 'n' + t, width: 1, colour: '#888' });
  }
  return { nodes, edges };
}

const frames: number[] = [];
let recording = false;
let last = 0;
function tick(t: number): void {
  if (recording && last) frames.push(t - last);
  last = t;
  requestAnimationFrame(tick);
}
requestAnimationFrame(tick);

let drawing: NetworkDrawing | undefined;

const api = {
  /**
   * Builds the graph and resolves with the milliseconds from creating the drawing (Cytoscape with
   * the nodes and the edge layer, which draws the edges at once, through the app's own factory) until
   * Cytoscape's first frame has been drawn: its first 'render' event, then two animation frames so
   * the frame is on screen.
   */
  async render(n: number, m: number): Promise<{ firstRenderMs: number; constructMs: number; renderEventMs: number; renderer: string }> {
    drawing?.edges.destroy();
    drawing?.cy.destroy();
    const container = document.getElementById('cy')!;
    const { nodes, edges } = generate(n, m);
    const t0 = performance.now();
    const made = (drawing = createNetworkCy({ container, nodes, edges, preset: true, forceCanvas: true }));
    const constructMs = performance.now() - t0;
    await new Promise<void>((resolve) => made.cy.one('render', () => resolve()));
    const renderEventMs = performance.now() - t0;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return { firstRenderMs: performance.now() - t0, constructMs, renderEventMs, renderer: made.renderer };
  },
  /** The factory fits the view from node positions (not Cytoscape's fit): is every node in view? */
  allNodesInView(): boolean {
    const container = document.getElementById('cy')!;
    const bb = drawing!.cy.nodes().renderedBoundingBox({ includeLabels: false });
    return bb.x1 >= -1 && bb.y1 >= -1 && bb.x2 <= container.clientWidth + 1 && bb.y2 <= container.clientHeight + 1;
  },
  /** Median milliseconds of one full redraw of the edge layer (after a pan, zoom or node drag settles). */
  edgeLayerDrawMs(): number {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      drawing!.edges.draw();
      drawing!.edges.canvas.getContext('2d')!.getImageData(0, 0, 1, 1); // wait for the raster, not just the recording
      times.push(performance.now() - t);
    }
    return times.sort((x, y) => x - y)[2]!;
  },
  startFrames(): void {
    frames.length = 0;
    last = 0;
    recording = true;
  },
  stopFrames(): number[] {
    recording = false;
    return frames.slice();
  },
};
(globalThis as unknown as { graphBench: typeof api }).graphBench = api;
