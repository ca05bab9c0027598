import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { tweetHeader, tweetRow } from '../unit/archive/synthetic';
import { tempDir } from './importTempFiles';
import { expect, test } from './fixtures';
import { counts, datasetCard, importFiles, waitForImportDone } from './importHelpers';

// مثال.شبكة ("example.network") is xn--mgbh0fb.xn--ngbc5azd in Punycode; مثال.عرب is another name (xn--mgbh0fb.xn--ngbrx).
const UNICODE = 'مثال.شبكة';
const PUNYCODE = 'xn--mgbh0fb.xn--ngbc5azd';

test('an internationalised domain written in Unicode or in Punycode is one domain: the indicators, their links and the top domains', async ({ page, requests, consoleLog }) => {
  const dir = tempDir();
  // A Meta threat-research indicator file (its columns and defanging), publishing the domain in both forms.
  const indicators = path.join(dir, 'meta_threat_research_idn_indicators.csv');
  writeFileSync(indicators, [
    'indicator_type,indicator_value,comment,ds',
    'domain_name,مثال[.]شبكة,CIB domain in Arabic script,2024-12-01',
    'domain_name,xn--mgbh0fb[.]xn--ngbc5azd,CIB domain in Punycode,2024-12-01',
    'domain_name,مثال[.]عرب,another domain,2024-12-01',
    'cib_url,hxxps://news[.]مثال[.]شبكة/مقال,an article,2024-12-01',
    'domain_name,xn--pple-43d[.]com,a lookalike,2024-12-01',
  ].join('\n') + '\n');
  // Tweets linking to it in both forms (and a subdomain), and elsewhere.
  const tweets = path.join(dir, 'idn_tweets_csv_hashed.csv');
  const urls = [`['https://${UNICODE}/a']`, `['https://${UNICODE}/b']`, `['https://www.${PUNYCODE}/c']`, `['https://news.${UNICODE}/مقال']`, "['https://example.org/']"];
  writeFileSync(tweets, [tweetHeader(), ...urls.map((u, i) => tweetRow({ tweetid: `11482174220066406${40 + i}`, urls: u }))].join('\n') + '\n');
  await importFiles(page, [indicators, tweets]);
  await waitForImportDone(page);
  const card = datasetCard(page, /meta_threat_research_idn/);
  expect(await counts(card)).toMatchObject({ indicators: 5, tweets: 5 });

  await card.getByRole('button', { name: 'Show indicators (5)' }).click();
  const table = card.getByRole('table', { name: /Indicators of/ });
  await expect(table.locator('tbody tr')).toHaveCount(5);
  const row = (comment: string) => table.locator('tbody tr', { hasText: comment });
  // Each published form as published, its other form beside it, and the same links: 4 (three to the domain, one to its subdomain).
  await expect(row('in Arabic script').locator('td').nth(2)).toHaveText(`${UNICODE}also written ${PUNYCODE}`);
  await expect(row('in Punycode').locator('td').nth(2)).toHaveText(`${PUNYCODE}also written ${UNICODE}`);
  for (const comment of ['in Arabic script', 'in Punycode']) await expect(row(comment).locator('[data-linking]')).toHaveText('4');
  await expect(row('an article').locator('[data-linking]')).toHaveText('1');
  await expect(row('another domain').locator('[data-linking]')).toHaveText('0');
  // A Unicode form that mixes scripts in a label (аpple: Cyrillic а) is said to be able to pass for another name.
  await expect(row('a lookalike').getByTestId('other-domain-form')).toHaveText(
    'also written \u0430pple.com · may pass for another name: a label of \u0430pple.com mixes Latin with Cyrillic or Greek letters or holds an invisible character');
  await expect(row('in Arabic script').getByTestId('other-domain-form')).not.toContainText('may pass');
  // Search finds an indicator by its other form.
  await card.getByLabel('Search indicators').fill('xn--mgbh0fb.xn--ngbc5azd');
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await card.getByLabel('Search indicators').fill('مثال.عرب');
  await expect(table.locator('tbody tr')).toHaveCount(1);

  // The Overview's top domains: one row for the name (most used form shown), its forms in the note, the other form beneath.
  await page.goto('#/explore');
  const domains = page.getByRole('region', { name: 'Top URL domains', exact: true });
  await expect(domains.locator('tbody tr')).toHaveCount(3, { timeout: 60_000 });
  const first = domains.locator('tbody tr').first();
  await expect(first.locator('td').nth(1)).toHaveText('3');
  await expect(first.getByTestId('spellings').locator('summary')).toHaveText('+1 spelling');
  await first.getByTestId('spellings').locator('summary').click();
  await expect(first.locator('.spellings-list')).toHaveText(`Counted together (Unicode and Punycode forms of one name): ${UNICODE} 2, ${PUNYCODE} 1`);
  await expect(first.getByTestId('other-domain-form')).toHaveText(`also written ${PUNYCODE}`);
  await expect(domains.locator('tbody tr', { hasText: `news.${UNICODE}` }).locator('td').nth(1)).toHaveText('1');
  // The name links to its tweets in Search, whichever form they link (not the subdomain's, not example.org's).
  await first.getByRole('link', { name: UNICODE, exact: true }).click();
  await expect(page.getByLabel('Linked domain')).toHaveValue(UNICODE);
  await expect(page.getByTestId('search-status')).toContainText(`3 tweets match (no search words: every tweet the filters allow) (linking ${UNICODE})`);
  expect(await page.locator('.results [data-tweetid]').evaluateAll((li) => li.map((e) => e.getAttribute('data-tweetid')))).toEqual(['1148217422006640640', '1148217422006640641', '1148217422006640642']);
  // Typed in the other form, the same three.
  await page.getByLabel('Linked domain').fill(PUNYCODE);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByTestId('search-status')).toContainText(`3 tweets match (no search words: every tweet the filters allow) (linking ${PUNYCODE})`);

  expect(requests.outside()).toEqual([]);
  expect(consoleLog.errors).toEqual([]);
});
