import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { createDemoArchive, DEMO_TWEETS_FILE, DEMO_USERS_FILE } from '../../shared/archive/demo/demoArchive';
import { parseOpenSshPrivateKey } from '../../shared/evidence/opensshKeys';
import { realFixture, repoRoot } from '../fixtures/paths';
import { exportBundleZip, pinButtons, recipientChecks, run, tamperPayload } from './casesTools';
import { watchBodyFocus } from './bodyFocusFrames';
import { expect, test } from './fixtures';
import { countStore, expectNoSeriousAxeViolations, openDemoArchive, storeRecords } from './exploreHelpers';
import { DEMO_SEED, DEMO_TWEETS } from '../../renderer/src/import/demoArchiveFiles';
import { EGRESS_NOT_MEASURED } from '../../shared/api/hostApi';
import { importFiles, waitForImportDone } from './importHelpers';
import { writeDemo } from './importTempFiles';
import { createKey } from '../electron/flowSteps';
import { bundleInput, writeBundle } from '../unit/evidence/bundleFixture';
import { EVIDENCE_NAMESPACE } from '../../shared/evidence/sshsig';
import { checkReportPdf, citedPostTexts } from '../bench/demoBundleReport';
import { installReportPrinter } from './reportPrinter';

/**
 * Cases end to end in real Chromium + IndexedDB: a generated demo archive is imported through the
 * Datasets view's file input, items are pinned from the Explore account page (the explore
 * engineer's real "Pin to case" buttons), attached on the case page, the bundle is exported and
 * checked by the recipient's own tools, and the verify page judges it and a tampered copy.
 */
const PRINCIPAL = 'analyst@example.org';
const PASSPHRASE = 'correct horse battery staple';
const shots = path.join(repoRoot, 'docs/screenshots');

/** The app scrolls inside <main>: grow the viewport to the content for a whole-page screenshot. */
async function shot(page: Page, name: string): Promise<void> {
  const vp = page.viewportSize()!;
  const h = await page.evaluate(() => document.querySelector('.app-main')!.scrollHeight + document.querySelector('.app-header')!.clientHeight);
  await page.setViewportSize({ width: vp.width, height: Math.min(Math.max(h, vp.height), 5000) });
  await page.screenshot({ path: path.join(shots, name) });
  await page.setViewportSize(vp);
}

