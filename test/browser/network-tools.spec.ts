import type { Download } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { demoTweetColumns } from '../../shared/archive/demo/demoColumns';
import { DEMO_SEED, DEMO_TWEETS } from '../../renderer/src/import/demoArchiveFiles';
import { countStore, download, openDemoArchive } from './exploreHelpers';
import { expect, test } from './fixtures';
import { analysisWorkerBytes, buildNetwork, clickEdgeOnCanvas, drawn, readPins, selectedEdge, waitDrawn } from './networkHelpers';
import { importFiles, waitForImportDone } from './importHelpers';
import { realFixture } from '../fixtures/paths';

// The Network view on the demo archive: the tweets behind an interaction edge, PNG/SVG/CSV exports of
// the view with their analysis receipts, and cancelling a long computation and a layout.
const demo = demoTweetColumns({ tweets: DEMO_TWEETS, seed: DEMO_SEED }).columns;

interface Receipt {
  kind: string;
  parameters: { kind: string; filter?: unknown };
  counts: { nodes: number; edges: number; omitted: Record<string, number> };
  notes: string[];
}

/** PNG chunks, each CRC checked (zlib's CRC-32, independent of the app's). */
function pngChunks(bytes: Buffer): { type: string; data: Buffer }[] {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunks: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < bytes.length;) {
    const len = bytes.readUInt32BE(at);
    const type = bytes.subarray(at + 4, at + 8).toString('latin1');
    const data = bytes.subarray(at + 8, at + 8 + len);
    expect(bytes.readUInt32BE(at + 8 + len), `CRC of ${type}`).toBe(crc32(bytes.subarray(at + 4, at + 8 + len)));
    chunks.push({ type, data });
    at += 12 + len;
  }
  return chunks;
}

function expectViewReceipt(r: Receipt, nodes: number, edges: number, what: string): void {
  expect(r.kind, what).toBe('network:retweet');
  expect(r.parameters.kind, what).toBe('retweet');
  expect(r.counts.nodes, what).toBe(nodes);
  expect(r.counts.edges, what).toBe(edges);
  // What the view hid is said: the edges under the minimum weight, and the filter that hid them.
  expect(r.counts.omitted.edgesBelowMinWeight, what).toBeGreaterThan(0);
  expect(r.notes, what).toContain('view: edges of weight ≥ 2 only');
}

