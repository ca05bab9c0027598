import cytoscape from 'cytoscape';
import { hasRealWebGl2 } from './detectGpu';
import { toDrawnEdges, type EdgeSpec } from './drawnEdges';
import { EdgeLayer } from './edgeLayer';
import { placeWithFcose } from './fcosePositions';
import { drawOrderOverLabels, labelsCrossing, labelsWithoutOverlap, type LabelBox } from './labelPlacement';
import { quantizeSize, SIZE_STEP } from './levelOfDetail';
import { APP_FONT } from '../styles/fontFaces';

/** Above this many nodes the layout runs in the ForceAtlas2 worker and arrives as preset positions. */
export const FCOSE_MAX_NODES = 300;
export const FCOSE_MAX_EDGES = 2_000;
/** Never draw more than this; the view prunes to the top nodes by a metric and says so. */
export const DRAW_CAP_NODES = 20_000;

/** Network labels are drawn in the app's faces (styles/fontFaces.ts). */
export const LABEL_FONT = APP_FONT;

export { quantizeSize, SIZE_STEP };

const LABEL_SIZE = 11;
const LABEL_OUTLINE = 2;

/** Above this many nodes and edges the level-of-detail settings (texture while moving, no edges while moving, labels only from zoom 1) apply. */
export const BIG_GRAPH_ELEMENTS = 2_000;

const NODE_STYLE = {
  'background-color': 'data(color)',
  width: 'data(size)',
  height: 'data(size)',
  // Only the labels that overlap no bigger node's label (declutterLabels); a selected or found node shows its own.
  label: 'data(shownLabel)',
  'font-family': LABEL_FONT,
  'font-size': LABEL_SIZE,
  'min-zoomed-font-size': 9, // labels appear only when readable: the biggest level-of-detail saving
  'text-valign': 'bottom',
  'text-margin-y': 2,
  color: '#222',
  // A white halo: a label stays readable where it crosses edges or another node's disc.
  'text-outline-color': '#fff',
  'text-outline-width': LABEL_OUTLINE,
  'text-outline-opacity': 0.85,
  // border-width 0 is Cytoscape's default: every property in a matched selector is applied to every
  // element one by one (with triggers that dirty caches), so defaults are not restated.
} as const;

/** Node data: id, label, color, size (px, quantized to SIZE_STEP). Edges are not Cytoscape's: see EdgeLayer. */
export const NETWORK_STYLE: cytoscape.StylesheetJson = [
  { selector: 'node', style: NODE_STYLE },
  { selector: '.faded', style: { opacity: 0.08, label: '' } },
  // A label a found or selected node's label would cross gives way to it (yieldLabelsToFront).
  { selector: 'node.label-yields', style: { label: '' } },
  // A found or selected account's label is drawn at any zoom (a big graph's fit zoom hides the others');
  // the selected one, last, in black over a found one's red ring: it stands out among the found.
  { selector: 'node.highlight', style: { 'border-width': 4, 'border-color': '#d00', 'z-index': 10, label: 'data(label)', 'min-zoomed-font-size': 0 } },
  { selector: 'node:selected', style: { 'border-width': 5, 'border-color': '#000', label: 'data(label)', 'z-index': 11, 'min-zoomed-font-size': 0, opacity: 1 } },
];

/**
 * Big graphs: labels only from zoom 1 up. Cytoscape decides label visibility at the texture level
 * 2^ceil(log2(zoom)), so with min-zoomed-font-size 9 an 11 px label is drawn (as a texture of its
 * own, per node) from zoom 0.5, where thousands of labels are an unreadable 6-10 px smear.
 */
const BIG_NETWORK_STYLE: cytoscape.StylesheetJson = [
  // No halo: outlined text costs a big graph's first frame ~25% more (bench:graph, 20k nodes).
  { selector: 'node', style: { ...NODE_STYLE, 'min-zoomed-font-size': 12, 'text-outline-width': 0 } },
  ...NETWORK_STYLE.slice(1),
];

export interface CreateNetworkCyOptions {
  container: HTMLElement;
  /** Node definitions (data: id, label, color, size); with positions when `preset`. */
  nodes: cytoscape.ElementDefinition[];
  edges: EdgeSpec[];
  /** Positions from the layout worker; without them fcose places the nodes (small graphs only). */
  preset: boolean;
  /** Force the canvas renderer (tests, benchmarks); default: WebGL only on a real GPU. */
  forceCanvas?: boolean;
}

export interface NetworkDrawing {
  cy: cytoscape.Core;
  edges: EdgeLayer;
  renderer: 'webgl' | 'canvas';
}

/**
 * The nodes in Cytoscape, with the level-of-detail settings that keep 5k nodes / 20k edges
 * interactive on canvas, and the edges on the EdgeLayer under them.
 */
