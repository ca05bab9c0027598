import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openDemoArchive } from './exploreHelpers';
import { expect, test } from './fixtures';
import { buildNetwork, clickEdgeOnCanvas, drawn, selectedEdge } from './networkHelpers';

// The Network view from the keyboard on the demo archive: every drawn edge reachable in the edge table.

/**
 * The edge table's rows as "source → target", without the ids shown after names that read alike: those
 * depend on which accounts a page shows together (network-why.spec.ts tests them), the rows do not.
 */
const tableRows = (page: Page): Promise<string[]> =>
  page.getByTestId('edge-table').locator('tbody tr').evaluateAll((rows) => (rows as HTMLTableRowElement[]).map((r) => {
    const name = (cell: HTMLTableCellElement) => cell.textContent!.replace(/ \((user id [^)]*|no user id)\)/, '');
    return `${name(r.cells[0]!)} → ${name(r.cells[1]!)}`;
  }));

test('the edge table pages through every drawn edge, and lists a found account’s edges (keyboard)', async ({ page, consoleLog }) => {
  test.setTimeout(300_000);
  await openDemoArchive(page);
  await page.goto('#/network');
  await buildNetwork(page, 'Retweet');
  const [, edges] = await drawn(page);
  expect(edges).toBeGreaterThan(200);
  const caption = page.getByTestId('edge-table').locator('caption');
  await expect(caption).toHaveText(`Edges drawn, by weight: 1–100 of ${edges.toLocaleString('en-US')}`);

  // Next page to the end, with Enter: every drawn edge is a row once.
  const pager = page.getByRole('group', { name: 'Pages of the edge table' });
  const next = pager.getByRole('button', { name: 'Next page' });
  const all: string[] = await tableRows(page);
  await next.focus();
  const pages = Math.ceil(edges / 100);
  for (let p = 2; p <= pages; p++) {
    await page.keyboard.press('Enter');
    const last = Math.min(p * 100, edges);
    await expect(caption).toHaveText(`Edges drawn, by weight: ${((p - 1) * 100 + 1).toLocaleString('en-US')}–${last.toLocaleString('en-US')} of ${edges.toLocaleString('en-US')}`);
    all.push(...(await tableRows(page)));
  }
  expect(all).toHaveLength(edges);
  // The last page disables Next page: the focus is on Previous page, not lost.
  await expect(next).toBeDisabled();
  await expect(pager.getByRole('button', { name: 'Previous page' })).toBeFocused();

  // Find an account: the table lists its edges (all of them, on every page before).
  const name = all[all.length - 1]!.split(' → ')[0]!;
  const pattern = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const own = all.filter((r) => r.split(' → ').includes(name));
  const search = page.getByRole('searchbox', { name: 'Find account' });
  await search.focus();
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  const choose = page.getByRole('list', { name: 'Matching accounts' }).getByRole('button', { name: new RegExp(`(^Show |@)${pattern}$`) });
  if (await choose.count()) {
    await choose.focus();
    await page.keyboard.press('Enter');
  }
  await expect(caption).toHaveText(new RegExp(`^Edges of .*${pattern}.* drawn, by weight: 1–${own.length} of ${own.length}$`));
  expect((await tableRows(page)).sort()).toEqual([...own].sort());
  // Showing one of its edges keeps the table on the account's edges.
  await page.getByTestId('edge-table').getByRole('button', { name: /^Show edge/ }).last().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('edge-tweet-table')).toBeVisible();
  await expect(caption).toHaveText(new RegExp(`^Edges of .*${pattern}`));
  // Back to all edges: the focus goes to the table.
  await page.getByRole('button', { name: 'Show all edges in the table' }).focus();
  await page.keyboard.press('Enter');
  await expect(caption).toHaveText(new RegExp(`^Edges drawn, by weight: 1–100 of ${edges.toLocaleString('en-US')}(, and the selected edge)?$`));
  await expect(page.getByTestId('edge-table')).toBeFocused();
  expect(consoleLog.errors).toEqual([]);
});

