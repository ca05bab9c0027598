import { describe, expect, it } from 'vitest';
import { createDemoArchive } from '../../../shared/archive/demo/demoArchive';
import { BURST_K, creationHistogram } from '../../../renderer/src/views/explore/creationBursts';
import { isRandomLookingHandle, randomHandleReasons } from '../../../renderer/src/views/explore/randomHandle';
import { dayIndexRange, everyDay, minuteOfDay, rhythmInZone, rhythmSummary, tweetsPerDay } from '../../../renderer/src/views/explore/timeBuckets';
import { highlightRanges, parseQuery } from '../../../renderer/src/search/searchQuery';

describe('creation bursts', () => {
  it('flags exactly the planted group creation days of the demo archive', () => {
    const demo = createDemoArchive({ seed: 7, tweets: 20_000 });
    const h = creationHistogram(demo.plan.accounts.map((a) => a.creationDate));
    const flagged = h.days.filter((d) => d.burst).map((d) => d.day).sort();
    const planted = [...new Set(demo.groundTruth.groups.map((g) => g.accountsCreatedOn))].sort();
    expect(flagged).toEqual(planted);
    expect(h.threshold).toBe(h.median + BURST_K * Math.max(h.mad, 1));
    expect(h.days.reduce((n, d) => n + d.count, 0) + h.undated).toBe(demo.groundTruth.counts.accounts);
  });
  it('counts undated accounts apart', () => {
    const h = creationHistogram(['2017-08-30', '', 'junk', '2017-08-30']);
    expect(h.undated).toBe(2);
    expect(h.days).toEqual([{ day: '2017-08-30', count: 2, burst: false }]);
  });
});

describe('rhythm in a time zone', () => {
  it('moves UTC buckets by the zone offset, DST included', () => {
    // 2019-06-10 is a Monday. 23:00 UTC = Tuesday 07:00 in Hong Kong (+8), 19:00 Monday in New York (EDT).
    const bucket = Date.parse('2019-06-10T23:00:00Z') / 60_000 / 15;
    const counts = { [bucket]: 3 };
    expect(rhythmInZone(counts, 'UTC')[0]![23]).toBe(3);
    expect(rhythmInZone(counts, 'Asia/Hong_Kong')[1]![7]).toBe(3);
    expect(rhythmInZone(counts, 'America/New_York')[0]![19]).toBe(3);
    expect(rhythmInZone(counts, 'Asia/Kathmandu')[1]![4]).toBe(3); // +5:45 → 04:45
    const winter = Date.parse('2019-01-07T23:00:00Z') / 60_000 / 15; // Monday, EST
    expect(rhythmInZone({ [winter]: 1 }, 'America/New_York')[0]![18]).toBe(1);
  });
  it('places a bucket by the offset at its own start (Eucla changed at 17:15 UTC) and counts the tweets of buckets with a clock change inside', () => {
    const quarter = (iso: string) => Math.floor(Date.parse(iso) / 60_000 / 15);
    // Australia/Eucla went from +8:45 to +9:45 at 2007-10-27 17:15 UTC: 17:20 UTC is Sunday 03:05.
    const eucla = rhythmInZone({ [quarter('2007-10-27T17:20:00Z')]: 1, [quarter('2007-10-27T17:10:00Z')]: 1 }, 'Australia/Eucla');
    expect(eucla[6]![3]).toBe(1);
    expect(eucla[6]![1]).toBe(1); // 17:10 UTC: 01:55 (+8:45)
    expect(eucla.straddled).toBe(0);
    // America/St_Johns changed at 03:31 UTC on 2007-03-11: the 03:30 bucket holds both offsets.
    const stJohns = rhythmInZone({ [quarter('2007-03-11T03:40:00Z')]: 2, [quarter('2007-03-11T04:00:00Z')]: 1 }, 'America/St_Johns');
    expect(stJohns.straddled).toBe(2);
    expect(stJohns[6]![1]).toBe(1); // 04:00 UTC: 01:30 NDT
    expect(rhythmInZone({ [quarter('2019-06-10T23:00:00Z')]: 1 }, 'America/New_York').straddled).toBe(0);
  });
  it('keeps the total and honours a range', () => {
    const b = Date.parse('2019-06-10T00:00:00Z') / 60_000 / 15;
    const counts = { [b]: 2, [b + 1]: 5, [b + 96]: 7 };
    const total = (g: number[][]) => g.flat().reduce((a, c) => a + c, 0);
    expect(total(rhythmInZone(counts, 'Europe/Moscow'))).toBe(14);
    expect(total(rhythmInZone(counts, 'UTC', { from: (b + 1) * 15, to: (b + 96) * 15 }))).toBe(5);
    const perDay = tweetsPerDay(counts);
    expect(perDay).toEqual({ days: ['2019-06-10', '2019-06-11'], counts: [7, 7] });
    // Day axes (account creation, clients) are spaced as time is: a month's gap is a month of days, across a leap day.
    expect(everyDay(['2016-02-27', '2016-03-02'])).toEqual(['2016-02-27', '2016-02-28', '2016-02-29', '2016-03-01', '2016-03-02']);
    expect(everyDay(['2017-10-06', '2017-11-06'])).toHaveLength(32);
    expect(everyDay([])).toEqual([]);
  });
});

