import { numberOpt, parseCliArgs, UsageError } from '../../main/cli/cliArgs';

/**
 * The argv of a demo or benchmark script, read as the CLI reads its own (parseCliArgs): a misspelt
 * option or a bad number prints its message and the usage and exits 2, --help prints the usage and
 * exits 0; no stack trace for a usage mistake.
 */
export function scriptArgs(usage: string, spec: { options: readonly string[]; flags?: readonly string[] }, argv = process.argv.slice(2)) {
  const fail = (e: unknown): never => {
    if (!(e instanceof UsageError)) throw e;
    if (e.message) process.stderr.write(`${e.message}\n${usage}\n`);
    else process.stdout.write(`${usage}\n`);
    process.exit(e.message ? 2 : 0);
  };
  let parsed: ReturnType<typeof parseCliArgs>;
  try {
    parsed = parseCliArgs(argv, { options: spec.options, flags: spec.flags ?? [] });
  } catch (e) {
    return fail(e);
  }
  const { files, opts, flags } = parsed;
  return {
    files,
    flags,
    text: (name: string): string | undefined => opts.get(name),
    /** A positive integer option (or `dflt`). */
    count: (name: string, dflt: number): number => {
      try {
        return numberOpt(opts, name, { min: 1, integer: true }) ?? dflt;
      } catch (e) {
        return fail(e);
      }
    },
    /** Exit 2 with `message` and the usage. */
    usageError: (message: string): never => fail(new UsageError(message)),
  };
}