test('a case: key, pins, custody chain, signed bundle checked by ssh-keygen, sha*sum, minisign, verify.sh, and the verify page', async ({ page, requests, consoleLog }) => {
  test.setTimeout(240_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'dw-cases-'));
  const demo = await writeDemo(dir);
  mkdirSync(shots, { recursive: true });

  await importFiles(page, [demo.users, demo.tweets]);
  expect(await waitForImportDone(page)).toMatch(/Imported into/);

  const fingerprintLine = await createKey(page, PRINCIPAL, PASSPHRASE);
  expect(fingerprintLine).toMatch(new RegExp(`^256 SHA256:[A-Za-z0-9+/]{43} ${PRINCIPAL} \\(ED25519\\)$`));

  // Case with a name in three scripts.
  const caseName = 'Spamouflage 测试 تحقيق 🦜';
  await page.getByLabel('Case name').fill(caseName);
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: caseName })).toBeFocused(); // keyboard users land on the new case
  const caseUrl = page.url();
  // Empty, it cannot be exported, and says why.
  await expect(page.getByTestId('export-empty')).toHaveText('A bundle needs at least one evidence item: add a pinned item to this case first.');
  // The browser host cannot print the PDF into the bundle: the panel says so, and where an unsigned copy is.
  await expect(page.getByTestId('export-no-pdf')).toContainText('This browser build writes the bundle without its evidence PDF');
  await expect(page.getByTestId('export-no-pdf').getByRole('link', { name: 'open the report preview' })).toHaveAttribute('href', /^#\/report\/case\//);

  // Pin an account of a planted group and two of its tweets from the Explore account page.
  await page.goto(`#/explore/account/${encodeURIComponent(demo.member)}`);
  await pinButtons(page, 'account').first().click();
  await expect(pinButtons(page, 'tweet').first()).toBeVisible();
  await pinButtons(page, 'tweet').first().click();
  await expect(page.locator('button.pin-button[aria-pressed="true"]')).toHaveCount(2);
  await pinButtons(page, 'tweet').first().click();
  await expect(page.locator('button.pin-button[aria-pressed="true"]')).toHaveCount(3);
  // Pressed again, a waiting pin is taken back (pinned by mistake); a double click pins once; after a reload the button says it is pinned.
  await page.locator('button.pin-button[aria-pressed="true"][aria-label^="Pinned: account "]').click();
  await expect(page.locator('button.pin-button[aria-pressed="true"]')).toHaveCount(2);
  await expect.poll(() => countStore(page, 'pins')).toBe(2);
  await pinButtons(page, 'account').first().dblclick();
  await expect(page.locator('button.pin-button[aria-pressed="true"]')).toHaveCount(3);
  await page.reload();
  await expect(page.locator('button.pin-button[aria-pressed="true"][aria-label^="Pinned: account "]')).toHaveCount(1);
  await expect(page.locator('button.pin-button[aria-pressed="true"]')).toHaveCount(3);

  await page.goto(caseUrl);
  const add = page.getByRole('button', { name: /^Add .* to this case$/ });
  await expect(add).toHaveCount(3);
  // Waiting pins say their kind in words, not as the id the store keeps ('account', 'interaction-edge').
  expect((await page.locator('ul.plain-list li > span.muted').allInnerTexts()).sort()).toEqual(['Account', 'Tweet', 'Tweet']);
  // By keyboard: after each Add, focus is on the next Add button, after the last on the items heading.
  await add.first().focus();
  for (let n = 3; n > 0; n--) {
    await page.keyboard.press('Enter');
    await expect(add).toHaveCount(n - 1); // wait for the re-render before the next key
    await expect(n > 1 ? add.first() : page.getByRole('heading', { name: 'Evidence items (3)' })).toBeFocused();
  }
  const evidenceItems = page.getByRole('table', { name: 'Evidence items' });
  await expect(evidenceItems.locator('tbody tr')).toHaveCount(3);
  expect((await evidenceItems.locator('tbody tr td:first-child').allInnerTexts()).sort()).toEqual(['Account', 'Tweet', 'Tweet']);
  // Back on the account page, its button says which case holds it (pinning again gives a pin for another case).
  await page.goto(`#/explore/account/${encodeURIComponent(demo.member)}`);
  const inCase = page.locator('button.pin-button[aria-label^="In case “Spamouflage 测试 تحقيق 🦜”: pin again: account "]');
  await expect(inCase).toHaveCount(1);
  await expect(inCase.locator('bdi')).toHaveText('Spamouflage 测试 تحقيق 🦜'); // isolated: a right-to-left name keeps to its quotes
  await page.goto(caseUrl);
  const firstNote = page.getByRole('textbox', { name: /^Note on / }).first();
  // Each item's boxes have a <label> on screen, "Note" and "Tags (comma-separated)"; the item's title is said with them, not shown.
  const shownText = (el: Element) => [...el.childNodes].filter((n) => !(n instanceof HTMLElement && n.classList.contains('visually-hidden'))).map((n) => n.textContent).join('');
  const noteLabel = evidenceItems.locator('label').filter({ hasText: /^Note on / }).first();
  await expect(noteLabel).toBeVisible();
  expect(await noteLabel.evaluate(shownText)).toBe('Note');
  await noteLabel.click();
  await expect(firstNote).toBeFocused(); // tied to its box
  const tagsLabel = evidenceItems.locator('label').filter({ hasText: /^Tags of .* \(comma-separated\)$/ }).first();
  await expect(tagsLabel).toBeVisible();
  expect(await tagsLabel.evaluate(shownText)).toBe('Tags (comma-separated)');
  await tagsLabel.click();
  await expect(page.getByRole('textbox', { name: /^Tags of / }).first()).toBeFocused();
  await firstNote.fill('Created the same day as 9 others; posts in lockstep. ملاحظة');
  // A note not saved yet is marked, and a reload keeps it.
  await expect(page.getByText('not saved yet')).toBeVisible();
  await expect(firstNote).toHaveAccessibleDescription('not saved yet'); // said with the field, not only shown beside it
  await page.reload();
  await expect(firstNote).toHaveValue('Created the same day as 9 others; posts in lockstep. ملاحظة');
  await expect(page.getByText('not saved yet')).toBeVisible();
  // By keyboard: Save note is disabled once saved, so focus goes back to the note.
  await page.getByRole('button', { name: 'Save note' }).first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Note saved' })).toBeVisible();
  await expect(firstNote).toBeFocused();
  await expect(page.getByText('not saved yet')).toHaveCount(0);
  // Tags (typed comma-separated, stored trimmed and without repeats) and the case's own notes.
  const firstTags = page.getByRole('textbox', { name: /^Tags of / }).first();
  await firstTags.fill('lockstep,同日創建 , lockstep');
  await page.getByRole('button', { name: 'Save tags' }).first().click();
  await expect(firstTags).toHaveValue('lockstep, 同日創建');
  await page.getByRole('textbox', { name: 'Case notes' }).fill('Scope: the demo archive.\n\nPlanted group, co-retweets.');
  await page.getByRole('button', { name: 'Save case notes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Case notes saved' })).toBeVisible();
  await page.reload();
  await expect(firstTags).toHaveValue('lockstep, 同日創建');
  await expect(page.getByRole('textbox', { name: 'Case notes' })).toHaveValue('Scope: the demo archive.\n\nPlanted group, co-retweets.');
  // case-created, key? (created before the case: no), import, 3 × pin, note, tags, case notes.
  await expect(page.getByTestId('custody-verdict')).toHaveText(/^Chain intact: 8 entries/);
  const actions = await page.getByRole('table', { name: 'Custody log' }).locator('tbody tr td:nth-child(4)').allInnerTexts();
  // In words; the id the log records is each cell's title.
  expect(actions).toEqual(['Case created', 'Dataset files recorded', 'Item pinned', 'Item pinned', 'Item pinned', 'Item note set', 'Item tags set', 'Case notes set']);
  await expect(page.getByRole('table', { name: 'Custody log' }).locator('tbody tr td:nth-child(4)').first()).toHaveAttribute('title', 'case-created');
  // An entry's detail reads as keys and values, the values exact; the JSON it records is one click away.
  const noteEntry = page.getByRole('table', { name: 'Custody log' }).locator('tbody tr').nth(5).locator('td.detail');
  await expect(noteEntry.locator('dl.detail-fields > dt')).toHaveText(['Pin id', 'Note']);
  await expect(noteEntry.locator('dl.detail-fields > dd').nth(1)).toHaveText('Created the same day as 9 others; posts in lockstep. ملاحظة');
  await expect(noteEntry.locator('details.detail-json pre')).toBeHidden();
  await noteEntry.getByText('As recorded (JSON)').click();
  expect(JSON.parse(await noteEntry.locator('details.detail-json pre').innerText())).toMatchObject({ note: 'Created the same day as 9 others; posts in lockstep. ملاحظة' });
  const pinEntry = page.getByRole('table', { name: 'Custody log' }).locator('tbody tr').nth(2).locator('td.detail');
  await expect(pinEntry.locator('dl.detail-fields').first().locator(':scope > dt')).toHaveText(['Pin id', 'Kind', 'Title', 'Dataset id', 'Sources']);
  await expect(pinEntry).not.toContainText('{"');
  // A text of several lines keeps them.
  const caseNotesEntry = page.getByRole('table', { name: 'Custody log' }).locator('tbody tr').nth(7).locator('td.detail dl.detail-fields > dd');
  expect(await caseNotesEntry.innerText()).toBe('Scope: the demo archive.\n\nPlanted group, co-retweets.');
  // Times read as a date and a time of day in UTC, to the second; the exact ISO time is the element's dateTime.
  const when = page.getByRole('table', { name: 'Custody log' }).locator('tbody tr td:nth-child(2) time').first();
  const iso = (await when.getAttribute('datetime'))!;
  expect(iso).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
  await expect(when).toHaveText(`${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`);

  // Export refuses while a text is typed and not saved (the bundle would hold the saved one without a word), and logs nothing.
  const caseNotes = page.getByRole('textbox', { name: 'Case notes' });
  const savedNotes = await caseNotes.inputValue();
  await caseNotes.fill(`${savedNotes}\nnot saved yet 未保存`);
  await page.getByLabel('Source files').setInputFiles([demo.users, demo.tweets]);
  await page.getByLabel('Key passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Export bundle' }).click();
  await expect(page.getByRole('alert')).toHaveText('Not exported: text not saved yet in the case notes. Save it, or put back the saved text: the bundle and its report hold the saved texts only.');
  await expect(page.getByTestId('custody-verdict')).toHaveText(/^Chain intact: 8 entries/);
  await caseNotes.fill(savedNotes); // put back as saved

  // Export refuses a source file that changed since import (same name, one byte different).
  const changedDir = mkdtempSync(path.join(tmpdir(), 'dw-cases-changed-'));
  const changed = path.join(changedDir, DEMO_TWEETS_FILE);
  const orig = readFileSync(demo.tweets);
  writeFileSync(changed, Buffer.concat([orig.subarray(0, orig.length - 2), Buffer.from('X\n')]));
  copyFileSync(demo.users, path.join(changedDir, DEMO_USERS_FILE));
  await page.getByLabel('Source files').setInputFiles([path.join(changedDir, DEMO_USERS_FILE), changed]);
  await page.getByLabel('Key passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Export bundle' }).click();
  await expect(page.getByRole('alert')).toHaveText(new RegExp(`^Not exported, nothing saved: “${DEMO_TWEETS_FILE}” changed since it was imported \\(SHA-256 at import [0-9a-f]{64}, now [0-9a-f]{64}\\)\\.$`));
  // ...and the case's custody log records it (a source that no longer matches is a custody event).
  await expect(page.getByTestId('custody-verdict')).toHaveText(/^Chain intact: 9 entries/);
  expect((await page.getByRole('table', { name: 'Custody log' }).locator('tbody tr td:nth-child(4)').allInnerTexts()).at(-1)).toBe('Export refused');
  // The same refusal again is not logged twice.
  await page.getByRole('button', { name: 'Export bundle' }).click();
  await expect(page.getByRole('alert')).toContainText('changed since it was imported');
  await expect(page.getByTestId('custody-verdict')).toHaveText(/^Chain intact: 9 entries/);
  // A chosen file changed on disk after it was chosen cannot be read (Chromium's bare "network error"): said as such.
  writeFileSync(changed, Buffer.concat([orig, Buffer.from('\n')]));
  await page.getByRole('button', { name: 'Export bundle' }).click();
  await expect(page.getByRole('alert')).toHaveText(`Not exported, nothing saved: ${DEMO_TWEETS_FILE} could not be read: it was changed, moved or deleted on disk after it was chosen. Choose it again.`);

  // Wrong passphrase: refused by AES-GCM, nothing saved.
  await page.getByLabel('Source files').setInputFiles([demo.users, demo.tweets]);
  await page.getByLabel('Key passphrase').fill('not the passphrase');
  await page.getByRole('button', { name: 'Export bundle' }).click();
  await expect(page.getByRole('alert')).toHaveText(/wrong passphrase/, { timeout: 30_000 });

  // The real export, captured as a download.
  await page.getByLabel('Key passphrase').fill(PASSPHRASE);
  const downloadP = page.waitForEvent('download', { timeout: 60_000 });
  // Focus is never left on the page's body while the export works (the Export button disables itself).
  const bodyFocusFrames = await watchBodyFocus(page);
  await page.getByRole('button', { name: 'Export bundle' }).focus();
  await page.keyboard.press('Enter');
  const download = await downloadP;
  const zip = path.join(dir, download.suggestedFilename());
  await download.saveAs(zip);
  await expect(page.getByTestId('bundle-id')).toHaveText(/^[0-9a-f]{64}$/);
  await expect(page.locator('.export-result')).toBeFocused(); // the disabled Export button hands focus to the progress, then to the result
  expect(await bodyFocusFrames()).toBe(0);
  // Where it went and what it holds, in words (it said “Bundle saved: <path> (N bytes).”).
  await expect(page.getByTestId('export-done')).toHaveText(new RegExp(`^Saved the signed bundle as “${download.suggestedFilename().replace(/[.]/g, '\\.')}” in the browser's downloads \\([\\d,]+ bytes\\): 3 evidence items quoting 2 source files\\.$`));
  const bundleId = (await page.getByTestId('bundle-id').innerText()).trim();
  await expect(page.getByTestId('bundle-fingerprint')).toHaveText(fingerprintLine);
  await expect(page.getByTestId('custody-verdict')).toHaveText(/^Chain intact: 10 entries/);
  await shot(page, 'case.png');
  await expectNoSeriousAxeViolations(page);

  // The recipient's tools, on the downloaded bytes.
  const { bag, runs } = recipientChecks(zip, path.join(dir, 'unzipped'), PRINCIPAL, fingerprintLine);
  for (const r of runs) expect(r.code, `${r.cmd}\n${r.out}`).toBe(0);
  expect(runs.find((r) => r.cmd.startsWith('ssh-keygen -lf'))!.out.trim()).toBe(fingerprintLine);
  expect(runs.find((r) => r.cmd.includes('-Y verify'))!.out).toContain(`Good "evidence-bundle@org.disclosure-workbench" signature for ${PRINCIPAL}`);
  const { createHash } = await import('node:crypto');
  expect(createHash('sha256').update(readFileSync(path.join(bag, 'tagmanifest-sha512.txt'))).digest('hex')).toBe(bundleId);

  // Every cited excerpt is exactly the source file's bytes at the recorded offset.
  const items = readFileSync(path.join(bag, 'metadata/items.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  expect(items.map((i) => i.kind).sort()).toEqual(['account', 'tweet', 'tweet']);
  expect(items.find((i) => i.kind === 'account').platform_ids.userid).toBe(demo.member);
  for (const t of items.filter((i) => i.kind === 'tweet')) expect(t.platform_ids).toMatchObject({ userid: demo.member, tweetid: expect.stringMatching(/^\d+$/) });
  const sources = { [DEMO_USERS_FILE]: readFileSync(demo.users), [DEMO_TWEETS_FILE]: orig };
  for (const it of items) {
    expect(it.analyst).toBe(PRINCIPAL);
    for (const s of it.sources) {
      const excerpt = readFileSync(path.join(bag, s.path));
      const src = sources[s.source_file as keyof typeof sources]!;
      expect(createHash('sha256').update(src).digest('hex')).toBe(s.source_sha256);
      expect(excerpt.equals(src.subarray(s.byte_offset, s.byte_offset + s.byte_length))).toBe(true);
      expect(createHash('sha256').update(excerpt).digest('hex')).toBe(s.sha256);
      // Beside the bare row, the source's header row names its columns: the file's exact first bytes.
      const header = readFileSync(path.join(bag, s.header.path));
      expect(s.header).toMatchObject({ byte_offset: 0, byte_length: header.length, sha256: createHash('sha256').update(header).digest('hex') });
      expect(header.equals(src.subarray(0, header.length))).toBe(true);
      expect(header.toString('utf8')).toMatch(s.source_file === DEMO_USERS_FILE ? /^"userid","user_display_name",/ : /^"tweetid","userid",/);
    }
  }
  expect(items.some((i) => i.note.startsWith('Created the same day') && i.tags.join('|') === 'lockstep|同日創建')).toBe(true);
  expect(readFileSync(path.join(bag, 'data/derived/case-notes.txt'), 'utf8')).toBe('Scope: the demo archive.\n\nPlanted group, co-retweets.\n');
  const custodyLines = readFileSync(path.join(bag, 'metadata/custody.jsonl'), 'utf8').trim().split('\n');
  expect(custodyLines).toHaveLength(9);
  // The export entry, logged after the bundle was written, names the last custody entry the bundle holds.
  const logged = await storeRecords<{ caseId: string; seq: number; entry: { action: string; detail: { custodyHead?: string } } }>(page, 'custody');
  expect(logged.find((r) => r.entry.action === 'export')!.entry.detail.custodyHead).toBe(JSON.parse(custodyLines.at(-1)!).hash);
  const provenance = JSON.parse(readFileSync(path.join(bag, 'metadata/provenance.json'), 'utf8'));
  expect(provenance.egress).toEqual({ blockedRequests: null, urls: [], note: EGRESS_NOT_MEASURED }); // the browser build says it did not measure, and claims no count
  expect(provenance.report).toBeNull(); // the browser build prints no report: the signed provenance says none was made

  // The verify page: without a trusted fingerprint a bundle is not verified (anyone can re-sign an
  // edited one); a mistyped one is refused by name; the verdict follows the list as it changes.
  await page.goto('#/cases/verify');
  const trustedBox = page.getByLabel('Trusted fingerprints (received out of band; optional, one per line)');
  await page.getByLabel(/Drop a bundle ZIP here/).setInputFiles(zip);
  await expect(page.getByTestId('verify-verdict')).toHaveText(/^Bundle NOT verified: intact and validly signed, but the signer is not checked/);
  await expect(page.locator('tr[data-check="trust"]')).toHaveAttribute('data-status', 'fail');
  const fp = fingerprintLine.split(' ')[1]!;
  await trustedBox.fill(fp.slice(0, -2)); // cut short
  await expect(page.getByRole('alert')).toContainText(`Not a fingerprint: ${fp.slice(0, -2)}`);
  await expect(page.getByTestId('verify-verdict')).toHaveCount(0);
  await trustedBox.fill('sha256:' + fp.slice(7)); // the prefix in any case
  await expect(page.getByTestId('verify-verdict')).toHaveText(/^Bundle verified/);
  await trustedBox.fill('SHA256:' + 'A'.repeat(43));
  await expect(page.getByTestId('verify-verdict')).toHaveText(/^Bundle FAILED verification/);
  await trustedBox.fill(fingerprintLine); // the whole ssh-keygen -lf line works too
  await expect(page.getByTestId('verify-verdict')).toHaveText(/^Bundle verified/);
  await expect(page.getByTestId('verify-fingerprint')).toHaveText(fingerprintLine);
  await expectNoSeriousAxeViolations(page);
  for (const name of ['zip', 'signature', 'minisign', 'trust', 'tagmanifest', 'payload', 'completeness', 'custody']) {
    await expect(page.locator(`tr[data-check="${name}"]`)).toHaveAttribute('data-status', 'pass');
  }
  await shot(page, 'verify.png');
  const tampered = await tamperPayload(readFileSync(zip), /^data\/source\/.*\.csv$/);
  const tamperedZip = path.join(dir, 'tampered.zip');
  writeFileSync(tamperedZip, tampered.bytes);
  await page.getByLabel(/Drop a bundle ZIP here/).setInputFiles(tamperedZip);
  await expect(page.getByTestId('verify-verdict')).toHaveText(/^Bundle FAILED verification/);
  await expect(page.locator('tr[data-check="payload"]')).toHaveAttribute('data-status', 'fail');
  await expect(page.locator('tr[data-check="payload"] td.detail')).toContainText(`${tampered.path}: manifest-sha512.txt expects`);
  await expect(page.locator('tr[data-check="signature"]')).toHaveAttribute('data-status', 'pass');

  // Archiving asks first; an archived case keeps its items (no Remove, no Add) and logs it.
  await page.goto(caseUrl);
  await expect(page.getByTestId('custody-verdict')).toHaveText(/^Chain intact: 10 entries/);
  // By keyboard, focus follows each step: the safe choice first, then back where the analyst was.
  const confirm = page.getByRole('group', { name: 'Confirm archiving' });
  await page.getByRole('button', { name: 'Archive case…' }).focus();
  await page.keyboard.press('Enter');
  await expect(confirm.getByRole('button', { name: 'Keep it open' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Archive case…' })).toBeFocused();
  await expect(page.getByRole('button', { name: /^Remove / })).toHaveCount(3);
  // Rename: focus in the field, Escape leaves it unchanged, back on Rename….
  await page.getByRole('button', { name: 'Rename…' }).click();
  await expect(page.getByLabel('New name')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Rename…' })).toBeFocused();
  await page.getByRole('button', { name: 'Archive case…' }).click();
  await confirm.getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByTestId('custody-verdict')).toHaveText(/^Chain intact: 11 entries/);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.getByRole('button', { name: /^Remove / })).toHaveCount(0);

  // A tampered custody chain (edited in IndexedDB behind the app's back) shows where it breaks.
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('disclosure-workbench');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const store = db.transaction('custody', 'readwrite').objectStore('custody');
    const all = await new Promise<any[]>((res) => {
      const r = store.getAll();
      r.onsuccess = () => res(r.result);
    });
    const third = all.find((r) => r.seq === 3);
    third.entry.detail.title = 'a quietly different title';
    await new Promise((res) => (store.put(third).onsuccess = res));
    db.close();
  });
  await page.reload();
  await expect(page.getByTestId('custody-verdict')).toHaveText(/^Chain broken at entry 3: hash is [0-9a-f]{64}, recomputed [0-9a-f]{64}/);
  await expect(page.locator('table.custody tr.broken td:first-child')).toHaveText('3');
  await page.goto('#/cases');
  await expect(page.getByRole('link', { name: caseName })).toBeVisible();
  await shot(page, 'cases.png');
  await expectNoSeriousAxeViolations(page);

  expect(requests.outside()).toEqual([]);
  expect(consoleLog.errors).toEqual([]);
});