describe('random-looking handles', () => {
  it('applies the documented rules', () => {
    expect(randomHandleReasons('lily37281')).toEqual(['trailing digits']);
    expect(randomHandleReasons('xkqzvtrab')).toContain('consonant run');
    expect(randomHandleReasons('a8Fk2Lq9xZ')).toContain('high entropy');
    expect(isRandomLookingHandle('peace_daily', false)).toBe(false);
    expect(isRandomLookingHandle('lily37281', true)).toBe(false);
    expect(isRandomLookingHandle('wuming11xia', false)).toBe(false);
  });
});

describe('search query and highlights', () => {
  it('normalises like the store (NFKC, lower case) and keeps phrases', () => {
    expect(parseQuery('ＨＫ "Hong Kong"  #Tag')).toEqual(['hk', 'hong kong', '#tag']);
  });
  it('maps highlights back to the original text (CJK, Arabic, emoji, full-width)', () => {
    const t = '🔥香港 ＨＫ مرحبا';
    const r = highlightRanges(t, parseQuery('香港 hk مرحبا'));
    expect(r.map(([a, b]) => t.slice(a, b))).toEqual(['香港', 'ＨＫ', 'مرحبا']);
  });
  it('highlights whole user-perceived characters: a skin tone or a ZWJ sequence is not cut', () => {
    const t = 'ok 👍🏽 and 👨‍👩‍👧 then e\u0301';
    const r = highlightRanges(t, parseQuery('👍 👩 e'));
    // e + U+0301 is é to the search (NFKC), not an e: only the e of "then" is one.
    expect(r.map(([a, b]) => t.slice(a, b))).toEqual(['👍🏽', '👨‍👩‍👧', 'e']);
  });
  it('highlights an accent stored as its own code point with its letter, as the search matched it', () => {
    const t = 'Cafe\u0301 crème and café';
    const r = highlightRanges(t, parseQuery('Café "café crème"'));
    expect(r.map(([a, b]) => t.slice(a, b))).toEqual(['Cafe\u0301 crème', 'café']);
  });
});

describe('rhythmSummary', () => {
  it('names the busiest weekday hour and the quietest hour of the week, in words', () => {
    const rhythm = Array.from({ length: 7 }, () => new Array<number>(24).fill(2));
    rhythm[1]![14] = 90; // Tue 14:00
    for (let wd = 0; wd < 7; wd++) rhythm[wd]![3] = 0;
    expect(rhythmSummary(rhythm, 'Asia/Hong_Kong')).toBe(
      'Tweets per hour and weekday in Asia/Hong_Kong. Busiest: Tue 14:00–15:00 (90 tweets); quietest hour over the week: 03:00 (0 tweets).',
    );
    expect(rhythmSummary(Array.from({ length: 7 }, () => new Array<number>(24).fill(0)), 'UTC')).toBe('No tweets to place by hour and weekday in UTC.');
    // One tweet is a tweet.
    const one = Array.from({ length: 7 }, (_, wd) => Array.from({ length: 24 }, (_, h) => (wd === 0 || (wd === 1 && h !== 21) ? 1 : 0) as number));
    one[2]![5] = 1200;
    expect(rhythmSummary(one, 'UTC')).toMatch(/\(1,200 tweets\); quietest hour over the week: 21:00 \(1 tweet\)\.$/);
  });
});

describe('the volume chart\'s zoom for a time range', () => {
  const days = everyDay(['2019-03-01', '2019-08-30']);
  const range = (from: string, to: string) => ({ from: minuteOfDay(from), to: minuteOfDay(to) + 24 * 60 });
  it('is the range\'s days, clamped to the dataset\'s: a range reaching past them shows the days it has', () => {
    expect(dayIndexRange(days, null)).toEqual([0, days.length - 1]);
    expect(dayIndexRange(days, range('2019-03-16', '2019-03-16'))).toEqual([15, 15]);
    // Both ends outside (a whole year): every day, not the first day alone.
    expect(dayIndexRange(days, range('2019-01-01', '2019-12-31'))).toEqual([0, days.length - 1]);
    // The end outside: from 08-01 to the last day, not back to the first.
    expect(dayIndexRange(days, range('2019-08-01', '2019-09-15')).map((i) => days[i])).toEqual(['2019-08-01', '2019-08-30']);
    expect(dayIndexRange(days, range('2019-02-01', '2019-03-02')).map((i) => days[i])).toEqual(['2019-03-01', '2019-03-02']);
    expect(dayIndexRange([], range('2019-02-01', '2019-03-02'))).toEqual([0, 0]);
  });
});
