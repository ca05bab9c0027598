import { describe, expect, it } from 'vitest';
import { AuthorActivity, type Activity } from '../../../renderer/src/workers/import/authorActivity';
import { seededRandom } from '../../../shared/graph/seededRandom';

describe('AuthorActivity', () => {
  it('counts like one object per author, for thousands of authors (the arrays grow) in any order', () => {
    const random = seededRandom(7);
    const act = new AuthorActivity();
    const naive = new Map<number, Activity>();
    for (let seq = 0; seq < 40; seq++) {
      for (let i = 0; i < 500; i++) {
        const u = random.int(5000) * (i % 3 === 0 ? 1 : 0) + (i % 7); // a few busy authors, many rare ones
        const time = 20_000_000 + random.int(1_000_000);
        act.tweet(u, time, seq);
        let a = naive.get(u);
        if (!a) naive.set(u, (a = { tweets: 0, retweets: 0, replies: 0, quotes: 0, firstTweetTime: time, lastTweetTime: time, blocks: [], days: [] }));
        a.tweets++;
        a.firstTweetTime = Math.min(a.firstTweetTime, time);
        a.lastTweetTime = Math.max(a.lastTweetTime, time);
        if (a.blocks[a.blocks.length - 1] !== seq) a.blocks.push(seq);
        const day = Math.floor(time / 1440);
        if (!a.days!.includes(day)) a.days = [...a.days!, day].sort((x, y) => x - y);
        if (i % 2) (act.retweet(u), a.retweets++);
        if (i % 5 === 0) (act.reply(u), a.replies++);
        if (i % 11 === 0) (act.quote(u), a.quotes++);
      }
    }
    const got = new Map<number, Activity>();
    const order: number[] = [];
    act.forEach((u, a) => (got.set(u, a), order.push(u)));
    expect(naive.size).toBeGreaterThan(1024);
    expect(order).toEqual([...naive.keys()].sort((x, y) => x - y));
    expect(got).toEqual(naive);
  });
});