test('browser-host key custody: import an ssh-keygen key, rotate it, custody records both, the seed is never stored in clear', async ({ page, consoleLog }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'dw-cases-key-'));
  const keyFile = path.join(dir, 'id_ed25519');
  expect(run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'imported@example.org', '-f', keyFile]).code).toBe(0);
  const keygenLine = run('ssh-keygen', ['-lf', `${keyFile}.pub`]).out.trim();

  await page.goto('#/cases');
  await page.getByLabel('Case name').fill('Key custody');
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Key custody' })).toBeVisible();
  const caseUrl = page.url();
  // A second case of the same name is refused (two would be told apart by their ids only).
  await page.goto('#/cases');
  await page.getByLabel('Case name').fill(' Key custody ');
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('alert')).toContainText('a case named “Key custody” exists already: choose another name');
  // ...and so is renaming another case to it.
  await page.getByLabel('Case name').fill('Another case');
  await page.getByRole('button', { name: 'Create case' }).click();
  await page.getByRole('button', { name: 'Rename…' }).click();
  await page.getByLabel('New name').fill('Key custody');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('alert')).toContainText('a case named “Key custody” exists already: choose another name');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Another case');
  await page.goto(caseUrl);

  await page.getByText('Import an existing OpenSSH Ed25519 key').click();
  const importForm = page.getByRole('form', { name: 'Import key' });
  await importForm.getByLabel('Private key (unencrypted OpenSSH format)').fill(readFileSync(keyFile, 'utf8'));
  await importForm.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await importForm.getByLabel('Repeat passphrase').fill(PASSPHRASE);
  await importForm.getByRole('button', { name: 'Import key' }).click();
  await expect(page.getByTestId('key-fingerprint')).toHaveText(keygenLine, { timeout: 30_000 });

  // Rotation needs the current passphrase.
  await page.getByText('Rotate key').first().click();
  await page.getByLabel('Current passphrase').fill('not it at all');
  await page.getByLabel('New passphrase').fill(`${PASSPHRASE} 2`);
  await page.getByLabel('Repeat passphrase').fill(`${PASSPHRASE} 2`);
  await page.getByRole('button', { name: 'Rotate key' }).click();
  await expect(page.getByRole('alert')).toHaveText(/wrong passphrase/, { timeout: 30_000 });
  await page.getByLabel('Current passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Rotate key' }).click();
  await expect(page.getByTestId('key-fingerprint')).not.toHaveText(keygenLine, { timeout: 30_000 });
  await expect(page.getByTestId('key-fingerprint')).toHaveText(/^256 SHA256:\S{43} imported@example.org \(ED25519\)$/);

  await page.goto(caseUrl);
  const actions = await page.getByRole('table', { name: 'Custody log' }).locator('tbody tr td:nth-child(4)').allInnerTexts();
  expect(actions).toEqual(['Case created', 'Signing key created', 'Signing key rotated']);
  await expect(page.getByTestId('custody-verdict')).toHaveText(/^Chain intact: 3 entries/);

  // What IndexedDB holds: public key + AES-GCM envelope; neither the seed nor the key file's text.
  const stored = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('disclosure-workbench');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const rows = await new Promise<any[]>((res) => {
      const r = db.transaction('keys').objectStore('keys').getAll();
      r.onsuccess = () => res(r.result);
    });
    db.close();
    return rows.map((r) => ({ ...r, publicKey: Array.from(r.publicKey as Uint8Array) }));
  });
  expect(stored.map((r) => r.id).sort()).toEqual(['current', `retired-${keygenLine.split(' ')[1]}`]);
  const seed = parseOpenSshPrivateKey(readFileSync(keyFile, 'utf8')).seed;
  const dump = JSON.stringify(stored);
  expect(dump).not.toContain(Buffer.from(seed).toString('base64').slice(0, 20));
  expect(dump).not.toContain(Buffer.from(seed).toString('hex').slice(0, 20));
  expect(dump).not.toContain(JSON.stringify(Array.from(seed)).slice(1, 40));
  for (const r of stored) expect(r.envelope).toMatchObject({ kdf: { name: 'PBKDF2', hash: 'SHA-256' }, cipher: { name: 'AES-GCM' } });

  // A bundle signed by the new key carries the old one and its rotation statement: a recipient who
  // was given the imported key's fingerprint can follow the chain, with the bundle's verify.sh and the CLI.
  const users = realFixture('ira_2018_users_csv_hashed_excerpt.csv');
  await page.goto('#/datasets');
  await importFiles(page, [users]);
  await waitForImportDone(page);
  await page.goto('#/explore');
  await page.getByRole('link', { name: 'Accounts', exact: true }).click();
  await pinButtons(page, 'account').first().click();
  await page.goto(caseUrl);
  await page.getByRole('button', { name: /^Add .* to this case$/ }).first().click();
  await page.getByLabel('Source files').setInputFiles([users]);
  await page.getByLabel('Key passphrase').fill(`${PASSPHRASE} 2`);
  const downloadP = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Export bundle' }).click();
  const zip = path.join(dir, (await downloadP).suggestedFilename());
  await (await downloadP).saveAs(zip);
  const oldFp = keygenLine.split(' ')[1]!;
  const unzipped = path.join(dir, 'rotated');
  expect(run('unzip', ['-q', zip, '-d', unzipped]).code).toBe(0);
  const bag = path.join(unzipped, path.basename(zip, '.zip'));
  expect(readFileSync(path.join(bag, 'metadata/signer/previous/1/id_ed25519.pub'), 'utf8')).toBe(readFileSync(`${keyFile}.pub`, 'utf8'));
  const sh = run('sh', ['verify.sh', oldFp], bag);
  expect(sh.code, sh.out).toBe(0);
  expect(sh.out).toContain(`ok      trust: the expected ${oldFp} is an earlier key of the signer`);
  const cli = spawnSync('npx', ['tsx', 'main/cli/index.ts', 'verify', zip, '--json', '--trust', oldFp], { cwd: repoRoot, encoding: 'utf8' });
  expect(cli.status, cli.stderr).toBe(0);
  expect(JSON.parse(cli.stdout).checks.find((c: { name: string }) => c.name === 'key-history').status).toBe('pass');
  expect(consoleLog.errors).toEqual([]);
});

