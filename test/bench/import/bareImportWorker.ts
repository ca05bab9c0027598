/**
 * Bench-only Web Worker: a bare import of a CSV file, the pipeline PERFORMANCE.md measured
 * ("File.stream() → TextDecoderStream → streaming CSV parser → columnar chunks → IndexedDB"): no
 * hashing, no validation, no provenance, no dedupe, no aggregates, no search records. Its rows/s on
 * the same file in the same run shows what the app's import costs over the bare minimum.
 * Message in: { file, upTo }, where upTo stops the pipeline early to time its first stages alone
 * ('read': bytes only; 'decode': text; 'split': fields and column arrays; 'store': everything).
 * Message out: { rows, seconds } or { error }.
 */
export type BareStage = 'read' | 'decode' | 'split' | 'store';
const BLOCK_ROWS = 2000;
const BLOCKS_PER_TRANSACTION = 10;

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const r = indexedDB.open('dw-bench-bare-import', 1);
    r.onupgradeneeded = () => r.result.createObjectStore('blocks');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function putAll(db: IDBDatabase, blocks: { seq: number; columns: string[][] }[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction('blocks', 'readwrite');
    const store = tx.objectStore('blocks');
    for (const b of blocks) store.put(b.columns, b.seq);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

async function bareImport(file: File, upTo: BareStage): Promise<{ rows: number; seconds: number }> {
  const t0 = performance.now();
  if (upTo === 'read' || upTo === 'decode') {
    const decoder = new TextDecoder();
    let chars = 0;
    const bytes = file.stream().getReader();
    for (let r = await bytes.read(); !r.done; r = await bytes.read()) if (upTo === 'decode') chars += decoder.decode(r.value, { stream: true }).length;
    return { rows: chars, seconds: (performance.now() - t0) / 1000 };
  }
  const db = await openDb();
  let columns: string[][] = [];
  let blockRows = 0;
  let rows = 0;
  let seq = 0;
  let pending: { seq: number; columns: string[][] }[] = [];
  let writing: Promise<void> = Promise.resolve();
  let queued = 0;
  const flushBlock = () => {
    if (upTo === 'split') {
      columns = [];
      blockRows = 0;
      return;
    }
    pending.push({ seq: seq++, columns });
    columns = [];
    blockRows = 0;
    if (pending.length < BLOCKS_PER_TRANSACTION) return;
    const batch = pending;
    pending = [];
    queued++;
    writing = writing.then(() => putAll(db, batch)).then(() => void queued--);
  };
  // Quote-aware CSV state machine over decoded text; a record may span chunks.
  let field = '';
  let fields: string[] = [];
  let inQuote = false;
  let afterQuote = false;
  let header = true;
  const endRecord = () => {
    fields.push(field);
    field = '';
    if (header) header = false;
    else {
      for (let i = 0; i < fields.length; i++) (columns[i] ??= []).push(fields[i]!);
      rows++;
      if (++blockRows === BLOCK_ROWS) flushBlock();
    }
    fields = [];
  };
  const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const s = value;
    let start = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (inQuote) {
        const close = s.indexOf('"', i); // jump to the closing quote
        if (close < 0) break;
        field += s.slice(start, close);
        inQuote = false;
        afterQuote = true;
        i = close;
        start = close + 1;
      } else if (c === 34) {
        if (afterQuote) field += '"'; // doubled quote
        inQuote = true;
        afterQuote = false;
        start = i + 1;
      } else if (c === 44) {
        fields.push(field + s.slice(start, i));
        field = '';
        afterQuote = false;
        start = i + 1;
      } else if (c === 10) {
        field += s.slice(start, i > start && s.charCodeAt(i - 1) === 13 ? i - 1 : i);
        afterQuote = false;
        start = i + 1;
        endRecord();
      }
    }
    field += s.slice(start); // when inQuote, the rest of the chunk is inside the quoted field
    if (queued > 1) await writing; // at most ~2 transactions' worth of blocks waiting
  }
  if (field !== '' || fields.length) endRecord();
  if (blockRows) flushBlock();
  await writing;
  if (pending.length) await putAll(db, pending);
  db.close();
  return { rows, seconds: (performance.now() - t0) / 1000 };
}

self.onmessage = (e: MessageEvent<{ file: File; upTo: BareStage }>) => {
  bareImport(e.data.file, e.data.upTo).then(
    (r) => self.postMessage(r),
    (err: unknown) => self.postMessage({ error: String(err) }),
  );
};
