import type { Page } from '@playwright/test';
import { ira2018TweetsWithCaseStore, type CaseStoreModules } from './caseStoreInPage';
import { exposeModule } from './pageModule';
import { createDemoArchive } from '../../shared/archive/demo/demoArchive';
import { DEMO_SEED, DEMO_TWEETS } from '../../renderer/src/import/demoArchiveFiles';
import { createCase, pinButtons } from './casesTools';
import { countStore, openDemoArchive, storeRecords } from './exploreHelpers';
import { expect, test } from './fixtures';
import { gotoHash } from './pageNav';
import { rewriteAsV11 } from './profileRewrite';

/**
 * A pin button's Undo ("Pinned" pressed again takes the waiting pin back), the name of an archived
 * case (read-only, as its notes and tags are), and the custody entries of the schema v12 repair of
 * waiting pins. Real Chromium and IndexedDB.
 */

interface StoredPin { id: string; title: string; caseId?: string }
interface CustodyRow { caseId: string; seq: number; entry: { action: string; actor: string; detail: Record<string, unknown> } }

const custodyOf = async (page: Page) => (await storeRecords<CustodyRow>(page, 'custody')).sort((a, b) => a.seq - b.seq);
const byId = <T extends { id: string }>(rows: T[]) => rows.sort((a, b) => a.id.localeCompare(b.id));
const items = (page: Page) => page.getByRole('table', { name: 'Evidence items' }).locator('tbody tr');

/**
 * The demo archive, a case named `caseName`, an account pinned on its page, added to the case with a note
 * (and tags), then removed: it waits again, the same pin, the case keeping its note and tags. On the case page.
 */
async function pinnedOnceInCase(page: Page, caseName: string, note: string, tags?: string): Promise<{ caseUrl: string; accountUrl: string; title: string }> {
  await openDemoArchive(page);
  const member = createDemoArchive({ tweets: DEMO_TWEETS, seed: DEMO_SEED }).groundTruth.groups[0]!.members[0]!;
  const caseUrl = await createCase(page, caseName);
  const accountUrl = `#/explore/account/${encodeURIComponent(member)}`;
  await page.goto(accountUrl);
  await pinButtons(page, 'account').first().click();
  await expect(page.locator('button.pin-button[aria-pressed="true"][aria-label^="Pinned: account "]')).toHaveCount(1);
  await page.goto(caseUrl);
  await page.getByRole('button', { name: /^Add .* to this case$/ }).click();
  await expect(items(page)).toHaveCount(1);
  const title = (await items(page).locator('td:nth-child(2)').textContent())!;
  for (const [label, text, saved] of [[`Note on ${title}`, note, 'Note saved'], ...(tags === undefined ? [] : [[`Tags of ${title} (comma-separated)`, tags, 'Tags saved']])]) {
    await page.getByLabel(label!).fill(text!);
    await page.getByLabel(label!).press('Enter');
    await expect(page.getByRole('status').filter({ hasText: saved })).toHaveCount(1);
  }
  await page.getByRole('button', { name: `Remove ${title} from the case` }).click();
  await expect(items(page)).toHaveCount(0);
  return { caseUrl, accountUrl, title };
}

