import { normalizeForSearch } from '../../../shared/domain/searchFold';

/** Rows a search box keeps: every word of the query (NFKC, lower case) occurs in the row's normalised text. */
export function searchRows<T extends { text: string }>(rows: readonly T[], query: string): T[] {
  const terms = normalizeForSearch(query).split(/\s+/).filter(Boolean);
  return rows.filter((r) => terms.every((t) => r.text.includes(t)));
}

/** The normalised text a row is searched by. */
export const searchText = (values: readonly string[]): string => normalizeForSearch(values.join('\n'));
