/**
 * Profiles as an earlier version of the app left them, for the schema upgrades' tests. Each function runs
 * in the page (page.evaluate), on the app's origin with the app not running.
 */

/** In a page of the app's origin where the app is not running: the database rewritten at Dexie's v11 (IndexedDB version 110), the same stores and records, with the records of `put` (store name → records) put over them. */
export async function rewriteAsV11(put: Record<string, unknown[]>): Promise<void> {
  const req = <T,>(r: IDBRequest<T>) => new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const db = await req(indexedDB.open('disclosure-workbench'));
  const names = Array.from(db.objectStoreNames);
  const read = db.transaction(names);
  const stores = await Promise.all(names.map(async (name) => {
    const s = read.objectStore(name);
    const indexes = Array.from(s.indexNames, (i) => s.index(i));
    const [keys, values] = await Promise.all([req(s.getAllKeys()), req(s.getAll())]);
    return { name, keyPath: s.keyPath, autoIncrement: s.autoIncrement, indexes: indexes.map(({ name, keyPath, unique, multiEntry }) => ({ name, keyPath, unique, multiEntry })), keys, values };
  }));
  db.close();
  await req(indexedDB.deleteDatabase('disclosure-workbench'));
  const open = indexedDB.open('disclosure-workbench', 110);
  open.onupgradeneeded = () => {
    for (const s of stores) {
      const store = open.result.createObjectStore(s.name, { keyPath: s.keyPath, autoIncrement: s.autoIncrement });
      for (const { name, keyPath, ...options } of s.indexes) store.createIndex(name, keyPath, options);
    }
  };
  const v11 = await req(open);
  const write = v11.transaction(names, 'readwrite');
  for (const s of stores) s.values.forEach((v, i) => write.objectStore(s.name).put(v, s.keyPath === null ? s.keys[i] : undefined));
  for (const [name, records] of Object.entries(put)) for (const r of records) write.objectStore(name).put(r);
  await new Promise<void>((resolve, reject) => {
    write.oncomplete = () => resolve();
    write.onerror = () => reject(write.error);
  });
  v11.close();
}
