import type cytoscape from 'cytoscape';
import { drawEdges, NO_HIGHLIGHT, type EdgeHighlight } from './drawEdges';
import type { DrawnEdges } from './drawnEdges';
import { nearestEdge } from './edgeHitTest';

/**
 * Big drawings: edges come back this long after the last pan, zoom or node drag step, once no button
 * is held (as Cytoscape's hideEdgesOnViewport; its texture of the nodes is shown under the same conditions).
 */
const SETTLE_MS = 150;
/** A tap this close to an edge's stroke (screen px) selects it. */
const TAP_TOLERANCE_PX = 4;

export interface EdgeLayerOptions {
  /** Clear the edges while the viewport or a dragged node moves and draw them once it stops (big drawings). */
  hideWhileMoving: boolean;
  /** Canvas pixels per CSS pixel (the same as Cytoscape's). */
  pixelRatio: number;
}

/**
 * The edges, drawn on a canvas of our own under Cytoscape's canvases: Cytoscape holds only the nodes
 * (its per-element cost, mostly edges, made the first frame of 5k nodes / 20k edges take ~4 s). The
 * layer follows Cytoscape's pan, zoom, node drags and resizes, and answers which edge a tap hit.
 */
export class EdgeLayer {
  readonly canvas: HTMLCanvasElement;
  private highlight: EdgeHighlight = NO_HIGHLIGHT;
  private frame = 0;
  private settle: ReturnType<typeof setTimeout> | undefined;
  /** A button is held on the drawing (a drag that pans or moves a node); the edges are cleared while moving. */
  private pressed = false;
  private hidden = false;
  private readonly unbind: () => void;

  constructor(private readonly cy: cytoscape.Core, readonly edges: DrawnEdges, private readonly o: EdgeLayerOptions) {
    const container = cy.container()!;
    const canvas = (this.canvas = document.createElement('canvas'));
    canvas.dataset.id = 'edge-layer';
    Object.assign(canvas.style, { position: 'absolute', left: '0', top: '0', pointerEvents: 'none' });
    // First child: below Cytoscape's own container (position: relative, z-index 0).
    container.prepend(canvas);
    const settleLater = () => {
      clearTimeout(this.settle);
      this.settle = setTimeout(() => this.pressed || this.draw(), SETTLE_MS);
    };
    const onMove = () => {
      if (!o.hideWhileMoving) return this.schedule();
      cancelAnimationFrame(this.frame);
      if (!this.hidden) this.clear();
      this.hidden = true;
      settleLater();
    };
    const onPress = () => (this.pressed = true);
    const onRelease = () => {
      this.pressed = false;
      if (this.hidden) settleLater();
    };
    const onPosition = (e: cytoscape.EventObject) => {
      const i = edges.nodeIndex.get(e.target.id());
      if (i === undefined) return;
      const p = e.target.position();
      edges.xy[2 * i] = p.x;
      edges.xy[2 * i + 1] = p.y;
      onMove();
    };
    const onResize = () => this.draw();
    cy.on('viewport', onMove);
    cy.on('position', 'node', onPosition);
    cy.on('resize', onResize);
    cy.on('tapstart', onPress);
    cy.on('tapend', onRelease);
    this.unbind = () => {
      cy.off('viewport', onMove);
      cy.off('position', 'node', onPosition);
      cy.off('resize', onResize);
      cy.off('tapstart', onPress);
      cy.off('tapend', onRelease);
    };
    this.draw();
  }

  /** The model index of the edge under a tap at model position (x, y), or null. */
  edgeAt(x: number, y: number): number | null {
    const row = nearestEdge(this.edges, x, y, TAP_TOLERANCE_PX / this.cy.zoom());
    return row < 0 ? null : this.edges.index[row]!;
  }

  /** Neighbourhood focus (the focused node's edges stay, the others fade) and the selected edge (model index). */
  setHighlight(focusNode: string | null, selectedEdge: number | null): void {
    this.highlight = {
      focusNode: focusNode === null ? -1 : (this.edges.nodeIndex.get(focusNode) ?? -1),
      selectedRow: selectedEdge === null ? -1 : this.edges.index.indexOf(selectedEdge),
    };
    this.schedule();
  }

  /** The edges as drawn, by row, model index and end node ids (browser tests find points on them to click). */
  list(): { index: number; source: string; target: string; row: number }[] {
    const d = this.edges;
    return Array.from(d.index, (index, row) => ({ index, source: d.nodeIds[d.source[row]!]!, target: d.nodeIds[d.target[row]!]!, row }));
  }

  get currentHighlight(): EdgeHighlight {
    return this.highlight;
  }

  /** Draws the edges onto another canvas (the PNG export), with no selection or focus: `ctx` maps model coordinates to its pixels. */
  drawOnto(ctx: CanvasRenderingContext2D): void {
    drawEdges(ctx, this.edges, NO_HIGHLIGHT);
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    clearTimeout(this.settle);
    this.unbind();
    this.canvas.remove();
  }

  private schedule(): void {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.draw());
  }

  private clear(): void {
    const ctx = this.canvas.getContext('2d')!;
    ctx.setTransform(1, 0, 0, 1, 0, 0); // draw() leaves the model transform set
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
  }

  /** Draws now, sized to the container (Cytoscape sizes its canvases the same way). */
  draw(): void {
    const container = this.cy.container();
    if (!container) return;
    const r = this.o.pixelRatio;
    const w = container.clientWidth;
    const h = container.clientHeight;
    const c = this.canvas;
    if (c.width !== Math.round(w * r) || c.height !== Math.round(h * r)) {
      c.width = Math.round(w * r);
      c.height = Math.round(h * r);
      c.style.width = `${w}px`;
      c.style.height = `${h}px`;
    }
    this.clear();
    this.hidden = false;
    const ctx = c.getContext('2d')!;
    const z = this.cy.zoom();
    const p = this.cy.pan();
    ctx.setTransform(r * z, 0, 0, r * z, r * p.x, r * p.y);
    drawEdges(ctx, this.edges, this.highlight);
  }
}
