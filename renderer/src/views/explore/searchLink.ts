import { hrefFor } from '../../app/routes';

/** The Search form fields a link can give (SearchView runs the search they make at once). */
export interface SearchLinkFields {
  account?: string;
  hashtag?: string;
  domain?: string;
  mentions?: string;
  retweets?: string;
  from?: string;
  to?: string;
}
const FIELDS = ['account', 'hashtag', 'domain', 'mentions', 'retweets', 'from', 'to'] as const;

/** A link to Search with these fields: #/explore/search/account/<userid>, …/hashtag/<tag>/from/<day>/to/<day>. */
export function searchLink(fields: SearchLinkFields): string {
  return hrefFor('explore', 'search', ...FIELDS.flatMap((k) => (fields[k] ? [k, fields[k]] : [])));
}

/** The fields of a search link's path (after 'search'); undefined when it gives none. Unknown names are ignored. */
export function searchLinkFields(path: string[]): SearchLinkFields | undefined {
  const out: SearchLinkFields = {};
  for (let i = 0; i + 1 < path.length; i += 2) {
    const k = path[i] as (typeof FIELDS)[number];
    if (FIELDS.includes(k)) out[k] = path[i + 1]!;
  }
  return Object.keys(out).length ? out : undefined;
}
