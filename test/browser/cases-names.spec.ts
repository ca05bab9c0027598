import { createDemoArchive } from '../../shared/archive/demo/demoArchive';
import { DEMO_SEED, DEMO_TWEETS } from '../../renderer/src/import/demoArchiveFiles';
import { pinButtons } from './casesTools';
import { countStore, openDemoArchive, storeRecords } from './exploreHelpers';
import { expect, test } from './fixtures';
import { rewriteAsV11 } from './profileRewrite';
import type { Page } from '@playwright/test';

/**
 * Case names an analyst could not tell apart, refused when a case is created or renamed: one of
 * invisible characters only, and one that differs from another case's name only by letter case,
 * width, invisible characters or look-alike letters. And the repair of profiles holding two or more
 * waiting pins of one item (left by removing an item from its case before 2026-12-05).
 */
const alert = (page: Page) => page.getByRole('alert');

async function create(page: Page, name: string): Promise<void> {
  await page.goto('#/cases');
  await page.getByLabel('Case name').fill(name);
  await page.getByLabel('Case name').press('Enter');
}

test('a case name of invisible characters only, or looking like another case’s, is refused on create and rename, naming what was typed or the case it looks like', async ({ page }) => {
  for (const [typed, named] of [
    ['\u200B', 'U+200B ZERO WIDTH SPACE'],
    ['\u2060\uFEFF', 'U+2060 WORD JOINER and U+FEFF ZERO WIDTH NO-BREAK SPACE'],
    ['\u0640', 'U+0640 ARABIC TATWEEL'],
    ['\u200E \u200F\u00A0', 'U+200E LEFT-TO-RIGHT MARK, U+0020 SPACE, U+200F RIGHT-TO-LEFT MARK and U+00A0 NO-BREAK SPACE'],
  ]) {
    await create(page, typed!);
    await expect(alert(page)).toHaveText(`a case name needs a visible character: this one has only ${named}`);
  }
  await create(page, 'Hong Kong');
  await expect(page.getByRole('heading', { level: 1, name: 'Hong Kong' })).toBeVisible();
  const looksLike = 'this name looks like the case “Hong Kong”, which exists already (it differs only in letter case, width, invisible characters or look-alike letters): choose another name';
  for (const typed of ['\u0397ong Kong', 'Ｈｏｎｇ Ｋｏｎｇ', 'hong\u200B kong']) {
    await create(page, typed);
    await expect(alert(page)).toHaveText(looksLike);
  }
  await create(page, 'Hong Kong');
  await expect(alert(page)).toHaveText('a case named “Hong Kong” exists already: choose another name');
  // Names in other scripts are other names.
  for (const name of ['香港', 'هونغ كونغ']) {
    await create(page, name);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  }
  await page.goto('#/cases');
  await expect(page.getByRole('table', { name: 'Cases' }).locator('tbody tr')).toHaveCount(3);
  await expect.poll(() => countStore(page, 'cases')).toBe(3);

  // Renaming follows the same rule (the 香港 case is open).
  await page.getByRole('link', { name: '香港' }).click();
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText('香港');
  const rename = async (name: string) => {
    await page.getByRole('button', { name: 'Rename…' }).click();
    await page.getByLabel('New name').fill(name);
    await page.getByLabel('New name').press('Enter');
  };
  await rename('Ｈｏｎｇ Ｋｏｎｇ');
  await expect(alert(page)).toHaveText(looksLike);
  await page.getByLabel('New name').fill('\u200B\u2060');
  await page.getByLabel('New name').press('Enter');
  await expect(alert(page)).toHaveText('a case name needs a visible character: this one has only U+200B ZERO WIDTH SPACE and U+2060 WORD JOINER');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(heading).toHaveText('香港');
  // A case may take a look-alike of its own name (its capitals changed).
  await page.goto('#/cases');
  await page.getByRole('link', { name: 'Hong Kong' }).click();
  await expect(heading).toHaveText('Hong Kong');
  await rename('HONG KONG');
  await expect(heading).toHaveText('HONG KONG');
  await expect(alert(page)).toHaveCount(0);
  const names = (await storeRecords<{ name: string }>(page, 'cases')).map((c) => c.name).sort();
  expect(names).toEqual(['HONG KONG', 'هونغ كونغ', '香港'].sort());
});

interface StoredPin {
  id: string;
  caseId?: string;
  pinnedAt: string;
}

test('a profile of schema v11 holding three waiting pins of one item opens with one, the one its case’s note names: added back, it has its note', async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  await openDemoArchive(page);
  await create(page, 'Repair 修复 إصلاح');
  await expect(page.getByRole('heading', { level: 1, name: 'Repair 修复 إصلاح' })).toBeVisible();
  const caseUrl = page.url();
  const member = createDemoArchive({ tweets: DEMO_TWEETS, seed: DEMO_SEED }).groundTruth.groups[0]!.members[0]!;
  await page.goto(`#/explore/account/${encodeURIComponent(member)}`);
  await pinButtons(page, 'account').first().click();
  await expect(page.locator('button.pin-button[aria-label^="Pinned: account "]')).toHaveCount(1);
  await page.goto(caseUrl);
  const rows = page.getByRole('table', { name: 'Evidence items' }).locator('tbody tr');
  await page.getByRole('button', { name: /^Add .* to this case$/ }).click();
  await expect(rows).toHaveCount(1);
  const note = page.getByRole('textbox', { name: /^Note on Account / });
  await note.fill('حساب منسق 🦜 同日創建');
  await note.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Note saved' })).toBeVisible();
  await page.getByRole('button', { name: /^Remove Account .* from the case$/ }).click();
  await expect(rows).toHaveCount(0);
  const [named] = await storeRecords<StoredPin>(page, 'pins');
  expect(named!.caseId).toBeUndefined();

  // As the app left it before 2026-12-05: the account pinned again twice while it was in the case, both copies still waiting beside it.
  await page.goto(new URL('no-app-here', baseURL).href);
  const later = (ms: number) => new Date(Date.parse(named!.pinnedAt) + ms).toISOString();
  await page.evaluate(rewriteAsV11, { pins: [{ ...named, id: 'copy-1', pinnedAt: later(60_000) }, { ...named, id: 'copy-2', pinnedAt: later(-60_000) }] });
  await expect.poll(() => countStore(page, 'pins')).toBe(3);

  await page.goto(caseUrl);
  await expect(page.getByRole('heading', { name: 'Pinned, not in a case yet (1)' })).toBeVisible();
  expect((await storeRecords<StoredPin>(page, 'pins')).map((p) => p.id)).toEqual([named!.id]);
  await expect(page.getByRole('button', { name: /^Add .* to this case$/ })).toHaveCount(1);
  await page.getByRole('button', { name: /^Add .* to this case$/ }).click();
  await expect(rows).toHaveCount(1);
  await expect(alert(page)).toHaveCount(0);
  await expect(note).toHaveValue('حساب منسق 🦜 同日創建');
  await expect(page.getByTestId('custody-verdict')).toContainText('Chain intact');
});
