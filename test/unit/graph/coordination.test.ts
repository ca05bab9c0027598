import { describe, expect, it } from 'vitest';
import { fewestReplicates, parameterProblems } from '../../../shared/graph/coordination/parameterProblems';
import { detectCoordination } from '../../../shared/graph/coordination/detectCoordination';
import { benjaminiHochberg } from '../../../shared/graph/coordination/benjaminiHochberg';
import { edgePValue, logGamma, negativeBinomialTail, poissonTail, selectedEdgePValue } from '../../../shared/graph/coordination/nullTail';
import { normaliseText, normaliseUrl } from '../../../shared/graph/coordination/normalise';
import { coordinationGraph } from '../../../shared/graph/coordination/coordinationCommunities';
import { windowStability } from '../../../shared/graph/coordination/windowStability';
import { handColumns, minuteOf, type HandTweet } from './handColumns';

const BIG = '1142257995432235009'; // > 2^53: must survive as a string

describe('co-retweet on hand-built columns', () => {
  const rows: HandTweet[] = [
    { id: '1', user: 'a', time: '2019-06-12 10:00', retweetOf: BIG },
    { id: '2', user: 'b', time: '2019-06-12 10:01', retweetOf: BIG },
    { id: '3', user: 'c', time: '2019-06-12 10:03', retweetOf: BIG },
    { id: '4', user: 'a', time: '2019-06-12 10:03', retweetOf: BIG }, // a again: pairs with c (Δt 0)
    { id: '5', user: 'a', time: '2019-06-13 08:00', retweetOf: '77' },
    { id: '6', user: 'b', time: '2019-06-13 08:00', retweetOf: '77' },
    { id: '7', user: 'd', time: '2019-06-13 08:00' }, // not a retweet
  ];
  const r = detectCoordination(handColumns(rows), { kind: 'coretweet', minRepeat: 1, replicates: 20, seed: 3 });

  it('finds exactly the pairs within 60 s with their Δt and shared object', () => {
    const got = r.edges.map((e) => ({
      s: e.source, t: e.target, w: e.weight,
      pairs: e.pairs.map((p) => [p.tweetA, p.tweetB, p.deltaSeconds, p.object]).sort(),
    }));
    expect(got).toEqual([
      { s: 'a', t: 'b', w: 2, pairs: [['1', '2', 60, BIG], ['5', '6', 0, '77']] },
      { s: 'a', t: 'c', w: 1, pairs: [['4', '3', 0, BIG]] },
    ]);
    const ab = r.edges[0]!.pairs.find((p) => p.tweetA === '1')!;
    expect(ab.timeA).toBe(minuteOf('2019-06-12 10:00'));
    expect(ab.timeB).toBe(minuteOf('2019-06-12 10:01'));
    expect(r.actions).toBe(6);
    expect(r.accounts).toBe(3);
    expect(r.postsByAccount).toEqual({ a: 3, b: 2, c: 1 });
    expect(r.candidatePairs).toBe(2);
  });

  it('applies minRepeat and the window', () => {
    expect(detectCoordination(handColumns(rows), { kind: 'coretweet', minRepeat: 2, replicates: 0 }).edges.map((e) => [e.source, e.target]))
      .toEqual([['a', 'b']]);
    // 10 s window on minute data = same minute only: a-b keeps only the 08:00 pair.
    const same = detectCoordination(handColumns(rows), { kind: 'coretweet', minRepeat: 1, windowSeconds: 10, replicates: 0 });
    expect(same.edges.map((e) => [e.source, e.target, e.weight])).toEqual([['a', 'b', 1], ['a', 'c', 1]]);
    // 180 s: b-c (10:01 / 10:03) joins.
    const wide = detectCoordination(handColumns(rows), { kind: 'coretweet', minRepeat: 1, windowSeconds: 180, replicates: 0 });
    expect(wide.edges.find((e) => e.source === 'b' && e.target === 'c')?.pairs[0]?.deltaSeconds).toBe(120);
  });

  it('honours the filter', () => {
    const r2 = detectCoordination(handColumns(rows), { kind: 'coretweet', minRepeat: 1, replicates: 0, filter: { fromMinute: minuteOf('2019-06-13 00:00') } });
    expect(r2.edges.map((e) => [e.source, e.target, e.weight])).toEqual([['a', 'b', 1]]);
    expect(r2.tweetsFiltered).toBe(4);
  });
});

