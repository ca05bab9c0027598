import type { Page } from '@playwright/test';
import { createCase, pinButtons } from './casesTools';
import { openDemoArchive, storeRecords } from './exploreHelpers';
import { expect, test } from './fixtures';
import { createKey, PASSPHRASE } from '../electron/flowSteps';
import { fingerprintSha256 } from '../../shared/evidence/opensshKeys';
import { sshsigVerify } from '../../shared/evidence/sshsig';

interface CustodyRow { caseId: string; seq: number; entry: { action: string; detail: { pinId?: string; note?: string } } }

test('two windows on the cases: a change in one shows in the other at once; a window that missed it can neither take an item from another case nor save over a newer note', async ({ page, context }) => {
  test.setTimeout(180_000);
  await openDemoArchive(page);
  await page.getByRole('link', { name: 'Explore' }).click();
  await page.getByRole('link', { name: 'Accounts', exact: true }).click();
  for (let i = 1; i <= 2; i++) {
    await pinButtons(page, 'account').first().click();
    await expect(page.locator('.vscroll button.pin-button[aria-pressed="true"]')).toHaveCount(i);
  }
  const beta = await createCase(page, 'Beta');
  const alpha = await createCase(page, 'Alpha');

  // A window that misses the other windows' announcements of changes (store/crossWindowEvent.ts): its channels are renamed.
  const stale = await context.newPage();
  await stale.addInitScript(() => {
    const Real = BroadcastChannel;
    globalThis.BroadcastChannel = class extends Real {
      constructor(name: string) {
        super(/^dw:.*-changed$/.test(name) ? `muted ${name}` : name);
      }
    };
  });
  await stale.goto(beta);
  const fresh = await context.newPage();
  await fresh.goto(beta);
  const addButtons = (p: Page) => p.getByRole('button', { name: /^Add .* to this case$/ });
  await expect(addButtons(stale)).toHaveCount(2);
  await expect(addButtons(fresh)).toHaveCount(2);

  const first = (await addButtons(page).first().getAttribute('aria-label')) ?? (await addButtons(page).first().innerText());
  await addButtons(page).first().click();
  await expect(page.getByRole('table', { name: 'Evidence items' }).locator('tbody tr')).toHaveCount(1);
  // The other window lists one waiting item now, without a reload.
  await expect(addButtons(fresh)).toHaveCount(1);
  // The stale one still offers the item Alpha took: adding it is refused, and Alpha keeps it.
  await expect(addButtons(stale)).toHaveCount(2);
  await addButtons(stale).first().click();
  await expect(stale.getByRole('alert')).toContainText('was added to the case “Alpha” meanwhile (in another window): remove it there first to add it here');
  const pins = await storeRecords<{ id: string; caseId?: string; title: string }>(page, 'pins');
  const taken = pins.find((p) => p.caseId)!;
  expect(first).toContain(taken.title);
  const alphaId = decodeURIComponent(alpha.split('/').at(-1)!);
  expect(taken.caseId).toBe(alphaId);
  let custody = await storeRecords<CustodyRow>(page, 'custody');
  expect(custody.filter((r) => r.entry.action === 'pin').map((r) => r.caseId)).toEqual([alphaId]);

  // Notes: the first window saves one; the stale window, still showing none, is refused once, keeps its text, then replaces it.
  await stale.goto(alpha);
  await fresh.goto(alpha);
  const note = (p: Page) => p.getByLabel(`Note on ${taken.title}`);
  await note(page).fill('from the first window');
  await note(page).press('Enter');
  await expect(note(fresh)).toHaveValue('from the first window');
  await expect(note(stale)).toHaveValue('');
  await note(stale).fill('from the stale window');
  await note(stale).press('Enter');
  await expect(stale.getByRole('alert')).toHaveText('The note was changed in another window after you began editing; it now reads “from the first window”. Your text is still in the box: save again to replace theirs.');
  // Said beside its box, not at the top of the page (the case may list many items).
  await expect(note(stale).locator('xpath=ancestor::form[1]').getByRole('alert')).toHaveCount(1);
  await expect(note(stale)).toHaveValue('from the stale window');
  await expect(stale.getByText('not saved yet')).toBeVisible();
  await note(stale).press('Enter');
  await expect(stale.getByRole('alert')).toHaveCount(0);
  await expect(stale.getByText('Note saved')).toBeVisible();
  await fresh.reload(); // the stale window's own announcements are muted too
  await expect(note(fresh)).toHaveValue('from the stale window');
  custody = await storeRecords<CustodyRow>(page, 'custody');
  expect(custody.filter((r) => r.entry.action === 'note').map((r) => r.entry.detail.note)).toEqual(['from the first window', 'from the stale window']);
  await expect(fresh.getByTestId('custody-verdict')).toHaveText(/^Chain intact/);

  // The case notes likewise, said in their own words ("were changed"); put back as stored, nothing stays unsaved.
  const caseNotes = (p: Page) => p.getByRole('textbox', { name: 'Case notes' });
  await caseNotes(fresh).fill('case notes from the fresh window');
  await caseNotes(fresh).press('Control+Enter');
  await expect(fresh.getByText('Case notes saved')).toBeVisible();
  await caseNotes(stale).fill('case notes from the stale window');
  await caseNotes(stale).press('Control+Enter');
  await expect(stale.getByRole('alert')).toHaveText('The case notes were changed in another window after you began editing; they now read “case notes from the fresh window”. Your text is still in the box: save again to replace theirs.');
  await caseNotes(stale).fill(''); // as this window last read them: no draft left
  await expect(stale.getByText('not saved yet')).toHaveCount(0);

  // A draft kept over a reload keeps the text it was begun from: saved over a newer note, it is refused once too.
  await note(page).fill('draft kept over a reload');
  await note(fresh).fill('saved by the other window');
  await note(fresh).press('Enter');
  await expect(fresh.getByText('Note saved')).toBeVisible();
  await page.reload();
  await expect(note(page)).toHaveValue('draft kept over a reload');
  await note(page).press('Enter');
  await expect(page.getByRole('alert')).toContainText('it now reads “saved by the other window”');

  // Escape backs out of the archive question, as Keep it open does.
  await page.getByRole('button', { name: 'Archive case…' }).click();
  await expect(page.getByRole('button', { name: 'Keep it open' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('group', { name: 'Confirm archiving' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Archive case…' })).toBeFocused();
});

test('two windows rotating the key at once: one rotation after the other, the key history one chain, not a fork', async ({ page, context }) => {
  test.setTimeout(120_000);
  await createKey(page);
  const other = await context.newPage();
  await other.goto(page.url());
  for (const p of [page, other]) {
    await p.getByText('Rotate key').first().click();
    await p.getByLabel('Current passphrase').fill(PASSPHRASE);
    await p.getByLabel('New passphrase').fill(PASSPHRASE);
    await p.getByLabel('Repeat passphrase').fill(PASSPHRASE);
  }
  // Both submitted in the same moment (clicks dispatched in the pages, not one after the other's result).
  await Promise.all([page, other].map((p) => p.getByRole('button', { name: 'Rotate key' }).evaluate((b: HTMLButtonElement) => b.click())));
  await expect.poll(async () => (await storeRecords<{ id: string }>(page, 'keys')).length, { timeout: 60_000 }).toBe(3);
  const keys = await storeRecords<{ id: string; fingerprint: string; replacedBy?: string; rotationStatement?: string }>(page, 'keys');
  const current = keys.find((k) => k.id === 'current')!;
  const retired = keys.filter((k) => k.id !== 'current');
  // Each key replaced once, by the next: first → second → current.
  expect(new Set(retired.map((k) => k.replacedBy)).size).toBe(2);
  const second = retired.find((k) => k.replacedBy === current.fingerprint)!;
  expect(retired.find((k) => k.replacedBy === second.fingerprint)).toBeDefined();
  // ...and each statement is signed by the key it replaced (two rotations of one key would both be by the first).
  const signerOf = (statement: string) => {
    const v = sshsigVerify(statement, new Uint8Array());
    return 'publicKey' in v && v.publicKey ? fingerprintSha256(v.publicKey) : null;
  };
  expect(signerOf(current.rotationStatement!)).toBe(second.fingerprint);
  expect(signerOf(second.rotationStatement!)).toBe(retired.find((k) => k.replacedBy === second.fingerprint)!.fingerprint);
});

test('archiving while another window holds a note typed in the case and not saved is refused, naming it; once saved there, the case archives', async ({ page, context }) => {
  test.setTimeout(180_000);
  await openDemoArchive(page);
  await page.getByRole('link', { name: 'Explore' }).click();
  await page.getByRole('link', { name: 'Accounts', exact: true }).click();
  await pinButtons(page, 'account').first().click();
  await expect(page.locator('.vscroll button.pin-button[aria-pressed="true"]')).toHaveCount(1);
  const caseUrl = await createCase(page, 'Two windows 两个窗口');
  await page.getByRole('button', { name: /^Add .* to this case$/ }).click();
  const title = (await page.getByRole('table', { name: 'Evidence items' }).locator('tbody tr td:nth-child(2)').innerText()).trim();
  const other = await context.newPage();
  await other.goto(caseUrl);
  const note = (p: Page) => p.getByLabel(`Note on ${title}`);
  const caseNotes = (p: Page) => p.getByRole('textbox', { name: 'Case notes' });
  await note(other).fill('ملاحظة في نافذة أخرى 🙂');
  await caseNotes(other).fill('范围');
  const confirm = page.getByRole('group', { name: 'Confirm archiving' });
  const archive = async () => {
    if (!(await confirm.isVisible())) await page.getByRole('button', { name: 'Archive case…' }).click();
    await confirm.getByRole('button', { name: 'Archive', exact: true }).click();
  };

  // This window has nothing typed: the other window's texts are named, and nothing is archived.
  await archive();
  await expect(page.getByRole('alert')).toHaveText(`Not archived: another window holds text not saved yet in the case notes and the note on “${title}”. Save it there first, or put back the saved text: once archived, the case’s notes and tags can no longer be changed.`);
  const actions = async () => (await storeRecords<CustodyRow>(page, 'custody')).map((r) => r.entry.action);
  expect(await actions()).not.toContain('case-archived');
  await expect(note(other)).toHaveValue('ملاحظة في نافذة أخرى 🙂');

  // Saved there (the case notes put back as stored): archived, and the other window shows the saved note read-only.
  await note(other).press('Enter');
  await expect(other.getByText('Note saved')).toBeVisible();
  await caseNotes(other).fill('');
  await archive();
  await expect(page.getByText('Archived.')).toBeVisible();
  expect(await actions()).toContain('case-archived');
  await expect(note(other)).toHaveValue('ملاحظة في نافذة أخرى 🙂');
  await expect(note(other)).toHaveAttribute('readonly', '');
});