test('“Pinned” pressed again offers Undo (by keyboard), which puts back the same pin: id, stored content, the case’s note and tags; no custody entry; Undo goes at the next change of pins', async ({ page }) => {
  test.setTimeout(240_000);
  const { caseUrl, accountUrl, title } = await pinnedOnceInCase(page, 'Undo 撤销 تراجع', 'ملاحظة 📝 note', '香港، lockstep');
  const pinned = page.locator('button.pin-button[aria-pressed="true"][aria-label^="Pinned: account "]');
  await page.goto(accountUrl);
  await expect(pinned).toHaveCount(1);
  const name = (await pinned.getAttribute('aria-label'))!.replace(/^Pinned: /, '');
  const before = byId(await storeRecords<StoredPin>(page, 'pins'));
  expect(before.map((p) => [p.title, p.caseId])).toEqual([[title, undefined]]);
  const custody = await custodyOf(page);

  await pinned.focus();
  await page.keyboard.press('Enter');
  // The button says it is not pinned (focus stays on it); Undo, beside it, says what it puts back.
  await expect(page.getByRole('button', { name: `Pin to case: ${name}` })).toBeFocused();
  const undo = page.getByRole('button', { name: `Undo: put back the pin “${name}”` });
  await expect(page.getByRole('status').filter({ has: undo })).toHaveText(`Pin discarded: ${name}. Undo`);
  await expect.poll(() => countStore(page, 'pins')).toBe(0);
  await page.keyboard.press('Tab');
  await expect(undo).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(undo).toHaveCount(0);
  await expect(pinned).toBeFocused();
  // The very same record (id, title, payload, provenance, pinnedAt), and no custody entry either way (a waiting pin is in no case), as the Case page's Discard and Undo.
  expect(byId(await storeRecords<StoredPin>(page, 'pins'))).toEqual(before);
  expect(await custodyOf(page)).toEqual(custody);
  await page.reload();
  await expect(pinned).toHaveCount(1);

  // Added back, it has the case's note and tags again.
  await page.goto(caseUrl);
  await page.getByRole('button', { name: `Add ${title} to this case` }).click();
  await expect(items(page)).toHaveCount(1);
  await expect(page.getByLabel(`Note on ${title}`)).toHaveValue('ملاحظة 📝 note');
  await expect(page.getByLabel(`Tags of ${title} (comma-separated)`)).toHaveValue('香港, lockstep');
  await page.getByRole('button', { name: `Remove ${title} from the case` }).click();
  await expect(items(page)).toHaveCount(0);

  // Undo is offered until the next change of pins (here a tweet pinned): then the take-back stands.
  await page.goto(accountUrl);
  await pinned.click();
  await expect(undo).toBeVisible();
  await pinButtons(page, 'tweet').first().click();
  await expect(page.locator('button.pin-button[aria-pressed="true"][aria-label^="Pinned: tweet "]')).toHaveCount(1);
  await expect(undo).toHaveCount(0);
  await expect(page.getByRole('button', { name: `Pin to case: ${name}` })).toBeVisible();
  const left = await storeRecords<StoredPin>(page, 'pins');
  expect(left.map((p) => p.id)).not.toContain(before[0]!.id);
  expect(left).toHaveLength(1);
});

test('in the accounts table, Undo sits beside the pin button on the row’s line, and puts the pin back', async ({ page }) => {
  test.setTimeout(180_000);
  await openDemoArchive(page);
  await gotoHash(page, '#/explore/accounts');
  const firstPin = pinButtons(page, 'account').first();
  const name = (await firstPin.getAttribute('aria-label'))!.replace(/^Pin to case: /, '');
  await firstPin.click();
  const pinned = page.getByRole('button', { name: `Pinned: ${name}` });
  await expect(pinned).toBeVisible();
  const before = await storeRecords<StoredPin>(page, 'pins');
  await pinned.click();
  const undo = page.getByRole('button', { name: `Undo: put back the pin “${name}”` });
  await expect(undo).toBeVisible();
  const row = page.getByRole('row').filter({ has: undo });
  const [rowBox, undoBox, pinBox] = await Promise.all([row.boundingBox(), undo.boundingBox(), page.getByRole('button', { name: `Pin to case: ${name}` }).boundingBox()]);
  // Within the row's fixed height, to the right of the pin button, inside the Pin column (150 px).
  expect(undoBox!.y).toBeGreaterThanOrEqual(rowBox!.y);
  expect(undoBox!.y + undoBox!.height).toBeLessThanOrEqual(rowBox!.y + rowBox!.height);
  expect(undoBox!.x).toBeGreaterThanOrEqual(pinBox!.x + pinBox!.width);
  expect(undoBox!.x + undoBox!.width).toBeLessThanOrEqual(pinBox!.x + 150);
  await undo.click();
  await expect(pinned).toBeFocused();
  expect(await storeRecords<StoredPin>(page, 'pins')).toEqual(before);
});