/**
 * The demo archive imported, a key created and a case named `name`; `pin` pins `pinned` items on a
 * planted account's page; back on the case page. Returns the key's fingerprint line.
 */
async function demoCaseWithPins(page: Page, name: string, pinned: number, pin: () => Promise<void>): Promise<string> {
  await openDemoArchive(page);
  const member = createDemoArchive({ tweets: DEMO_TWEETS, seed: DEMO_SEED }).groundTruth.groups[0]!.members[0]!;
  const fingerprintLine = await createKey(page, PRINCIPAL, PASSPHRASE, 'enter');
  await page.getByLabel('Case name').fill(name);
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const caseUrl = page.url();
  await page.goto(`#/explore/account/${encodeURIComponent(member)}`);
  await pin();
  await expect(page.locator('button.pin-button[aria-pressed="true"]')).toHaveCount(pinned);
  await page.goto(caseUrl);
  // A change of hash only: goto returns before the case is drawn again, and a count taken then reads the page left.
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByTestId('custody-verdict')).toContainText('Chain intact');
  return fingerprintLine;
}

test('a case citing the app\'s demo archive exports with the demo files generated again (it is never saved)', async ({ page }) => {
  test.setTimeout(240_000);
  const fingerprintLine = await demoCaseWithPins(page, 'Demo case', 2, async () => {
    await pinButtons(page, 'account').first().click();
    await pinButtons(page, 'tweet').first().click();
  });
  // The tweet first (pinned last, listed first): the case cites the demo's tweets file only, and takes only that one.
  await page.getByRole('button', { name: /^Add .* to this case$/ }).first().click();
  await expect(page.getByRole('button', { name: /^Add .* to this case$/ })).toHaveCount(1);
  await page.getByRole('button', { name: "Use the demo archive's files" }).click();
  await expect(page.getByTestId('export-files')).toHaveText(`Selected: ${DEMO_TWEETS_FILE}`);
  await page.getByRole('button', { name: /^Add .* to this case$/ }).first().click();
  await expect(page.getByRole('button', { name: /^Add .* to this case$/ })).toHaveCount(0);
  await page.getByRole('button', { name: "Use the demo archive's files" }).click();
  await expect(page.getByTestId('export-files')).toHaveText(`Selected: ${DEMO_USERS_FILE}, ${DEMO_TWEETS_FILE}`);
  const { dir, zip } = await exportBundleZip(page, PASSPHRASE, 'dw-cases-demo-');
  await expect(page.getByTestId('bundle-id')).toHaveText(/^[0-9a-f]{64}$/);
  const { runs } = recipientChecks(zip, path.join(dir, 'unzipped'), PRINCIPAL, fingerprintLine);
  for (const r of runs) expect(r.code, `${r.cmd}\n${r.out}`).toBe(0);
});