test('retweet edge → the tweets behind it, each pinnable; PNG, SVG and CSV exports of the view carry its receipt', async ({ page, consoleLog, requests }) => {
  test.setTimeout(600_000);
  await openDemoArchive(page);
  await page.goto('#/network');
  await buildNetwork(page, 'Retweet');
  const [nodes0, edges0] = await drawn(page);
  expect(nodes0).toBeGreaterThan(0);
  expect(edges0).toBeGreaterThan(0);

  // Click an edge on the canvas (keyboard users: the edge table's buttons, used when no clear point exists).
  const onCanvas = await clickEdgeOnCanvas(page);
  console.log(onCanvas ? 'edge selected by a click on the canvas' : 'no clear point on an edge: edge chosen in the table');
  if (!onCanvas) await page.getByTestId('edge-table').getByRole('button', { name: /^Show edge/ }).first().click();
  const details = page.getByTestId('edge-details');
  await expect(details).toBeVisible();
  const edge = (await selectedEdge(page))!;
  expect(edge).not.toBeNull();
  // The tweets behind it, independently from the generator's columns: retweets by source of target's
  // tweets (target by retweet_userid, else by the screen name of the RT @name: prefix).
  const byScreenName = new Map<string, string>();
  const seen = new Set<string>();
  for (let i = 0; i < demo.length; i++) if (!seen.has(demo.userid[i]!)) byScreenName.set(demo.userScreenName[(seen.add(demo.userid[i]!), i)]!.toLowerCase(), demo.userid[i]!);
  const retweeted = (i: number) => demo.retweetUserid[i] || (demo.retweetScreenName[i] ? byScreenName.get(demo.retweetScreenName[i]!.toLowerCase()) ?? '@' + demo.retweetScreenName[i] : '');
  const expected = new Map<string, { minute: number; object: string; row: number }>();
  for (let i = 0; i < demo.length; i++) {
    if (demo.userid[i] === edge.source && demo.isRetweet[i] && retweeted(i) === edge.target) {
      expected.set(demo.tweetid[i]!, { minute: demo.tweetTime[i]!, object: demo.retweetTweetid[i]!, row: demo.row[i]! });
    }
  }
  expect(expected.size).toBeGreaterThan(0);
  await expect(details.locator('dd').first()).toHaveText(String(expected.size));
  const rows = details.getByTestId('edge-tweet-table').locator('tbody tr');
  await expect(rows).toHaveCount(Math.min(200, expected.size));
  await expect(details.getByTestId('edge-tweet-table').locator('thead')).toContainText('Retweeted tweet');
  const times: string[] = [];
  for (const tr of await rows.all()) {
    const [id, time, object] = await tr.locator('td').allInnerTexts();
    const want = expected.get(id!.trim());
    expect(want, `tweet ${id} is a retweet by ${edge.source} of ${edge.target}`).toBeDefined();
    expect(time).toBe(new Date(want!.minute * 60_000).toISOString().slice(0, 16).replace('T', ' ') + ' UTC');
    expect(object!.trim()).toBe(want!.object);
    times.push(time!);
  }
  expect(times).toEqual([...times].sort()); // oldest first
  // Pin one tweet, then the edge with all its tweets; the pins carry the tweets' source rows.
  const firstId = (await rows.first().locator('td').first().innerText()).trim();
  const pin = rows.first().getByRole('button', { name: `Pin to case: tweet ${firstId}` });
  await pin.click();
  await expect(rows.first().getByRole('button', { name: `Pinned: tweet ${firstId}` })).toHaveText('Pinned');
  const edgePin = details.getByRole('button', { name: /^Pin to case: edge / });
  await edgePin.click();
  await expect(details.getByRole('button', { name: /^Pinned: edge / })).toBeVisible();
  await expect.poll(() => countStore(page, 'pins')).toBe(2);
  const pins = await readPins(page);
  const tweetPin = pins.find((p) => p.kind === 'tweet')!;
  expect(tweetPin.payload.tweetid).toBe(firstId);
  expect(tweetPin.payload.objectTweetid).toBe(expected.get(firstId)!.object);
  // The pin quotes the whole archived row (the report prints its time, language, retweet flag, counts).
  expect(tweetPin.payload).toMatchObject({ tweetTime: expected.get(firstId)!.minute, isRetweet: true, userid: edge.source });
  expect(tweetPin.provenance.map((p) => p.row)).toEqual([expected.get(firstId)!.row]);
  const edgePinRecord = pins.find((p) => p.kind === 'interaction-edge')!; // its own kind, not a network view's
  expect(edgePinRecord.payload.source).toBe(edge.source);
  expect(edgePinRecord.payload.target).toBe(edge.target);
  const pinnedTweets = (edgePinRecord.payload.tweets as { tweetid: string }[]).map((t) => t.tweetid);
  expect(pinnedTweets).toHaveLength(Math.min(200, expected.size));
  for (const id of pinnedTweets) expect(expected.has(id), id).toBe(true);
  expect(edgePinRecord.provenance.map((p) => p.row).sort((a, b) => a - b)).toEqual(pinnedTweets.map((id) => expected.get(id)!.row).sort((a, b) => a - b));

  // Hide the lightest edges, so the receipts have something to say; the view redraws.
  await page.getByLabel('Min weight', { exact: true }).fill('2');
  await expect(page.getByTestId('network-drawn')).toContainText(/Not drawn: [0-9,]+ edges under the minimum weight/);
  await waitDrawn(page);
  const [nodes, edges] = await drawn(page);
  expect(edges).toBeGreaterThan(0);
  expect(edges).toBeLessThan(edges0);

  const dir = mkdtempSync(path.join(tmpdir(), 'dw-network-tools-'));
  // The exports below are made with an edge selected (drawn black and thick on screen): a figure shows the view, not the selection.
  await page.getByTestId('edge-table').getByRole('button', { name: /^Show edge/ }).first().click();
  await expect(details).toBeVisible();
  const onScreen = await page.getByTestId('network-canvas').evaluate((el) => {
    const { cy, edgeLayer } = el as unknown as { cy: import('cytoscape').Core; edgeLayer: import('../../renderer/src/network/edgeLayer').EdgeLayer };
    return { selectedRow: edgeLayer.currentHighlight.selectedRow, colours: new Set(cy.nodes(':visible').map((n) => String(n.data('color')))).size };
  });
  expect(onScreen.selectedRow).toBeGreaterThanOrEqual(0);
  // PNG: signature, chunks with valid CRCs, a non-empty image, the receipt in a tEXt chunk.
  const png = await download(page, () => page.getByRole('button', { name: 'PNG', exact: true }).click());
  expect(png.name).toMatch(/\.png$/);
  const chunks = pngChunks(png.bytes);
  expect(chunks[0]!.type).toBe('IHDR');
  expect(chunks[0]!.data.readUInt32BE(0)).toBeGreaterThan(100);
  expect(chunks[0]!.data.readUInt32BE(4)).toBeGreaterThan(100);
  expect(chunks.some((c) => c.type === 'IDAT')).toBe(true);
  expect(chunks.at(-1)!.type).toBe('IEND');
  const text = chunks.find((c) => c.type === 'tEXt' && c.data.toString('latin1').startsWith('analysis_receipt\0'))!;
  expect(text).toBeDefined();
  expectViewReceipt(JSON.parse(text.data.toString('latin1').slice('analysis_receipt\0'.length)), nodes, edges, 'PNG receipt');
  // The edges are in the PNG, under the nodes and where they meet them: the midpoints of edges clear of
  // every node (and label) are not white in the image (Cytoscape's image of the nodes alone is white there).
  const ink = await page.getByTestId('network-canvas').evaluate(async (el, b64) => {
    const { cy, edgeLayer } = el as unknown as { cy: import('cytoscape').Core; edgeLayer: import('../../renderer/src/network/edgeLayer').EdgeLayer };
    const img = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
    const ctx = new OffscreenCanvas(img.width, img.height).getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const bb = cy.elements().boundingBox();
    const scale = Math.min(4000 / Math.ceil(bb.w), 4000 / Math.ceil(bb.h)); // the graph's bounding box, scaled to 4,000 px at most (the legend to its right)
    const boxes = cy.nodes().map((n) => n.boundingBox({ includeLabels: true }));
    let checked = 0;
    let inked = 0;
    for (const e of edgeLayer.list()) {
      if (e.source === e.target) continue;
      const s = cy.getElementById(e.source).position();
      const t = cy.getElementById(e.target).position();
      const x = (s.x + t.x) / 2;
      const y = (s.y + t.y) / 2;
      if (boxes.some((b) => x > b.x1 - 4 && x < b.x2 + 4 && y > b.y1 - 4 && y < b.y2 + 4)) continue;
      const px = ctx.getImageData(Math.round((x - bb.x1) * scale) - 1, Math.round((y - bb.y1) * scale) - 1, 3, 3).data;
      checked++;
      if (px.some((v, i) => i % 4 !== 3 && v < 240)) inked++;
      if (checked === 20) break;
    }
    const graphHeight = Math.round(Math.ceil(bb.h) * scale);
    const band = ctx.getImageData(0, graphHeight + 2, img.width, Math.max(1, img.height - graphHeight - 2)).data;
    let bandInk = 0;
    for (let i = 0; i < band.length; i += 4) if (band[i]! < 160) bandInk++;
    return { checked, inked, band: { height: img.height - graphHeight, inked: bandInk } };
  }, png.bytes.toString('base64'));
  expect(ink.checked).toBeGreaterThan(0);
  expect(ink.inked).toBe(ink.checked);
  // Under the graph, a band with the caption (what it shows and hides): taller than the graph's image, with ink in it.
  expect(ink.band.height).toBeGreaterThan(20);
  expect(ink.band.inked).toBeGreaterThan(100);

  // SVG: parses (xmllint), one circle per drawn node, one line (a circle for a self-loop) per drawn edge, the receipt in <metadata>.
  const svg = await download(page, () => page.getByRole('button', { name: 'SVG', exact: true }).click());
  const svgPath = path.join(dir, svg.name);
  writeFileSync(svgPath, svg.bytes);
  execFileSync('xmllint', ['--noout', svgPath]);
  const xpath = (expr: string) => execFileSync('xmllint', ['--xpath', expr, svgPath], { encoding: 'utf8' }).trim();
  expect(Number(xpath("count(//*[local-name()='g'][@id='nodes']/*[local-name()='circle'])"))).toBe(nodes);
  expect(Number(xpath("count(//*[local-name()='g'][@id='edges']/*)"))).toBe(edges);
  expect(Number(xpath("count(//*[local-name()='g'][@id='edges']/*[@stroke='#000000'])"))).toBe(0); // the selected edge drawn as any other
  // Beside the graph, the community colours' legend: one row per colour drawn, saying which communities it stands for.
  expect(Number(xpath("count(//*[local-name()='g'][@id='legend']/*[local-name()='circle'])"))).toBe(Math.min(17, onScreen.colours));
  expect(xpath("string(//*[local-name()='g'][@id='legend']/*[local-name()='text'][2])")).toMatch(/^(community \d+|communities [\d, ]+|no community): [\d,]+ accounts?$/);
  expectViewReceipt(JSON.parse(xpath("string(//*[local-name()='metadata'][@id='analysis_receipt'])")), nodes, edges, 'SVG receipt');
  // The file alone says what the view hides: its caption band names the weight filter and what is left out.
  const band = [...svg.bytes.toString('utf8').split('<g id="figure-caption"')[1]!.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' ');
  expect(band).toContain(`${nodes.toLocaleString('en-US')} nodes, ${edges.toLocaleString('en-US')} edges shown`); // counts in words, as the app writes them (1,164)
  expect(band).toContain('filtered or hidden: view: edges of weight ≥ 2 only');
  expect(band).toMatch(/left out: .*edges? under the minimum weight/);

  // CSV edge list: the receipt is saved beside it (CSV has no place for it); header + one row per drawn edge.
  const saved: Download[] = [];
  const onDownload = (d: Download) => void saved.push(d);
  page.on('download', onDownload);
  await page.getByRole('button', { name: 'CSV edge list' }).click();
  await expect.poll(() => saved.length).toBe(2);
  page.off('download', onDownload);
  const file = async (suffix: string) => {
    const d = saved.find((x) => x.suggestedFilename().endsWith(suffix))!;
    expect(d, suffix).toBeDefined();
    return readFileSync((await d.path())!, 'utf8');
  };
  const csv = (await file('.csv')).split('\n').filter((l) => l !== '');
  expect(csv[0]!.split(',').slice(0, 3)).toEqual(['source', 'target', 'weight']);
  expect(csv.length - 1).toBe(edges);
  for (const line of csv.slice(1)) expect(Number(line.split(',')[2])).toBeGreaterThanOrEqual(2);
  expectViewReceipt(JSON.parse(await file('.receipt.json')), nodes, edges, 'CSV receipt');
  await expect(page.getByRole('group', { name: 'Export the view' }).getByRole('status')).toContainText(/Saved .*\.csv/);

  // The view itself as evidence: its figure, its receipt, and what it leaves out.
  await page.getByRole('button', { name: 'Pin to case: this network view' }).click();
  await expect(page.getByRole('button', { name: 'Pinned: this network view' })).toBeVisible();
  await expect.poll(() => countStore(page, 'pins')).toBe(3);
  const viewPin = (await readPins(page)).find((p) => p.kind === 'network' && p.title.includes(' network view of '))!;
  expect(viewPin.title).toMatch(new RegExp(`^Retweet network view of .*: ${nodes.toLocaleString('en-US')} nodes, ${edges.toLocaleString('en-US')} edges$`));
  // In words, as the report prints it: no receipt keys (edgesBelowMinWeight), every count the receipt has.
  expect(viewPin.payload.filtered).toMatch(/^view: edges of weight ≥ 2 only; left out: (.*; )?[0-9,]+ edges under the minimum weight \(not drawn\)/);
  expect(viewPin.payload.filtered).not.toMatch(/[a-z][A-Z]/);
  expect(String(viewPin.payload.svg)).toMatch(/^<\?xml[^>]*>\s*<svg /);
  expectViewReceipt(viewPin.payload.receipt as Receipt, nodes, edges, 'pinned view receipt');
  // And its graph, as GraphML (the bundle's data/derived/graphs/): what it draws, read back by xmllint.
  const gm = path.join(mkdtempSync(path.join(tmpdir(), 'dw-view-')), 'view.graphml');
  writeFileSync(gm, String(viewPin.payload.graphml));
  const count = (xpath: string) => Number(execFileSync('xmllint', ['--xpath', xpath, gm], { encoding: 'utf8' }).trim());
  expect(count("count(//*[local-name()='node'])")).toBe(nodes);
  expect(count("count(//*[local-name()='edge'])")).toBe(edges);

  expect(requests.outside()).toEqual([]);
  expect(consoleLog.errors).toEqual([]);
});

