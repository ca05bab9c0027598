/// <reference path="./fcose.d.ts" />
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { hasRealWebGl2 } from './detectGpu';
import { overWhite, quantizeSize, SIZE_STEP } from './levelOfDetail';

cytoscape.use(fcose);

/** Above this many nodes the layout runs in the ForceAtlas2 worker and arrives as preset positions. */
export const FCOSE_MAX_NODES = 300;
export const FCOSE_MAX_EDGES = 2_000;
/** Never draw more than this; the view prunes to the top nodes by a metric and says so. */
export const DRAW_CAP_NODES = 20_000;

// Cytoscape accepts double quotes only in font-family.
// Emoji from the monochrome Noto Emoji, right after Noto Sans (see styles/app.css).
export const LABEL_FONT = '"Noto Sans", "Noto Emoji", "Noto Sans SC", "Noto Sans Arabic", "Noto Sans Hebrew", sans-serif';

export { quantizeSize, SIZE_STEP };

/** Above this many elements the level-of-detail settings (texture while moving, no edges while moving, labels only from zoom 1) apply. */
export const BIG_GRAPH_ELEMENTS = 2_000;

const EDGE_OPACITY = 0.55;

const NODE_STYLE = {
  'background-color': 'data(color)',
  width: 'data(size)',
  height: 'data(size)',
  label: 'data(label)',
  'font-family': LABEL_FONT,
  'font-size': 11,
  'min-zoomed-font-size': 9, // labels appear only when readable: the biggest level-of-detail saving
  'text-valign': 'bottom',
  'text-margin-y': 2,
  color: '#222',
  // border-width 0 is Cytoscape's default: every property in a matched selector is applied to every
  // element one by one (with triggers that dirty caches and connected edges), so defaults are not restated.
} as const;