test('an archived case’s name is read-only: no Rename…; a new name typed in another window holds archiving back, and one typed there after it is refused by the store, saying why', async ({ page, context }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  const caseUrl = await createCase(page, 'قضية Case 案件');
  // Open, it is renamed (and the log says so).
  await page.getByRole('button', { name: 'Rename…' }).click();
  await page.getByLabel('New name').fill('قضية Case 案件 🙂');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'قضية Case 案件 🙂' })).toBeVisible();
  // A name typed and not saved holds archiving back, as a note does.
  await page.getByRole('button', { name: 'Rename…' }).click();
  await page.getByLabel('New name').fill('not saved 未保存');
  await page.getByRole('button', { name: 'Archive case…' }).click();
  await page.getByRole('button', { name: 'Archive', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('Not archived: text not saved yet in the new name. Save it first, or put back the saved text: once archived, the case’s notes and tags can no longer be changed.');

  // Another window has the rename form open, a new name typed: that holds archiving back too, named so.
  const other = await context.newPage();
  await other.goto(caseUrl);
  await other.getByRole('button', { name: 'Rename…' }).click();
  await other.getByLabel('New name').fill('Renamed after archiving مؤرشف');
  // This window's name put back (Cancel), the confirmation still open.
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Archive', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('Not archived: another window holds text not saved yet in the new name. Save it there first, or put back the saved text: once archived, the case’s notes and tags can no longer be changed.');
  // Put back there, the form left open: this window archives.
  await other.getByLabel('New name').fill('قضية Case 案件 🙂');
  await page.getByRole('button', { name: 'Archive', exact: true }).click();
  await expect(page.getByText('Archived: the name is read-only')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Rename…' })).toHaveCount(0);

  // The form still open there: a name typed after the archiving is refused by the store, saying why.
  await expect(other.getByText('Archived.')).toBeVisible();
  await other.getByLabel('New name').fill('Renamed after archiving مؤرشف');
  await other.getByRole('button', { name: 'Save name' }).click();
  await expect(other.getByRole('alert')).toHaveText('this case is archived: its name can no longer be changed');
  await expect(other.getByLabel('New name')).toHaveValue('Renamed after archiving مؤرشف');
  await other.getByRole('button', { name: 'Cancel' }).click();
  await expect(other.getByText('Archived: the name is read-only')).toBeFocused();
  await expect(other.getByRole('button', { name: 'Rename…' })).toHaveCount(0);
  await expect(other.getByRole('heading', { level: 1 })).toHaveText('قضية Case 案件 🙂');
  await other.reload();
  await expect(other.getByRole('heading', { level: 1 })).toHaveText('قضية Case 案件 🙂');

  // Logged: the one rename made while open, then the archiving; the refused one is not.
  const log = await custodyOf(page);
  expect(log.map((r) => r.entry.action)).toEqual(['case-created', 'case-renamed', 'case-archived']);
  expect(log[1]!.entry.detail).toMatchObject({ from: 'قضية Case 案件', to: 'قضية Case 案件 🙂' });
});

test('the schema v12 repair joining two waiting pins of one item logs the note and tags it joins in the case’s custody log (chain intact); added back, the item has them', async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  const { caseUrl, title } = await pinnedOnceInCase(page, 'Repair log 日志 سجل', 'first 第一');
  const [kept] = await storeRecords<StoredPin & { pinnedAt: string }>(page, 'pins');
  const [stored] = await storeRecords<{ id: string; itemNotes: Record<string, string> }>(page, 'cases');
  const before = await custodyOf(page);

  // As a profile of before 2026-12-05 could be: the item pinned again, that copy too in the case once, with a note and tags of its own.
  await page.goto(new URL('no-app-here', baseURL).href);
  const copy = { ...kept!, id: 'copy-1', pinnedAt: new Date(Date.parse(kept!.pinnedAt) + 60_000).toISOString() };
  await page.evaluate(rewriteAsV11, { pins: [copy], cases: [{ ...stored!, itemNotes: { ...stored!.itemNotes, 'copy-1': 'ثاني second 🦜' }, itemTags: { 'copy-1': ['香港', 'lockstep'] } }] });

  await page.goto(caseUrl);
  await expect(page.getByRole('heading', { name: 'Pinned, not in a case yet (1)' })).toBeVisible();
  await expect(page.getByTestId('custody-verdict')).toContainText(`Chain intact: ${before.length + 2} entries`);
  const after = await custodyOf(page);
  expect(after.slice(0, before.length)).toEqual(before);
  const actor = 'Disclosure Workbench (profile upgrade to schema v12)';
  expect(after.slice(before.length).map((r) => [r.entry.action, r.entry.actor, r.entry.detail])).toEqual([
    ['note', actor, { pinId: kept!.id, note: 'first 第一 · ثاني second 🦜', joinedFrom: ['copy-1'] }],
    ['tags', actor, { pinId: kept!.id, tags: ['香港', 'lockstep'], joinedFrom: ['copy-1'] }],
  ]);
  await page.getByRole('button', { name: `Add ${title} to this case` }).click();
  await expect(items(page)).toHaveCount(1);
  await expect(page.getByLabel(`Note on ${title}`)).toHaveValue('first 第一 · ثاني second 🦜');
  await expect(page.getByLabel(`Tags of ${title} (comma-separated)`)).toHaveValue('香港, lockstep');
  await expect(page.getByTestId('custody-verdict')).toContainText('Chain intact');
});