test('co-hashtag edge → the tweets of either account that use a hashtag both used, with those hashtags', async ({ page, consoleLog }) => {
  test.setTimeout(300_000);
  await openDemoArchive(page);
  await page.goto('#/network');
  await buildNetwork(page, 'Co-hashtag');
  // From a scrolled side panel (a keyboard user far down the edge table), the details heading is brought into view.
  await page.locator('.network-side').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await page.getByTestId('edge-table').getByRole('button', { name: /^Show edge/ }).first().dispatchEvent('click');
  const details = page.getByTestId('edge-details');
  await expect(details.getByRole('heading', { level: 2 })).toBeFocused(); // keyboard users land on the details
  await expect(details.getByRole('heading', { level: 2 })).toBeInViewport();
  const edge = (await selectedEdge(page))!;
  // Independently from the generator's columns: each account's hashtags (NFKC, lower case), less those
  // used by more than 500 accounts (the network's pruning), and the rows of either account using a shared one.
  const fold = (h: string) => h.normalize('NFKC').toLowerCase();
  const accountsOf = new Map<string, Set<string>>();
  for (let i = 0; i < demo.length; i++) for (const h of demo.hashtags[i]!) (accountsOf.get(fold(h)) ?? accountsOf.set(fold(h), new Set()).get(fold(h))!).add(demo.userid[i]!);
  const tagsOf = (u: string) => new Set([...accountsOf].filter(([, users]) => users.has(u) && users.size <= 500).map(([h]) => h));
  const a = tagsOf(edge.source);
  const shared = new Set([...tagsOf(edge.target)].filter((h) => a.has(h)));
  const expected = new Map<string, string[]>();
  for (let i = 0; i < demo.length; i++) {
    if (demo.userid[i] !== edge.source && demo.userid[i] !== edge.target) continue;
    // Each shared hashtag once, as this row spells it.
    const seen = new Set<string>();
    const items = demo.hashtags[i]!.filter((h) => shared.has(fold(h)) && !seen.has(fold(h)) && seen.add(fold(h)));
    if (items.length) expected.set(demo.tweetid[i]!, items);
  }
  expect(shared.size).toBeGreaterThan(0);
  await expect(details.locator('dd').first()).toHaveText(String(shared.size));
  const table = details.getByTestId('edge-tweet-table');
  await expect(table.locator('thead')).toContainText('Shared hashtags');
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(Math.min(200, expected.size));
  for (const tr of await rows.all()) {
    const [id, , items] = await tr.locator('td').allInnerTexts();
    expect(items!.trim().split(' '), `tweet ${id}`).toEqual(expected.get(id!.trim()));
  }
  expect(consoleLog.errors).toEqual([]);
});

