import { mkdirSync } from 'node:fs';
import { numberOpt, parseCliArgs, SEED_RANGE, UsageError } from '../../main/cli/cliArgs';

export interface ScriptArgSpec {
  /** `--name value` options. */
  options: readonly string[];
  /** Bare `--flag`s. */
  flags?: readonly string[];
  /**
   * The positional arguments, in order (`ROWS`, `TEXT`), read by name with text/count/choice; a last
   * name ending in `...` (`FILE...`) takes all the rest. Without it, any positional argument is refused.
   */
  operands?: readonly string[];
}

/**
 * The argv of a demo or benchmark script, read as the CLI reads its own (parseCliArgs), before the
 * script does any work: an unknown or misspelt option, a missing value, a bad number or an
 * unexpected argument prints ONE line on standard error (what is wrong, then the usage, which names
 * every accepted option) and exits 2; --help prints the usage on standard output and exits 0; no
 * stack trace for a usage mistake.
 */
export function scriptArgs(usage: string, spec: ScriptArgSpec, argv = process.argv.slice(2)) {
  // The usage is the list of accepted options the error line shows: it must name every one.
  for (const name of [...spec.options, ...(spec.flags ?? [])]) {
    if (!new RegExp(`(^|[\\s[|])${name}($|[\\s\\]|])`).test(usage)) throw new Error(`scriptArgs: the usage does not name ${name}: ${usage}`);
  }
  const fail = (e: unknown): never => {
    if (!(e instanceof UsageError)) throw e;
    if (e.message) process.stderr.write(`${e.message} (${usage})\n`);
    else process.stdout.write(`${usage}\n`);
    process.exit(e.message ? 2 : 0);
  };
  const operands = new Map<string, string>();
  let parsed: ReturnType<typeof parseCliArgs>;
  try {
    parsed = parseCliArgs(argv, { options: spec.options, flags: spec.flags ?? [] });
    const names = spec.operands ?? [];
    const rest = names.at(-1)?.endsWith('...') ? Infinity : names.length;
    if (parsed.files.length > rest) throw new UsageError(`unexpected argument '${parsed.files[rest]}'`);
    parsed.files.forEach((v, i) => i < names.length && operands.set(names[i]!, v));
  } catch (e) {
    return fail(e);
  }
  const { files, flags } = parsed;
  const values = new Map([...parsed.opts, ...operands]);
  const value = (name: string): string | undefined => values.get(name);
  return {
    /** The positional arguments. */
    files,
    flags,
    /** An option's or operand's value, as given. */
    text: value,
    /** A whole-number option or operand in `range` (at least 1 unless said), or `dflt` when absent. */
    count: <D extends number | undefined>(name: string, dflt: D, range: { min?: number; max?: number } = {}): number | D => {
      try {
        return numberOpt(values, name, { min: range.min ?? 1, max: range.max, integer: true }) ?? dflt;
      } catch (e) {
        return fail(e);
      }
    },
    /** `--seed`: a whole number the generators take as it is (0 to 4294967295, as the CLI's), or `dflt` when absent. */
    seed: (dflt: number): number => {
      try {
        return numberOpt(values, '--seed', SEED_RANGE) ?? dflt;
      } catch (e) {
        return fail(e);
      }
    },
    /** An option or operand that is one of `allowed`, or `dflt` when absent. */
    choice: <T extends string>(name: string, allowed: readonly T[], dflt: T): T => {
      const v = value(name) ?? dflt;
      return (allowed as readonly string[]).includes(v) ? (v as T) : fail(new UsageError(`${name} must be ${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}, got '${v}'`));
    },
    /** A folder option (`--out DIR`), made now if missing, before any work: one that cannot be (a file, no permission) is a usage mistake. */
    folder: (name: string): string | undefined => {
      const dir = value(name);
      if (dir === undefined) return undefined;
      try {
        mkdirSync(dir, { recursive: true });
      } catch (e) {
        return fail(new UsageError(`${name} ${dir}: ${(e as Error).message}`));
      }
      return dir;
    },
    /** Exit 2 with `message` and the usage. */
    usageError: (message: string): never => fail(new UsageError(message)),
  };
}
