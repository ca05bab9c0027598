import type { ReactNode } from 'react';
import { hrefFor } from '../../app/routes';
import { HASHED_MENTION } from './mentionFindings';

/**
 * A tweet's text exactly as archived (dir="auto", white space kept), with optional highlight ranges,
 * and hashed `@mentions` linked to that account's page when the dataset holds it.
 */
export function TweetText({ text, highlights = [], knownAccount }: { text: string; highlights?: [number, number][]; knownAccount?: (id: string) => boolean }) {
  const links: [number, number, string][] = [];
  if (knownAccount) {
    for (const m of text.matchAll(HASHED_MENTION)) if (knownAccount(m[1]!)) links.push([m.index!, m.index! + m[0].length, m[1]!]);
  }
  // Cut points from both, so a highlight inside a link still shows.
  const cuts = new Set<number>([0, text.length]);
  for (const [a, b] of highlights) cuts.add(a).add(b);
  for (const [a, b] of links) cuts.add(a).add(b);
  const points = [...cuts].sort((a, b) => a - b);
  const parts: ReactNode[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i]!, points[i + 1]!];
    const piece = text.slice(a, b);
    const marked = highlights.some(([x, y]) => a >= x && b <= y);
    const link = links.find(([x, y]) => a >= x && b <= y);
    let node: ReactNode = marked ? <mark>{piece}</mark> : piece;
    if (link) node = <a href={hrefFor('explore', 'account', link[2])}>{node}</a>;
    parts.push(<span key={a}>{node}</span>);
  }
  return <p dir="auto" className="tweet-text">{parts}</p>;
}