test('cancelling a long coordination run and a ForceAtlas2 layout (keyboard) leaves the view usable; the next builds work', async ({ page, consoleLog }) => {
  test.setTimeout(600_000);
  // Hold the layout worker's request until released, so the layout is certainly still running when
  // cancelled (the demo's retweet network lays out in about a second otherwise).
  await page.addInitScript(() => {
    const Native = window.Worker;
    const held: (() => void)[] = [];
    const w = window as unknown as { holdLayout: boolean; releaseLayout: () => void; layoutWorkers: number };
    w.holdLayout = true;
    w.layoutWorkers = 0;
    w.releaseLayout = () => {
      w.holdLayout = false;
      for (const f of held.splice(0)) f();
    };
    window.Worker = class extends Native {
      private readonly layout: boolean;
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.layout = options?.name === 'layout';
        if (this.layout) w.layoutWorkers++;
      }
      override postMessage(message: unknown, transfer?: unknown): void {
        const send = () => super.postMessage(message, transfer as Transferable[]);
        if (this.layout && w.holdLayout) held.push(send);
        else send();
      }
    };
  });
  await page.reload(); // the fixture's page is already loaded; hash navigation keeps that document
  expect(await page.evaluate(() => typeof (window as unknown as { releaseLayout?: unknown }).releaseLayout)).toBe('function');
  await openDemoArchive(page);
  await page.goto('#/network');

  // A long coordination run: co-retweet with 999 null-model replicates and the window sweep.
  await page.getByLabel('Network kind').selectOption({ label: 'Co-retweet (coordination)' });
  const buildButton = page.getByRole('button', { name: 'Build network' });
  // Values the CLI refuses are named, and nothing is built (5 replicates gave "0 significant").
  await page.getByLabel('Null-model replicates').fill('5');
  await page.getByLabel('Window Δt (seconds)').fill('0');
  await buildButton.click();
  const problems = page.getByRole('alert').filter({ hasText: 'Not built' });
  await expect(problems).toContainText('The window Δt must be a whole number of seconds from 1 to 86,400 (one day)');
  await expect(problems).toContainText('5 null-model replicates are too few: alone they cannot show a p-value at or below alpha 0.05');
  await expect(page.getByRole('progressbar', { name: 'Analysis progress' })).toHaveCount(0);
  // The refused fields are marked invalid and described by the alert; the others are not.
  const problemsId = await problems.getAttribute('id');
  for (const label of ['Window Δt (seconds)', 'Null-model replicates']) {
    await expect(page.getByLabel(label)).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel(label)).toHaveAttribute('aria-describedby', problemsId!);
  }
  await expect(page.getByLabel('Minimum repeats')).not.toHaveAttribute('aria-invalid');
  await page.getByLabel('Window Δt (seconds)').fill('60');
  await page.getByLabel('Null-model replicates').fill('999');
  await buildButton.click();
  await expect(problems).toHaveCount(0);
  await expect(page.getByRole('progressbar', { name: 'Analysis progress' })).toBeVisible();
  await expect(page.getByLabel('Null-model replicates')).not.toHaveAttribute('aria-invalid');
  await expect(buildButton).toBeDisabled();
  const cancel = page.getByRole('button', { name: 'Cancel', exact: true });
  await cancel.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Analysis cancelled.')).toBeVisible();
  await expect(cancel).toHaveCount(0);
  await expect(buildButton).toBeEnabled();
  // The worker is gone: no result turns up later.
  await page.waitForTimeout(3_000);
  await expect(page.getByRole('heading', { level: 2, name: /network of/ })).toHaveCount(0);

  // A subsequent build works; its ForceAtlas2 layout is cancelled from the keyboard.
  await page.getByLabel('Network kind').selectOption({ label: 'Retweet' });
  await buildButton.click();
  await expect(page.getByRole('heading', { level: 2, name: /^Retweet network of/ })).toBeVisible({ timeout: 180_000 });
  const cancelLayout = page.getByRole('button', { name: 'Cancel layout' });
  await expect(cancelLayout).toBeVisible();
  await expect(page.getByText(/Laying out \(ForceAtlas2 in a worker\)/)).toBeVisible();
  await cancelLayout.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Layout cancelled: accounts are placed in one disc per community/)).toBeVisible();
  await expect(cancelLayout).toHaveCount(0);
  // The focus is not lost with the Cancel layout button: it is on the button that took its place.
  await expect(page.getByRole('button', { name: 'Run ForceAtlas2 layout again' })).toBeFocused();
  // Usable: the graph is drawn (without the force layout), every node has a position, edges can be selected.
  await waitDrawn(page);
  const [nodes] = await drawn(page);
  expect(nodes).toBeGreaterThan(300);
  const spread = await page.getByTestId('network-canvas').evaluate((el) => {
    const cy = (el as unknown as { cy: import('cytoscape').Core }).cy;
    return new Set(cy.nodes().map((n) => `${Math.round(n.position('x'))},${Math.round(n.position('y'))}`)).size;
  });
  expect(spread).toBe(nodes);
  // The drawing's line names the layout drawn: the discs, not the ForceAtlas2 layout that was cancelled.
  await expect(page.getByTestId('network-drawn')).toContainText('(canvas renderer, one disc per community, ForceAtlas2 cancelled)');
  await page.getByTestId('edge-table').getByRole('button', { name: /^Show edge/ }).first().click();
  await expect(page.getByTestId('edge-tweet-table')).toBeVisible();

  // The layout can be run again, and this time it finishes: Cancel layout, focused, goes with it and the drawing takes the focus.
  await page.getByRole('button', { name: 'Run ForceAtlas2 layout again' }).click();
  await cancelLayout.focus();
  await page.evaluate(() => (window as unknown as { releaseLayout: () => void }).releaseLayout());
  await expect(page.getByText(/Laying out|Layout cancelled/)).toHaveCount(0, { timeout: 120_000 });
  await expect(page.getByTestId('network-canvas')).toBeFocused();
  await waitDrawn(page);
  await expect(page.getByTestId('network-drawn')).toContainText('(canvas renderer, ForceAtlas2 layout)');

  // And another network builds and lays out.
  await buildNetwork(page, 'Mention');
  expect((await drawn(page))[0]).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { layoutWorkers: number }).layoutWorkers)).toBeGreaterThanOrEqual(3);
  expect(consoleLog.errors).toEqual([]);
});

