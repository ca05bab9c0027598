import type { Page } from '@playwright/test';
import { createDemoArchive } from '../../shared/archive/demo/demoArchive';
import { DEMO_SEED, DEMO_TWEETS } from '../../renderer/src/import/demoArchiveFiles';
import { createCase, pinButtons } from './casesTools';
import { countStore, openDemoArchive, storeRecords } from './exploreHelpers';
import { expect, test } from './fixtures';
import { gotoHash } from './pageNav';

/**
 * The case page's editing: Rename's Cancel and Escape, pin buttons before their state is read, notes
 * and tags of an archived case, and Undo of a discarded waiting pin. Real Chromium and IndexedDB.
 */

interface StoredPin { id: string; title: string; caseId?: string; pinnedAt: string }
interface CustodyRow { caseId: string; entry: { action: string } }

/** The demo archive, a case named `name`, an account and one of its tweets pinned on the account's page (waiting); back on the case. */
async function demoCaseWithTwoPins(page: Page, name: string): Promise<string> {
  await openDemoArchive(page);
  const member = createDemoArchive({ tweets: DEMO_TWEETS, seed: DEMO_SEED }).groundTruth.groups[0]!.members[0]!;
  const caseUrl = await createCase(page, name);
  await page.goto(`#/explore/account/${encodeURIComponent(member)}`);
  await pinButtons(page, 'account').first().click();
  await expect(pinButtons(page, 'tweet').first()).toBeVisible();
  await pinButtons(page, 'tweet').first().click();
  await expect(page.locator('button.pin-button[aria-pressed="true"]')).toHaveCount(2);
  await page.goto(caseUrl);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByTestId('custody-verdict')).toContainText('Chain intact');
  return caseUrl;
}

const items = (page: Page) => page.getByRole('table', { name: 'Evidence items' }).locator('tbody tr');
const custodyActions = async (page: Page) => (await storeRecords<CustodyRow>(page, 'custody')).map((r) => r.entry.action);

test('rename: Cancel takes a refused name’s message away (not shown when Rename… opens again); Escape cancels from anywhere in the form', async ({ page }) => {
  await page.goto('/');
  await createCase(page, 'Alpha 香港 🙂');
  await createCase(page, 'بيتا Beta');
  await page.getByRole('button', { name: 'Rename…' }).click();
  await page.getByLabel('New name').fill('Alpha 香港 🙂');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('alert')).toHaveText('a case named “Alpha 香港 🙂” exists already: choose another name');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Rename…' })).toBeFocused();
  await page.getByRole('button', { name: 'Rename…' }).click();
  await expect(page.getByLabel('New name')).toHaveValue('بيتا Beta');
  await expect(page.getByRole('alert')).toHaveCount(0);

  // Escape on the form's buttons (by keyboard: Tab from the name), not only in its text box.
  for (const button of ['Save name', 'Cancel']) {
    await expect(page.getByLabel('New name')).toBeFocused();
    await page.getByLabel('New name').fill('not kept');
    await page.keyboard.press('Tab');
    if (button === 'Cancel') await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: button })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByLabel('New name')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Rename…' })).toBeFocused();
    await page.keyboard.press('Enter');
  }
  await expect(page.getByLabel('New name')).toHaveValue('بيتا Beta');
  // A name typed and not saved stays over a view switch and a reload, the form open (as notes' drafts do).
  await page.getByLabel('New name').fill('Gamma 伽马 typed');
  const casePage = page.url();
  await page.getByRole('link', { name: 'Network' }).click();
  await page.goBack();
  await expect(page.getByLabel('New name')).toHaveValue('Gamma 伽马 typed');
  await page.reload();
  await expect(page.getByLabel('New name')).toHaveValue('Gamma 伽马 typed');
  expect(page.url()).toBe(casePage);
  await page.getByLabel('New name').focus();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('بيتا Beta');
  await page.reload();
  await expect(page.getByLabel('New name')).toHaveCount(0);
  expect((await custodyActions(page)).filter((a) => a === 'case-renamed')).toEqual([]);
  // Renamed seconds after the page opened (the window's title followed the headings for ~2 s only), the title follows.
  await expect(page).toHaveTitle('بيتا Beta — Disclosure Workbench');
  await page.waitForTimeout(3_000);
  await page.getByRole('button', { name: 'Rename…' }).click();
  await page.getByLabel('New name').fill('Delta 德尔塔');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Delta 德尔塔');
  await expect(page).toHaveTitle('Delta 德尔塔 — Disclosure Workbench');
});

