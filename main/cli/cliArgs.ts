import { inRange, type NumberRange } from '../../shared/domain/numberRange';
import { resolveAccounts } from '../../shared/graph/resolveAccounts';
import { ambiguousNameMessage } from '../../shared/domain/screenNames';
import type { TweetFilter } from '../../shared/graph/tweetFilter';

/** Bad usage: the command prints the message and its usage and exits 2. */
export class UsageError extends Error {}
/** A path the CLI cannot read as an archive (a folder, a missing or unreadable file): the message names it and says what to give. */
export class UnreadablePathError extends Error {}
/** --help / -h: the command prints its usage on standard output and exits 0. */
class HelpRequested extends UsageError {}

export interface ParsedArgs {
  files: string[];
  opts: Map<string, string>;
  flags: Set<string>;
}

/**
 * The argv reader of the commands: `--name value` options and bare `--flag`s, both from a fixed list
 * (a misspelt option is an error, never silently ignored); the rest are files. --help asks for the usage.
 */
export function parseCliArgs(argv: string[], spec: { options: readonly string[]; flags: readonly string[] }): ParsedArgs {
  const files: string[] = [];
  const opts = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') throw new HelpRequested();
    if (spec.flags.includes(a)) flags.add(a);
    else if (spec.options.includes(a)) {
      const v = argv[i + 1];
      if (v === undefined || (v.startsWith('--') && !/^--?\d/.test(v))) throw new UsageError(`${a} needs a value`);
      if (opts.has(a)) throw new UsageError(`${a} is given twice`);
      opts.set(a, v);
      i++;
    } else if (a === '-') throw new UsageError('reading standard input is not supported: give the file path');
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else files.push(a);
  }
  return { files, opts, flags };
}

/** A number option, checked against its range: `--window -5` is a usage error, not a result. */
export function numberOpt(opts: Map<string, string>, name: string, range: NumberRange): number | undefined {
  const v = opts.get(name);
  if (v === undefined) return undefined;
  const n = v.trim() === '' ? NaN : Number(v);
  const kind = range.integer ? 'an integer' : 'a number';
  const bounds = `${range.above ? 'above' : 'of at least'} ${range.min}${range.max === undefined ? '' : ` and at most ${range.max}`}`;
  if (!inRange(n, range)) throw new UsageError(`${name} must be ${kind} ${bounds}, got '${v}'`);
  // Digits only: Number() reads 1e3 and 0x10 as whole numbers too, which a receipt would then record as given.
  if (range.integer && !/^\s*-?\d+\s*$/.test(v)) throw new UsageError(`${name} must be written in digits, got '${v}'`);
  return n;
}

const dayOrMinute = (name: string, s: string): number => {
  const iso = s.length === 10 ? s + 'T00:00:00Z' : s.replace(' ', 'T') + ':00Z';
  const ms = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$/.test(s) ? Date.parse(iso) : NaN;
  // Date.parse rolls an impossible day over (2019-02-30 -> 2019-03-02): only a date that reads back the same is one.
  if (!Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 16) !== iso.slice(0, 16)) throw new UsageError(`${name}: '${s}' is not a date of the calendar`);
  if (Number.isNaN(ms)) throw new UsageError(`${name} must be a UTC date 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM', got '${s}'`);
  return Math.floor(ms / 60_000);
};

/**
 * --from / --to (UTC 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM'), --lang, --users a,b,c. A --to day is
 * included, as the Network view's "To day (inclusive)": the same dates select the same tweets in
 * both; a --to minute is where the range ends (that minute not included).
 */
export function filterFromOpts(opts: Map<string, string>): TweetFilter | undefined {
  const f: TweetFilter = {};
  if (opts.has('--from')) f.fromMinute = dayOrMinute('--from', opts.get('--from')!);
  if (opts.has('--to')) {
    const to = opts.get('--to')!;
    f.toMinute = dayOrMinute('--to', to) + (to.length === 10 ? 1440 : 0);
  }
  if (f.fromMinute !== undefined && f.toMinute !== undefined && f.toMinute <= f.fromMinute) throw new UsageError('--to must be after --from');
  // An empty value would select nothing and read as a finding (no coordination, an empty network): refused.
  if (opts.has('--lang')) {
    f.language = opts.get('--lang')!.trim();
    if (!f.language) throw new UsageError("--lang needs a language code as the archive writes it (for example 'zh' or 'und'), got an empty value");
  }
  if (opts.has('--users')) {
    f.userids = new Set(opts.get('--users')!.split(',').map((u) => u.trim()).filter(Boolean));
    if (!f.userids.size) throw new UsageError(`--users names no account (got '${opts.get('--users')}'): give user ids, or screen names after @, separated by commas`);
  }
  return Object.keys(f).length ? f : undefined;
}

/**
 * The filter with --users resolved (user ids, or screen names after @, as the Network view takes
 * them); a name that is no account of the files stops the run, as there.
 */
export function resolveUsersOpt(filter: TweetFilter | undefined, loaded: { accounts: readonly { userid: string; userScreenName: string }[] }): TweetFilter | undefined {
  if (!filter?.userids) return filter;
  const { userids, unknown, ambiguous } = resolveAccounts(filter.userids, loaded.accounts);
  if (unknown.length) {
    throw new UsageError(`--users names ${unknown.length === 1 ? 'an account' : `${unknown.length} accounts`} not in these files: ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ', …' : ''} (give user ids, or screen names after @)`);
  }
  if (ambiguous.length) throw new UsageError(`--users: ${ambiguous.map((a) => ambiguousNameMessage(a.given, a.candidates)).join('; ')}`);
  return { ...filter, userids };
}

/** --seed: the generators take 32 bits, so a larger seed would run as another one while its receipt says it. */
export const SEED_RANGE = { min: 0, max: 0xffffffff, integer: true } as const;

/** The filter options both commands take. */
export const FILTER_OPTIONS = ['--from', '--to', '--lang', '--users'] as const;

/** Runs a command; a UsageError thrown in it prints its message and the usage, and exits 2. */
export async function withUsage(usage: string, command: () => Promise<number>): Promise<number> {
  try {
    return await command();
  } catch (e) {
    if (e instanceof HelpRequested) {
      process.stdout.write(`${usage}\n`);
      return 0;
    }
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`${e.message}\n${usage}\n`);
    return 2;
  }
}