/** The part of the focused element's focus ring (outline and its offset) that a scrolling ancestor clips, in px per side; all 0 when the whole ring shows. */
const clippedRing = (page: Page) => page.evaluate(() => {
  const el = document.activeElement as HTMLElement;
  const cs = getComputedStyle(el);
  const ring = parseFloat(cs.outlineWidth) + parseFloat(cs.outlineOffset);
  const r = el.getBoundingClientRect();
  const clip = { top: 0, right: 0, bottom: 0, left: 0 };
  for (let a = el.parentElement; a; a = a.parentElement) {
    const o = getComputedStyle(a);
    if (o.overflowX === 'visible' && o.overflowY === 'visible') continue;
    const b = a.getBoundingClientRect();
    const [top, left] = [b.top + a.clientTop, b.left + a.clientLeft];
    clip.top = Math.max(clip.top, Math.round(top - (r.top - ring)));
    clip.left = Math.max(clip.left, Math.round(left - (r.left - ring)));
    clip.right = Math.max(clip.right, Math.round(r.right + ring - (left + a.clientWidth)));
    clip.bottom = Math.max(clip.bottom, Math.round(r.bottom + ring - (top + a.clientHeight)));
  }
  return clip;
});

test('an edge shown from the table gets the focus on its details heading with the whole focus ring in view', async ({ page, consoleLog }) => {
  test.setTimeout(240_000);
  await openDemoArchive(page);
  await page.goto('#/network');
  await buildNetwork(page, 'Mention');
  await page.getByTestId('edge-table').getByRole('button', { name: /^Show edge/ }).nth(3).focus();
  await page.keyboard.press('Enter');
  const heading = page.getByTestId('edge-details').getByRole('heading', { level: 2 });
  await expect(heading).toBeFocused();
  // Show edge on the edge already shown takes the focus to its details too.
  await page.getByTestId('edge-table').getByRole('button', { name: /^Show edge/ }).nth(3).focus();
  await page.keyboard.press('Enter');
  await expect(heading).toBeFocused();
  // The details panel scrolls (its own overflow) inside the page's scroller: neither may cut the ring.
  expect(await clippedRing(page)).toEqual({ top: 0, right: 0, bottom: 0, left: 0 });
  expect(consoleLog.errors).toEqual([]);
});

