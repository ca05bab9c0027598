import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import path from 'node:path';
import { CHROMIUM_ARGS, chromiumExecutable } from './chromium';
import { exposeModule } from './pageModule';

// The Network view's edge layer on its own (createNetworkCy on a blank page, canvas renderer): its
// pixels lie on the edges between Cytoscape's nodes, at the device pixel ratio, after pans, zooms and
// node drags; a big drawing clears its edges while the viewport moves and brings them back when it stops.

type Net = typeof import('../../renderer/src/network/createNetworkCy');
type Drawing = import('../../renderer/src/network/createNetworkCy').NetworkDrawing;

let browser: Browser;
test.beforeAll(async () => {
  browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
});
test.afterAll(() => browser.close());

/** A ring of n nodes (radius 250), each joined to the next and to the one `chord` places on. */
async function drawRing(page: Page, n: number, chord: number): Promise<void> {
  await page.setContent('<!doctype html><html><body style="margin:0"><div id="cy" style="position:relative;width:800px;height:600px"></div></body></html>');
  await exposeModule(page, path.resolve('renderer/src/network/createNetworkCy.ts'), 'dwNet');
  await page.evaluate(([n, chord]) => {
    const g = globalThis as unknown as { dwNet: Net; drawing: Drawing };
    const nodes = Array.from({ length: n }, (_, i) => ({
      group: 'nodes' as const,
      data: { id: 'n' + i, label: '', color: '#0072b2', size: 6 },
      position: { x: 250 * Math.cos((2 * Math.PI * i) / n), y: 250 * Math.sin((2 * Math.PI * i) / n) },
    }));
    const edges = nodes.flatMap((_, i) => [
      { index: 2 * i, source: 'n' + i, target: 'n' + ((i + 1) % n), width: 2, colour: '#6b6b6b' },
      { index: 2 * i + 1, source: 'n' + i, target: 'n' + ((i + chord) % n), width: 2, colour: '#6b6b6b' },
    ]);
    g.drawing = g.dwNet.createNetworkCy({ container: document.getElementById('cy')!, nodes, edges, preset: true, forceCanvas: true });
  }, [n, chord] as const);
  await page.waitForTimeout(200);
}

/** Per edge (model index): the edge layer's alpha at its midpoint (from the rendered node positions); -1 out of view. */
function midpointAlpha(page: Page, indexes: number[]): Promise<number[]> {
  return page.evaluate((indexes) => {
    const { cy, edges } = (globalThis as unknown as { drawing: Drawing }).drawing;
    const canvas = edges.canvas;
    const ratio = canvas.width / canvas.clientWidth;
    const ctx = canvas.getContext('2d')!;
    const list = edges.list();
    return indexes.map((i) => {
      const e = list.find((x) => x.index === i)!;
      const s = cy.getElementById(e.source).renderedPosition();
      const t = cy.getElementById(e.target).renderedPosition();
      const x = Math.round(((s.x + t.x) / 2) * ratio);
      const y = Math.round(((s.y + t.y) / 2) * ratio);
      if (x < 2 || y < 2 || x > canvas.width - 2 || y > canvas.height - 2) return -1;
      const d = ctx.getImageData(x - 1, y - 1, 3, 3).data;
      let a = 0;
      for (let k = 3; k < d.length; k += 4) a = Math.max(a, d[k]!);
      return a;
    });
  }, indexes);
}

/** Every edge in view is drawn at its midpoint, and at least `min` are in view. */
async function expectDrawn(page: Page, indexes: number[], min: number): Promise<void> {
  const alphas = (await midpointAlpha(page, indexes)).filter((a) => a >= 0);
  expect(alphas.length).toBeGreaterThanOrEqual(min);
  for (const a of alphas) expect(a).toBeGreaterThan(60);
}

const layerInk = (page: Page): Promise<number> => page.evaluate(() => {
  const c = (globalThis as unknown as { drawing: Drawing }).drawing.edges.canvas;
  const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let k = 3; k < d.length; k += 4) if (d[k]) n++;
  return n;
});