describe('co-tweet, co-link, co-reply', () => {
  it('co-tweet matches identical normalised text, not retweets', () => {
    const rows: HandTweet[] = [
      { id: '1', user: 'a', time: '2019-06-12 10:00', text: '香港  是中國的香港 https://t.co/AAA' },
      { id: '2', user: 'b', time: '2019-06-12 10:00', text: 'RT @zz: 香港 是中國的香港\nhttps://t.co/BBB' },
      { id: '3', user: 'c', time: '2019-06-12 10:00', text: '香港 是中國的香港', retweetOf: '9' },
      { id: '4', user: 'd', time: '2019-06-12 10:00', text: '別的話' },
    ];
    const r = detectCoordination(handColumns(rows), { kind: 'cotweet', minRepeat: 1, replicates: 0 });
    expect(r.edges.map((e) => [e.source, e.target, e.pairs[0]!.object])).toEqual([['a', 'b', '香港 是中國的香港 <url>']]);
  });

  it('normalisers', () => {
    expect(normaliseText('RT @Name: ＨＥＬＬＯ   World http://x.y/z')).toBe('hello world <url>');
    expect(normaliseUrl('HTTPS://WWW.Example.com/a/b/?utm_source=tw&id=3#frag')).toBe('http://example.com/a/b?id=3');
    expect(normaliseUrl('http://goo.gl/32K38q')).toBe('http://goo.gl/32K38q');
    // An internationalised host in either form: one link (its path as written).
    expect(normaliseUrl('https://www.مثال.شبكة/a')).toBe('http://xn--mgbh0fb.xn--ngbc5azd/a');
    expect(normaliseUrl('https://XN--MGBH0FB.xn--ngbc5azd/a/')).toBe('http://xn--mgbh0fb.xn--ngbc5azd/a');
    // Only the host is keyed: a port and user info stay, in both forms of the name; IPv6 hosts keep theirs.
    expect(normaliseUrl('https://مثال.شبكة:8080/panel')).toBe('http://xn--mgbh0fb.xn--ngbc5azd:8080/panel');
    expect(normaliseUrl('https://xn--mgbh0fb.xn--ngbc5azd:8080/panel')).toBe('http://xn--mgbh0fb.xn--ngbc5azd:8080/panel');
    expect(normaliseUrl('https://مثال.شبكة:9090/panel')).not.toBe(normaliseUrl('https://مثال.شبكة:8080/panel'));
    expect(normaliseUrl('https://User@www.مثال.شبكة/p')).toBe('http://user@xn--mgbh0fb.xn--ngbc5azd/p');
    expect(normaliseUrl('http://[2001:DB8::1]:80/x')).toBe('http://[2001:db8::1]:80/x');
    // A percent-encoded name is the Unicode one.
    expect(normaliseUrl('https://%D9%85%D8%AB%D8%A7%D9%84.%D8%B4%D8%A8%D9%83%D8%A9/a')).toBe('http://xn--mgbh0fb.xn--ngbc5azd/a');
  });

  it('co-link matches normalised URLs, one object per distinct URL of a post', () => {
    const rows: HandTweet[] = [
      { id: '1', user: 'a', time: '2019-06-12 10:00', urls: ['https://www.news.hk/x/', 'http://goo.gl/1'] },
      { id: '2', user: 'b', time: '2019-06-12 10:01', urls: ['http://news.hk/x?utm_medium=s'] },
      { id: '3', user: 'c', time: '2019-06-12 10:01', urls: ['http://goo.gl/1'] },
    ];
    const r = detectCoordination(handColumns(rows), { kind: 'colink', minRepeat: 1, replicates: 0 });
    expect(r.edges.map((e) => [e.source, e.target, e.pairs[0]!.object, e.pairs[0]!.deltaSeconds])).toEqual([
      ['a', 'b', 'http://news.hk/x', 60],
      ['a', 'c', 'http://goo.gl/1', 60],
    ]);
    // a's post with two links is two actions and one post analysed.
    expect(r.actions).toBe(4);
    expect(r.postsByAccount).toEqual({ a: 1, b: 1, c: 1 });
    expect(coordinationGraph(r.edges, r.postsByAccount).getNodeAttribute('a', 'posts')).toBe(1);
  });

  it('co-reply uses in_reply_to_tweetid', () => {
    const rows: HandTweet[] = [
      { id: '1', user: 'a', time: '2019-06-12 10:00', replyTo: BIG, replyToUser: 'z' },
      { id: '2', user: 'b', time: '2019-06-12 10:00', replyTo: BIG, replyToUser: 'z' },
      { id: '3', user: 'c', time: '2019-06-12 10:00', replyTo: '5', replyToUser: 'z' },
    ];
    const r = detectCoordination(handColumns(rows), { kind: 'coreply', minRepeat: 1, replicates: 0 });
    expect(r.edges.map((e) => [e.source, e.target, e.pairs[0]!.object])).toEqual([['a', 'b', BIG]]);
  });
});

