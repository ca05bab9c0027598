import { pythonStringList } from '../../shared/archive/demo/csvFormat';
import { expect, test } from './fixtures';
import { openSearchOfRows, searchWords as search } from './exploreHelpers';
import type { TweetsRow as Row } from './importTempFiles';

/** One word per pair of spellings an Arabic-script archive holds (and a Persian one), each as its tweet wrote it. */
const ROWS: Row[] = [
  { tweetid: '801', userid: '3', user_screen_name: 'alif', tweet_text: 'زيارة إيران اليوم', hashtags: pythonStringList(['إيران']) },
  { tweetid: '802', userid: '3', user_screen_name: 'alif', tweet_text: 'اخبار ايران', hashtags: pythonStringList(['ايران']) },
  { tweetid: '803', userid: '4', user_screen_name: 'be', tweet_text: 'سفر به ایران', hashtags: pythonStringList(['ایران']) },
  { tweetid: '804', userid: '4', user_screen_name: 'be', tweet_text: 'مدرسة جديدة' },
  { tweetid: '805', userid: '5', user_screen_name: 'te', tweet_text: 'باب المدرسه' },
  { tweetid: '806', userid: '5', user_screen_name: 'te', tweet_text: 'على الطريق' },
  { tweetid: '807', userid: '3', user_screen_name: 'alif', tweet_text: 'قال علي' },
  { tweetid: '808', userid: '4', user_screen_name: 'be', tweet_text: 'تـــويتر' },
  { tweetid: '809', userid: '5', user_screen_name: 'te', tweet_text: 'على تويتر' },
  { tweetid: '810', userid: '3', user_screen_name: 'alif', tweet_text: 'مُحَمَّد' },
  { tweetid: '811', userid: '4', user_screen_name: 'be', tweet_text: 'محمد وعلي' },
  { tweetid: '812', userid: '5', user_screen_name: 'te', tweet_text: 'plain English text' },
  // The Persian ezafe on a final heh, written ۀ (U+06C0), هٔ (heh, hamza above U+0654) and ه‌ٔ (a non-joiner between).
  { tweetid: '813', userid: '3', user_screen_name: 'alif', tweet_text: 'در خانۀ ما' },
  { tweetid: '814', userid: '4', user_screen_name: 'be', tweet_text: 'در خانه\u0654 ما' },
  { tweetid: '815', userid: '5', user_screen_name: 'te', tweet_text: 'در خانه\u200c\u0654 ما' },
  // Hebrew with and without its vowel points (niqqud) and the shin dot.
  { tweetid: '816', userid: '3', user_screen_name: 'alif', tweet_text: 'שָׁלוֹם עכשיו' },
  { tweetid: '817', userid: '4', user_screen_name: 'be', tweet_text: 'שלום לכולם' },
];

/**
 * QA: an analyst typing ايران found none of the tweets writing إيران, مدرسة missed مدرسه, محمد missed
 * مُحَمَّد. Arabic letters written in more than one way are searched as one (as Lucene's ArabicNormalizer
 * folds them), harakat and tatweel are left out, the highlight covers each word as archived, and the
 * page says which letters are one.
 */
test('Arabic spellings of one word find each other, highlighted as written, and the page names the letters searched as one', async ({ page, requests, consoleLog }) => {
  test.setTimeout(120_000);
  expect(await openSearchOfRows(page, 'arabic_spellings_tweets_csv_unhashed.csv', ROWS)).toContain('17 tweets');
  const status = page.getByTestId('search-status');
  const results = page.getByRole('list', { name: 'Search results' }).getByRole('listitem');
  const marks = () => results.locator('mark').allTextContents();

  const cases: [query: string, count: number, highlighted: string[]][] = [
    ['ايران', 3, ['إيران', 'ايران', 'ایران']], // hamza below; Persian yeh
    ['إيران', 3, ['إيران', 'ايران', 'ایران']],
    ['مدرسه', 2, ['مدرسة', 'مدرسه']], // teh marbuta
    ['علي', 4, ['على', 'علي', 'على', 'علي']], // alef maqsura (Egyptian writing ends علي and في with ى)
    ['تويتر', 2, ['تـــويتر', 'تويتر']], // tatweel
    ['محمد', 2, ['مُحَمَّد', 'محمد']], // harakat
    ['خانه', 3, ['خانۀ', 'خانه\u0654', 'خانه\u200c\u0654']], // the ezafe, highlighted with its hamza
  ];
  for (const [query, count, highlighted] of cases) {
    await search(page, query);
    await expect(status).toContainText(`${count} tweets match “${query}” —`);
    await expect(results).toHaveCount(count);
    expect(await marks(), query).toEqual(highlighted);
  }
  // The page says which letters are one, each group isolated from the others.
  const note = page.getByTestId('search-arabic-letters');
  await expect(note).toHaveText('Arabic letters are searched as one: ا آ أ إ ٱ, ه ة ۀ, ہ ۂ, ي ى ی, ك ک; harakat and tatweel are ignored.');
  expect(await note.locator('bdi').allTextContents()).toEqual(['ا آ أ إ ٱ', 'ه ة ۀ', 'ہ ۂ', 'ي ى ی', 'ك ک']);
  // …only for a query in Arabic script.
  await search(page, 'English');
  await expect(status).toContainText('1 tweet matches “English” —');
  await expect(note).toHaveCount(0);
  // Hebrew with or without its points (niqqud), highlighted as written; no note of Arabic letters.
  for (const query of ['שלום', 'שָׁלוֹם']) {
    await search(page, query);
    await expect(status).toContainText(`2 tweets match “${query}” —`);
    expect(await marks(), query).toEqual(['שָׁלוֹם', 'שלום']);
    await expect(note).toHaveCount(0);
  }

  // The hashtag lists count the spellings as one, as Search finds them.
  await page.goto('#/explore');
  const hashtags = page.getByRole('region', { name: 'Top hashtags', exact: true });
  await expect(hashtags.locator('tbody tr')).toHaveCount(1, { timeout: 60_000 });
  await expect(hashtags.locator('tbody tr td').nth(1)).toHaveText('3');
  // …and its note says why they are one.
  const spellings = hashtags.getByTestId('spellings');
  await spellings.locator('summary').click();
  await expect(spellings.locator('.spellings-list')).toHaveText('Counted together (as Search matches them: letter case, width, Chinese script forms, Greek accents, Arabic letter forms and marks, Hebrew points and joiners ignored): #إيران 1, #ايران 1, #ایران 1');

  expect(requests.outside()).toEqual([]);
  expect(consoleLog.errors).toEqual([]);
});
