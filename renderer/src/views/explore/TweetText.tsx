import type { ReactNode } from 'react';
import { hrefFor } from '../../app/routes';
import { HASHED_MENTION } from './mentionFindings';
import { isolatedTokens } from '../../../../shared/domain/textTokens';
import { languageTag } from '../../../../shared/domain/languageTag';
import { textDirection } from '../../../../shared/domain/textDirection';

/**
 * A tweet's text exactly as archived (in its direction: textDirection; white space kept), with optional highlight ranges,
 * hashed `@mentions` linked to that account's page when the dataset holds it, and each @mention,
 * #hashtag and URL isolated so a right-to-left text does not turn "@name" into "name@".
 */
export function TweetText({ text, lang = '', highlights = [], knownAccount }: { text: string; lang?: string; highlights?: [number, number][]; knownAccount?: (id: string) => boolean }) {
  const links: [number, number, string][] = [];
  if (knownAccount) {
    for (const m of text.matchAll(HASHED_MENTION)) if (knownAccount(m[1]!)) links.push([m.index!, m.index! + m[0].length, m[1]!]);
  }
  const tokens = isolatedTokens(text);
  // Cut points from all three, so a highlight inside a link or a token still shows.
  const cuts = new Set<number>([0, text.length]);
  for (const [a, b] of highlights) cuts.add(a).add(b);
  for (const [a, b] of links) cuts.add(a).add(b);
  for (const [a, b] of tokens) cuts.add(a).add(b);
  const points = [...cuts].sort((a, b) => a - b);
  const parts: ReactNode[] = [];
  // The pieces of the current @mention, #hashtag or URL: isolated together in one <bdi>.
  let token: { end: number; start: number; pieces: ReactNode[] } | null = null;
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i]!, points[i + 1]!];
    const piece = text.slice(a, b);
    const marked = highlights.some(([x, y]) => a >= x && b <= y);
    const link = links.find(([x, y]) => a >= x && b <= y);
    let node: ReactNode = marked ? <mark>{piece}</mark> : piece;
    if (link) node = <a href={hrefFor('explore', 'account', link[2])}>{node}</a>;
    if (!token) {
      const t = tokens.find(([x, y]) => a >= x && b <= y);
      if (t) token = { start: t[0], end: t[1], pieces: [] };
    }
    if (!token) {
      parts.push(<span key={a}>{node}</span>);
      continue;
    }
    token.pieces.push(<span key={a}>{node}</span>);
    if (b >= token.end) {
      parts.push(<bdi key={`t${token.start}`}>{token.pieces}</bdi>);
      token = null;
    }
  }
  return <p dir={textDirection(text)} lang={languageTag(lang)} className="tweet-text">{parts}</p>;
}
