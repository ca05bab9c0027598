import { afterEach, describe, expect, it, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { scriptArgs, type ScriptArgSpec } from '../../bench/scriptArgs';
import { repoRoot } from '../../fixtures/paths';

const USAGE = 'usage: npm run bench:x -- --json [ROWS] [--tweets N] [--kind a|b]';
const SPEC: ScriptArgSpec = { options: ['--tweets', '--kind'], flags: ['--json'], operands: ['ROWS'] };

/** scriptArgs on `argv`, then `read` of its result: what it printed and the exit code it asked for (null: none). */
function run(argv: string[], read: (a: ReturnType<typeof scriptArgs>) => unknown = () => undefined, spec = SPEC) {
  const out = { stdout: '', stderr: '', code: null as number | null, value: undefined as unknown };
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out.stdout += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((out.stderr += String(s)), true));
  vi.spyOn(process, 'exit').mockImplementation((code) => {
    out.code = Number(code);
    throw new Error('exit');
  });
  try {
    out.value = read(scriptArgs(USAGE, spec, argv));
  } catch (e) {
    if ((e as Error).message !== 'exit') throw e;
  } finally {
    vi.restoreAllMocks();
  }
  return out;
}

/** The one line a usage mistake prints: the mistake, then the usage that names the accepted options. */
const refused = (message: string) => ({ code: 2, stdout: '', stderr: `${message} (${USAGE})\n` });

describe('scriptArgs (the demo and benchmark scripts\' argument reader)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads options, flags and named operands', () => {
    const r = run(['--json', '500', '--tweets', '20', '--kind', 'b'], (a) => [a.flags.has('--json'), a.count('ROWS', 1), a.count('--tweets', 7), a.choice('--kind', ['a', 'b'], 'a'), a.files]);
    expect(r).toMatchObject({ code: null, stderr: '', value: [true, 500, 20, 'b', ['500']] });
    expect(run([], (a) => [a.count('ROWS', 9), a.count('--tweets', undefined), a.choice('--kind', ['a', 'b'], 'a')]).value).toEqual([9, undefined, 'a']);
  });

  it('refuses an unknown or misspelt option, naming it and the accepted ones on one line', () => {
    expect(run(['--tweet', '1000'])).toMatchObject(refused('unknown option --tweet'));
    expect(run(['--json', '-x'])).toMatchObject(refused('unknown option -x'));
  });

  it('refuses a missing value and an option given twice', () => {
    expect(run(['--tweets'])).toMatchObject(refused('--tweets needs a value'));
    expect(run(['--tweets', '--json'])).toMatchObject(refused('--tweets needs a value'));
    expect(run(['--tweets', '1', '--tweets', '2'])).toMatchObject(refused('--tweets is given twice'));
  });

  it('refuses a count that is not a positive whole number, option or operand', () => {
    const tweets = (v: string) => run(['--tweets', v], (a) => a.count('--tweets', 1));
    for (const v of ['abc', '0', '-5', '2.5', '', 'Infinity', '1e999']) expect(tweets(v)).toMatchObject(refused(`--tweets must be an integer of at least 1, got '${v}'`));
    for (const v of ['1e3', '0x10']) expect(tweets(v)).toMatchObject(refused(`--tweets must be written in digits, got '${v}'`));
    expect(run(['x1'], (a) => a.count('ROWS', 1))).toMatchObject(refused("ROWS must be an integer of at least 1, got 'x1'"));
    expect(run(['--tweets', '0'], (a) => a.count('--tweets', 1, { min: 0 })).value).toBe(0);
    expect(run(['--tweets', '70000'], (a) => a.count('--tweets', 1, { max: 65535 }))).toMatchObject(refused("--tweets must be an integer of at least 1 and at most 65535, got '70000'"));
  });

  it('--seed: 0 to 4294967295, as the CLI takes it (a larger one wrapped round to another seed)', () => {
    const spec = { options: ['--seed'] };
    const seedUsage = 'usage: x [--seed S]';
    const seed = (v: string) => {
      const r = { code: null as number | null, stderr: '', value: undefined as unknown };
      vi.spyOn(process.stderr, 'write').mockImplementation((t) => ((r.stderr += String(t)), true));
      vi.spyOn(process, 'exit').mockImplementation((code) => {
        r.code = Number(code);
        throw new Error('exit');
      });
      try {
        r.value = scriptArgs(seedUsage, spec, ['--seed', v]).seed(11);
      } catch (e) {
        if ((e as Error).message !== 'exit') throw e;
      } finally {
        vi.restoreAllMocks();
      }
      return r;
    };
    expect(seed('0').value).toBe(0);
    expect(seed('4294967295').value).toBe(4294967295);
    expect(seed('4294967296')).toMatchObject({ code: 2, stderr: `--seed must be an integer of at least 0 and at most 4294967295, got '4294967296' (${seedUsage})\n` });
    expect(scriptArgs(seedUsage, spec, []).seed(11)).toBe(11);
  });

  it('a folder option is made before any work; one that cannot be (a file there) is a usage mistake', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dw-scriptargs-'));
    const file = path.join(dir, 'a-file');
    writeFileSync(file, '');
    const usage = 'usage: x --out DIR';
    const exit = vi.spyOn(process, 'exit').mockImplementation((code) => {
      throw new Error(`exit ${String(code)}`);
    });
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(scriptArgs(usage, { options: ['--out'] }, ['--out', path.join(dir, 'new', 'deeper')]).folder('--out')).toBe(path.join(dir, 'new', 'deeper'));
      expect(statSync(path.join(dir, 'new', 'deeper')).isDirectory()).toBe(true);
      expect(scriptArgs(usage, { options: ['--out'] }, []).folder('--out')).toBeUndefined();
      expect(() => scriptArgs(usage, { options: ['--out'] }, ['--out', file]).folder('--out')).toThrow('exit 2');
      expect(String(stderr.mock.calls[0]![0])).toMatch(/^--out .*a-file: EEXIST: file already exists, mkdir .* \(usage: x --out DIR\)\n$/);
    } finally {
      exit.mockRestore();
      stderr.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a value outside a fixed set, and a positional argument nobody named', () => {
    expect(run(['--kind', 'c'], (a) => a.choice('--kind', ['a', 'b'], 'a'))).toMatchObject(refused("--kind must be a or b, got 'c'"));
    expect(run(['1', '2'])).toMatchObject(refused("unexpected argument '2'"));
    expect(run(['1'], () => undefined, { options: ['--tweets', '--kind'] })).toMatchObject(refused("unexpected argument '1'"));
    expect(run(['a', 'b', 'c'], (a) => a.files, { options: [], operands: ['FILE...'] }).value).toEqual(['a', 'b', 'c']);
  });

  it('--help (-h) prints the usage on standard output and exits 0', () => {
    expect(run(['--help'])).toEqual({ code: 0, stdout: `${USAGE}\n`, stderr: '', value: undefined });
    expect(run(['--json', '500', '-h'])).toMatchObject({ code: 0, stdout: `${USAGE}\n`, stderr: '' });
  });

  it('throws (a bug, not a usage mistake) when the usage does not name an accepted option', () => {
    expect(() => run([], () => undefined, { options: ['--tweets', '--cited'] })).toThrow('the usage does not name --cited');
  });
});