describe('weight counts distinct objects', () => {
  it('an account retweeting the same tweet twice adds evidence pairs, not weight', () => {
    const rows: HandTweet[] = [
      { id: '1', user: 'a', time: '2019-06-12 10:00', retweetOf: 'x' },
      { id: '2', user: 'b', time: '2019-06-12 10:01', retweetOf: 'x' },
      { id: '3', user: 'a', time: '2019-06-12 10:02', retweetOf: 'x' },
    ];
    const r = detectCoordination(handColumns(rows), { kind: 'coretweet', minRepeat: 1, replicates: 10 });
    expect(r.edges.map((e) => [e.source, e.target, e.weight, e.pairs.map((p) => p.tweetA + '-' + p.tweetB).sort()])).toEqual([['a', 'b', 1, ['1-2', '3-2']]]);
    expect(detectCoordination(handColumns(rows), { kind: 'coretweet', minRepeat: 2, replicates: 0 }).edges).toEqual([]);
  });
});

describe('hub guard', () => {
  it('skips an object with more in-window pairs than the cap, and reports it', () => {
    const rows: HandTweet[] = [];
    for (let i = 0; i < 30; i++) rows.push({ id: String(i), user: 'u' + i, time: '2019-06-12 10:00', retweetOf: 'viral' });
    rows.push({ id: 'x1', user: 'u1', time: '2019-06-12 11:00', retweetOf: 'small' }, { id: 'x2', user: 'u2', time: '2019-06-12 11:00', retweetOf: 'small' });
    const r = detectCoordination(handColumns(rows), { kind: 'coretweet', minRepeat: 1, replicates: 0, maxPairsPerObject: 100 });
    expect(r.cappedObjects).toEqual([{ object: 'viral', actions: 30, pairsInWindow: 435 }]);
    expect(r.edges.map((e) => [e.source, e.target])).toEqual([['u1', 'u2']]);
  });
});

