import { compareIds } from './ids';

/** An account as the name lookup needs it. */
export interface NamedAccount {
  userid: string;
  userScreenName: string;
}

/** What a screen name (without '@') names in a dataset. */
export type NameMatch =
  | { kind: 'exact' | 'caseless'; userid: string }
  /** Several accounts match ignoring case and none exactly (or several exactly): their ids, in id order. */
  | { kind: 'ambiguous'; candidates: NamedAccount[] }
  | { kind: 'unknown' };

/** The key two names share when they differ only in case (Twitter compares screen names without case). */
export const caselessName = (name: string): string => name.toLowerCase();

/**
 * The one rule every view, the CLI, the networks and the import's aggregates use to turn a screen
 * name into an account: an account with exactly that name wins; else the only account whose name
 * matches ignoring case; several accounts matching ignoring case and none exactly (`newsagency` and
 * `NewsAgency`, asked `NEWSAGENCY`) is ambiguous. A filter or a search says so with the candidates
 * (match); a count that must credit someone (a text @name, a retweet known only by name) credits the
 * candidate with the lowest id (attribute), the same in every view.
 */
export class ScreenNames {
  private readonly exact = new Map<string, NamedAccount[]>();
  private readonly caseless = new Map<string, NamedAccount[]>();

  constructor(accounts: Iterable<NamedAccount>) {
    const seen = new Set<string>();
    for (const a of accounts) {
      if (!a.userScreenName || seen.has(a.userid)) continue;
      seen.add(a.userid);
      const account = { userid: a.userid, userScreenName: a.userScreenName };
      push(this.exact, a.userScreenName, account);
      push(this.caseless, caselessName(a.userScreenName), account);
    }
    for (const list of this.caseless.values()) if (list.length > 1) list.sort((x, y) => compareIds(x.userid, y.userid));
    for (const list of this.exact.values()) if (list.length > 1) list.sort((x, y) => compareIds(x.userid, y.userid));
  }

  match(name: string): NameMatch {
    const exact = this.exact.get(name);
    if (exact?.length === 1) return { kind: 'exact', userid: exact[0]!.userid };
    if (exact) return { kind: 'ambiguous', candidates: exact };
    const caseless = this.caseless.get(caselessName(name));
    if (!caseless) return { kind: 'unknown' };
    if (caseless.length === 1) return { kind: 'caseless', userid: caseless[0]!.userid };
    return { kind: 'ambiguous', candidates: caseless };
  }

  /** The account a mention or a retweet by name is credited to: match's, or of an ambiguous name the candidate with the lowest id. */
  attribute(name: string): string | undefined {
    const m = this.match(name);
    return m.kind === 'unknown' ? undefined : m.kind === 'ambiguous' ? m.candidates[0]!.userid : m.userid;
  }
}

function push(m: Map<string, NamedAccount[]>, key: string, a: NamedAccount): void {
  const list = m.get(key);
  if (list) list.push(a);
  else m.set(key, [a]);
}

/** “@NEWSAGENCY” matches several accounts …: the message a filter or a search shows for an ambiguous name (several spellings, or one several accounts share). */
export function ambiguousNameMessage(given: string, candidates: readonly NamedAccount[]): string {
  const listed = candidates.map((c) => `@${c.userScreenName} (${c.userid})`).join(', ');
  // Accounts that hold the very same name (a handle taken again after its first holder left): no
  // spelling tells them apart, only the id.
  const shared = candidates[0]?.userScreenName;
  if (candidates.every((c) => c.userScreenName === shared)) return `“${given}” matches ${candidates.length} accounts that share the screen name @${shared}: ${listed}; give the id`;
  return `“${given}” matches ${candidates.length} accounts ignoring case and none exactly: ${listed}; give the exact name or the id`;
}

/** The rule ScreenNames.attribute applies, as a network's receipt states it (mention and retweet networks). */
export const NAME_ATTRIBUTION_RULE =
  'a text @name, or a retweet known only by name, is credited to the account with exactly that screen name, else to the only account whose name matches ignoring case, else (several match ignoring case, none exactly) to the one with the lowest id; in one tweet, the author\'s own spelling of its name is skipped, other names differing only in case are one mention (the first spelling\'s), and a name credited to its author (another spelling of its name that no account has exactly) is none';
