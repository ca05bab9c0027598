/**
 * The QA flow's steps at the Page level: no fixtures, no host assumptions. The Electron flow
 * (qa-flow.spec.ts) and the browser guide spec (test/browser/guide.spec.ts) drive the same real UI
 * through them, so the selectors are exercised in Chromium on every run even where no Electron
 * binary exists. Host-specific parts (how a save lands on disk) come in as a `save` callback.
 */
import { expect, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createDemoArchive, DEMO_TWEETS_FILE, DEMO_USERS_FILE, type DemoArchive } from '../../shared/archive/demo/demoArchive';
import { demoTweetRows } from '../../shared/archive/demo/demoTweets';
import { isHashedId } from '../../shared/domain/ids';
import { DEMO_SEED, DEMO_TWEETS } from '../../renderer/src/import/demoArchiveFiles';
import { pinButtons } from '../browser/casesTools';
import { openDemoArchive } from '../browser/exploreHelpers';
import { counts, datasetCard, importFiles, waitForImportDone } from '../browser/importHelpers';
import { gotoHash } from '../browser/pageNav';
import { realFixture, repoRoot } from '../fixtures/paths';

export const CHINA_USERS = 'china_082019_1_users_csv_hashed.csv';
export const PRINCIPAL = 'qa-analyst@example.org';
export const PASSPHRASE = 'qa passphrase: correct horse battery staple';
export const CASE_NAME = 'QA 测试 تحقيق 🦜';

/** The archive "Open demo archive" imports (same generator, same options as the Datasets view). */
export const demo: DemoArchive = createDemoArchive({ seed: DEMO_SEED, tweets: DEMO_TWEETS });

/** Writes the demo archive's two files, byte for byte what the button imports, for the export's source re-check. */
export async function writeDemoFiles(dir: string): Promise<string[]> {
  const write = async (name: string, chunks: AsyncGenerator<string>) => {
    const parts: string[] = [];
    for await (const c of chunks) parts.push(c);
    writeFileSync(path.join(dir, name), parts.join(''));
    return path.join(dir, name);
  };
  return [await write(DEMO_USERS_FILE, demo.usersCsv()), await write(DEMO_TWEETS_FILE, demo.tweetsCsv())];
}

/** Import: the real China 2019 users file (744 accounts, 254 hashed) and the demo archive. */
export async function importBoth(page: Page): Promise<void> {
  await gotoHash(page, '#/datasets');
  await importFiles(page, [realFixture(CHINA_USERS)]);
  expect(await waitForImportDone(page)).toMatch(/Imported into/);
  expect(await counts(datasetCard(page, 'china_082019_1'))).toMatchObject({ accounts: 744, hashedAccounts: 254, tweets: 0, rejected: 0 });
  await openDemoArchive(page);
  expect(await counts(datasetCard(page, /^demo/))).toMatchObject({ tweets: demo.groundTruth.counts.tweets, accounts: demo.groundTruth.counts.accounts });
}

/** Picks the option of a dataset select whose text starts with `name`. */
export async function chooseDataset(page: Page, name: string): Promise<void> {
  const select = page.getByLabel('Dataset', { exact: false }).first();
  const option = select.locator('option').filter({ hasText: new RegExp(`^${name}`) });
  await select.selectOption((await option.first().getAttribute('value'))!);
}

const stat = async (page: Page, name: string) => Number((await page.locator(`[data-stat="${name}"]`).first().innerText()).replace(/,/g, ''));

/**
 * Explore: overview numbers of both datasets, the accounts table, an account page and a search,
 * each checked against counts computed here from the file or the generator.
 */