/** Node data: id, label, color, size (px, quantized to SIZE_STEP). Edge data: id, source, target, width (px), color. */
export const NETWORK_STYLE: cytoscape.StylesheetJson = [
  { selector: 'node', style: NODE_STYLE },
  {
    selector: 'edge',
    style: {
      'curve-style': 'haystack', // straight, no arrow, cheapest edge to draw
      'haystack-radius': 0,
      width: 'data(width)',
      'line-color': 'data(color)',
      opacity: EDGE_OPACITY,
    },
  },
  { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#000' } },
  { selector: 'edge:selected', style: { 'line-color': '#000', opacity: 1, width: 4 } },
  { selector: '.faded', style: { opacity: 0.08, label: '' } },
  { selector: 'node.highlight', style: { 'border-width': 4, 'border-color': '#d00', 'z-index': 10 } },
];

/**
 * Big graphs:
 * - labels only from zoom 1 up. Cytoscape decides label visibility at the texture level
 *   2^ceil(log2(zoom)), so with min-zoomed-font-size 9 an 11 px label is drawn (as a texture of its
 *   own, per node) from zoom 0.5, where thousands of labels are an unreadable 6-10 px smear;
 * - opaque edges in the colour a 55 % edge has on white (`lineColor`, prepareElements): translucent strokes cost
 *   about a fifth of the first frame at 20k edges; the price is that crossings no longer darken;
 * - edge width and colour as constants when every edge has the same one (a `data()` mapper is
 *   resolved and parsed per edge), and no `haystack-radius` (0 is the default). `curve-style` stays
 *   although haystack is the default too: Cytoscape's own stylesheet makes loops bezier.
 */
function bigNetworkStyle(edgeWidth: number | undefined, edgeColour: string | undefined): cytoscape.StylesheetJson {
  return [
    { selector: 'node', style: { ...NODE_STYLE, 'min-zoomed-font-size': 12 } },
    { selector: 'edge', style: { 'curve-style': 'haystack', width: edgeWidth ?? 'data(width)', 'line-color': edgeColour ?? 'data(lineColor)' } },
    ...NETWORK_STYLE.slice(2),
  ];
}

/**
 * Sizes onto the SIZE_STEP grid and, for big graphs, each edge's opaque colour as `lineColor`
 * (bigNetworkStyle). In place, on the definitions (Cytoscape copies their data when it adds them):
 * copying 25k definitions first costs garbage collection in the first frame. Idempotent.
 * Returns the edges' width and colour when all edges share them (undefined when they differ).
 */
function prepareElements(elements: cytoscape.ElementDefinition[], big: boolean): { edgeWidth?: number; edgeColour?: string } {
  const blended = new Map<string, string>();
  let width: number | null | undefined; // undefined: no edge yet; null: edges differ
  let colour: string | null | undefined;
  for (const e of elements) {
    const d = e.data;
    if (!d) continue;
    if (typeof d.size === 'number') d.size = quantizeSize(d.size);
    if (big && d.source !== undefined) {
      const original = typeof d.color === 'string' ? d.color : '#888888';
      let c = blended.get(original);
      if (c === undefined) blended.set(original, (c = overWhite(original, EDGE_OPACITY)));
      d.lineColor = c;
      const w = typeof d.width === 'number' ? d.width : NaN;
      width = width === undefined || width === w ? w : null;
      colour = colour === undefined || colour === c ? c : null;
    }
  }
  return { edgeWidth: Number.isFinite(width) ? width! : undefined, edgeColour: colour ?? undefined };
}

export interface CreateNetworkCyOptions {
  container: HTMLElement | undefined;
  elements: cytoscape.ElementDefinition[];
  /** Positions from the layout worker; without them fcose runs (small graphs only). */
  preset: boolean;
  /** Force the canvas renderer (tests, benchmarks); default: WebGL only on a real GPU. */
  forceCanvas?: boolean;
}

/** Cytoscape with the level-of-detail settings that keep 5k nodes / 20k edges interactive on canvas. */
export function createNetworkCy(o: CreateNetworkCyOptions): { cy: cytoscape.Core; renderer: 'webgl' | 'canvas' } {
  claimCytoscapeStylesheet();
  const webgl = !o.forceCanvas && hasRealWebGl2();
  const big = o.elements.length > BIG_GRAPH_ELEMENTS;
  const elements = o.elements;
  const shared = prepareElements(elements, big);
  const cy = cytoscape({
    container: o.container,
    elements,
    style: big ? bigNetworkStyle(shared.edgeWidth, shared.edgeColour) : NETWORK_STYLE,
    layout: o.preset ? presetLayout(elements, o.container) : ({ name: 'fcose', animate: false, randomize: true, quality: 'default', seed: 1 } as cytoscape.LayoutOptions),
    hideEdgesOnViewport: big,
    hideLabelsOnViewport: true,
    textureOnViewport: big,
    motionBlur: false,
    pixelRatio: big ? 1 : 'auto',
    boxSelectionEnabled: false,
    minZoom: MIN_ZOOM,
    maxZoom: MAX_ZOOM,
    renderer: webgl ? { name: 'canvas', webgl: true } : { name: 'canvas' },
  } as cytoscape.CytoscapeOptions);
  measureBeforeFirstFrame(cy);
  return { cy, renderer: webgl ? 'webgl' : 'canvas' };
}

/**
 * Cytoscape measures an element's bounding box lazily, and the first measurement marks the element's
 * bounds dirty, which queues its rendered style for recalculation. Left to the first frame (the
 * drawing measures every element), that dirties all 25k elements of a 5k/20k graph *after* they were
 * drawn: the next frame recalculates them all, throws away the cached textures and layers and draws
 * everything again (and a third frame refines the textures). Measuring once here, before the first
 * frame, queues that recalculation for the first frame itself, which then draws from clean caches:
 * one full draw instead of two or three (bench:graph 5k/20k first render ~25 % less CPU).
 */
function measureBeforeFirstFrame(cy: cytoscape.Core): void {
  cy.elements().boundingBox();
}

const MIN_ZOOM = 0.02;
const MAX_ZOOM = 8;
const FIT_PADDING = 30;

/**
 * The nodes already carry their positions: the preset layout must not set them again (each set
 * dirties the node and its edges and emits an event: a second or more at 5k nodes / 20k edges), and
 * the fit is computed from the positions and sizes here instead of from the bounding box of every
 * element with its measured label (which styles and measures all 25k elements before the first frame).
 */
function presetLayout(elements: cytoscape.ElementDefinition[], container: HTMLElement | undefined): cytoscape.LayoutOptions {
  let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
  for (const e of elements) {
    const p = e.position;
    if (!p || e.group === 'edges') continue;
    const r = (typeof e.data?.size === 'number' ? e.data.size : 10) / 2;
    x1 = Math.min(x1, p.x - r);
    x2 = Math.max(x2, p.x + r);
    y1 = Math.min(y1, p.y - r);
    y2 = Math.max(y2, p.y + r + 16); // the label below the node
  }
  const w = container?.clientWidth ?? 0;
  const h = container?.clientHeight ?? 0;
  if (!Number.isFinite(x1) || w === 0 || h === 0) return { name: 'preset', fit: true, animate: false };
  const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.min((w - 2 * FIT_PADDING) / Math.max(1, x2 - x1), (h - 2 * FIT_PADDING) / Math.max(1, y2 - y1))));
  const pan = { x: (w - zoom * (x1 + x2)) / 2, y: (h - zoom * (y1 + y2)) / 2 };
  return { name: 'preset', positions: () => null, fit: false, zoom, pan, animate: false } as unknown as cytoscape.LayoutOptions;
}

/**
 * Cytoscape injects a <style> element (container position: relative) unless one with its id exists;
 * the CSP refuses inline styles, so an empty placeholder takes the id and app.css has the rule.
 */
function claimCytoscapeStylesheet(): void {
  const id = '__________cytoscape_stylesheet';
  if (typeof document === 'undefined' || document.getElementById(id)) return;
  const placeholder = document.createElement('meta');
  placeholder.id = id;
  placeholder.name = 'cytoscape-container-style-in-app-css';
  document.head.prepend(placeholder);
}
