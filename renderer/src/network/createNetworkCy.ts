/// <reference path="./fcose.d.ts" />
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { hasRealWebGl2 } from './detectGpu';

cytoscape.use(fcose);

/** Above this many nodes the layout runs in the ForceAtlas2 worker and arrives as preset positions. */
export const FCOSE_MAX_NODES = 300;
export const FCOSE_MAX_EDGES = 2_000;
/** Never draw more than this; the view prunes to the top nodes by a metric and says so. */
export const DRAW_CAP_NODES = 20_000;

// Cytoscape accepts double quotes only in font-family.
// Emoji from the monochrome Noto Emoji, right after Noto Sans (see styles/app.css).
export const LABEL_FONT = '"Noto Sans", "Noto Emoji", "Noto Sans SC", "Noto Sans Arabic", "Noto Sans Hebrew", sans-serif';

/** Node data: id, label, color, size (px). Edge data: id, source, target, width (px), color. */
export const NETWORK_STYLE: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
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
      'border-width': 0,
    },
  },
  {
    selector: 'edge',
    style: {
      'curve-style': 'haystack', // straight, no arrow, cheapest edge to draw
      'haystack-radius': 0,
      width: 'data(width)',
      'line-color': 'data(color)',
      opacity: 0.55,
    },
  },
  { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#000' } },
  { selector: 'edge:selected', style: { 'line-color': '#000', opacity: 1, width: 4 } },
  { selector: '.faded', style: { opacity: 0.08, label: '' } },
  { selector: 'node.highlight', style: { 'border-width': 4, 'border-color': '#d00', 'z-index': 10 } },
];

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
  const big = o.elements.length > 5_000;
  const cy = cytoscape({
    container: o.container,
    elements: o.elements,
    style: NETWORK_STYLE,
    layout: o.preset ? { name: 'preset', fit: true, animate: false } : ({ name: 'fcose', animate: false, randomize: true, quality: 'default', seed: 1 } as cytoscape.LayoutOptions),
    hideEdgesOnViewport: big,
    hideLabelsOnViewport: true,
    textureOnViewport: big,
    motionBlur: false,
    pixelRatio: big ? 1 : 'auto',
    boxSelectionEnabled: false,
    minZoom: 0.02,
    maxZoom: 8,
    renderer: webgl ? { name: 'canvas', webgl: true } : { name: 'canvas' },
  } as cytoscape.CytoscapeOptions);
  return { cy, renderer: webgl ? 'webgl' : 'canvas' };
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