test('given a report printer (automation: page.pdf, as demo:bundle does), the browser build exports the bundle with its signed evidence PDF, as the desktop app does', async ({ page, context, baseURL }) => {
  test.setTimeout(300_000);
  await installReportPrinter(context, baseURL!);
  await page.reload();
  const fingerprintLine = await demoCaseWithPins(page, 'Demo case with report', 1, async () => {
    await pinButtons(page, 'tweet').first().click();
  });
  await page.getByRole('button', { name: /^Add .* to this case$/ }).first().click();
  await expect(page.getByRole('button', { name: /^Add .* to this case$/ })).toHaveCount(0);
  await expect(page.getByTestId('export-no-pdf')).toHaveCount(0);
  await page.getByRole('button', { name: "Use the demo archive's files" }).click();
  const { dir, zip } = await exportBundleZip(page, PASSPHRASE, 'dw-cases-report-', 240_000);
  const bundleId = await page.getByTestId('bundle-id').innerText();
  const { bag, runs } = recipientChecks(zip, path.join(dir, 'unzipped'), PRINCIPAL, fingerprintLine);
  expect(JSON.parse(readFileSync(path.join(bag, 'metadata/provenance.json'), 'utf8')).report).toBe('report/evidence-report.pdf');
  const file = path.join(bag, 'report/evidence-report.pdf');
  const texts = citedPostTexts(bag);
  expect(texts).toHaveLength(1);
  const { pdf, runs: pdfRuns } = checkReportPdf({ bag, file, principal: PRINCIPAL, namespace: EVIDENCE_NAMESPACE, bundleId, texts });
  for (const r of [...runs, ...pdfRuns]) expect(r.code, `${r.cmd}\n${r.out}`).toBe(0); // verify.sh checks the report too
  expect(pdf).toMatchObject({ signatureVerified: true, sshsigVerified: true, bindingVerified: true, pagesWithBundleId: pdf.pages, citedTextsFound: 1 });
  rmSync(dir, { recursive: true, force: true });
});

