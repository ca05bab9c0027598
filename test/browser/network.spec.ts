import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDemoArchive } from '../../shared/archive/demo/demoArchive';
import { DEMO_SEED, DEMO_TWEETS } from '../../renderer/src/import/demoArchiveFiles';
import { countStore, download, openDemoArchive } from './exploreHelpers';
import { expect, test } from './fixtures';
import { buildNetwork as build, drawn, labelOverlaps, readPins } from './networkHelpers';

// The Network view end to end on the demo archive, imported through the Datasets view's button.
const demo = createDemoArchive({ tweets: DEMO_TWEETS, seed: DEMO_SEED });
const truth = demo.groundTruth;
/** The screen names of the demo's own accounts (a retweeted account outside it is drawn too, but is no account of the dataset). */
const archiveNames = new Set(demo.plan.accounts.map((a) => a.screenName));
const SHOTS = 'docs/screenshots';

function xpathCount(file: string, expr: string): number {
  return Number(execFileSync('xmllint', ['--xpath', expr, file], { encoding: 'utf8' }).trim());
}

test('co-retweet coordination on the demo archive: planted groups are communities of significant edges; edge → post pairs → pin; GraphML/GEXF exports parse back', async ({ page, consoleLog, requests }) => {
  test.setTimeout(600_000);
  const t0 = Date.now();
  const step = (what: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(0)} s] ${what}`);
  await openDemoArchive(page);
  step('demo imported');
  await page.goto('#/network');
  await expect(page.getByText('tweet_time has minute precision')).toBeVisible();
  await build(page, 'Co-retweet (coordination)');
  const [nodes, edges] = await drawn(page);
  step(`drawn ${nodes} nodes ${edges} edges`);
  expect(nodes).toBeGreaterThan(0);
  expect(edges).toBeGreaterThan(0);
  await expect(page.getByTestId('network-summary')).toContainText('significant');
  await expect(page.getByTestId('network-settings')).toHaveText('Settings: window 60 s, minimum repeats 3, FDR alpha 0.05, 199 null-model replicates, window sweep; all tweets.');

  // Cytoscape JSON of the view: every planted co-retweet group is (≥ 90 % of its members) one community; no background account has a significant edge.
  const json = JSON.parse((await download(page, () => page.getByRole('button', { name: 'Cytoscape JSON' }).click())).bytes.toString('utf8'));
  expect(json.data.analysis_receipt.kind).toBe('coordination:coretweet');
  expect(json.data.analysis_receipt.parameters.windowSeconds).toBe(60);
  // The account pairs that co-retweeted fewer times than the minimum repeats are counted as left out (the CLI's receipt counts them too).
  expect(json.data.analysis_receipt.counts.omitted.candidatePairsBelowMinRepeat).toBeGreaterThan(0);
  // Every drawn account co-retweeted: its posts analysed (the retweets the detection read) are counted.
  for (const n of json.elements.nodes as { data: { posts: number } }[]) expect(n.data.posts).toBeGreaterThan(0);
  const community = new Map<string, number>(json.elements.nodes.map((n: { data: { id: string; community: number } }) => [n.data.id, n.data.community]));
  const members = new Set(truth.groups.flatMap((g) => g.members));
  for (const e of json.elements.edges as { data: { source: string; target: string; significant: boolean } }[]) {
    expect(e.data.significant).toBe(true);
    expect(members.has(e.data.source) && members.has(e.data.target)).toBe(true);
  }
  const recalls: number[] = [];
  const mains: number[] = [];
  for (const g of truth.groups.filter((x) => x.behaviours.includes('coretweet'))) {
    const counts = new Map<number, number>();
    for (const m of g.members) if (community.has(m)) counts.set(community.get(m)!, (counts.get(community.get(m)!) ?? 0) + 1);
    const best = Math.max(0, ...counts.values());
    recalls.push(best / g.members.length);
    mains.push([...counts].find(([, n]) => n === best)?.[0] ?? -1);
  }
  console.log('planted co-retweet groups, share of members in their main community:', recalls.map((r) => r.toFixed(2)).join(' '));
  expect(recalls.length).toBeGreaterThan(0);
  for (const r of recalls) expect(r).toBeGreaterThanOrEqual(0.9);
  // Distinct groups are distinct communities.
  expect(new Set(mains).size).toBe(mains.length);
  // Labels: no two drawn labels overlap (labelOverlaps); in these dense clusters some are left out, and a selected node shows its own.
  const labels = await page.getByTestId('network-canvas').evaluate((el) => {
    const { cy } = el as unknown as { cy: import('cytoscape').Core };
    const shown = cy.nodes().filter((n) => n.style('label') !== '');
    const boxes = shown.map((n) => n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }));
    // Cytoscape draws each label with its node, in its z-order: a disc drawn later covers the label. Count the
    // labels crossed by a disc drawn after them, of a node with no label shown and of one with its own.
    const drawOrder = new Map((cy as unknown as { renderer(): { getCachedZSortedEles(): { id(): string }[] } }).renderer().getCachedZSortedEles().map((e, i) => [e.id(), i]));
    const discs = cy.nodes().map((n) => ({ n, box: n.boundingBox({ includeNodes: true, includeEdges: false, includeLabels: false }) }));
    const coveredBy = { unlabelled: 0, labelled: 0 };
    shown.forEach((n, a) => {
      const p = boxes[a]!;
      for (const { n: m, box: q } of discs) {
        if (m === n || drawOrder.get(m.id())! < drawOrder.get(n.id())!) continue;
        if (p.x1 < q.x2 && q.x1 < p.x2 && p.y1 < q.y2 && q.y1 < p.y2) coveredBy[m.style('label') === '' ? 'unlabelled' : 'labelled']++;
      }
    });
    const hidden = cy.nodes().filter((n) => n.style('label') === '' && n.data('label'));
    const first = hidden[0];
    first?.select();
    const selectedLabel = first ? first.style('label') : null;
    first?.unselect();
    return { shown: shown.length, hidden: hidden.length, coveredBy, selectedLabel, hiddenLabel: first ? first.data('label') : null };
  });
  console.log(`labels: ${labels.shown} drawn, ${labels.hidden} left out where they would overlap; crossed by a disc drawn later:`, labels.coveredBy);
  expect(await labelOverlaps(page)).toEqual([]);
  // Labelled nodes are drawn last: no disc without a label covers one.
  expect(labels.coveredBy.unlabelled).toBe(0);
  expect(labels.shown).toBeGreaterThan(0);
  expect(labels.hidden).toBeGreaterThan(0);
  expect(labels.selectedLabel).toBe(labels.hiddenLabel);
  await page.screenshot({ path: path.join(SHOTS, 'network.png'), fullPage: false });
  step('communities checked, screenshot taken');

  // Click a real edge on the canvas: a point on its drawn line (edge layer + Cytoscape's rendered node positions).
  type Drawn = { cy: import('cytoscape').Core; edgeLayer: import('../../renderer/src/network/edgeLayer').EdgeLayer };
  const point = await page.getByTestId('network-canvas').evaluate((el) => {
    const { cy, edgeLayer } = el as unknown as Drawn;
    const edges = edgeLayer.list().filter((e) => e.source !== e.target);
    const ends = (e: (typeof edges)[number]) => [cy.getElementById(e.source), cy.getElementById(e.target)] as const;
    cy.fit(ends(edges[0]!)[0].union(ends(edges[0]!)[1]), 150);
    // A point on an edge clear of every node (planted groups are dense cliques: many edges are short).
    const clear = (x: number, y: number) => cy.nodes().every((n) => {
      const b = n.renderedBoundingBox({ includeLabels: false });
      return x < b.x1 - 6 || x > b.x2 + 6 || y < b.y1 - 6 || y > b.y2 + 6;
    });
    for (const e of edges) {
      const s = ends(e)[0].renderedPosition();
      const t = ends(e)[1].renderedPosition();
      for (const f of [0.5, 0.4, 0.6, 0.3, 0.7]) {
        const x = s.x + (t.x - s.x) * f;
        const y = s.y + (t.y - s.y) * f;
        if (clear(x, y)) return { x, y, id: e.index };
      }
    }
    const s = ends(edges[0]!)[0].renderedPosition();
    const t = ends(edges[0]!)[1].renderedPosition();
    return { x: (s.x + t.x) / 2, y: (s.y + t.y) / 2, id: edges[0]!.index };
  });
  const box = (await page.getByTestId('network-canvas').boundingBox())!;
  await page.waitForTimeout(300);
  step(`clicking edge ${point.id} at ${Math.round(point.x)},${Math.round(point.y)}`);
  await page.mouse.click(box.x + point.x, box.y + point.y);
  const details = page.getByTestId('edge-details');
  // A canvas hit can land on a label or a crossing edge of a dense clique: then use the edge table's button (the keyboard path).
  if (!(await details.isVisible({ timeout: 5_000 }).catch(() => false)) && !(await details.waitFor({ timeout: 5_000 }).then(() => true, () => false))) {
    step('canvas click selected no edge; using the edge table');
    await page.getByTestId('edge-table').getByRole('button', { name: /^Show edge/ }).first().click();
  } else {
    // The edge drawn as selected passes through the clicked point (a crossing edge there may be the one chosen).
    const gap = await page.getByTestId('network-canvas').evaluate((el, p) => {
      const { cy, edgeLayer } = el as unknown as Drawn;
      const e = edgeLayer.list()[edgeLayer.currentHighlight.selectedRow]!;
      const s = cy.getElementById(e.source).renderedPosition();
      const t = cy.getElementById(e.target).renderedPosition();
      const dx = t.x - s.x, dy = t.y - s.y;
      const u = Math.max(0, Math.min(1, ((p.x - s.x) * dx + (p.y - s.y) * dy) / (dx * dx + dy * dy)));
      return Math.hypot(s.x + u * dx - p.x, s.y + u * dy - p.y) - (edgeLayer.edges.width[e.row]! * cy.zoom()) / 2;
    }, point);
    expect(gap).toBeLessThanOrEqual(4);
  }
  await expect(details).toBeVisible();
  await expect(page.locator('.network-table tr[aria-selected="true"]')).toHaveCount(1);
  await expect(details.getByText('Expected (null model)')).toBeVisible();
  await expect(details.getByText('Window sweep')).toBeVisible();
  const pairRows = details.getByTestId('pair-table').locator('tbody tr');
  expect(await pairRows.count()).toBeGreaterThanOrEqual(3);
  await expect(pairRows.first()).toContainText(/\d{4}-\d\d-\d\d \d\d:\d\d UTC/);
  await expect(pairRows.first().locator('td').nth(2)).toHaveText(/^(0|60) s$/);
  step('edge details shown');
  const pairPin = pairRows.first().getByRole('button', { name: /: post pair \d+ and \d+$/ });
  await pairPin.click({ timeout: 30_000 });
  await expect(pairPin).toHaveText('Pinned');
  step('pair pinned');
  const edgePin = details.getByRole('button', { name: /: edge / });
  await edgePin.click({ timeout: 30_000 });
  await expect(edgePin).toHaveText('Pinned');
  await expect.poll(() => countStore(page, 'pins')).toBe(2);
  await page.screenshot({ path: path.join(SHOTS, 'network-edge.png'), fullPage: false });

  step('pinned');
  // GraphML and GEXF of the view, checked by xmllint (an independent parser) with node/edge counts.
  const dir = mkdtempSync(path.join(tmpdir(), 'dw-network-'));
  const graphml = await download(page, () => page.getByRole('button', { name: 'GraphML' }).click());
  step('GraphML saved');
  const gexf = await download(page, () => page.getByRole('button', { name: 'GEXF' }).click());
  step('GEXF saved');
  const gm = path.join(dir, graphml.name);
  const gx = path.join(dir, gexf.name);
  writeFileSync(gm, graphml.bytes);
  writeFileSync(gx, gexf.bytes);
  execFileSync('xmllint', ['--noout', gm, gx]);
  expect(xpathCount(gm, "count(//*[local-name()='node'])")).toBe(nodes);
  expect(xpathCount(gm, "count(//*[local-name()='edge'])")).toBe(edges);
  expect(xpathCount(gx, "count(//*[local-name()='nodes']/*[local-name()='node'])")).toBe(nodes);
  expect(xpathCount(gx, "count(//*[local-name()='edges']/*[local-name()='edge'])")).toBe(edges);
  expect(graphml.bytes.toString('utf8')).toContain('coordination:coretweet');

  // A labelled node dragged onto another: the labels are decluttered again from where the nodes now are.
  const canvas = page.getByTestId('network-canvas');
  await canvas.scrollIntoViewIfNeeded();
  const ends = await canvas.evaluate((el) => {
    const { cy } = el as unknown as { cy: import('cytoscape').Core };
    // The labelled nodes drawn last (on top, so the pointer grabs them), the two farthest apart of the last few.
    const z = (cy as unknown as { renderer(): { getCachedZSortedEles(): import('cytoscape').SingularElementArgument[] } }).renderer().getCachedZSortedEles();
    const top = z.filter((e) => e.isNode() && e.style('label') !== '').slice(-8) as import('cytoscape').NodeSingular[];
    let [a, b] = [top[0]!, top[1]!];
    for (const p of top) for (const q of top) if (p.position('x') - q.position('x') > a.position('x') - b.position('x')) [a, b] = [p, q];
    cy.fit(a.union(b), 120);
    return { id: a.id(), from: a.renderedPosition(), to: b.renderedPosition(), box: el.getBoundingClientRect().toJSON() as DOMRect };
  });
  await page.waitForTimeout(300); // the fit's frame
  const at = (p: { x: number; y: number }) => ({ x: ends.box.x + p.x, y: ends.box.y + p.y });
  await page.mouse.move(at(ends.from).x, at(ends.from).y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(at(ends.from).x + ((ends.to.x - ends.from.x) * i) / 8, at(ends.from).y + ((ends.to.y - ends.from.y) * i) / 8);
  await page.mouse.up();
  const dragged = await canvas.evaluate((el, id) => {
    const { cy } = el as unknown as { cy: import('cytoscape').Core };
    cy.nodes(':selected').unselect();
    return cy.getElementById(id).renderedPosition();
  }, ends.id);
  expect(Math.hypot(dragged.x - ends.to.x, dragged.y - ends.to.y)).toBeLessThan(3);
  expect(await labelOverlaps(page)).toEqual([]);

  expect(requests.outside()).toEqual([]);
  expect(consoleLog.errors).toEqual([]);
});

test('every network kind builds and draws on the demo archive; RTL and CJK names are labels', async ({ page, consoleLog }) => {
  test.setTimeout(900_000);
  await openDemoArchive(page);
  await page.goto('#/network');
  // Two weeks of the demo's six months: also exercises the date filter.
  await page.getByRole('textbox', { name: 'From day' }).fill('2019-03-01');
  await page.getByRole('textbox', { name: 'To day (inclusive)' }).fill('2019-03-14');
  for (const kind of ['Retweet', 'Mention', 'Reply', 'Quote', 'Co-hashtag', 'Co-URL', 'Co-tweet (coordination)', 'Co-link (coordination)', 'Co-reply (coordination)']) {
    await build(page, kind);
    const [nodes] = await drawn(page);
    console.log(kind, 'nodes drawn', nodes);
    // Two weeks of the demo hold no quotes of archived tweets, and fewer planted events than minRepeat
    // per pair for co-tweet/co-link/co-reply: an empty network is a valid, stated result there.
    if (!['Quote', 'Co-tweet (coordination)', 'Co-link (coordination)', 'Co-reply (coordination)'].includes(kind)) expect(nodes, kind).toBeGreaterThan(0);
    // The quotes of tweets outside the archive have no target: the summary says how many were left out.
    if (kind === 'Quote') await expect(page.getByTestId('network-summary')).toContainText(/Left out: [0-9,]+ quotes of tweets not in the archive\./);
  }
  // Mention network: the demo's Arabic, Hebrew and Chinese display names are drawn as node labels.
  await build(page, 'Retweet');
  // Pinned, the view says its tweet filter and what it left out in words (the report's "Filtered or hidden").
  await page.getByRole('button', { name: 'Pin to case: this network view' }).click();
  await expect(page.getByRole('button', { name: 'Pinned: this network view' })).toBeVisible();
  const viewPin = (await readPins(page)).find((p) => p.kind === 'network' && p.title.includes(' network view of '))!;
  expect(viewPin.payload.filtered).toMatch(/^tweets from 2019-03-01 00:00 UTC to 2019-03-14 23:59 UTC; .*left out: [0-9,]+ tweets outside the filter/);
  expect(viewPin.payload.caption).toMatch(/ · tweets from 2019-03-01 00:00 UTC to 2019-03-14 23:59 UTC$/);
  // Its drawing's own caption band says the filter once, then what the view hides.
  const band = [...String(viewPin.payload.svg).split('<g id="figure-caption"')[1]!.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((x) => x[1]).join(' ');
  expect(band.split('tweets from 2019-03-01 00:00 UTC').length - 1).toBe(1);
  expect(band).toMatch(/ · filtered or hidden: .*left out: [0-9,]+ tweets outside the filter/);
  const labels: string[] = await page.getByTestId('network-canvas').evaluate((el) =>
    (el as unknown as { cy: import('cytoscape').Core }).cy.nodes().map((n) => String(n.data('label'))));
  for (const name of ['مريم', 'נועה', '牛小牛']) expect(labels.some((l) => l.includes(name)), name).toBe(true);
  // Hashed screen names are drawn by their first 8 characters (whole, 44 of them overlapped every cluster).
  expect(labels.filter((l) => /(^|@)[A-Za-z0-9+]{8}…$/.test(l)).length).toBeGreaterThan(0);
  expect(labels.filter((l) => /[A-Za-z0-9+]{37,43}=/.test(l))).toEqual([]);
  // Arabic names are isolated (FSI … PDI) so the bidi algorithm orders them on their own.
  expect(labels.filter((l) => l.includes('مريم')).every((l) => l.includes('\u2068مريم\u2069'))).toBe(true);
  await page.getByLabel('Find account').fill('مريم');
  await page.getByRole('button', { name: 'Find' }).click();
  await expect(page.getByText(/accounts? match/)).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'network-rtl.png') });
  // Several matches are listed as buttons: one is chosen by keyboard, and focus lands on its details.
  await page.getByLabel('Find account').fill('a');
  await page.getByLabel('Find account').press('Enter');
  const matches = page.getByRole('list', { name: 'Matching accounts' });
  await expect(matches.getByRole('button')).toHaveCount(20);
  await expect(matches).toContainText('the first 20; type more of the name to narrow');
  const first = matches.getByRole('button').first();
  const chosen = (await first.innerText()).replace(/^Show /, '');
  await first.focus();
  await page.keyboard.press('Enter');
  const details = page.getByTestId('node-details');
  await expect(details.getByRole('heading', { level: 2 })).toBeFocused();
  expect(chosen).toContain((await details.getByRole('heading', { level: 2 }).innerText()).trim());

  // Find takes the screen name with its '@' and in full-width forms, as search does.
  // A drawn label is the screen name, or the display name then '@' and the screen name.
  const drawnNames = await page.getByTestId('network-canvas').evaluate((el) =>
    (el as unknown as { cy: import('cytoscape').Core }).cy.nodes().map((n) => /(?:^|@)([a-z0-9_]{4,})$/i.exec(String(n.data('label')))?.[1] ?? ''));
  const screenName = drawnNames.find((name) => archiveNames.has(name)) ?? '';
  expect(screenName).toMatch(/^[a-z0-9_]{4,}$/i);
  const fullWidth = screenName.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
  for (const q of [`@${screenName}`, fullWidth]) {
    await page.getByLabel('Find account').fill(q);
    await page.getByLabel('Find account').press('Enter');
    await expect(page.getByText(new RegExp(`^[1-9][\\d,]* drawn accounts? match(es)? “${q}”`))).toBeVisible();
  }
  // A network limited to one account given by its @name; a name that is no account stops with a message.
  await page.getByLabel(/Only accounts/).fill(`@${screenName}`);
  await build(page, 'Retweet');
  expect((await drawn(page))[0]).toBeGreaterThan(0);
  await page.getByLabel(/Only accounts/).fill('@no_such_account_here');
  await page.getByRole('button', { name: 'Build network' }).click();
  const failure = page.getByRole('alert').filter({ hasText: '“@no_such_account_here” is not an account of this dataset' });
  await expect(failure).toBeVisible();
  await expect(failure).toBeFocused(); // the Cancel button that had the focus is gone
  // The network built before stays, and the alert says so.
  await expect(failure).toContainText('The network shown below is the one built before');
  await expect(page.getByTestId('network-settings')).toHaveText(`Settings: tweets from 2019-03-01 to 2019-03-14 (UTC days), only @${screenName}.`);
  await expect(page.getByRole('heading', { level: 2, name: /^Retweet network of/ })).toBeVisible();
  expect((await drawn(page))[0]).toBeGreaterThan(0);
  // The form refusing its own values next: only its own alert is shown, not the earlier failure.
  await page.getByLabel(/Only accounts/).fill('');
  await page.getByRole('textbox', { name: 'From day' }).fill('2019-03-14');
  await page.getByRole('textbox', { name: 'To day (inclusive)' }).fill('2019-03-01');
  await page.getByRole('button', { name: 'Build network' }).click();
  await expect(page.getByRole('alert')).toHaveCount(1);
  await expect(page.getByRole('alert')).toContainText('The To day is before the From day');
  // Said once; both days are marked invalid, described by it.
  await expect(page.getByRole('alert').getByRole('listitem')).toHaveCount(1);
  for (const day of ['From day', 'To day (inclusive)']) await expect(page.getByRole('textbox', { name: day })).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('textbox', { name: 'From day' }).fill('2019-03-01');
  await page.getByRole('textbox', { name: 'To day (inclusive)' }).fill('2019-03-14');

  // The analysis outlives the view: to Explore and back, the network, its view settings and the form are as left.
  await page.getByLabel(/Only accounts/).fill('');
  await build(page, 'Mention');
  await page.getByLabel('Min weight', { exact: true }).fill('2');
  await expect(page.getByTestId('network-drawn')).toContainText('under the minimum weight'); // applied once typing pauses
  const before = await page.getByTestId('network-drawn').innerText();
  await page.getByTestId('edge-table').getByRole('button', { name: /^Show edge/ }).first().click();
  const edgeTitle = await page.getByTestId('edge-details').getByRole('heading', { level: 2 }).innerText();
  await page.goto('#/explore');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 2, name: /^Mention network of/ })).toBeVisible();
  await expect(page.getByLabel('Min weight', { exact: true })).toHaveValue('2');
  await expect(page.getByTestId('network-drawn')).toHaveText(before);
  await expect(page.getByTestId('edge-details').getByRole('heading', { level: 2 })).toHaveText(edgeTitle); // the open edge too
  await expect(page.getByLabel('Network kind')).toHaveValue('mention');
  await expect(page.getByRole('textbox', { name: 'From day' })).toHaveValue('2019-03-01');
  await expect(page.getByRole('textbox', { name: 'To day (inclusive)' })).toHaveValue('2019-03-14');

  // Its dataset deleted, the network is not shown, and the view says why.
  await page.goto('#/datasets');
  const card = page.getByRole('article').first();
  await card.getByRole('button', { name: 'Delete dataset…' }).click();
  await card.getByRole('button', { name: 'Delete permanently' }).click();
  await expect(page.getByRole('article')).toHaveCount(0);
  await page.goto('#/network');
  await expect(page.getByTestId('network-dataset-gone')).toHaveText('The network built last is not shown: its dataset was deleted.');
  expect(consoleLog.errors).toEqual([]);
});