describe('significance', () => {
  // a and b co-retweet 6 times within a minute; c and d once, on a busy object.
  const rows: HandTweet[] = [];
  let id = 0;
  const base = minuteOf('2019-03-01 00:00');
  const at = (m: number): string => new Date((base + m) * 60_000).toISOString().slice(0, 16).replace('T', ' ');
  for (let k = 0; k < 6; k++) {
    rows.push({ id: String(id++), user: 'a', time: at(k * 5000), retweetOf: 'o' + k });
    rows.push({ id: String(id++), user: 'b', time: at(k * 5000 + 1), retweetOf: 'o' + k });
  }
  for (let k = 0; k < 40; k++) rows.push({ id: String(id++), user: 'bg' + (k % 8), time: at(k * 700), retweetOf: 'p' + (k % 5) });
  const cols = handColumns(rows);

  it('is deterministic for a seed and varies with the seed', () => {
    const r1 = detectCoordination(cols, { kind: 'coretweet', minRepeat: 1, replicates: 50, seed: 7 });
    const r2 = detectCoordination(cols, { kind: 'coretweet', minRepeat: 1, replicates: 50, seed: 7 });
    expect(r2.edges).toEqual(r1.edges);
    const ab = r1.edges.find((e) => e.source === 'a' && e.target === 'b')!;
    expect(ab.weight).toBe(6);
    expect(ab.expectedWeight).toBeLessThan(1);
    // No replicate reaches 6: the p-value is the tail of the count distribution fitted to the null
    // weights, below the 1/51 that 50 replicates could show on their own.
    expect(ab.pValue).toBeLessThan(1 / 51);
    expect(ab.pValue).toBeGreaterThan(0);
    expect(r1.nullModel).toMatchObject({ name: 'account-day-shift', replicates: 50, seed: 7, shiftMaxMinutes: 60 });
    const shifted = (seed: number) =>
      detectCoordination(cols, { kind: 'coretweet', minRepeat: 1, replicates: 50, seed, nullShiftMinutes: 2 }).edges.map((e) => e.expectedWeight);
    expect(shifted(1)).toEqual(shifted(1));
    expect(shifted(1)).not.toEqual(shifted(2));
  });

  it('q-values are Benjamini–Hochberg of the p-values over every pair that co-acted, the pairs under minRepeat included', () => {
    // Two more accounts that co-retweet once: a pair under minRepeat.
    const more = handColumns([...rows, { id: String(id++), user: 'c', time: at(100_000), retweetOf: 'q' }, { id: String(id++), user: 'd', time: at(100_000), retweetOf: 'q' }]);
    const r = detectCoordination(more, { kind: 'coretweet', minRepeat: 2, replicates: 30, seed: 2 });
    expect(r.candidatePairs).toBeGreaterThan(r.edges.length); // some pairs co-acted once only: not shown, but counted
    expect([...benjaminiHochberg(r.edges.map((e) => e.pValue), r.candidatePairs)]).toEqual(r.edges.map((e) => e.qValue));
    expect([...benjaminiHochberg(r.edges.map((e) => e.pValue))]).not.toEqual(r.edges.map((e) => e.qValue));
    for (const e of r.edges) expect(e.significant).toBe(e.qValue <= 0.05);
    // At a minimum repeat of 1 the one-off pair is shown, with p = 1: tested given that it co-acted, a single coincidence is no evidence.
    const all = detectCoordination(more, { kind: 'coretweet', minRepeat: 1, replicates: 30, seed: 2 });
    const once = all.edges.find((e) => e.source === 'c' && e.target === 'd')!;
    expect(once).toMatchObject({ weight: 1, pValue: 1, significant: false });
  });
});