test('every waiting pin is added at once, in one transaction: items, one import entry for their dataset and one pin entry each', async ({ page }) => {
  test.setTimeout(240_000);
  await demoCaseWithPins(page, 'Bulk case', 4, async () => {
    for (let i = 0; i < 3; i++) await pinButtons(page, 'tweet').nth(i).click();
    await pinButtons(page, 'account').first().click();
  });
  await page.getByRole('button', { name: 'Add every waiting pin (4)' }).click();
  await expect(page.getByRole('table', { name: 'Evidence items' }).locator('tbody tr')).toHaveCount(4);
  await expect(page.getByRole('button', { name: /^Add .* to this case$/ })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Evidence items (4)' })).toBeFocused();
  const actions = await page.getByRole('table', { name: 'Custody log' }).locator('tbody tr td:nth-child(4)').allTextContents();
  expect(actions.filter((a) => a === 'Item pinned')).toHaveLength(4);
  expect(actions.filter((a) => a === 'Dataset files recorded')).toHaveLength(1);
  await expect(page.getByTestId('custody-verdict')).toContainText('Chain intact');
});

test('a pin made by mistake is discarded from the waiting list (by keyboard): gone from the store and from no custody log, focus on the next one', async ({ page }) => {
  test.setTimeout(240_000);
  await demoCaseWithPins(page, 'Discard case', 2, async () => {
    await pinButtons(page, 'account').first().click();
    await expect(pinButtons(page, 'tweet').first()).toBeVisible();
    await pinButtons(page, 'tweet').first().click();
  });
  const custodyBefore = await page.getByRole('table', { name: 'Custody log' }).locator('tbody tr').count();
  const discard = page.getByRole('button', { name: /^Discard .* \(pinned by mistake: in no case yet\)$/ });
  await expect(discard).toHaveCount(2);
  await discard.first().focus();
  await page.keyboard.press('Enter');
  await expect(discard).toHaveCount(1);
  await expect(discard.first()).toBeFocused();
  await expect.poll(() => countStore(page, 'pins')).toBe(1);
  await expect(page.getByRole('table', { name: 'Custody log' }).locator('tbody tr')).toHaveCount(custodyBefore);
  await expect(page.getByRole('button', { name: /^Add .* to this case$/ })).toHaveCount(1);
});

test('a waiting pin of an item the case holds already (pinned again for another case) is not offered to it: the other waiting pins are added at once', async ({ page }) => {
  test.setTimeout(240_000);
  await demoCaseWithPins(page, 'Held case', 1, () => pinButtons(page, 'account').first().click());
  const caseUrl = page.url();
  const rows = page.getByRole('table', { name: 'Evidence items' }).locator('tbody tr');
  await page.getByRole('button', { name: /^Add .* to this case$/ }).click();
  await expect(rows).toHaveCount(1);
  // The same account pinned again (for another case), and two of its tweets.
  const member = createDemoArchive({ tweets: DEMO_TWEETS, seed: DEMO_SEED }).groundTruth.groups[0]!.members[0]!;
  await page.goto(`#/explore/account/${encodeURIComponent(member)}`);
  await page.locator('button.pin-button[aria-label^="In case “Held case”: pin again: account "]').click();
  await expect(page.locator('button.pin-button[aria-label^="Pinned: account "]')).toHaveCount(1);
  for (let n = 1; n <= 2; n++) {
    await pinButtons(page, 'tweet').first().click();
    await expect(page.locator('button.pin-button[aria-label^="Pinned: tweet "]')).toHaveCount(n);
  }
  await page.goto(caseUrl);
  await expect(page.getByRole('heading', { name: 'Pinned, not in a case yet (3)' })).toBeVisible();
  await expect(page.getByTestId('already-in-case')).toHaveCount(1);
  await expect(page.getByRole('button', { name: /^Add .* to this case$/ })).toHaveCount(2);
  await page.getByRole('button', { name: 'Add every waiting pin (2)' }).click();
  await expect(rows).toHaveCount(3);
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The account's second pin still waits, for another case.
  await expect(page.getByRole('heading', { name: 'Pinned, not in a case yet (1)' })).toBeVisible();
  await expect(page.getByTestId('already-in-case')).toHaveCount(1);
  await expect(page.getByTestId('custody-verdict')).toContainText('Chain intact');
});

test("the verify page checks an evidence report PDF received alone: its signature inside, the certificate the analyst's key vouches for, trust, its bundle", async ({ page }) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dw-verify-pdf-'));
  const { bytes, prepared } = await writeBundle(dir);
  const pdf = unzipSync(bytes)[`${prepared.bagName}/report/evidence-report.pdf`]!;
  const file = path.join(dir, 'evidence-report.pdf');
  writeFileSync(file, pdf);
  await page.goto('#/cases/verify');
  await page.getByLabel(/Drop a bundle ZIP here/).setInputFiles(file);
  await expect(page.getByTestId('verify-verdict')).toHaveText(/^Report NOT verified: intact and validly signed, but the signer is not checked: evidence-report\.pdf/);
  await page.getByLabel('Trusted fingerprints (received out of band; optional, one per line)').fill(prepared.fingerprint);
  await expect(page.getByTestId('verify-verdict')).toHaveText(/^Report verified: evidence-report\.pdf/);
  for (const [check, label] of [['signature-inside', 'Signature inside the PDF (CMS)'], ['certificate', "Signing certificate, vouched for by the analyst's key"], ['trust', 'Trusted fingerprint'], ['bundle', 'Bundle the report belongs to']]) {
    await expect(page.locator(`[data-check="${check}"]`)).toHaveAttribute('data-status', 'pass');
    await expect(page.locator(`[data-check="${check}"] th`)).toHaveText(label);
  }
  await expect(page.locator('[data-check="bundle"] td.detail')).toContainText(prepared.bundleId);
  // One byte changed: the signature inside says so.
  const edited = Uint8Array.from(pdf);
  edited[new TextDecoder('latin1').decode(pdf).indexOf('/Producer') + 1] ^= 0x20;
  const editedFile = path.join(dir, 'edited-report.pdf');
  writeFileSync(editedFile, edited);
  await page.getByLabel(/Drop a bundle ZIP here/).setInputFiles(editedFile);
  await expect(page.getByTestId('verify-verdict')).toHaveText(/^Report FAILED verification: edited-report\.pdf/);
  await expect(page.locator('[data-check="signature-inside"] td.detail')).toHaveText('the file was changed after it was signed: its SHA-256 differs from the signed one');
  rmSync(dir, { recursive: true, force: true });
});

