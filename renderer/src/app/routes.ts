import { useEffect, useState } from 'react';

/** Top-level views, addressed by the URL hash (#/datasets …) so back/forward and links work. */
export const VIEWS = [
  { id: 'datasets', label: 'Datasets', key: '1' },
  { id: 'explore', label: 'Explore', key: '2' },
  { id: 'network', label: 'Network', key: '3' },
  { id: 'cases', label: 'Cases', key: '4' },
] as const;
export type ViewId = (typeof VIEWS)[number]['id'];

export interface Route {
  view: ViewId;
  /** Path segments after the view, e.g. #/explore/account/<id> → ['account', '<id>']. */
  rest: string[];
}

/** A hash path segment decoded; a malformed one (a hand-edited or cut link) is kept as typed, so the view says what is missing. */
export function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeSegment);
  const view = VIEWS.find((v) => v.id === parts[0])?.id ?? 'datasets';
  return { view, rest: parts.slice(1) };
}

export function hrefFor(view: ViewId, ...rest: string[]): string {
  return '#/' + [view, ...rest].map(encodeURIComponent).join('/');
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
