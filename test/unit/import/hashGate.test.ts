import { describe, expect, it } from 'vitest';
import type { ArchiveHashes } from '../../../shared/archive/parseArchive';
import { HashGate, PENDING_SHA256, SkipFile } from '../../../renderer/src/workers/import/hashGate';

const pending = (): ArchiveHashes => ({ container: 'plain', sha256: PENDING_SHA256, size: 10, entries: [{ entryName: undefined, sha256: PENDING_SHA256, size: 10 }] });
const real: ArchiveHashes = { container: 'plain', sha256: 'a'.repeat(64), size: 10, entries: [{ entryName: undefined, sha256: 'a'.repeat(64), size: 10 }] };

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('HashGate', () => {
  it('holds work until the hash is known, then runs it in order with the hash completed in place', async () => {
    const hash = deferred<ArchiveHashes>();
    const p = pending();
    const entry = p.entries[0]!;
    const gate = new HashGate(hash.promise, p, async () => {}, 100);
    const ran: string[] = [];
    await gate.run(10, () => ran.push('format'));
    await gate.run(10, () => ran.push('batch 1 ' + gate.sha256));
    expect(ran).toEqual([]);
    hash.resolve(real);
    await tick();
    await gate.run(10, () => ran.push('batch 2 ' + gate.sha256));
    await gate.run(10, () => ran.push('batch 3'));
    expect(ran).toEqual(['format', `batch 1 ${real.sha256}`, `batch 2 ${real.sha256}`, 'batch 3']);
    // The parser's EntryHash object now carries the real hash for the rows still to come.
    expect(entry.sha256).toBe(real.sha256);
    expect(p.sha256).toBe(real.sha256);
  });

  it('makes the parse wait for the hash once more than maxHeldRows are held', async () => {
    const hash = deferred<ArchiveHashes>();
    const gate = new HashGate(hash.promise, pending(), async () => {}, 15);
    const ran: number[] = [];
    await gate.run(10, () => ran.push(1));
    let returned = false;
    const second = gate.run(10, () => ran.push(2)).then(() => (returned = true));
    await tick();
    expect(returned).toBe(false);
    hash.resolve(real);
    await second;
    expect(ran).toEqual([1, 2]);
  });

  it('runs none of the held work when the file is skipped', async () => {
    const hash = deferred<ArchiveHashes>();
    const gate = new HashGate(hash.promise, pending(), async (h) => {
      throw new SkipFile(h.sha256, 'already imported');
    }, 100);
    const ran: number[] = [];
    await gate.run(5, () => ran.push(1));
    hash.resolve(real);
    await expect(gate.release()).rejects.toBeInstanceOf(SkipFile);
    expect(ran).toEqual([]);
  });

  it('stops waiting for the hash at once when the import is cancelled', async () => {
    const never = new Promise<ArchiveHashes>(() => {});
    const controller = new AbortController();
    const gate = new HashGate(never, pending(), async () => {}, 0, controller.signal);
    const waiting = gate.run(1, () => {});
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
  });
});
