import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createKey } from '../electron/flowSteps';
import { createCase, recipientChecks } from './casesTools';
import { openSearchOfRows, storeRecords } from './exploreHelpers';
import { expect, test } from './fixtures';
import { CLIENT_FACES, CLIENT_ROWS, CLIENTS, embeddedFamilies, expectFacesLoadedElsewhere } from './svgFontsTools';

const PRINCIPAL = 'analyst@example.org';
const PASSPHRASE = 'correct horse battery staple';

/**
 * QA: a recipient opening a pinned chart's figure file of the signed bundle (data/derived/figures/)
 * on a computer without Noto CJK or Arabic fonts saw boxes. The figure file is now the pinned SVG
 * with the fonts of its text embedded (as a chart saved as SVG), hashed as written; what was pinned
 * (pinned-items.json, analysis.json, the report) keeps the SVG without them.
 */
test('a bundle\'s figure file carries the fonts its CJK, Arabic, emoji and flag labels are drawn in; pinned-items.json keeps the pinned SVG', async ({ page, consoleLog }) => {
  test.setTimeout(180_000);
  await openSearchOfRows(page, 'client_names_tweets_csv_unhashed.csv', CLIENT_ROWS);
  const fingerprintLine = await createKey(page, PRINCIPAL, PASSPHRASE);
  await page.goto('#/explore');
  const chart = page.locator('[data-chart="clients"]');
  await expect(chart).toBeVisible({ timeout: 30_000 });
  await chart.getByRole('button', { name: /^Pin to case: / }).click();
  await expect(chart.getByRole('button', { name: /^Pinned: / })).toBeVisible();
  await createCase(page, 'Clients 微博 تويتر');
  await page.getByRole('button', { name: /^Add .* to this case$/ }).click();
  await expect(page.getByRole('table', { name: 'Evidence items' }).locator('tbody tr')).toHaveCount(1);
  const [pin] = await storeRecords<{ id: string; kind: string; payload: { svg: string } }>(page, 'pins');
  expect(pin!.kind).toBe('chart');
  for (const client of CLIENTS) expect(pin!.payload.svg).toContain(client);
  expect(pin!.payload.svg).not.toContain('@font-face'); // the case keeps the SVG the report prints

  // The chart cites no source row: no source file to select.
  await page.getByLabel('Key passphrase').fill(PASSPHRASE);
  const downloadP = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Export bundle' }).click();
  const download = await downloadP;
  const dir = mkdtempSync(path.join(tmpdir(), 'dw-figure-fonts-'));
  const zip = path.join(dir, download.suggestedFilename());
  await download.saveAs(zip);
  const { bag, runs } = recipientChecks(zip, path.join(dir, 'unzipped'), PRINCIPAL, fingerprintLine);
  for (const r of runs) expect(r.code, `${r.cmd}\n${r.out}`).toBe(0); // sha256sum -c of the manifest included

  const figurePath = `data/derived/figures/${pin!.id}.svg`;
  const figureBytes = readFileSync(path.join(bag, figurePath));
  const figure = figureBytes.toString('utf8');
  const embedded = embeddedFamilies(figure);
  expect(new Set(embedded)).toEqual(new Set(CLIENT_FACES));
  expect(embedded.filter((f) => f === 'Noto Sans SC').length).toBeLessThan(10); // the slices its text needs, not the whole font
  // The pinned SVG with the fonts of its text embedded, nothing else changed.
  expect(figure.replace(/\n<defs><style>[^<]*<\/style><\/defs>/, '')).toBe(pin!.payload.svg);
  // The item names the file as written: its path and SHA-256, which the signed manifest holds too.
  const sha = createHash('sha256').update(figureBytes).digest('hex');
  const items = readFileSync(path.join(bag, 'metadata/items.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  expect(items).toHaveLength(1);
  expect(items[0]).toMatchObject({ id: pin!.id, kind: 'chart', path: figurePath, sha256: sha });
  expect(readFileSync(path.join(bag, 'manifest-sha256.txt'), 'utf8').split('\n')).toContain(`${sha}  ${figurePath}`);

  // What was pinned stays as pinned: pinned-items.json and analysis.json hold the SVG without fonts.
  const pinned = JSON.parse(readFileSync(path.join(bag, 'data/derived/pinned-items.json'), 'utf8'));
  expect(pinned[0].payload.svg).toBe(pin!.payload.svg);
  const analysis = JSON.parse(readFileSync(path.join(bag, 'metadata/analysis.json'), 'utf8'));
  expect(analysis.parameters[0].payload.svg).toBe(pin!.payload.svg);
  // …and the bundle's VERIFY.txt says so, for a recipient who compares the two.
  expect(readFileSync(path.join(bag, 'VERIFY.txt'), 'utf8').replace(/\s+/g, ' ')).toContain('by those fonts alone it differs from the SVG that data/derived/pinned-items.json keeps');

  // A page with no stylesheet of the app (another browser profile) draws the labels in the figure's own faces.
  await expectFacesLoadedElsewhere(page, figure);
  rmSync(dir, { recursive: true, force: true });
  expect(consoleLog.errors).toEqual([]);
});