/**
 * QA: an item held by case X was pinned again and added to case Y, given a note and tags there, and
 * taken out of Y (it waits again); then taken out of X. Only one waiting pin of an item is kept, and
 * the one Y's note and tags named was dropped: added to Y again, the item had none. The note and tags
 * now go with the pin that stays, logged in Y's custody log (chain intact).
 */
test('an item taken out of two cases in turn keeps, in each, the note and tags saved there: added back to either, it has them', async ({ page, consoleLog }) => {
  const sha = await ira2018TweetsWithCaseStore(page);
  await exposeModule(page, 'shared/evidence/custodyLog.ts', 'custodyLog');
  type Modules = CaseStoreModules & { custodyLog: typeof import('../../shared/evidence/custodyLog') };
  const result = await page.evaluate(async (fileSha256) => {
    const { caseStore: cs, database, custodyLog } = globalThis as unknown as Modules;
    const db = database.db;
    const who = 'qa@example.org';
    const [ds] = await db.datasets.toArray();
    const pin = (id: string, pinnedAt: string) => ({ id, kind: 'tweet' as const, datasetId: ds!.id, title: 'first row', payload: {}, provenance: [{ fileSha256, row: 1, byteOffset: 0, byteLength: 1 }], pinnedAt });
    const x = await cs.createCase(db, 'Case X', who);
    const y = await cs.createCase(db, 'Case Y', who);
    await db.pins.put(pin('in-x', '2026-12-01T00:00:00.000Z'));
    await cs.attachPin(db, x.id, 'in-x', who);
    await cs.setItemNote(db, x.id, 'in-x', 'X-note', who);
    // Pinned again (it waits), added to Y, noted and tagged there, taken out of Y.
    await db.pins.put(pin('again', '2026-12-02T00:00:00.000Z'));
    await cs.attachPin(db, y.id, 'again', who);
    await cs.setItemNote(db, y.id, 'again', 'Y-note', who);
    await cs.setItemTags(db, y.id, 'again', ['y-tag'], who);
    await cs.detachPin(db, y.id, 'again', who);
    // Taken out of X: one waiting pin of the item is left.
    await cs.detachPin(db, x.id, 'in-x', who);
    const waiting = (await db.pins.toArray()).filter((p) => !p.caseId);
    // Added back to Y: its note and tags are there.
    await cs.attachPin(db, y.id, waiting[0]!.id, who);
    const yAfter = (await db.cases.get(y.id))!;
    const xAfter = (await db.cases.get(x.id))!;
    const entries = async (caseId: string) => (await db.custody.where('[caseId+seq]').between([caseId, 0], [caseId, Infinity]).toArray()).map((r) => r.entry);
    const yLog = await entries(y.id);
    return {
      waiting: waiting.length, kept: waiting[0]!.id,
      yNote: yAfter.itemNotes[waiting[0]!.id], yTags: yAfter.itemTags?.[waiting[0]!.id], xNote: xAfter.itemNotes[waiting[0]!.id],
      yActions: yLog.map((e) => e.action), yChain: custodyLog.verifyCustody(yLog).ok, xChain: custodyLog.verifyCustody(await entries(x.id)).ok,
    };
  }, sha);
  expect(result).toEqual({
    waiting: 1, kept: 'in-x', yNote: 'Y-note', yTags: ['y-tag'], xNote: 'X-note',
    yActions: ['case-created', 'import', 'pin', 'note', 'tags', 'unpin', 'note', 'tags', 'pin'], yChain: true, xChain: true,
  });
  expect(consoleLog.errors).toEqual([]);
});