export async function exploreBoth(page: Page): Promise<{ member: string }> {
  await gotoHash(page, '#/explore');
  await chooseDataset(page, 'china_082019_1');
  await expect(page.locator('[data-stat="accounts"]')).toHaveText('744', { timeout: 60_000 });
  expect(await stat(page, 'hashed')).toBe(254);
  expect(await stat(page, 'clear')).toBe(490);

  await chooseDataset(page, 'demo');
  const truth = demo.groundTruth;
  await expect(page.locator('[data-stat="tweets"]')).toHaveText(truth.counts.tweets.toLocaleString('en'), { timeout: 60_000 });
  expect(await stat(page, 'accounts')).toBe(truth.counts.accounts);
  const hashed = demo.plan.accounts.filter((a) => isHashedId(a.userid)).length;
  expect(await stat(page, 'hashed')).toBe(hashed);

  await page.getByRole('link', { name: 'Accounts', exact: true }).click();
  const n = truth.counts.accounts.toLocaleString('en');
  await expect(page.getByTestId('account-count')).toHaveText(`${n} of ${n} accounts`, { timeout: 60_000 });

  const rows = [...demoTweetRows(demo.options, demo.plan)];
  const group = truth.groups[0]!;
  const member = group.members.map((id) => ({ id, n: rows.filter((r) => r.account.userid === id).length })).sort((a, b) => b.n - a.n)[0]!;
  await gotoHash(page, `#/explore/account/${encodeURIComponent(member.id)}`);
  await expect(page.getByRole('heading', { name: /^Tweets \(/ })).toHaveText(`Tweets (${member.n.toLocaleString('en')})`, { timeout: 60_000 });
  await expect(page.getByTestId('profile')).toContainText(group.accountsCreatedOn);

  await page.getByRole('link', { name: 'Search', exact: true }).click();
  const q = '香港';
  const expected = rows.filter((r) => r.text.normalize('NFKC').toLowerCase().includes(q)).length;
  const box = page.getByRole('searchbox');
  await box.fill(q);
  await box.press('Enter');
  // The first search builds the search corpus in a worker: allow for a busy 2-core machine.
  await expect(page.getByTestId('search-status')).toContainText(`${expected.toLocaleString('en')} tweets match “${q}”`, { timeout: 120_000 });
  return { member: member.id };
}

/** Pins the account and its first tweet from the Explore account page. */
export async function pinFromAccount(page: Page, userid: string): Promise<void> {
  await gotoHash(page, `#/explore/account/${encodeURIComponent(userid)}`);
  await pinButtons(page, 'account').first().click();
  await expect(pinButtons(page, 'tweet').first()).toBeVisible();
  await pinButtons(page, 'tweet').first().click();
  await expect(page.locator('button.pin-button[aria-pressed="true"]')).toHaveCount(2);
}

/**
 * Network: the co-retweet coordination network of the demo archive; opens the first edge of the
 * edge table (the keyboard route to an edge), checks its evidence (null model, window sweep, post
 * pairs with UTC minutes) and pins the edge. Returns the number of post pairs shown.
 */
export async function coordinationEdgeEvidence(page: Page, screenshot?: (name: string) => Promise<void>): Promise<number> {
  await gotoHash(page, '#/network');
  await chooseDataset(page, 'demo');
  await expect(page.getByText('tweet_time has minute precision')).toBeVisible();
  await page.getByLabel('Network kind').selectOption({ label: 'Co-retweet (coordination)' });
  await page.getByRole('button', { name: 'Build network' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Co-retweet \(coordination\) network of/ })).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('network-canvas')).toHaveAttribute('data-rendered', 'true', { timeout: 60_000 });
  await expect(page.getByTestId('network-summary')).toContainText('significant');
  // Screenshots frame the drawing (summary line at the top, left edge of the page).
  const frame = () => page.getByTestId('network-summary').evaluate((el) => {
    el.scrollIntoView({ block: 'start' });
    window.scrollTo(0, window.scrollY);
  });
  if (screenshot) await frame().then(() => screenshot('network.png'));

  await page.getByTestId('edge-table').getByRole('button', { name: /^Show edge: / }).first().click();
  const details = page.getByTestId('edge-details');
  await expect(details).toBeVisible();
  await expect(details.getByText('Expected (null model)')).toBeVisible();
  await expect(details.getByText('Window sweep')).toBeVisible();
  const pairs = details.getByTestId('pair-table').locator('tbody tr');
  await expect(pairs.first()).toContainText(/\d{4}-\d\d-\d\d \d\d:\d\d UTC/);
  await pinButtons(details, 'edge').first().click();
  await expect(details.locator('button.pin-button[aria-pressed="true"]').first()).toBeVisible();
  if (screenshot) await frame().then(() => screenshot('network-edge.png'));
  return pairs.count();
}

/**
 * Cases: a signing key. Fills the passphrase when the host asks for one (browser host; Electron on
 * Linux without a keyring, where safeStorage is 'basic_text'). Returns the `ssh-keygen -lf` line.
 * `submit: 'enter'` submits from the passphrase field, as a keyboard user does.
 */
