import type { SearchResult } from './searchCorpus';
import type { SearchFilters } from './searchQuery';

export interface SearchRequest {
  id: number;
  datasetId: string;
  query: string;
  filters: SearchFilters;
  offset: number;
  limit: number;
}

export type SearchResponse =
  | { id: number; type: 'result'; result: SearchResult; terms: string[]; searchMs: number; loadMs: number; tweets: number }
  | { id: number; type: 'loading'; blocks: number; tweets: number }
  | { id: number; type: 'error'; message: string };
