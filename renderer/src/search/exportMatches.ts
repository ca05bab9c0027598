import type { TweetColumns } from '../../../shared/domain/tweet';
import { yieldToEvents } from '../workers/yieldToEvents';
import type { DatasetCorpus } from './searchDatasetCorpus';
import type { ExportRequest, SearchResponse } from './searchProtocol';
import { parseQuery } from './searchQuery';
import { SEARCH_CSV_HEADER, searchCsvLine } from './searchCsv';
import { compileQuery, scanBlock } from './searchScan';
import { TimeOrderedMatches } from './timeOrderedMatches';

/** Chunks of about this many characters go to the page as they are written. */
const EXPORT_CHUNK = 1 << 20;
/** Lines held at once by an export in time order (~1 KB each in memory): a window of the order. */
const ORDERED_WINDOW = 100_000;

/** Thrown when `stopped` says the export was cancelled. */
export class ExportStopped extends Error {}

/**
 * Every match of a search as CSV (searchCsv.ts), in the search's order (file order, or by time with
 * ties in file order), sent in chunks with the rows written of the total, then 'exported' with the
 * source files of the rows. The matches are found first (the text and filter columns, cheap), so the
 * progress has a total; then each tweet block holding matches is read once (in time order, once per
 * window of ORDERED_WINDOW matches it has rows in). `stopped` is asked between blocks.
 */
export async function exportMatches(c: DatasetCorpus, r: ExportRequest, send: (m: SearchResponse) => void, stopped: () => boolean): Promise<void> {
  await c.ready;
  const stop = () => {
    if (stopped()) throw new ExportStopped('export cancelled');
  };
  const q = compileQuery(parseQuery(r.query), r.filters, c.dicts, await c.attribution(r.filters));
  const found: { k: number; rows: number[] }[] = [];
  const ordered = r.filters.order ? new TimeOrderedMatches() : null;
  let total = 0;
  for (let k = 0; k < c.blocks; k++) {
    if (k % 64 === 0) {
      await yieldToEvents(); // a cancel gets in
      stop();
    }
    const filters = q.needsFilters || ordered ? c.filters[k] ?? (await c.filtersAt(k)) : undefined;
    const rows: number[] = [];
    total += scanBlock(c.text[k] ?? (await c.textAt(k)), q.needsFilters ? filters : undefined, q, 0, Infinity, rows);
    if (rows.length) found.push({ k, rows });
    ordered?.add(k, rows, filters!.tweetTime);
  }
  let rows = 0;
  let csv = SEARCH_CSV_HEADER;
  /** The source files of the rows written, with how many each gave (the export's receipt names them). */
  const files = new Map<string, number>();
  const line = (cols: TweetColumns, i: number) => {
    files.set(cols.fileSha256[i]!, (files.get(cols.fileSha256[i]!) ?? 0) + 1);
    return searchCsvLine(cols, i);
  };
  const flush = (force = false) => {
    if (!force && csv.length < EXPORT_CHUNK) return;
    send({ id: r.id, type: 'export-chunk', csv, rows, total });
    csv = '';
  };
  if (ordered) {
    // The lines of a window of the time order wait in memory until its last block is read, then go
    // out in order: a block is read once per window it has matches in (once in all up to ORDERED_WINDOW
    // matches, and more often only in archives not written in time order).
    const order = ordered.page(r.filters.order!, 0, total);
    for (let from = 0; from < total; from += ORDERED_WINDOW) {
      const place = new Map<number, { i: number; at: number }[]>();
      const window = order.slice(from, from + ORDERED_WINDOW);
      window.forEach(({ k, i }, at) => {
        const list = place.get(k);
        if (list) list.push({ i, at });
        else place.set(k, [{ i, at }]);
      });
      const lines = new Array<string>(window.length);
      for (const [k, here] of place) {
        stop();
        const cols = await c.columnsAt(k);
        for (const { i, at } of here) lines[at] = line(cols, i);
        send({ id: r.id, type: 'export-chunk', csv: '', rows: (rows += here.length), total });
      }
      for (const l of lines) {
        csv += l;
        flush();
      }
    }
  } else {
    for (const { k, rows: matched } of found) {
      stop();
      const cols = await c.columnsAt(k);
      for (const i of matched) csv += line(cols, i);
      rows += matched.length;
      flush();
    }
  }
  flush(true);
  send({ id: r.id, type: 'exported', rows: total, files: [...files].map(([sha256, tweets]) => ({ sha256, tweets })) });
}
