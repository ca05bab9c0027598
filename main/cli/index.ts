/**
 * `npm run cli -- <command> [args]`. Each command is a module `./<command>.ts` exporting
 * `run(argv: string[]): Promise<number>` (the exit code), loaded on demand; a new command is one
 * such module and one line in COMMANDS below.
 */
import { ArchiveFormatError } from '../../shared/archive/detectFormat';
import { UnreadablePathError } from './cliArgs';
import { terminalText } from './terminalText';

const COMMANDS: Record<string, string> = {
  inspect: 'print import receipts and quarantined rows for archive files',
  graph: 'build a network from archive files',
  coord: 'detect coordinated accounts',
  verify: 'verify a signed evidence bundle',
};

function usage(): string {
  return ['usage: npm run -s cli -- <command> [args]', '', ...Object.entries(COMMANDS).map(([c, d]) => `  ${c.padEnd(8)} ${d}`)].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h') {
    // Asked for: standard output, exit 0; a missing command is a usage error: standard error, exit 2.
    (command ? process.stdout : process.stderr).write(usage() + '\n');
    return command ? 0 : 2;
  }
  if (!Object.hasOwn(COMMANDS, command)) {
    process.stderr.write(`unknown command '${command}'\n${usage()}\n`);
    return 2;
  }
  let mod: { run?: (argv: string[]) => Promise<number> };
  try {
    mod = await import(`./${command}.ts`);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' && String((e as Error).message).includes(`${command}.ts`)) {
      process.stderr.write(`command '${command}' is not available in this build\n`);
      return 2;
    }
    throw e;
  }
  if (typeof mod.run !== 'function') {
    process.stderr.write(`command '${command}' has no run() export\n`);
    return 2;
  }
  return mod.run(rest);
}

/** Failures the user can act on (a refused archive, a missing file or folder): the message says it all, no stack. */
function expected(e: unknown): boolean {
  return e instanceof ArchiveFormatError || e instanceof UnreadablePathError || (e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string' && 'syscall' in e);
}

// A reader that stops early (`| head`) is not an error of the command.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(process.exitCode ?? 0);
});

const argv = process.argv.slice(2);
main(argv).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(terminalText(`${expected(e) ? `error: ${(e as Error).message}` : ((e as Error).stack ?? e)}`) + '\n');
    // With --json, a script reading standard output gets a verdict too, not an empty stream (as inspect and verify give).
    if (argv.includes('--json')) process.stdout.write(JSON.stringify({ ok: false, error: (e as Error).message ?? String(e) }, null, 2) + '\n');
    process.exitCode = 1;
  },
);