describe('the demo and benchmark scripts refuse bad arguments before any work', () => {
  const script = (npmScript: string, file: string, ...args: string[]) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', file, ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
    return { npmScript, status: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('a misspelt flag: exit 2, one line naming it and the usage, nothing on standard output', () => {
    for (const [npmScript, file] of [['bench:export', 'test/bench/case-export.ts'], ['bench:graph', 'test/bench/graphRender.ts'], ['demo:archive', 'test/fixtures/generate-demo-archive.ts']]) {
      expect(script(npmScript!, file!, '--tweet', '1000')).toEqual({ npmScript, status: 2, stdout: '', stderr: expect.stringMatching(new RegExp(`^unknown option --tweet \\(usage: npm run ${npmScript} -- [^\\n]*--tweets N[^\\n]*\\)\\n$`)) });
    }
  });

  it('a bad number or a stray argument: exit 2; --help: the usage, exit 0', () => {
    expect(script('bench:csv', 'test/bench/csv-parse.ts', '1000', 'asci')).toMatchObject({ status: 2, stdout: '', stderr: "TEXT must be cjk or ascii, got 'asci' (usage: npm run bench:csv -- [ROWS] [cjk|ascii])\n" });
    expect(script('bench:bundle', 'test/bench/bundle-export.ts', '1.5')).toMatchObject({ status: 2, stdout: '', stderr: "BYTES must be an integer of at least 1, got '1.5' (usage: npm run bench:bundle -- [BYTES])\n" });
    expect(script('bench:bundle', 'test/bench/bundle-export.ts', '--help')).toMatchObject({ status: 0, stdout: 'usage: npm run bench:bundle -- [BYTES]\n', stderr: '' });
  });
});