test('Escape closes an edge’s or an account’s details and puts the focus back where they were opened from; Escape in Find account does not close them', async ({ page, consoleLog }) => {
  test.setTimeout(240_000);
  await openDemoArchive(page);
  await page.goto('#/network');
  await buildNetwork(page, 'Retweet');
  const details = page.getByTestId('edge-details');
  const heading = details.getByRole('heading', { level: 2 });
  const table = page.getByTestId('edge-table');
  // Opened with a Show edge button: Escape from within the details (here on their Pin button) closes them, back on that button.
  const show = table.getByRole('button', { name: /^Show edge/ }).nth(3);
  const name = (await show.getAttribute('aria-label')) ?? (await show.textContent())!;
  await show.focus();
  await page.keyboard.press('Enter');
  await expect(heading).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(details.getByRole('button', { name: /^Pin to case: edge / })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(details).toHaveCount(0);
  await expect(table.getByRole('button', { name, exact: true })).toBeFocused();
  await expect(table.locator('tr[aria-selected="true"]')).toHaveCount(0);
  expect(await selectedEdge(page)).toBeNull(); // the graph no longer draws it as selected

  // An account of the edge table (its Target cell) opens its details as a click on its node does; Escape, back on it.
  const target = table.locator('tbody tr').nth(2).locator('td').nth(1).getByRole('button');
  const targetName = (await target.textContent())!;
  await target.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('node-details').getByRole('heading', { level: 2 })).toBeFocused();
  await expect(page.getByTestId('node-details')).toContainText(targetName);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('node-details')).toHaveCount(0);
  await expect(target).toBeFocused();

  // An account shown from Find's matches: Escape closes its details too, back on its Show button, and no node stays selected.
  const find = page.getByRole('searchbox', { name: 'Find account' });
  await find.fill('a');
  await find.press('Enter');
  const match = page.getByRole('list', { name: 'Matching accounts' }).getByRole('button').nth(1);
  const matchName = (await match.textContent())!;
  await match.focus();
  await page.keyboard.press('Enter');
  const nodeDetails = page.getByTestId('node-details');
  await expect(nodeDetails.getByRole('heading', { level: 2 })).toBeFocused();
  // The shown account and the found ones keep their labels at any zoom (others' appear only when readable),
  // the shown one in black over the found ones' red.
  const labels = await page.getByTestId('network-canvas').evaluate((el) => {
    const cy = (el as unknown as { cy: import('cytoscape').Core }).cy;
    const found = cy.nodes('.highlight').not(':selected');
    return { selected: cy.nodes(':selected').map((n) => [n.style('min-zoomed-font-size'), n.style('border-color'), n.style('label') !== '']), found: found.length ? [found.first().style('min-zoomed-font-size'), found.first().style('border-color')] : null };
  });
  expect(labels.selected).toEqual([['0px', 'rgb(0,0,0)', true]]);
  if (labels.found) expect(labels.found).toEqual(['0px', 'rgb(221,0,0)']);
  // The labels the found and the shown accounts' labels would cross give way to them. Each drawn label's
  // text box is measured here on a canvas in its own font (Cytoscape measures only the labels it has drawn).
  const crossings = await page.getByTestId('network-canvas').evaluate((el) => {
    const cy = (el as unknown as { cy: import('cytoscape').Core }).cy;
    const ctx = document.createElement('canvas').getContext('2d')!;
    const textBox = (n: import('cytoscape').NodeSingular) => {
      const size = parseFloat(n.style('font-size'));
      ctx.font = `${size}px ${n.style('font-family')}`;
      const half = ctx.measureText(String(n.style('label'))).width / 2;
      const { x, y } = n.position();
      const top = y + n.height() / 2 + parseFloat(n.style('text-margin-y'));
      return { x1: x - half, x2: x + half, y1: top, y2: top + size * 1.2 };
    };
    const front = cy.nodes('.highlight, :selected').map(textBox);
    const others = cy.nodes().filter((n) => !n.hasClass('highlight') && !n.selected() && n.style('label') !== '');
    const out = others.map((n) => ({ label: String(n.data('label')), b: textBox(n as import('cytoscape').NodeSingular) }))
      .filter(({ b }) => front.some((f) => b.x1 < f.x2 && f.x1 < b.x2 && b.y1 < f.y2 && f.y1 < b.y2)).map(({ label }) => label);
    return { out, yielded: cy.nodes('.label-yields').length, front: front.length };
  });
  console.log(`Find: ${crossings.front} found or shown labels, ${crossings.yielded} labels gave way`);
  expect(crossings.out).toEqual([]);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  await expect(nodeDetails).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Matching accounts' }).getByRole('button', { name: matchName, exact: true })).toBeFocused();
  expect(await page.getByTestId('network-canvas').evaluate((el) => (el as unknown as { cy: import('cytoscape').Core }).cy.nodes(':selected').length)).toBe(0);
  await find.fill('');
  await find.press('Enter');
  await page.getByRole('button', { name: 'Show all edges in the table' }).click(); // the table had turned to that account's edges

  // Escape in the Find account box is the box's own (it clears it): the details stay open.
  await show.focus();
  await page.keyboard.press('Enter');
  await expect(heading).toBeFocused();
  const search = page.getByRole('searchbox', { name: 'Find account' });
  await search.focus();
  await page.keyboard.type('abc');
  await page.keyboard.press('Escape');
  await expect(search).toHaveValue('');
  await expect(details).toBeVisible();

  // An edge whose row is gone once it is closed (shown from page 1, the table then turned to page 2): back on the table.
  await page.getByRole('group', { name: 'Pages of the edge table' }).getByRole('button', { name: 'Next page' }).click();
  await expect(table.locator('caption')).toHaveText(/: 101–200 of [\d,]+, and the selected edge$/);
  await heading.focus();
  await page.keyboard.press('Escape');
  await expect(details).toHaveCount(0);
  await expect(table).toBeFocused();

  // A cap typed out of range is refused in words and the drawing kept; a cleared field takes the digits typed next.
  const cap = page.getByLabel('Max nodes drawn');
  const drawnBefore = await drawn(page);
  for (const bad of ['0', '-5', '2.5', '']) {
    await cap.fill(bad);
    await expect(cap).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('status').filter({ hasText: 'Max nodes drawn must be a whole number from 1 to 20,000: the view keeps' })).toBeVisible();
  }
  expect(await drawn(page)).toEqual(drawnBefore);
  // What the view now draws is a status (a screen reader hears the result of a View control).
  await expect(page.getByTestId('network-drawn')).toHaveRole('status');
  // Typed digits apply once typing pauses: the "1" of "12" is never drawn on its own.
  await page.getByTestId('network-drawn').evaluate((el) => {
    const texts: string[] = [];
    (window as unknown as { drawnTexts: string[] }).drawnTexts = texts;
    new MutationObserver(() => texts.push(el.textContent ?? '')).observe(el, { subtree: true, childList: true, characterData: true });
  });
  await cap.pressSequentially('12');
  await expect(cap).toHaveValue('12');
  await expect(cap).not.toHaveAttribute('aria-invalid');
  await expect(page.getByText('Max nodes drawn must be')).toHaveCount(0);
  await expect.poll(async () => (await drawn(page))[0]).toBe(12);
  const drawnTexts = await page.evaluate(() => (window as unknown as { drawnTexts: string[] }).drawnTexts);
  expect(drawnTexts.filter((t) => /Drawing 1 of/.test(t))).toEqual([]);

  // Opened by a click on the graph (ten accounts drawn: an edge with a point clear of every node): Escape puts the focus on the graph.
  await page.getByLabel('Max nodes drawn').fill('10');
  await expect.poll(() => page.getByTestId('network-canvas').evaluate((el) => {
    const { cy } = el as unknown as { cy: import('cytoscape').Core };
    return el.getAttribute('data-rendered') === 'true' && !cy.destroyed() ? cy.nodes().length : -1;
  })).toBe(10);
  expect(await clickEdgeOnCanvas(page)).toBe(true);
  await expect(heading).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(details).toHaveCount(0);
  await expect(page.getByTestId('network-canvas')).toBeFocused();
  expect(await selectedEdge(page)).toBeNull();
  expect(consoleLog.errors).toEqual([]);
});