describe('edge p-values from the null replicates', () => {
  const poissonDirect = (w: number, mu: number) => {
    let below = 0;
    let term = Math.exp(-mu);
    for (let k = 0; k < w; k++) {
      below += term;
      term *= mu / (k + 1);
    }
    return 1 - below;
  };
  it('Poisson and negative binomial tails match direct sums', () => {
    for (const [w, mu] of [[1, 0.3], [3, 0.3], [6, 2.5], [2, 4], [12, 9]] as const) expect(poissonTail(w, mu)).toBeCloseTo(poissonDirect(w, mu), 12);
    // Far tails keep their precision (1 - sum would round to 0).
    let upper = 0;
    for (let k = 9, term = (Math.exp(-0.3) * 0.3 ** 9) / 362880; k < 40; k++, term *= 0.3 / k) upper += term;
    expect(poissonTail(9, 0.3) / upper).toBeCloseTo(1.0, 10);
    // Negative binomial (mean 2, variance 6: r = 1, q = 1/3) is geometric: P(X >= w) = (2/3)^w.
    for (const w of [1, 2, 5, 20]) expect(negativeBinomialTail(w, 2, 6)).toBeCloseTo((2 / 3) ** w, 12);
    expect(Math.exp(logGamma(5))).toBeCloseTo(24, 9);
    expect(Math.exp(logGamma(0.5))).toBeCloseTo(Math.sqrt(Math.PI), 12);
  });
  it('uses the replicates when enough reach the weight, else the fitted tail, never below what they show', () => {
    const base = { observed: 3, mean: 1.2, variance: 1.2, replicates: 199 };
    expect(edgePValue({ ...base, atLeast: 40 })).toBe(41 / 200);
    expect(edgePValue({ ...base, atLeast: 2 })).toBeCloseTo(Math.max(poissonTail(3, 1.2), 2 / 200), 15);
    expect(edgePValue({ ...base, observed: 9, mean: 0.2, variance: 0.2, atLeast: 0 })).toBeCloseTo(poissonTail(9, 0.2), 20);
    // Overdispersed null weights give a fatter tail than Poisson: a larger p.
    expect(edgePValue({ ...base, observed: 6, mean: 0.5, variance: 2, atLeast: 0 })).toBeGreaterThan(poissonTail(6, 0.5));
    // A null mean of 0 is taken as 3 / R (the rule of three), not as impossible.
    expect(edgePValue({ ...base, observed: 2, mean: 0, variance: 0, atLeast: 0 })).toBeCloseTo(poissonTail(2, 3 / 199), 15);
    expect(edgePValue({ ...base, replicates: 0, atLeast: 0 })).toBe(1);
    // A weight far beyond the null never gives p = 0 (the tail would underflow): it is floored.
    expect(edgePValue({ ...base, observed: 400, mean: 0, variance: 0, atLeast: 0 })).toBe(1e-300);
  });
  it('tests a pair given that it co-acted: P(X >= w) / P(X >= 1) of the same fit, so one coincidence has p = 1', () => {
    const base = { mean: 0.2, variance: 0.2, atLeast: 0, replicates: 199 };
    expect(selectedEdgePValue({ ...base, observed: 1 })).toBe(1);
    expect(selectedEdgePValue({ ...base, observed: 3 })).toBeCloseTo(poissonTail(3, 0.2) / poissonTail(1, 0.2), 15);
    // A pair never seen in the replicates: the rule of three's rate in both parts (~ (3/R)^2 / 6 at weight 3).
    expect(selectedEdgePValue({ ...base, observed: 3, mean: 0, variance: 0 })).toBeCloseTo(poissonTail(3, 3 / 199) / poissonTail(1, 3 / 199), 15);
    expect(selectedEdgePValue({ ...base, observed: 6, mean: 0.5, variance: 2 })).toBeCloseTo(Math.max(negativeBinomialTail(6, 0.5, 2), 0) / negativeBinomialTail(1, 0.5, 2), 15);
    expect(selectedEdgePValue({ ...base, replicates: 0, observed: 3 })).toBe(1);
  });
});

describe('Benjamini–Hochberg', () => {
  it('counts hypotheses that are not listed as p = 1 (the pairs under minRepeat)', () => {
    // m = 10, two listed: 0.001 * 10 / 1 = 0.01; 0.004 * 10 / 2 = 0.02
    expect([...benjaminiHochberg([0.004, 0.001], 10)].map((x) => +x.toFixed(12))).toEqual([0.02, 0.01]);
    expect(() => benjaminiHochberg([0.1, 0.2], 1)).toThrow();
  });

  it('matches a hand computation', () => {
    // sorted p: 0.005 (4/1=0.02), 0.01 (4/2 -> 0.02), 0.03 (4/3 -> 0.04), 0.04 (4/4 -> 0.04)
    expect([...benjaminiHochberg([0.01, 0.04, 0.03, 0.005])].map((x) => +x.toFixed(12))).toEqual([0.02, 0.04, 0.04, 0.02]);
    // 0.02*3/1 = 0.06; 0.5*3/2 = 0.75; 0.9*3/3 = 0.9
    expect([...benjaminiHochberg([0.5, 0.9, 0.02])].map((x) => +x.toFixed(12))).toEqual([0.75, 0.9, 0.06]);
    // monotone step-up: a larger raw value earlier is pulled down by a later smaller one
    expect([...benjaminiHochberg([0.04, 0.05])].map((x) => +x.toFixed(12))).toEqual([0.05, 0.05]);
    expect(benjaminiHochberg([]).length).toBe(0);
  });
});