export async function createKey(page: Page, principal = PRINCIPAL, passphrase = PASSPHRASE, submit: 'click' | 'enter' = 'click'): Promise<string> {
  await gotoHash(page, '#/cases');
  await page.getByLabel('Principal (e-mail-like name)').fill(principal);
  await page.getByLabel('Passphrase', { exact: true }).first().fill(passphrase);
  await page.getByLabel('Repeat passphrase').first().fill(passphrase);
  if (submit === 'enter') await page.getByLabel('Repeat passphrase').first().press('Enter');
  else await page.getByRole('button', { name: 'Create key' }).click();
  const fp = page.getByTestId('key-fingerprint');
  await expect(fp).toBeVisible({ timeout: 30_000 });
  // The button was disabled, or the form that had focus is gone: focus goes to the result, not the page's body.
  await expect(page.getByRole('status').filter({ hasText: /^Key created: / })).toBeFocused();
  const line = (await fp.innerText()).trim();
  expect(line).toMatch(new RegExp(`^256 SHA256:[A-Za-z0-9+/]{43} ${principal} \\(ED25519\\)$`));
  return line;
}

/** A case holding every loose pin; returns its URL and the number of items. */
export async function caseWithAllPins(page: Page): Promise<{ url: string; items: number }> {
  await gotoHash(page, '#/cases');
  await page.getByLabel('Case name').fill(CASE_NAME);
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: CASE_NAME })).toBeVisible();
  const add = page.getByRole('button', { name: /^Add .* to this case$/ });
  const loose = await add.count();
  expect(loose).toBeGreaterThan(0);
  const rows = page.getByRole('table', { name: 'Evidence items' }).locator('tbody tr');
  // One at a time: the lists re-render from the database after each add.
  for (let i = 1; i <= loose; i++) {
    await add.first().click();
    await expect(rows).toHaveCount(i);
  }
  await expect(page.getByTestId('custody-verdict')).toHaveText(/^Chain intact/);
  return { url: page.url(), items: loose };
}

/**
 * Export: re-selects the sources, unlocks the key if asked and clicks Export. `save` performs the
 * click and returns where the host put the ZIP (a download in the browser, the dialog's path in
 * Electron). Returns the saved path and the bundle id the page shows.
 */
export async function exportBundle(page: Page, sources: string[], save: (click: () => Promise<void>) => Promise<string>): Promise<{ zip: string; bundleId: string }> {
  await page.getByLabel('Source files').setInputFiles(sources);
  const pass = page.getByLabel('Key passphrase');
  if (await pass.count()) await pass.fill(PASSPHRASE);
  const zip = await save(() => page.getByRole('button', { name: 'Export bundle' }).click());
  await expect(page.getByTestId('bundle-id')).toHaveText(/^[0-9a-f]{64}$/, { timeout: 120_000 });
  return { zip, bundleId: (await page.getByTestId('bundle-id').innerText()).trim() };
}

/** The app's verify page on `zip`, trusting the key of `fingerprintLine` (`ssh-keygen -lf` form): every check must pass. */
export async function verifyOnPage(page: Page, zip: string, fingerprintLine: string): Promise<void> {
  await gotoHash(page, '#/cases/verify');
  await page.getByLabel('Trusted fingerprints (received out of band; optional, one per line)').fill(fingerprintLine.split(' ')[1]!);
  await page.getByLabel(/Drop a bundle ZIP here/).setInputFiles(zip);
  await expect(page.getByTestId('verify-verdict')).toHaveText(/^Bundle verified/, { timeout: 60_000 });
  await expect(page.getByTestId('verify-fingerprint')).toHaveText(fingerprintLine);
  for (const name of ['zip', 'signature', 'minisign', 'trust', 'tagmanifest', 'payload', 'completeness', 'custody']) {
    await expect(page.locator(`tr[data-check="${name}"]`)).toHaveAttribute('data-status', 'pass');
  }
}

/** `npm run cli -- verify ZIP --json --trust FP`: the verdict object and the exit code. */
export function cliVerify(zip: string, fingerprint: string): { code: number; verdict: { ok: boolean; bundleId: string; fingerprint: string; checks: { name: string; ok: boolean }[] } } {
  const r = spawnSync('npm', ['run', '--silent', 'cli', '--', 'verify', zip, '--json', '--trust', fingerprint], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, verdict: JSON.parse(r.stdout) };
}