test('cancelling a network build from the keyboard puts the focus on the news; the network built before stays', async ({ page, consoleLog }) => {
  test.setTimeout(240_000);
  await openDemoArchive(page);
  await page.goto('#/network');
  await buildNetwork(page, 'Quote');
  const [nodesBefore, edgesBefore] = await drawn(page);
  await page.getByLabel('Network kind').selectOption({ label: 'Co-retweet (coordination)' });
  await page.getByLabel('Null-model replicates').fill('9999');
  await page.getByLabel('Window Δt (seconds)').fill('3600');
  await page.getByRole('button', { name: 'Build network' }).focus();
  await page.keyboard.press('Enter');
  const cancel = page.getByRole('button', { name: 'Cancel', exact: true });
  await expect(cancel).toBeFocused();
  await page.keyboard.press('Enter');
  const news = page.getByText('Analysis cancelled. The network shown below is the one built before, with the settings its summary names.', { exact: true });
  await expect(news).toBeFocused();
  expect(await page.evaluate(() => document.activeElement?.closest('[role=status]') !== null)).toBe(true);
  // Tab goes on from there to what follows; Shift+Tab goes back to Build network.
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', { name: 'Build network' })).toBeFocused();
  await expect(page.getByRole('heading', { level: 2, name: /^Quote network of/ })).toBeVisible();
  expect(await drawn(page)).toEqual([nodesBefore, edgesBefore]);
  await expect(page.getByTestId('network-settings')).toHaveText('Settings: all tweets.');
  // Its worker is kept: the shown network still exports, two formats asked at once each in its own file.
  const saved = (ext: string) => page.waitForEvent('download', { predicate: (d) => d.suggestedFilename().endsWith(ext) });
  const both = Promise.all([saved('.cyjs'), saved('.graphml')]);
  await page.getByRole('button', { name: 'Cytoscape JSON' }).click();
  await page.getByRole('button', { name: 'GraphML' }).click();
  const [json, graphml] = await both;
  expect(JSON.parse(readFileSync((await json.path())!, 'utf8')).data.analysis_receipt.kind).toBe('network:quote');
  expect(readFileSync((await graphml.path())!, 'utf8')).toMatch(/^<\?xml[^]*<graphml[^]*network:quote/);
  expect(consoleLog.errors).toEqual([]);
});