export function createNetworkCy(o: CreateNetworkCyOptions): NetworkDrawing {
  claimCytoscapeStylesheet();
  const webgl = !o.forceCanvas && hasRealWebGl2();
  const big = o.nodes.length + o.edges.length > BIG_GRAPH_ELEMENTS;
  const nodes = o.nodes;
  // In place, on the definitions (Cytoscape copies their data when it adds them): copying them first costs garbage collection in the first frame.
  for (const n of nodes) if (typeof n.data.size === 'number') n.data.size = quantizeSize(n.data.size);
  if (!o.preset) placeWithFcose(nodes, o.edges);
  const drawOrder = declutterLabels(nodes, big ? 0 : LABEL_OUTLINE);
  const pixelRatio = big ? 1 : window.devicePixelRatio || 1;
  const cy = cytoscape({
    container: o.container,
    elements: drawOrder,
    style: big ? BIG_NETWORK_STYLE : NETWORK_STYLE,
    layout: presetLayout(nodes, o.container),
    hideLabelsOnViewport: true,
    textureOnViewport: big,
    motionBlur: false,
    pixelRatio,
    boxSelectionEnabled: false,
    minZoom: MIN_ZOOM,
    maxZoom: MAX_ZOOM,
    renderer: webgl ? { name: 'canvas', webgl: true } : { name: 'canvas' },
  } as cytoscape.CytoscapeOptions);
  measureBeforeFirstFrame(cy);
  cy.on('select unselect', 'node', () => yieldLabelsToFront(cy));
  cy.on('dragfree', 'node', () => declutterDrawnLabels(cy));
  const ends = cy.nodes().map((n) => ({ id: n.id(), x: n.position('x'), y: n.position('y'), size: Number(n.data('size')) || 10 }));
  const edges = new EdgeLayer(cy, toDrawnEdges(ends, o.edges), { hideWhileMoving: big, pixelRatio });
  return { cy, edges, renderer: webgl ? 'webgl' : 'canvas' };
}

/**
 * Sets each node's `shownLabel`: its label, or '' where the label would overlap the label of a node
 * drawn bigger (or as big and listed earlier): overlapping labels made the clusters unreadable. A
 * label may cross another node's disc (kept out of discs, a dense cluster showed one label in ten).
 * Widths are summed from each character's measured advance (measured once a character).
 * Returns the nodes in the order to draw them: Cytoscape draws each label with its node, in the
 * order the nodes were added, so a disc drawn later covers the labels before it. The labelled nodes
 * come last, so no unlabelled disc covers a label, and of them a node whose disc crosses another's
 * label is drawn before it (drawOrderOverLabels).
 */
function declutterLabels(nodes: cytoscape.ElementDefinition[], outline: number): cytoscape.ElementDefinition[] {
  const ctx = new OffscreenCanvas(1, 1).getContext('2d')!;
  ctx.font = `${LABEL_SIZE}px ${LABEL_FONT}`;
  const advance = new Map<string, number>();
  const width = (label: string) => {
    let w = 0;
    for (const c of label) {
      let a = advance.get(c);
      if (a === undefined) advance.set(c, (a = ctx.measureText(c).width));
      w += a;
    }
    return w;
  };
  const discs: LabelBox[] = [];
  const boxes = nodes.map((n, i) => {
    const label = typeof n.data.label === 'string' ? n.data.label : '';
    const p = n.position;
    if (!label || !p) return { x1: 0, y1: 0, x2: 0, y2: 0 };
    // The halo around the text (none in big graphs), and a gap of a few px: the sum of advances may differ from the whole label measured by a pixel or two.
    const half = width(label) / 2 + outline + 3;
    // text-valign bottom: Cytoscape's label box starts at the node's bottom and is ~1.4 em high (plus the halo); a pixel of gap above and below.
    const radius = (typeof n.data.size === 'number' ? n.data.size : 10) / 2;
    const top = p.y + radius;
    discs[i] = { x1: p.x - radius, y1: p.y - radius, x2: p.x + radius, y2: top };
    return { x1: p.x - half, y1: top - outline - 1, x2: p.x + half, y2: top + LABEL_SIZE * 1.4 + outline + 1 };
  });
  const size = (i: number) => (typeof nodes[i]!.data.size === 'number' ? (nodes[i]!.data.size as number) : 0);
  const order = Array.from(nodes.keys()).sort((a, b) => size(b) - size(a) || a - b);
  const shown = labelsWithoutOverlap(boxes, order);
  nodes.forEach((n, i) => {
    n.data.shownLabel = shown[i] ? (n.data.label ?? '') : '';
    // Kept relative to the node: a node dragged since takes its label with it (yieldLabelsToFront).
    const b = boxes[i]!;
    const p = n.position ?? { x: 0, y: 0 };
    n.data.labelBox = { x1: b.x1 - p.x, y1: b.y1 - p.y, x2: b.x2 - p.x, y2: b.y2 - p.y };
  });
  const labelled = order.filter((i) => shown[i] && nodes[i]!.data.shownLabel);
  const last = new Set(labelled);
  return [...nodes.filter((_, i) => !last.has(i)), ...drawOrderOverLabels(boxes, discs, labelled).map((i) => nodes[i]!)];
}