test('the verify page trusts the whole line ssh-keygen -lf prints, whatever the principal in it (one without an @ too)', async ({ page }) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dw-verify-line-'));
  const { file, prepared } = await writeBundle(dir, { ...bundleInput(), principal: 'jdoe' });
  writeFileSync(path.join(dir, 'id_ed25519.pub'), prepared.tagFiles.find((t) => t.path === 'metadata/signer/id_ed25519.pub')!.bytes);
  // The line as the sender's app shows it and ssh-keygen prints it: "256 SHA256:… jdoe (ED25519)".
  const line = run('ssh-keygen', ['-lf', path.join(dir, 'id_ed25519.pub')]).out.trim();
  expect(line).toBe(`256 ${prepared.fingerprint} jdoe (ED25519)`);
  await page.goto('#/cases/verify');
  await page.getByLabel('Trusted fingerprints (received out of band; optional, one per line)').fill(line);
  await page.getByLabel(/Drop a bundle ZIP here/).setInputFiles(file);
  await expect(page.getByTestId('verify-verdict')).toHaveText(/^Bundle verified: /);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.locator('[data-check="trust"]')).toHaveAttribute('data-status', 'pass');
  // Every check is named in words, the key history too (it showed its internal name 'key-history').
  await expect(page.locator('[data-check="key-history"] th')).toHaveText('Earlier signing keys (rotation)');
  rmSync(dir, { recursive: true, force: true });
});

