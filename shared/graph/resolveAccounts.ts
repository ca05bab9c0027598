/**
 * The accounts an analyst names to limit a network: user ids, or screen names after '@' (matched
 * without case, as Twitter's are). The Network view and the CLI both stop on a name that is no
 * account of the data: an empty network would read as a finding.
 */
export function resolveAccounts(given: Iterable<string>, accounts: Iterable<{ userid: string; userScreenName: string }>): { userids: Set<string>; unknown: string[] } {
  const ids = new Set<string>();
  const byName = new Map<string, string>();
  for (const a of accounts) {
    ids.add(a.userid);
    if (a.userScreenName) byName.set(a.userScreenName.toLowerCase(), a.userid);
  }
  const userids = new Set<string>();
  const unknown: string[] = [];
  for (const name of given) {
    const id = name.startsWith('@') ? byName.get(name.slice(1).toLowerCase()) : ids.has(name) ? name : undefined;
    if (id === undefined) unknown.push(name);
    else userids.add(id);
  }
  return { userids, unknown };
}