describe('window stability', () => {
  it('reports presence at each window; weights never shrink as the window grows', () => {
    const rows: HandTweet[] = [
      { id: '1', user: 'a', time: '2019-06-12 10:00', retweetOf: 'x' },
      { id: '2', user: 'b', time: '2019-06-12 10:01', retweetOf: 'x' },
      { id: '3', user: 'c', time: '2019-06-12 10:20', retweetOf: 'x' },
    ];
    const { edges } = windowStability(handColumns(rows), { kind: 'coretweet', minRepeat: 1, replicates: 0 });
    const ab = edges.find((e) => e.source === 'a' && e.target === 'b')!;
    expect(ab.windows.map((w) => [w.windowSeconds, w.present])).toEqual([[10, false], [30, false], [60, true], [300, true], [900, true], [3600, true]]);
    const bc = edges.find((e) => e.source === 'b' && e.target === 'c')!;
    expect(bc.windows.filter((w) => w.present).map((w) => w.windowSeconds)).toEqual([3600]);
    for (const e of edges) {
      const w = e.windows.map((x) => x.weight);
      expect(w).toEqual([...w].sort((p, q) => p - q));
    }
  });
});

describe('a retweeted or replied-to tweet id of 0 (which stands for none)', () => {
  it('is no shared object: accounts retweeting or replying to "tweet 0" at once are not co-retweeters or co-repliers', () => {
    const zero: HandTweet[] = ['a', 'b', 'c'].flatMap((user, k) => [0, 1, 2].flatMap((j) => [
      { id: `${k}${j}1`, user, time: `2019-06-1${j + 1} 10:00`, retweetOf: '0', retweetUser: '0', text: 'RT @x: y' },
      { id: `${k}${j}2`, user, time: `2019-06-1${j + 1} 11:00`, replyTo: '0', replyToUser: '0' },
    ]));
    for (const kind of ['coretweet', 'coreply'] as const) {
      expect(detectCoordination(handColumns(zero), { kind, minRepeat: 1, replicates: 0 }).edges, kind).toEqual([]);
    }
  });
});

describe('coordination parameters in words (the Network form; the CLI refuses the same)', () => {
  it('names a window of 0, too few replicates for alpha, and out-of-range values', () => {
    expect(parameterProblems({ windowSeconds: 60, minRepeat: 3, alpha: 0.05, replicates: 199 })).toEqual([]);
    expect(parameterProblems({ windowSeconds: 60, minRepeat: 3, alpha: 0.05, replicates: 19 })).toEqual([]);
    expect(parameterProblems({ windowSeconds: 60, minRepeat: 3, alpha: 0.05, replicates: 5 })).toEqual([
      { field: 'replicates', text: '5 null-model replicates are too few: alone they cannot show a p-value at or below alpha 0.05, and a tail fitted to so few null weights is not to be trusted: use at least 19.' },
    ]);
    const bad = parameterProblems({ windowSeconds: 0, minRepeat: 1.5, alpha: 1, replicates: 0 });
    expect(bad.map((b) => b.field)).toEqual(['windowSeconds', 'minRepeat', 'alpha', 'replicates']);
    expect(bad[0]!.text).toMatch(/^The window Δt must be a whole number of seconds from 1 to 86,400/);
    // One rule with the CLI's flags (COORDINATION_RANGES): no fraction of a second, nothing past a day, no alpha above 0.5.
    for (const p of [{ windowSeconds: 1.5 }, { windowSeconds: 86_401 }, { alpha: 0.6 }, { minRepeat: 0 }]) {
      expect(parameterProblems({ windowSeconds: 60, minRepeat: 3, alpha: 0.05, replicates: 199, ...p }).map((b) => b.field)).toEqual(Object.keys(p));
    }
    expect(parameterProblems({ windowSeconds: 86_400, minRepeat: 1, alpha: 0.5, replicates: 10_000 })).toEqual([]);
    expect(fewestReplicates(0.01)).toBe(99);
  });
});
