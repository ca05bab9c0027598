import { describe, expect, it } from 'vitest';
import { MessageTurns } from '../../../renderer/src/workers/import/messageTurns';
import { untilAborted } from '../../../renderer/src/workers/import/untilAborted';

/** A parse that awaits only resolved promises (data already read), for `ms`, taking turns as runImport does. */
async function parseFor(ms: number, turns: MessageTurns | null, stop: AbortSignal): Promise<number> {
  const t0 = performance.now();
  let batches = 0;
  while (performance.now() - t0 < ms && !stop.aborted) {
    const until = performance.now() + 2; // a batch of rows
    while (performance.now() < until);
    await Promise.resolve();
    await turns?.take();
    batches++;
  }
  return performance.now() - t0;
}

describe('Cancel is heard during a parse that never waits for I/O', () => {
  it('a task queued while parsing (the Cancel message) runs within a turn (MessageTurns), not only when the parse ends', async () => {
    for (const turns of [null, new MessageTurns()]) {
      const cancel = new AbortController();
      setTimeout(() => cancel.abort(), 0); // Cancel, a task queued as the parse starts
      const ran = await parseFor(600, turns, cancel.signal);
      // Without turns the message waits for the whole 600 ms; with them, for one turn (50 ms of parsing) at most.
      if (turns) expect(ran).toBeLessThan(300);
      else expect(ran).toBeGreaterThanOrEqual(600);
    }
  });

  it('untilAborted: the value, or the abort reason at once while the write goes on (its later failure unreported)', async () => {
    await expect(untilAborted(Promise.resolve(7), new AbortController().signal)).resolves.toBe(7);
    await expect(untilAborted(Promise.reject(new Error('disk full')), new AbortController().signal)).rejects.toThrow('disk full');
    const cancel = new AbortController();
    let fail!: (e: Error) => void;
    const write = new Promise<void>((_, reject) => (fail = reject));
    const waiting = untilAborted(write, cancel.signal);
    cancel.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    fail(new Error('terminated')); // no unhandled rejection
    const already = new AbortController();
    already.abort();
    await expect(untilAborted(new Promise(() => {}), already.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });
});