test('small drawing at device pixel ratio 2: edges under the nodes, following pan, zoom and a node drag; selection and focus drawn', async () => {
  const page = await browser.newPage({ viewport: { width: 800, height: 600 }, deviceScaleFactor: 2 });
  await drawRing(page, 30, 7); // 30 nodes + 60 edges: a small drawing, redrawn at every frame
  const size = await page.evaluate(() => {
    const c = (globalThis as unknown as { drawing: Drawing }).drawing.edges.canvas;
    return [c.width, c.height, c.clientWidth, c.clientHeight];
  });
  expect(size).toEqual([1600, 1200, 800, 600]);
  const ring = Array.from({ length: 30 }, (_, i) => 2 * i);
  await expectDrawn(page, ring, 30);

  // Pan by dragging the background (the ring's empty centre), still holding the button: edges follow.
  await page.mouse.move(400, 300);
  await page.mouse.down();
  for (let i = 1; i <= 5; i++) await page.mouse.move(400 + 20 * i, 300 + 10 * i);
  await page.waitForTimeout(100);
  await expectDrawn(page, ring, 20);
  await page.mouse.up();
  await page.mouse.wheel(0, -100);
  await page.waitForTimeout(200);
  await expectDrawn(page, ring, 10);

  // Drag node n0 elsewhere: its two edges' midpoints are where the moved node puts them.
  const from = await page.evaluate(() => (globalThis as unknown as { drawing: Drawing }).drawing.cy.getElementById('n0').renderedPosition());
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 5; i++) await page.mouse.move(from.x - 20 * i, from.y + 30 * i);
  await page.mouse.up();
  await page.waitForTimeout(100);
  const moved = await page.evaluate(() => (globalThis as unknown as { drawing: Drawing }).drawing.cy.getElementById('n0').renderedPosition());
  expect(Math.hypot(moved.x - from.x, moved.y - from.y)).toBeGreaterThan(100);
  await expectDrawn(page, [0, 1], 2);

  // The selected edge is opaque; with a node focused, the other edges fade and its own stay.
  // Back to the whole ring in view first.
  await page.evaluate(() => {
    (globalThis as unknown as { drawing: Drawing }).drawing.cy.fit(undefined, 30);
  });
  await page.evaluate(() => (globalThis as unknown as { drawing: Drawing }).drawing.edges.setHighlight(null, 20));
  await page.waitForTimeout(100);
  const [selected, other] = await midpointAlpha(page, [20, 22]); // n10–n11, n11–n12
  expect(selected).toBe(255);
  expect(other).toBeGreaterThan(60);
  expect(other).toBeLessThan(200);
  await page.evaluate(() => (globalThis as unknown as { drawing: Drawing }).drawing.edges.setHighlight('n15', null));
  await page.waitForTimeout(100);
  const [own, faded] = await midpointAlpha(page, [30, 34]); // n15–n16; n17–n18
  expect(own).toBeGreaterThan(60);
  expect(faded).toBeGreaterThan(0);
  expect(faded).toBeLessThan(own / 3);
  await page.close();
});

test('big drawing: edges cleared while the viewport or a dragged node moves (button held or wheel), back on the edges once it stops', async () => {
  const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
  await drawRing(page, 700, 50); // 700 nodes + 1,400 edges: over the 2,000-element level of detail
  const some = Array.from({ length: 1400 }, (_, i) => i).filter((i) => i % 2 === 0 && i % 14 === 0); // ring edges, 50 of them
  await expectDrawn(page, some, 50);

  await page.mouse.move(400, 300);
  await page.mouse.down();
  for (let i = 1; i <= 5; i++) await page.mouse.move(400 + 30 * i, 300 + 15 * i);
  await page.waitForTimeout(400); // longer than the settle delay: the held button keeps them hidden
  expect(await layerInk(page)).toBe(0);
  await page.mouse.up();
  await page.waitForTimeout(400);
  await expectDrawn(page, some, 20);

  // The layer's ink right after each viewport change of a wheel zoom (a listener added after the layer's own).
  await page.evaluate(() => {
    const g = globalThis as unknown as { drawing: Drawing; inkOnViewport: number[] };
    g.inkOnViewport = [];
    g.drawing.cy.on('viewport', () => {
      const c = g.drawing.edges.canvas;
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let k = 3; k < d.length; k += 4) if (d[k]) n++;
      g.inkOnViewport.push(n);
    });
  });
  await page.mouse.wheel(0, -100);
  await page.waitForTimeout(400);
  const inkOnViewport = await page.evaluate(() => (globalThis as unknown as { inkOnViewport: number[] }).inkOnViewport);
  expect(inkOnViewport.length).toBeGreaterThan(0);
  expect(inkOnViewport.every((n) => n === 0)).toBe(true);
  await expectDrawn(page, some, 10);

  // Drag a node (zoomed onto n0; nodes overlap on the ring, so whichever is on top moves): cleared
  // while the button is held, then its edges drawn where it now is.
  const positions = () => page.evaluate(() => (globalThis as unknown as { drawing: Drawing }).drawing.cy.nodes().map((n) => [n.id(), n.position('x'), n.position('y')] as const));
  await page.evaluate(() => {
    const { cy } = (globalThis as unknown as { drawing: Drawing }).drawing;
    cy.fit(cy.getElementById('n0'), 250);
  });
  await page.waitForTimeout(400);
  const before = new Map((await positions()).map(([id, x, y]) => [id, { x, y }]));
  const at = await page.evaluate(() => (globalThis as unknown as { drawing: Drawing }).drawing.cy.getElementById('n0').renderedPosition());
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  for (let i = 1; i <= 5; i++) await page.mouse.move(at.x + 12 * i, at.y + 16 * i);
  await page.waitForTimeout(400);
  expect(await layerInk(page)).toBe(0);
  await page.mouse.up();
  await page.waitForTimeout(400);
  const moved = (await positions()).filter(([id, x, y]) => Math.hypot(x - before.get(id)!.x, y - before.get(id)!.y) > 1).map(([id]) => Number(id.slice(1)));
  expect(moved.length).toBeGreaterThan(0);
  await expectDrawn(page, moved.flatMap((k) => [2 * k, 2 * ((k + 699) % 700)]), 2);
  await page.close();
});