test('closing a window with a case text typed and not saved asks first (Stay keeps it); saved, or in no case, the window closes without asking', async ({ page, context }) => {
  await page.goto('/');
  await createCase(page, 'Closing 关闭 case');
  const caseNotes = page.getByRole('textbox', { name: 'Case notes' });
  await caseNotes.fill('typed, not saved ✍️ لم يحفظ');
  const asked: string[] = [];
  // Stay: the browser's “Leave site?” dismissed.
  page.on('dialog', (d) => {
    asked.push(d.type());
    void d.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked).toEqual(['beforeunload']);
  expect(page.isClosed()).toBe(false);
  await expect(caseNotes).toHaveValue('typed, not saved ✍️ لم يحفظ');
  await caseNotes.press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Case notes saved' })).toBeVisible();
  const closed = page.waitForEvent('close');
  await page.close({ runBeforeUnload: true });
  await closed;
  expect(asked).toEqual(['beforeunload']);

  // A window with nothing typed closes at once too, and the saved notes are there in the next one.
  const next = await context.newPage();
  await next.goto(page.url());
  await expect(next.getByRole('textbox', { name: 'Case notes' })).toHaveValue('typed, not saved ✍️ لم يحفظ');
  next.on('dialog', (d) => {
    asked.push(d.type());
    void d.dismiss();
  });
  const nextClosed = next.waitForEvent('close');
  await next.close({ runBeforeUnload: true });
  await nextClosed;
  expect(asked).toEqual(['beforeunload']);
});

test('a pin button shows no state until it has read it: disabled and busy, as wide as “Pin to case”, never “Pin to case” for an item pinned already', async ({ page }) => {
  test.setTimeout(240_000);
  await openDemoArchive(page);
  await gotoHash(page, '#/explore/accounts');
  await pinButtons(page, 'account').first().click();
  const pressed = page.locator('button.pin-button[aria-pressed="true"]');
  await expect(pressed).toHaveCount(1);
  const pinnedName = (await pressed.getAttribute('aria-label'))!.replace(/^Pinned: /, '');
  expect(pinnedName).toMatch(/^account @/);

  // Every state any pin button shows from the page's first render on, as it is drawn.
  await page.addInitScript(() => {
    const seen: { label: string; disabled: boolean; busy: string | null; pressed: string | null; width: number }[] = [];
    (window as unknown as { pinStates: typeof seen }).pinStates = seen;
    const record = () => {
      for (const b of document.querySelectorAll<HTMLButtonElement>('button.pin-button')) {
        seen.push({ label: b.getAttribute('aria-label') ?? '', disabled: b.disabled, busy: b.getAttribute('aria-busy'), pressed: b.getAttribute('aria-pressed'), width: b.getBoundingClientRect().width });
      }
    };
    new MutationObserver(record).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await page.reload();
  await expect(page.locator('button.pin-button[aria-pressed="true"]')).toHaveCount(1);
  await expect(page.locator('button.pin-button[aria-busy="true"]')).toHaveCount(0);
  const seen = await page.evaluate(() => (window as unknown as { pinStates: { label: string; disabled: boolean; busy: string | null; pressed: string | null; width: number }[] }).pinStates);
  const ofPinned = seen.filter((s) => s.label.endsWith(`: ${pinnedName}`));
  expect(ofPinned.length).toBeGreaterThan(0);
  // The pinned account's button never offered to pin it: before its state was read it was disabled and busy.
  expect(ofPinned.filter((s) => !s.label.startsWith('Pinned:')).map((s) => [s.label, s.disabled, s.busy])).toEqual(
    ofPinned.filter((s) => !s.label.startsWith('Pinned:')).map(() => [`Checking whether it is pinned: ${pinnedName}`, true, 'true']),
  );
  const checking = seen.filter((s) => s.label.startsWith('Checking whether it is pinned: '));
  expect(checking.length).toBeGreaterThan(0);
  expect(checking.every((s) => s.disabled && s.busy === 'true' && s.pressed === null)).toBe(true);
  // No button was ever enabled and unpressed before its state was known: every enabled "Pin to case" is of an item not pinned.
  expect(seen.some((s) => !s.disabled && s.label === `Pin to case: ${pinnedName}`)).toBe(false);
  // As wide while checking as "Pin to case" once read (no jump for the items not pinned).
  const unpinnedWidth = await pinButtons(page, 'account').first().evaluate((b) => b.getBoundingClientRect().width);
  expect(checking.map((s) => Math.round(s.width))).toContain(Math.round(unpinnedWidth));
});

test('an archived case’s notes and tags are read-only, saying why; archiving with a note typed and not saved is refused, the text kept', async ({ page }) => {
  test.setTimeout(240_000);
  await demoCaseWithTwoPins(page, 'Archive notes 档案');
  await page.getByRole('button', { name: 'Add every waiting pin (2)' }).click();
  await expect(items(page)).toHaveCount(2);
  const titles = await items(page).locator('td:nth-child(2)').allTextContents();
  const note = (i: number) => page.getByLabel(`Note on ${titles[i]}`);
  const tags = (i: number) => page.getByLabel(`Tags of ${titles[i]} (comma-separated)`);
  const caseNotes = page.getByRole('textbox', { name: 'Case notes' });
  const confirm = page.getByRole('group', { name: 'Confirm archiving' });
  // Refused, the confirmation stays open: Archive is pressed again once the text is saved.
  const archive = async () => {
    if (!(await confirm.isVisible())) await page.getByRole('button', { name: 'Archive case…' }).click();
    await confirm.getByRole('button', { name: 'Archive', exact: true }).click();
  };

  await note(0).fill('ملاحظة 🙂');
  await archive();
  await expect(page.getByRole('alert')).toHaveText(`Not archived: text not saved yet in the note on “${titles[0]}”. Save it first, or put back the saved text: once archived, the case’s notes and tags can no longer be changed.`);
  expect(await custodyActions(page)).not.toContain('case-archived');
  await expect(note(0)).toHaveValue('ملاحظة 🙂');
  await note(0).press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Note saved' })).toHaveCount(1);

  await tags(1).fill('香港, حملة');
  await caseNotes.fill('Scope 范围\nسطر');
  await archive();
  await expect(page.getByRole('alert')).toHaveText(`Not archived: text not saved yet in the case notes and the tags of “${titles[1]}”. Save it first, or put back the saved text: once archived, the case’s notes and tags can no longer be changed.`);
  expect(await custodyActions(page)).not.toContain('case-archived');
  await tags(1).press('Enter');
  await expect(tags(1)).toHaveValue('香港, حملة');
  await caseNotes.fill(''); // put back as saved (none)
  await archive();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByText('Archived.')).toBeVisible();
  const actionsArchived = await custodyActions(page);
  expect(actionsArchived.at(-1)).toBe('case-archived');

  // Read-only, with the reason beside each box and in its description; no Save buttons.
  for (const box of [note(0), note(1), tags(0), tags(1), caseNotes]) {
    await expect(box).not.toBeEditable();
    await expect(box).toHaveAccessibleDescription('Archived: read-only');
  }
  await expect(page.getByText('Archived: read-only', { exact: true })).toHaveCount(5);
  await expect(page.getByRole('button', { name: /^Save (note|tags|case notes)$/ })).toHaveCount(0);
  await expect(note(0)).toHaveValue('ملاحظة 🙂');
  await note(0).press('End');
  await page.keyboard.type('x');
  await page.keyboard.press('Enter');
  await caseNotes.press('Control+Enter');
  await expect(note(0)).toHaveValue('ملاحظة 🙂');
  await page.reload();
  await expect(note(0)).toHaveValue('ملاحظة 🙂');
  await expect(tags(1)).toHaveValue('香港, حملة');
  await expect(caseNotes).not.toBeEditable();
  expect(await custodyActions(page)).toEqual(actionsArchived);
});

test('a discarded waiting pin comes back with Undo (by keyboard): the same pin, same id, its note in the case kept; Undo goes at the next change', async ({ page }) => {
  test.setTimeout(240_000);
  await demoCaseWithTwoPins(page, 'Undo 撤销 case');
  const add = page.getByRole('button', { name: /^Add .* to this case$/ });
  const discard = page.getByRole('button', { name: /^Discard .* \(pinned by mistake: in no case yet\)$/ });
  const status = page.getByTestId('discard-status');
  // The account (pinned first, listed last) in the case with a note, then removed: it waits again, the same pin.
  await add.last().click();
  await expect(items(page)).toHaveCount(1);
  const title = (await items(page).locator('td:nth-child(2)').textContent())!;
  await page.getByLabel(`Note on ${title}`).fill('نص 📝 note');
  await page.getByLabel(`Note on ${title}`).press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Note saved' })).toHaveCount(1);
  await page.getByRole('button', { name: `Remove ${title} from the case` }).click();
  await expect(items(page)).toHaveCount(0);
  await expect(discard).toHaveCount(2);
  // Said (it was silent: a screen reader heard only where focus went), until the next change.
  await expect(page.getByTestId('remove-status')).toHaveText(`Removed “${title}” from the case: it waits under Pinned, not in a case yet, where Add puts it back.`);
  const before = await storeRecords<StoredPin>(page, 'pins');
  const pin = before.find((p) => p.title === title)!;

  await page.getByRole('button', { name: `Discard ${title} (pinned by mistake: in no case yet)` }).focus();
  await page.keyboard.press('Enter');
  await expect(discard).toHaveCount(1);
  await expect(status).toHaveText(`Pin discarded: ${title}. Undo`);
  await expect.poll(async () => (await storeRecords<StoredPin>(page, 'pins')).map((p) => p.id)).not.toContain(pin.id);
  // Reached by keyboard from where focus went (the next Discard).
  await expect(discard.first()).toBeFocused();
  const undo = status.getByRole('button', { name: `Undo: put back the pin “${title}”` });
  await undo.focus();
  await page.keyboard.press('Enter');
  await expect(discard).toHaveCount(2);
  await expect(status).toHaveText('');
  await expect(page.getByRole('button', { name: `Discard ${title} (pinned by mistake: in no case yet)` })).toBeFocused();
  const after = await storeRecords<StoredPin>(page, 'pins');
  expect(after.sort((a, b) => a.id.localeCompare(b.id))).toEqual(before.sort((a, b) => a.id.localeCompare(b.id)));
  // Added back, it has its note again.
  await page.getByRole('button', { name: `Add ${title} to this case` }).click();
  await expect(items(page)).toHaveCount(1);
  await expect(page.getByLabel(`Note on ${title}`)).toHaveValue('نص 📝 note');

  // The other pin discarded, the last one waiting: focus goes to its Undo (not to the items heading above); Undo is offered until the next change (a note saved), then the discard stands.
  await discard.first().click();
  await expect(status).toContainText('Pin discarded: ');
  await expect(status.getByRole('button', { name: /^Undo: / })).toBeFocused();
  await page.getByLabel(`Note on ${title}`).fill('second 第二');
  await page.getByLabel(`Note on ${title}`).press('Enter');
  await expect(status).toHaveText('');
  await expect(page.getByTestId('remove-status')).toHaveText('');
  await expect.poll(() => countStore(page, 'pins')).toBe(1);
});