test('an export is cancelled while it re-reads a large source (by keyboard): nothing saved or logged, the focus kept, the next export works', async ({ page }) => {
  test.setTimeout(240_000);
  await demoCaseWithPins(page, 'Cancel case', 1, () => pinButtons(page, 'tweet').first().click());
  await page.getByRole('button', { name: /^Add .* to this case$/ }).first().click();
  // A large file selected beside the sources is re-read and hashed too: seconds to cancel in.
  const big = path.join(mkdtempSync(path.join(tmpdir(), 'dw-cancel-')), 'big_extra_file.bin');
  writeFileSync(big, Buffer.alloc(600 * 2 ** 20, 7));
  await page.getByLabel('Source files').setInputFiles(big);
  await page.getByRole('button', { name: "Use the demo archive's files" }).click();
  await page.getByLabel('Key passphrase').fill(PASSPHRASE);
  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  // Said as a status (focus stays on the button pressed).
  await expect(page.getByRole('status').filter({ hasText: /^Selected: / })).toHaveText(/^Selected: big_extra_file\.bin, /);
  const bodyFocusFrames = await watchBodyFocus(page);
  await page.getByRole('button', { name: 'Export bundle' }).click();
  // At once: the Cancel button comes with the progress bar, seconds before the large file is hashed; the step said in words (it was “reading sources: hashing big_extra_file.bin”).
  await expect(page.locator('label[for="export-progress"]')).toHaveText(/^Checking the source files against their import( \(re-reading and hashing\): “big_extra_file\.bin”, [\d.]+ (B|KB|MB) of [\d.]+ MB)?…$/);
  await page.getByRole('button', { name: 'Cancel export' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('export-cancelled')).toHaveText('Export cancelled: nothing was saved or logged.');
  await expect(page.getByTestId('export-cancelled')).toBeFocused();
  expect(await bodyFocusFrames()).toBe(0);
  const actions = await page.getByRole('table', { name: 'Custody log' }).locator('tbody tr td:nth-child(4)').allTextContents();
  expect(actions).not.toContain('Bundle exported');
  expect(downloads).toEqual([]);
  // Without the large file, the same export runs to the end; a small file it does not cite is said to be left out.
  const extra = path.join(path.dirname(big), 'analyst_notes.csv');
  writeFileSync(extra, 'note,by\nchecked,qa\n');
  await page.getByLabel('Source files').setInputFiles([extra]);
  await page.getByRole('button', { name: "Use the demo archive's files" }).click();
  await page.getByLabel('Key passphrase').fill(PASSPHRASE);
  const downloadP = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Export bundle' }).click();
  await downloadP;
  await expect(page.getByTestId('bundle-id')).toHaveText(/^[0-9a-f]{64}$/);
  await expect(page.getByTestId('export-cancelled')).toHaveCount(0);
  await expect(page.getByTestId('export-done').nth(1)).toHaveText('Left out: a selected file this case does not cite, “analyst_notes.csv”.');
  rmSync(path.dirname(big), { recursive: true, force: true });
});

test('two clicks of a pin button in one moment store one pin (the second finds the first in the same serialised transaction)', async ({ page }) => {
  await importFiles(page, [realFixture('china_082019_1_users_csv_hashed.csv')]);
  await waitForImportDone(page);
  await page.goto('#/explore/account/2991885448');
  const pin = pinButtons(page, 'account').first();
  // Both clicks in one task: the second starts before the first has stored anything.
  await pin.evaluate((b) => {
    (b as HTMLButtonElement).click();
    (b as HTMLButtonElement).click();
  });
  await expect(page.getByRole('button', { name: /^Pinned: account / })).toBeVisible();
  // The second click's write, if it made one, lands within moments of the first: give it the time to.
  await page.waitForTimeout(1_000);
  expect(await countStore(page, 'pins')).toBe(1);
});

test('an item removed from its case while it waits pinned again goes back as one waiting pin: Add every waiting pin then adds it with the others', async ({ page }) => {
  test.setTimeout(240_000);
  await demoCaseWithPins(page, 'Removed case', 2, async () => {
    await pinButtons(page, 'account').first().click();
    await pinButtons(page, 'tweet').first().click();
  });
  const caseUrl = page.url();
  const rows = page.getByRole('table', { name: 'Evidence items' }).locator('tbody tr');
  await page.getByRole('button', { name: 'Add every waiting pin (2)' }).click();
  await expect(rows).toHaveCount(2);
  const accountNote = page.getByRole('textbox', { name: /^Note on Account / });
  await accountNote.fill('حساب منسق 🦜');
  await accountNote.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Note saved' })).toBeVisible();
  // The account pinned again (for another case), and another of its tweets.
  const member = createDemoArchive({ tweets: DEMO_TWEETS, seed: DEMO_SEED }).groundTruth.groups[0]!.members[0]!;
  await page.goto(`#/explore/account/${encodeURIComponent(member)}`);
  await page.locator('button.pin-button[aria-label^="In case “Removed case”: pin again: account "]').click();
  await expect(page.locator('button.pin-button[aria-label^="Pinned: account "]')).toHaveCount(1);
  // The buttons read their state after they appear: the tweet in the case must say so before the first free one is taken.
  await expect(page.locator('button.pin-button[aria-label^="In case “Removed case”: pin again: tweet "]')).toHaveCount(1);
  await pinButtons(page, 'tweet').first().click();
  await expect(page.locator('button.pin-button[aria-label^="Pinned: tweet "]')).toHaveCount(1);
  await page.goto(caseUrl);
  await expect(page.getByRole('heading', { name: 'Pinned, not in a case yet (2)' })).toBeVisible();
  await expect(page.getByTestId('already-in-case')).toHaveCount(1);
  // Removed from the case, the account waits once, not twice (two waiting pins of it made the bulk add fail: all or none).
  await page.getByRole('button', { name: /^Remove Account .* from the case$/ }).click();
  await expect(rows).toHaveCount(1);
  await expect(page.getByRole('heading', { name: 'Pinned, not in a case yet (2)' })).toBeVisible();
  await expect(page.getByTestId('already-in-case')).toHaveCount(0);
  await expect.poll(() => countStore(page, 'pins')).toBe(3);
  await page.getByRole('button', { name: 'Add every waiting pin (2)' }).click();
  await expect(rows).toHaveCount(3);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Evidence items (3)' })).toBeFocused();
  // Added back, it is the pin the case knew: its note is there again.
  await expect(accountNote).toHaveValue('حساب منسق 🦜');
  const actions = await page.getByRole('table', { name: 'Custody log' }).locator('tbody tr td:nth-child(4)').allTextContents();
  expect(actions.filter((a) => a === 'Item pinned')).toHaveLength(4);
  expect(actions.filter((a) => a === 'Item unpinned')).toHaveLength(1);
  await expect(page.getByTestId('custody-verdict')).toContainText('Chain intact');
});

test('tags typed with an Arabic, full-width or ideographic comma, or a trailing comma, are saved as the tags they name: the box shows them as stored, nothing left "not saved yet"', async ({ page }) => {
  test.setTimeout(240_000);
  await demoCaseWithPins(page, 'Tags case', 1, () => pinButtons(page, 'tweet').first().click());
  await page.getByRole('button', { name: /^Add .* to this case$/ }).click();
  const tags = page.getByRole('textbox', { name: /^Tags of / });
  // The comma an Arabic or Persian keyboard types (،), and a Chinese or Japanese IME's (，、).
  await tags.fill('حساب، مشبوه，同日創建、lockstep 🦜');
  await tags.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Tags saved' })).toBeVisible();
  await expect(tags).toHaveValue('حساب, مشبوه, 同日創建, lockstep 🦜');
  // A trailing comma (or a repeat) stores as the tags already stored: the box says so, instead of "not saved yet" for good.
  await tags.fill('حساب, مشبوه, 同日創建, lockstep 🦜, حساب,');
  await expect(page.getByText('not saved yet')).toBeVisible();
  await tags.press('Enter');
  await expect(tags).toHaveValue('حساب, مشبوه, 同日創建, lockstep 🦜');
  await expect(page.getByText('not saved yet')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save tags' })).toBeDisabled();
  await expect(tags).toBeFocused();
  await page.reload();
  await expect(tags).toHaveValue('حساب, مشبوه, 同日創建, lockstep 🦜');
  await expect(page.getByText('not saved yet')).toHaveCount(0);
  const tagEntries = page.getByRole('table', { name: 'Custody log' }).locator('tbody tr').filter({ has: page.getByRole('cell', { name: 'Item tags set', exact: true }) });
  await expect(tagEntries).toHaveCount(1);
  await expect(tagEntries.locator('pre')).toContainText('"حساب",');
  await expect(tagEntries.locator('pre')).toContainText('"lockstep 🦜"');
});

test('an empty case archived says it takes no evidence, not to add some (by keyboard: Escape keeps it open, Archive focuses the heading)', async ({ page }) => {
  await page.goto('#/cases');
  await page.getByLabel('Case name').fill('Closed 封存 مغلق');
  await page.getByLabel('Case name').press('Enter');
  const heading = page.getByRole('heading', { level: 1, name: 'Closed 封存 مغلق' });
  await expect(heading).toBeFocused();
  await expect(page.getByTestId('case-empty')).toContainText('then add them here');
  await page.getByRole('button', { name: 'Archive case…' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Keep it open' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Archive case…' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Archive', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(heading).toBeFocused();
  await expect(page.getByTestId('case-empty')).toHaveText('No evidence items: the case was archived without any, and takes none now.');
  await page.reload();
  await expect(page.getByTestId('case-empty')).toHaveText('No evidence items: the case was archived without any, and takes none now.');
});
