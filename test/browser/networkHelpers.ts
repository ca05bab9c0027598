import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Helpers for the Network view specs: build a network, read what is drawn, pick an edge on the canvas. */

export async function buildNetwork(page: Page, kind: string): Promise<void> {
  await page.getByLabel('Network kind').selectOption({ label: kind });
  const button = page.getByRole('button', { name: 'Build network' });
  await button.click();
  // The network built before stays shown while this one builds: the build has ended when the button is back.
  await expect(button).toBeEnabled({ timeout: 180_000 });
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${kind.replace(/[()]/g, '\\$&')} network of`) })).toBeVisible();
  await waitDrawn(page);
}

/** The edge table's rows as "source → target" (cells as shown: names, ids after lookalikes, "(itself)"), sorted. */
export async function edgeRows(page: Page): Promise<string[]> {
  const rows = page.getByTestId('edge-table').locator('tbody tr');
  return (await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent!.trim()).join(' → ')))).sort();
}

/** Waits until the drawn graph (after its layout) has its first frame on the canvas. */
export async function waitDrawn(page: Page): Promise<void> {
  const [nodes] = await drawn(page);
  if (nodes > 0) await expect(page.getByTestId('network-canvas')).toHaveAttribute('data-rendered', 'true', { timeout: 180_000 });
}

/** "Drawing N of M nodes and E of F edges" (or "of 1 edge") → [N, E]. */
export async function drawn(page: Page): Promise<[number, number]> {
  const text = (await page.getByTestId('network-drawn').innerText()).replace(/,/g, '');
  const m = /Drawing (\d+) of \d+ nodes? and (\d+) of \d+ edges?/.exec(text)!;
  return [Number(m[1]), Number(m[2])];
}

/** The pairs of drawn labels that overlap, by Cytoscape's own measure of each label's box (1 px of slack for the view's estimate). */
export async function labelOverlaps(page: Page): Promise<string[]> {
  return page.getByTestId('network-canvas').evaluate((el) => {
    const { cy } = el as unknown as { cy: import('cytoscape').Core };
    const shown = cy.nodes().filter((n) => n.style('label') !== '');
    const boxes = shown.map((n) => n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }));
    const overlaps: string[] = [];
    for (let a = 0; a < boxes.length; a++) {
      for (let b = a + 1; b < boxes.length; b++) {
        const [p, q] = [boxes[a]!, boxes[b]!];
        if (p.x1 + 1 < q.x2 && q.x1 + 1 < p.x2 && p.y1 + 1 < q.y2 && q.y1 + 1 < p.y2) overlaps.push(`${shown[a]!.data('label')} / ${shown[b]!.data('label')}`);
      }
    }
    return overlaps;
  });
}

type Drawn = { cy: import('cytoscape').Core; edgeLayer: import('../../renderer/src/network/edgeLayer').EdgeLayer };

/**
 * Clicks a real edge on the canvas, at a point on its drawn line clear of every node (from the edge
 * layer's edges and Cytoscape's rendered node positions). Returns true when the click selected an
 * edge; a dense graph can leave no clear point.
 */
export async function clickEdgeOnCanvas(page: Page): Promise<boolean> {
  const canvas = page.getByTestId('network-canvas');
  const point = await canvas.evaluate((el) => {
    const { cy, edgeLayer } = el as unknown as Drawn;
    const edges = edgeLayer.list().filter((e) => e.source !== e.target);
    if (!edges.length) return null;
    // Zoom onto the neighbourhood of the heaviest (widest) edge, so edges are long and nodes far apart.
    const width = (e: (typeof edges)[number]) => edgeLayer.edges.width[e.row]!;
    const heaviest = edges.reduce((a, b) => (width(b) > width(a) ? b : a));
    cy.fit(cy.getElementById(heaviest.source).union(cy.getElementById(heaviest.target)), 150);
    const clear = (x: number, y: number) => cy.nodes().every((n) => {
      const b = n.renderedBoundingBox({ includeLabels: true });
      return x < b.x1 - 6 || x > b.x2 + 6 || y < b.y1 - 6 || y > b.y2 + 6;
    });
    const inView = (x: number, y: number) => x > 10 && y > 10 && x < el.clientWidth - 10 && y < el.clientHeight - 10;
    for (const e of [heaviest, ...edges]) {
      const s = cy.getElementById(e.source).renderedPosition();
      const t = cy.getElementById(e.target).renderedPosition();
      for (const f of [0.5, 0.4, 0.6, 0.3, 0.7]) {
        const x = s.x + (t.x - s.x) * f;
        const y = s.y + (t.y - s.y) * f;
        if (inView(x, y) && clear(x, y)) return { x, y };
      }
    }
    return null;
  });
  if (!point) return false;
  const box = (await canvas.boundingBox())!;
  await page.waitForTimeout(300); // the fit's frame (big drawings bring their edges back 150 ms after the viewport stops)
  await page.mouse.click(box.x + point.x, box.y + point.y);
  return page.getByTestId('edge-details').waitFor({ timeout: 5_000 }).then(() => true, () => false);
}

/** The source and target ids of the edge the edge layer draws as selected. */
export function selectedEdge(page: Page): Promise<{ source: string; target: string } | null> {
  return page.getByTestId('network-canvas').evaluate((el) => {
    const { edgeLayer } = el as unknown as Drawn;
    const row = edgeLayer.currentHighlight.selectedRow;
    const e = row < 0 ? undefined : edgeLayer.list()[row];
    return e ? { source: e.source, target: e.target } : null;
  });
}

/** Reads every pin straight from IndexedDB (no app code). */
export function readPins(page: Page): Promise<{ kind: string; title: string; payload: Record<string, unknown>; provenance: { row: number; byteOffset: number }[] }[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('disclosure-workbench');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const rows = await new Promise<unknown[]>((resolve, reject) => {
      const r = db.transaction('pins').objectStore('pins').getAll();
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    db.close();
    return rows as never;
  });
}

/**
 * The bytes each live analysis worker of the page holds after a full garbage collection (its V8 heap
 * and its array buffers), read over the DevTools protocol: a worker's memory, which no page API gives.
 */
export async function analysisWorkerBytes(page: Page): Promise<number[]> {
  const cdp = await page.context().newCDPSession(page);
  const workers = new Map<string, string>();
  cdp.on('Target.attachedToTarget', (e) => void workers.set(e.sessionId, e.targetInfo.url));
  cdp.on('Target.detachedFromTarget', (e) => void workers.delete(e.sessionId));
  const replies = new Map<number, (result: { usedSize: number; backingStorageSize?: number }) => void>();
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message) as { id: number; result: { usedSize: number; backingStorageSize?: number } };
    replies.get(m.id)?.(m.result);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  let id = 0;
  // A worker ended meanwhile never answers: said, rather than waited for.
  const ask = (sessionId: string, method: string) => new Promise<{ usedSize: number; backingStorageSize?: number }>((resolve, reject) => {
    replies.set(++id, resolve);
    setTimeout(() => reject(new Error(`analysis worker did not answer ${method} (ended?)`)), 10_000);
    void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
  });
  const bytes: number[] = [];
  for (const [sessionId, url] of workers) {
    if (!/analysisWorker/.test(url)) continue;
    await ask(sessionId, 'HeapProfiler.collectGarbage');
    const heap = await ask(sessionId, 'Runtime.getHeapUsage');
    bytes.push(heap.usedSize + (heap.backingStorageSize ?? 0));
  }
  await cdp.detach();
  return bytes;
}
