import type { EdgeColumns, ImportAggregates, ImportEdges } from '../schema';
import { EDGE_KINDS } from './edgeColumns';
import type { ScreenNames } from '../../../../shared/domain/screenNames';

/**
 * The import counts a retweet without `retweet_userid`, and an @name in a text without
 * `user_mentions`, under '@name' (it does not know every account yet). Read back with the dataset's
 * accounts, a '@name' that names an archived account (ScreenNames.attribute: exact case first, as the
 * Network view credits them) is that account: its mention and retweet counts and its edges move onto
 * the account's id, so one account is not listed twice. Done on account indexes, not strings: a 1 M-tweet
 * dataset has ~1 M edges, read on the UI thread each time Explore opens it.
 */
export function resolveScreenNames(ag: ImportAggregates, names: Pick<ScreenNames, 'attribute'>): ImportAggregates {
  const accounts = ag.edges.accounts;
  const to = Int32Array.from(accounts, (_, i) => i);
  const out = accounts.slice();
  let index: Map<string, number> | null = null;
  const resolved = new Map<string, string>();
  accounts.forEach((a, i) => {
    if (a.charCodeAt(0) !== 0x40) return; // '@'
    const id = names.attribute(a.slice(1));
    if (id === undefined) return;
    index ??= new Map(accounts.map((x, k) => [x, k]));
    let j = index.get(id);
    if (j === undefined) index.set(id, (j = out.push(id) - 1));
    to[i] = j;
    resolved.set(a, id);
  });
  if (!resolved.size) return ag;
  const edges = { accounts: out } as ImportEdges;
  for (const kind of EDGE_KINDS) edges[kind] = remapPairs(ag.edges[kind], to, out.length);
  const moved = (counts: Record<string, number>): Record<string, number> => {
    const r: Record<string, number> = {};
    for (const k in counts) {
      const id = resolved.get(k) ?? k;
      r[id] = (r[id] ?? 0) + counts[k]!;
    }
    return r;
  };
  const mentioned = moved(ag.mentioned);
  edges.mention = withoutSelfMentions(edges.mention, out, mentioned);
  return { ...ag, mentioned, retweeted: moved(ag.retweeted), edges };
}

/**
 * A text '@name' that turned out to name its author (another spelling of its own name that no
 * account has exactly: @newsagency by NewsAgency, with no newsagency) is no mention, as the import
 * drops the author's own spelling and the Mention network drops both: its pair goes, and its tweets
 * leave the author's mentioned count. Only a resolved '@name' makes such a pair: the import drops an
 * id mentioning its author.
 */
function withoutSelfMentions(c: EdgeColumns, accounts: readonly string[], mentioned: Record<string, number>): EdgeColumns {
  if (!c.source.some((s, i) => s === c.target[i])) return c;
  const keep: number[] = [];
  for (let i = 0; i < c.weight.length; i++) {
    if (c.source[i] !== c.target[i]) {
      keep.push(i);
      continue;
    }
    const author = accounts[c.source[i]!]!;
    mentioned[author]! -= c.weight[i]!;
    if (!mentioned[author]) delete mentioned[author];
  }
  return { source: Int32Array.from(keep, (i) => c.source[i]!), target: Int32Array.from(keep, (i) => c.target[i]!), weight: Int32Array.from(keep, (i) => c.weight[i]!) };
}

/** Edge columns with account indexes mapped through `to`; pairs that become equal are summed. */
function remapPairs(c: EdgeColumns, to: Int32Array, n: number): EdgeColumns {
  const len = c.weight.length;
  const source = new Int32Array(len);
  const target = new Int32Array(len);
  const weight = Int32Array.from(c.weight);
  const moved = new Uint8Array(len);
  for (let i = 0; i < len; i++) {
    source[i] = to[c.source[i]!]!;
    target[i] = to[c.target[i]!]!;
    if (source[i] !== c.source[i] || target[i] !== c.target[i]) moved[i] = 1;
  }
  // The pairs were distinct before: only a moved pair can now equal another one.
  const keep = new Uint8Array(len).fill(1);
  const movedAt = new Map<number, number>();
  for (let i = 0; i < len; i++) {
    if (!moved[i]) continue;
    const key = source[i]! * n + target[i]!;
    const j = movedAt.get(key);
    if (j === undefined) movedAt.set(key, i);
    else {
      weight[j]! += weight[i]!;
      keep[i] = 0;
    }
  }
  if (movedAt.size) {
    for (let i = 0; i < len; i++) {
      if (moved[i]) continue;
      const j = movedAt.get(source[i]! * n + target[i]!);
      if (j === undefined) continue;
      weight[i]! += weight[j]!;
      keep[j] = 0;
    }
  }
  let k = 0;
  for (let i = 0; i < len; i++) {
    if (!keep[i]) continue;
    source[k] = source[i]!;
    target[k] = target[i]!;
    weight[k++] = weight[i]!;
  }
  return { source: source.slice(0, k), target: target.slice(0, k), weight: weight.slice(0, k) };
}
