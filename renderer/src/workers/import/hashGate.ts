import type { ArchiveHashes } from '../../../../shared/archive/parseArchive';

/** A file found, once hashed, to be stored already (or chosen twice): its parse stops, nothing of it is kept. */
export class SkipFile extends Error {
  constructor(
    readonly sha256: string,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'SkipFile';
  }
}

/** What a file's records carry in place of its SHA-256 until it is known. */
export const PENDING_SHA256 = 'sha256-pending';

/**
 * Lets a file be parsed while another thread hashes it. The parse starts with `pending` hashes (sha256
 * PENDING_SHA256); its output is held here, in order, until the hash arrives. Then `pending` is
 * completed (rows parsed from then on carry the real hash), `accept` may refuse the file (SkipFile:
 * nothing held has run, so nothing of the file is kept), and the held work runs. Holding is bounded:
 * past `maxHeldRows` the parse waits for the hash.
 */
export class HashGate {
  private readonly held: (() => unknown)[] = [];
  private heldRows = 0;
  private hashes: ArchiveHashes | undefined;
  private open = false;

  constructor(
    private readonly hashing: Promise<ArchiveHashes>,
    readonly pending: ArchiveHashes,
    private readonly accept: (h: ArchiveHashes) => Promise<void>,
    private readonly maxHeldRows: number,
    private readonly signal?: AbortSignal,
  ) {
    hashing.then((h) => (this.hashes = h), () => {});
  }

  /** The file's SHA-256, for work run by the gate (which runs only once it is known). */
  get sha256(): string {
    return this.hashes?.sha256 ?? PENDING_SHA256;
  }

  /**
   * Run `work` (the output of `rows` parsed rows) now if the file is accepted, else hold it, and
   * release everything held once the hash has arrived or too much is held. Calls must not overlap
   * (the parser awaits each batch).
   */
  async run(rows: number, work: () => unknown): Promise<void> {
    if (this.open) {
      await work();
      return;
    }
    this.held.push(work);
    this.heldRows += rows;
    if (this.hashes || this.heldRows > this.maxHeldRows) await this.release();
  }

  /** Wait for the hash, complete `pending`, accept the file (or throw SkipFile) and run what is held, in order. */
  async release(): Promise<void> {
    if (!this.open) {
      const h = await untilAborted(this.hashing, this.signal); // a cancel must not wait for a long hash
      const entry = this.pending.entries[0]!; // the parser holds this object: complete it in place
      Object.assign(entry, h.entries[0]);
      Object.assign(this.pending, h, { entries: this.pending.entries });
      await this.accept(h);
      this.open = true;
    }
    while (this.held.length) await this.held.shift()!();
  }
}

function untilAborted<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return p;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

