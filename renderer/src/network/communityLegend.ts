import { communityColour } from './communityColours';

export interface CommunityLegend {
  title: string;
  rows: { colour: string; text: string }[];
  /** The longest line, in characters (for laying the legend out beside a figure). */
  longest: number;
}

/** Colours the legend lists, at most: the palette's, and grey. */
const MAX_ROWS = 17;

/**
 * The community colours of a figure's nodes, most accounts first: one row per colour (a colour the
 * palette reuses names each community drawn in it), grey for accounts in no community. Null when no
 * node is in a community. The SVG and PNG exports draw it beside the graph.
 */
export function communityLegend(communities: number[]): CommunityLegend | null {
  if (!communities.some((c) => c >= 0)) return null;
  const byColour = new Map<string, { communities: Set<number>; accounts: number }>();
  for (const c of communities) {
    const colour = communityColour(c);
    const row = byColour.get(colour) ?? { communities: new Set<number>(), accounts: 0 };
    row.communities.add(c);
    row.accounts++;
    byColour.set(colour, row);
  }
  const rows = [...byColour].sort((a, b) => b[1].accounts - a[1].accounts).slice(0, MAX_ROWS).map(([colour, r]) => {
    const ids = [...r.communities].sort((a, b) => a - b);
    const name = ids[0]! < 0 ? 'no community' : `${ids.length > 1 ? 'communities' : 'community'} ${ids.join(', ')}`;
    return { colour, text: `${name}: ${r.accounts.toLocaleString('en-US')} ${r.accounts === 1 ? 'account' : 'accounts'}` };
  });
  const title = 'Colour: community (Louvain)';
  return { title, rows, longest: Math.max(title.length, ...rows.map((r) => r.text.length)) };
}