/**
 * An item's waiting pin discarded; meanwhile the item pinned again, added to case Y, noted and tagged
 * there, and taken out of Y (it waits again, Y keeping its note). Undo of the discard then deleted that
 * second pin, and Y's note and tags with it; now the two stay as one pin that keeps them.
 */
test('Undo of a discarded pin, after the item was pinned again and noted in a case meanwhile, keeps that case\'s note and tags', async ({ page, consoleLog }) => {
  const sha = await ira2018TweetsWithCaseStore(page);
  await exposeModule(page, 'renderer/src/pins/pinApi.ts', 'pinApi');
  await exposeModule(page, 'shared/evidence/custodyLog.ts', 'custodyLog');
  type Modules = CaseStoreModules & { pinApi: typeof import('../../renderer/src/pins/pinApi'); custodyLog: typeof import('../../shared/evidence/custodyLog') };
  const result = await page.evaluate(async (fileSha256) => {
    const { caseStore: cs, database, pinApi, custodyLog } = globalThis as unknown as Modules;
    const db = database.db;
    const who = 'qa@example.org';
    const [ds] = await db.datasets.toArray();
    const pin = (id: string, pinnedAt: string) => ({ id, kind: 'tweet' as const, datasetId: ds!.id, title: 'first row', payload: {}, provenance: [{ fileSha256, row: 1, byteOffset: 0, byteLength: 1 }], pinnedAt });
    await db.pins.put(pin('first', '2026-12-01T00:00:00.000Z'));
    const discarded = await pinApi.discardWaitingPin({ id: 'first' });
    const y = await cs.createCase(db, 'Case Y', who);
    await db.pins.put(pin('again', '2026-12-02T00:00:00.000Z'));
    await cs.attachPin(db, y.id, 'again', who);
    await cs.setItemNote(db, y.id, 'again', 'Y-note 笔记', who);
    await cs.setItemTags(db, y.id, 'again', ['y-tag'], who);
    await cs.detachPin(db, y.id, 'again', who);
    await pinApi.restoreWaitingPins(discarded, who);
    const waiting = (await db.pins.toArray()).filter((p) => !p.caseId);
    await cs.attachPin(db, y.id, waiting[0]!.id, who);
    const yAfter = (await db.cases.get(y.id))!;
    const log = (await db.custody.where('[caseId+seq]').between([y.id, 0], [y.id, Infinity]).toArray()).map((r) => r.entry);
    return { discarded: discarded.length, waiting: waiting.length, note: yAfter.itemNotes[waiting[0]!.id], tags: yAfter.itemTags?.[waiting[0]!.id], chain: custodyLog.verifyCustody(log).ok };
  }, sha);
  expect(result).toEqual({ discarded: 1, waiting: 1, note: 'Y-note 笔记', tags: ['y-tag'], chain: true });
  expect(consoleLog.errors).toEqual([]);
});
