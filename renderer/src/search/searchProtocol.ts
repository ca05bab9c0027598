import type { SearchResult } from './searchCorpus';
import type { RangeFacets } from './searchFacets';
import type { SearchFilters } from './searchQuery';

export interface SearchRequest {
  id: number;
  type: 'search';
  datasetId: string;
  query: string;
  filters: SearchFilters;
  offset: number;
  limit: number;
}

/**
 * Start loading a dataset's search text now (the view opened), so the first query finds it loaded;
 * answered with 'load' messages until the text and the filter columns are all in.
 */
export interface WarmRequest {
  id: number;
  type: 'warm';
  datasetId: string;
}

/** Counts over a time range for the Overview panels (languages, hashtags, retweets). */
export interface FacetsRequest {
  id: number;
  type: 'facets';
  datasetId: string;
  fromMinute?: number;
  toMinute?: number;
}

/** Every match of a search as CSV (searchCsv.ts), in the search's order, sent in chunks; 'cancel-export' with its id stops it. */
export interface ExportRequest {
  id: number;
  type: 'export';
  datasetId: string;
  query: string;
  filters: SearchFilters;
}

export interface CancelExportRequest {
  id: number;
  type: 'cancel-export';
}

export type SearchMessage = SearchRequest | WarmRequest | FacetsRequest | ExportRequest | CancelExportRequest;

/**
 * Answers to one search, in order: any number of 'progress', at most one 'page' (the requested page,
 * sent as soon as it is complete while the count goes on; `result.count` is then the count so far),
 * then 'result' (final count) or 'error' / 'cancelled' (a newer search replaced this one).
 */
export type SearchResponse =
  | { id: number; type: 'result'; result: SearchResult; terms: string[]; searchMs: number; loadMs: number; tweets: number }
  | { id: number; type: 'page'; result: SearchResult; terms: string[] }
  | { id: number; type: 'progress'; counted: number; scannedBlocks: number; loadedBlocks: number; blocks: number; tweets: number }
  | { id: number; type: 'cancelled' }
  | { id: number; type: 'load'; state: LoadState }
  | { id: number; type: 'facets'; facets: RangeFacets }
  /** Export: the CSV so far in order (the first chunk starts with the header), rows written of total; then 'exported', 'cancelled' or 'error'. */
  | { id: number; type: 'export-chunk'; csv: string; rows: number; total: number }
  | { id: number; type: 'exported'; rows: number; files: { sha256: string; tweets: number }[] }
  | { id: number; type: 'error'; message: string };

/** How far the worker's copy of a dataset has loaded (text first, then the filter columns). */
export interface LoadState {
  blocks: number;
  textBlocks: number;
  filterBlocks: number;
  tweets: number;
  /** Set once that part is complete. */
  textMs?: number;
  filtersMs?: number;
}