/**
 * A found or selected node draws its label whatever declutterLabels decided: the drawn labels it
 * would cross are hidden (class label-yields) until it is no longer found or selected. Call after
 * changing which nodes are found; selection calls it itself.
 */
export function yieldLabelsToFront(cy: cytoscape.Core): void {
  const front = cy.nodes('.highlight, :selected');
  const others = cy.nodes().filter((n) => Boolean(n.data('shownLabel')) && !front.contains(n));
  const hide = labelsCrossing(front.map(labelBoxNow), others.map(labelBoxNow));
  cy.batch(() => {
    cy.nodes('.label-yields').removeClass('label-yields');
    for (const i of hide) others[i]!.addClass('label-yields');
  });
}

/**
 * declutterLabels again, from where the nodes are now: a node dragged onto others would have drawn
 * its label over theirs (or kept one hidden with nothing left to cross). The same rule, from the boxes
 * measured then; the draw order stays that of the first drawing.
 */
function declutterDrawnLabels(cy: cytoscape.Core): void {
  const nodes = cy.nodes();
  const boxes = nodes.map((n) => (n.data('label') ? labelBoxNow(n) : NO_BOX));
  const size = (i: number) => Number(nodes[i]!.data('size')) || 0;
  const shown = labelsWithoutOverlap(boxes, Array.from(boxes.keys()).sort((a, b) => size(b) - size(a) || a - b));
  cy.batch(() => nodes.forEach((n, i) => {
    const label = shown[i] ? String(n.data('label') ?? '') : '';
    if (n.data('shownLabel') !== label) n.data('shownLabel', label);
  }));
  yieldLabelsToFront(cy);
}

const NO_BOX: LabelBox = { x1: 0, y1: 0, x2: 0, y2: 0 };

/** A node's label box where the node is now (declutterLabels keeps it relative to the node). */
function labelBoxNow(n: cytoscape.NodeSingular): LabelBox {
  const b = n.data('labelBox') as LabelBox | undefined;
  const { x, y } = n.position();
  return b ? { x1: b.x1 + x, y1: b.y1 + y, x2: b.x2 + x, y2: b.y2 + y } : NO_BOX;
}

/**
 * Cytoscape measures an element's bounding box lazily, and the first measurement marks the element's
 * bounds dirty, which queues its rendered style for recalculation. Left to the first frame (the
 * drawing measures every element), that dirties all 5k nodes of a 5k/20k graph *after* they were
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
const FIT_MAX_ZOOM = 1.5;
const FIT_PADDING = 30;

/**
 * Fits the view to `eles` (Find's matches), zoomed in no further than a small graph is first drawn:
 * one account found alone was blown up to the maximum zoom, a disc filling the canvas with its
 * neighbours and edges out of the view. The analyst can still zoom in to MAX_ZOOM.
 */
export function fitFound(cy: cytoscape.Core, eles: cytoscape.CollectionArgument, padding: number): void {
  cy.fit(eles, padding);
  if (cy.zoom() <= FIT_MAX_ZOOM) return;
  cy.zoom(FIT_MAX_ZOOM);
  cy.center(eles);
}

/**
 * The nodes already carry their positions: the preset layout must not set them again (each set
 * dirties the node and emits an event), and the fit is computed from the positions and sizes here
 * instead of from the bounding box of every node with its measured label (which styles and measures
 * every node before the first frame).
 */
/** Half a label's width at LABEL_SIZE, estimated without measuring: ~0.6 em a character, 1 em for wide (CJK) ones. */
function labelHalfWidth(label: string): number {
  let em = 0;
  for (const ch of label) em += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.6;
  return (em * LABEL_SIZE) / 2;
}

function presetLayout(nodes: cytoscape.ElementDefinition[], container: HTMLElement): cytoscape.LayoutOptions {
  let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
  for (const e of nodes) {
    const p = e.position;
    if (!p) continue;
    const r = (typeof e.data?.size === 'number' ? e.data.size : 10) / 2;
    // A label is centred under its node and often wider than it: its estimated half width counts too (a label at the edge was cut off).
    const half = Math.max(r, labelHalfWidth(typeof e.data?.label === 'string' ? e.data.label : ''));
    x1 = Math.min(x1, p.x - half);
    x2 = Math.max(x2, p.x + half);
    y1 = Math.min(y1, p.y - r);
    y2 = Math.max(y2, p.y + r + 16); // the label below the node
  }
  const w = container.clientWidth;
  const h = container.clientHeight;
  if (!Number.isFinite(x1) || w === 0 || h === 0) return { name: 'preset', fit: true, animate: false };
  // A small graph is drawn at about its natural size, not blown up to fill the canvas (two nodes
  // would sit at the edges with their labels cut off); the user can still zoom in to MAX_ZOOM.
  const zoom = Math.min(FIT_MAX_ZOOM, Math.max(MIN_ZOOM, Math.min((w - 2 * FIT_PADDING) / Math.max(1, x2 - x1), (h - 2 * FIT_PADDING) / Math.max(1, y2 - y1))));
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