test('Find account’s answer isolates a right-to-left query: the sentence around it keeps its order', async ({ page, consoleLog }) => {
  test.setTimeout(240_000);
  await openDemoArchive(page);
  await page.goto('#/network');
  await buildNetwork(page, 'Retweet');
  // Few accounts drawn: accounts of the network that match but are not drawn are counted after the query.
  await page.getByLabel('Max nodes drawn').fill('3');
  await expect.poll(async () => (await drawn(page))[0]).toBe(3); // applied once typing pauses
  const search = page.getByRole('searchbox', { name: 'Find account' });
  await search.focus();
  await page.keyboard.type('ا');
  await page.keyboard.press('Enter');
  const status = page.getByRole('search').getByRole('status');
  await expect(status).toHaveText(/^[\d,]+ drawn accounts? match(es)? “ا”\. [\d,]+ more accounts? of the network match/);
  await expect(status.locator('bdi')).toHaveText('ا');
  // Drawn left to right as written: the count, the quoted query, the closing quote and full stop, the
  // count of accounts not drawn (an Arabic letter unisolated turned "”. 2" into "2 .”").
  const order = await status.evaluate((el) => {
    const bdi = el.querySelector('bdi')!;
    const left = (node: Node, from: number, to: number) => {
      const range = document.createRange();
      range.setStart(node, from);
      range.setEnd(node, to);
      return range.getBoundingClientRect().left;
    };
    const texts = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE);
    const more = texts.find((n) => n.textContent!.includes('more account'))!;
    return { count: left(texts[0]!, 0, 1), query: bdi.getBoundingClientRect().left, close: left(bdi.nextSibling!, 0, 2), more: left(more, 1, 2) };
  });
  expect(order.count).toBeLessThan(order.query);
  expect(order.query).toBeLessThan(order.close);
  expect(order.close).toBeLessThan(order.more);
  expect(consoleLog.errors).toEqual([]);
});

test('Find account shows one account found with its neighbours in view, not blown up to fill the canvas', async ({ page, consoleLog }) => {
  test.setTimeout(240_000);
  await openDemoArchive(page);
  await page.goto('#/network');
  await buildNetwork(page, 'Co-retweet (coordination)');
  const account = (await page.getByTestId('edge-table').locator('tbody tr').first().getByRole('button').first().innerText()).trim();
  const search = page.getByRole('searchbox', { name: 'Find account' });
  await search.fill(account);
  await search.press('Enter');
  await expect(page.getByRole('search').getByRole('status')).toHaveText(`1 drawn account matches “${account}”.`);
  await expect(page.getByTestId('node-details')).toBeVisible();
  // The found account and every neighbour it has in the drawing, in the canvas, at no more than the first drawing's zoom
  // (the fit of one node zoomed to the maximum, 8: the node a disc filling the canvas, its neighbours out of view).
  const view = await page.getByTestId('network-canvas').evaluate((el, name) => {
    const { cy } = el as unknown as { cy: import('cytoscape').Core };
    const found = cy.nodes().filter((n) => n.data('label') === name || n.id() === name);
    const inView = (n: import('cytoscape').NodeSingular) => {
      const p = n.renderedPosition();
      return p.x >= 0 && p.y >= 0 && p.x <= el.clientWidth && p.y <= el.clientHeight;
    };
    const { edgeLayer } = el as unknown as { edgeLayer: import('../../renderer/src/network/edgeLayer').EdgeLayer };
    const id = found.first().id();
    const neighbours = new Set(edgeLayer.list().filter((e) => e.source === id || e.target === id).map((e) => (e.source === id ? e.target : e.source)));
    return { found: found.length, zoom: cy.zoom(), foundInView: inView(found.nodes().first()), neighbours: neighbours.size, neighboursInView: [...neighbours].filter((n) => inView(cy.getElementById(n) as import('cytoscape').NodeSingular)).length };
  }, account);
  expect(view.found).toBe(1);
  expect(view.foundInView).toBe(true);
  expect(view.zoom).toBeLessThanOrEqual(1.5);
  expect(view.neighbours).toBeGreaterThan(0);
  expect(view.neighboursInView).toBeGreaterThan(0);
  expect(consoleLog.errors).toEqual([]);
});