test('co-retweet on a FiveThirtyEight file (no retweeted tweet ids) says why it is empty', async ({ page }) => {
  await importFiles(page, [realFixture('fivethirtyeight_IRAhandle_tweets_1_excerpt.csv')]);
  await waitForImportDone(page);
  await page.goto('#/network');
  await buildNetwork(page, 'Co-retweet (coordination)');
  await expect(page.getByTestId('network-summary')).toContainText('No tweet of the filtered dataset names the tweet it retweets (retweet_tweetid): there is nothing to compare. FiveThirtyEight files hold no retweeted tweet ids.');
});

test('while the next network builds, the shown one’s worker lets go of the dataset’s tweets, and reads them again for an edge’s tweets', async ({ page, consoleLog }) => {
  test.setTimeout(300_000);
  await openDemoArchive(page);
  await page.goto('#/network');
  await buildNetwork(page, 'Retweet');
  const [holding] = await analysisWorkerBytes(page);
  // A long build, cancelled: the Retweet network stays shown, with its worker.
  await page.getByLabel('Network kind').selectOption({ label: 'Co-retweet (coordination)' });
  await page.getByLabel('Null-model replicates').fill('9999');
  await page.getByLabel('Window Δt (seconds)').fill('3600');
  await page.getByRole('button', { name: 'Build network' }).click();
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(page.getByText(/^Analysis cancelled\./)).toBeVisible();
  await expect.poll(() => page.workers().filter((w) => /analysisWorker/.test(w.url())).length).toBe(1);
  // One analysis worker left, without the 20,000 tweets (it held them all while the build ran: 2 copies in all).
  const released = await analysisWorkerBytes(page);
  console.log(`shown network's worker: ${holding} bytes after its build, ${released.join(', ')} after the next build started`);
  expect(released).toHaveLength(1);
  expect(released[0]!).toBeLessThan(holding! / 2);
  // Its edges' tweets are read again: the heaviest edge's, as many as its weight says.
  await page.getByTestId('edge-table').getByRole('button', { name: /^Show edge/ }).first().click();
  const details = page.getByTestId('edge-details');
  const weight = Number((await details.locator('dd').first().innerText()).replace(/,/g, ''));
  await expect(details.getByTestId('edge-tweet-table').locator('tbody tr')).toHaveCount(Math.min(200, weight));
  expect(consoleLog.errors).toEqual([]);
});
