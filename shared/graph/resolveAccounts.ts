import { ambiguousNameMessage, ScreenNames, type NamedAccount } from '../domain/screenNames';

/**
 * The accounts an analyst names to limit a network: user ids, or screen names after '@' (matched by
 * ScreenNames: exact case first, else the only match ignoring case). The Network view and the CLI
 * both stop on a name that is no account of the data, or that several accounts match: an empty or a
 * wrong network would read as a finding.
 */
export function resolveAccounts(given: Iterable<string>, accounts: Iterable<NamedAccount>): ResolvedAccounts {
  const list = [...accounts];
  const ids = new Set(list.map((a) => a.userid));
  return resolveAccountsWith(given, (id) => ids.has(id), new ScreenNames(list));
}

export interface ResolvedAccounts {
  userids: Set<string>;
  unknown: string[];
  ambiguous: { given: string; candidates: NamedAccount[] }[];
}

/** resolveAccounts with the dataset's ids and names at hand (a view keeps them). */
export function resolveAccountsWith(given: Iterable<string>, hasId: (userid: string) => boolean, names: ScreenNames): ResolvedAccounts {
  const userids = new Set<string>();
  const unknown: string[] = [];
  const ambiguous: { given: string; candidates: NamedAccount[] }[] = [];
  for (const name of given) {
    if (!name.startsWith('@')) {
      if (hasId(name)) userids.add(name);
      else unknown.push(name);
      continue;
    }
    const m = names.match(name.slice(1));
    if (m.kind === 'unknown') unknown.push(name);
    else if (m.kind === 'ambiguous') ambiguous.push({ given: name, candidates: m.candidates });
    else userids.add(m.userid);
  }
  return { userids, unknown, ambiguous };
}

/** The message that stops a filter naming unknown or ambiguous accounts; '' when every name resolved. */
export function unresolvedAccountsMessage(r: Pick<ResolvedAccounts, 'unknown' | 'ambiguous'>): string {
  const parts: string[] = [];
  const { unknown } = r;
  if (unknown.length) parts.push(`${unknown.map((u) => `“${u}”`).join(', ')} ${unknown.length === 1 ? 'is not an account' : 'are not accounts'} of this dataset (give user ids, or screen names after @)`);
  for (const a of r.ambiguous) parts.push(ambiguousNameMessage(a.given, a.candidates));
  return parts.join('; ');
}
