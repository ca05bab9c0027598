import { describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createDemoArchive, DEMO_TWEETS_FILE, DEMO_USERS_FILE } from '../../../shared/archive/demo/demoArchive';
import { run as runGraph } from '../../../main/cli/graph';
import { run as runCoord } from '../../../main/cli/coord';
import { filterFromOpts } from '../../../main/cli/cliArgs';
import { writeOutputs } from '../../../main/cli/writeOutputs';
import { splitFields } from '../../../shared/archive/csvRecords';
import { realFixture, repoRoot } from '../../fixtures/paths';
import { tweetHeader, tweetRow } from '../archive/synthetic';

async function writeDemo(dir: string) {
  const a = createDemoArchive({ seed: 21, tweets: 8000 });
  const write = async (file: string, chunks: AsyncGenerator<string>) => {
    let s = '';
    for await (const c of chunks) s += c;
    fs.writeFileSync(path.join(dir, file), s);
  };
  await write(DEMO_USERS_FILE, a.usersCsv());
  await write(DEMO_TWEETS_FILE, a.tweetsCsv());
  return a.groundTruth;
}

async function captureStdout(fn: () => Promise<number>): Promise<{ code: number; out: string }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return { code: await fn(), out };
  } finally {
    spy.mockRestore();
    err.mockRestore();
  }
}

/** A command's exit code and all it wrote to standard error (standard output is not shown). */
async function codeAndStderr(run: (argv: string[]) => Promise<number>, argv: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
  const quiet = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    return { code: await run(argv), err };
  } finally {
    spy.mockRestore();
    quiet.mockRestore();
  }
}

/** A command's exit code and the first line it wrote to standard error (its message). */
async function codeAndMessage(run: (argv: string[]) => Promise<number>, argv: string[]): Promise<{ code: number; err: string }> {
  const { code, err } = await codeAndStderr(run, argv);
  return { code, err: err.split('\n')[0]! };
}

describe('graph and coord CLI on a generated archive read by the project parser', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-'));
  const tweets = path.join(dir, DEMO_TWEETS_FILE);

  it('coord --json: edges, communities and receipt with the documented keys', async () => {
    const truth = await writeDemo(dir);
    const { code, out } = await captureStdout(() => runCoord([tweets, '--kind', 'coreply', '--window', '60', '--min-repeat', '3', '--replicates', '49', '--json']));
    expect(code).toBe(0);
    const j = JSON.parse(out);
    expect(j.edges.length).toBeGreaterThan(0);
    for (const k of ['source', 'target', 'weight', 'expectedWeight', 'pValue', 'qValue']) expect(j.edges[0]).toHaveProperty(k);
    expect(j.edges[0].pairs[0].timeA).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const planted = truth.groups.filter((g) => g.behaviours.includes('coreply'));
    expect(j.communities.length).toBe(planted.length);
    for (const c of j.communities) {
      expect(Object.keys(c).sort()).toEqual(['id', 'members']);
      expect(planted.some((g) => c.members.every((m: string) => g.members.includes(m)))).toBe(true);
    }
    expect(j.receipt.kind).toBe('coordination:coreply');
    expect(j.receipt.dataset.files[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(j.receipt.parameters).toMatchObject({ windowSeconds: 60, minRepeat: 3, replicates: 49 });
  });

  it('coord --out: the file holds the significant edges, and its receipt counts those and says how many are left out', async () => {
    await writeDemo(dir);
    const out = path.join(dir, 'coord.csv');
    const { code, out: stdout } = await captureStdout(() => runCoord([tweets, '--kind', 'coretweet', '--window', '900', '--min-repeat', '1', '--replicates', '49', '--json', '--out', out, '--format', 'csv']));
    expect(code).toBe(0);
    const j = JSON.parse(stdout);
    const significant = j.edges.filter((e: { significant: boolean }) => e.significant);
    expect(significant.length).toBeGreaterThan(0);
    expect(significant.length).toBeLessThan(j.edges.length);
    const rows = fs.readFileSync(out, 'utf8').trimEnd().split('\n').length - 1;
    const receipt = JSON.parse(fs.readFileSync(out + '.receipt.json', 'utf8'));
    expect(rows).toBe(significant.length);
    expect(receipt.counts.edges).toBe(significant.length);
    expect(receipt.counts.omitted.edgesNotSignificant).toBe(j.edges.length - significant.length);
    expect(j.receipt.counts.edges).toBe(j.edges.length); // the JSON lists them all
    expect(j.receipt.notes.join(' ')).toContain(`Benjamini-Hochberg over all ${j.counts.candidatePairs} account pairs that co-acted at least once`);
  });

  it('graph --format graphml|gexf|csv|json writes files an independent reader opens', async () => {
    for (const format of ['graphml', 'gexf', 'csv', 'json']) {
      const out = path.join(dir, `rt.${format}`);
      const { code } = await captureStdout(() => runGraph([tweets, '--kind', 'retweet', '--format', format, '--out', out]));
      expect(code).toBe(0);
      if (format === 'graphml' || format === 'gexf') {
        continue; // read back below, both in one Python start
      } else if (format === 'csv') {
        expect(fs.readFileSync(out, 'utf8').split('\n')[0]).toBe('source,target,weight,source_label,target_label');
        expect(JSON.parse(fs.readFileSync(out + '.receipt.json', 'utf8')).kind).toBe('network:retweet');
      } else {
        expect(JSON.parse(fs.readFileSync(out, 'utf8')).data.analysis_receipt.algorithms.map((a: { name: string }) => a.name)).toContain('louvain');
      }
    }
    const backs = JSON.parse(execFileSync('python3', [path.join(repoRoot, 'test/unit/graph/readGraphBack.py'), 'graphml', path.join(dir, 'rt.graphml'), 'gexf', path.join(dir, 'rt.gexf')], { encoding: 'utf8' }));
    for (const back of backs) {
      expect(Object.keys(back.nodes).length).toBeGreaterThan(100);
      expect(JSON.parse(back.desc).kind).toBe('network:retweet');
    }
  });

  it('graph --kind cohashtag: the receipt says how hashtags are compared (as Search matches them and the hashtag lists count them)', async () => {
    const out = path.join(dir, 'cohashtag.csv');
    const { code } = await captureStdout(() => runGraph([tweets, '--kind', 'cohashtag', '--format', 'csv', '--out', out, '--no-metrics']));
    expect(code).toBe(0);
    const receipt = JSON.parse(fs.readFileSync(out + '.receipt.json', 'utf8'));
    expect(receipt.parameters.itemsCompared).toContain('letter case or width');
    expect(receipt.parameters.itemsCompared).toContain('Traditional or Simplified Chinese');
    expect(receipt.parameters.itemsCompared).toContain('Latin diacritics kept');
  });

  it('graph writes an empty network (no reply in the file) with its receipt instead of failing', async () => {
    const out = path.join(dir, 'empty.graphml');
    const ira = realFixture('ira_2018_tweets_csv_hashed_excerpt.csv');
    const { code } = await captureStdout(() => runGraph([ira, '--kind', 'reply', '--out', out]));
    expect(code).toBe(0);
    const [back] = JSON.parse(execFileSync('python3', [path.join(repoRoot, 'test/unit/graph/readGraphBack.py'), 'graphml', out], { encoding: 'utf8' }));
    expect(back.nodes).toEqual({});
    expect(JSON.parse(back.desc)).toMatchObject({ kind: 'network:reply', counts: { nodes: 0, edges: 0 } });
  });

  it('outputs are written together or not at all: a failed write leaves no file, no .partial, and names the output', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-cli-write-'));
    const graphFile = path.join(out, 'g.csv');
    const receiptFile = path.join(out, 'gone', 'g.csv.receipt.json'); // its folder removed under the run
    expect(() => writeOutputs([[graphFile, 'a,b\n'], [receiptFile, '{}']])).toThrow(`ENOENT: no such file or directory, open '${receiptFile}'`);
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('--out never destroys what is there: an input archive, a folder or a pipe is refused before any work; a link is written through', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-cli-out-'));
    const copy = path.join(out, 'copy_tweets.csv');
    fs.copyFileSync(tweets, copy);
    const before = fs.readFileSync(copy);
    const refused = (argv: string[], run = runGraph) => codeAndMessage(run, argv);
    expect(await refused([copy, '--kind', 'retweet', '--out', copy])).toEqual({ code: 2, err: `--out ${copy} is the archive ${copy} this command reads: writing would destroy it; give another path` });
    // The same file by a link, and the receipt of a csv export too.
    const link = path.join(out, 'link.csv');
    fs.symlinkSync(copy, link);
    expect(await refused([copy, '--kind', 'coretweet', '--out', link], runCoord)).toMatchObject({ code: 2, err: expect.stringContaining('this command reads') });
    fs.symlinkSync(copy, path.join(out, 'g.csv.receipt.json'));
    expect(await refused([copy, '--kind', 'retweet', '--format', 'csv', '--out', path.join(out, 'g.csv')])).toMatchObject({ code: 2, err: expect.stringContaining('g.csv.receipt.json is the archive') });
    expect(fs.readFileSync(copy)).toEqual(before);
    execFileSync('mkfifo', [path.join(out, 'pipe')]);
    expect(await refused([copy, '--kind', 'retweet', '--out', path.join(out, 'pipe')])).toEqual({ code: 2, err: `--out ${path.join(out, 'pipe')} is not a regular file (a device or a pipe): give the path of a file to write` });
    expect(await refused([copy, '--kind', 'retweet', '--out', out])).toEqual({ code: 2, err: `--out ${out} is a folder: give the path of a file to write` });
    expect(await refused([copy, '--kind', 'retweet', '--out', path.join(out, 'nodir', 'g.graphml')])).toEqual({ code: 2, err: `--out ${path.join(out, 'nodir', 'g.graphml')} cannot be written: there is no folder ${path.join(out, 'nodir')}` });
    // A link to a file (an earlier result) is written through: the link stays, its file gets the graph.
    const target = path.join(out, 'earlier.graphml');
    fs.writeFileSync(target, 'old');
    const current = path.join(out, 'current.graphml');
    fs.symlinkSync(target, current);
    expect(await refused([copy, '--kind', 'retweet', '--no-metrics', '--out', current])).toEqual({ code: 0, err: expect.stringMatching(/^retweet network: [\d,]+ nodes, [\d,]+ edges -> /) });
    expect(fs.lstatSync(current).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(target, 'utf8')).toMatch(/^<\?xml/);
    expect(fs.readdirSync(out).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });

  it('rejects bad usage with exit code 2 and says what is wrong', async () => {
    const usage = codeAndMessage;
    expect(await usage(runGraph, [tweets, '--kind', 'nope', '--out', 'x'])).toEqual({ code: 2, err: '--kind must be one of retweet, mention, reply, quote, cohashtag, courl' });
    expect(await usage(runCoord, [tweets])).toMatchObject({ code: 2, err: expect.stringMatching(/^--kind must be one of coretweet/) });
    // A misspelt option is refused, never silently ignored (the run would use the default).
    expect(await usage(runCoord, [tweets, '--kind', 'coretweet', '--windw', '3600'])).toEqual({ code: 2, err: 'unknown option --windw' });
    expect(await usage(runGraph, [tweets, '--kind', 'reply', '--out', 'x', '--no-metric'])).toEqual({ code: 2, err: 'unknown option --no-metric' });
    expect(await usage(runCoord, [tweets, '--kind', 'coretweet', '--window', '-5'])).toEqual({ code: 2, err: "--window must be an integer of at least 1 and at most 86400, got '-5'" });
    expect(await usage(runCoord, [tweets, '--kind', 'coretweet', '--min-repeat', '0'])).toEqual({ code: 2, err: "--min-repeat must be an integer of at least 1, got '0'" });
    expect(await usage(runCoord, [tweets, '--kind', 'coretweet', '--alpha', '2'])).toEqual({ code: 2, err: "--alpha must be a number above 0 and at most 0.5, got '2'" });
    expect(await usage(runCoord, [tweets, '--kind', 'coretweet', '--replicates', '10'])).toEqual({ code: 2, err: '--replicates 10 are too few: alone they cannot show a p-value at or below --alpha 0.05: use at least 19' });
    expect(await usage(runGraph, [tweets, '--kind', 'reply', '--out', 'x', '--from', '2019-13-01'])).toEqual({ code: 2, err: "--from must be a UTC date 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM', got '2019-13-01'" });
    expect(await usage(runGraph, [tweets, '--kind', 'reply', '--out', 'x', '--seed', 'abc'])).toEqual({ code: 2, err: "--seed must be an integer of at least 0 and at most 4294967295, got 'abc'" });
    // Read as written: not hexadecimal, not past the generators' 32 bits (it would run as another seed than its receipt says).
    expect(await usage(runGraph, [tweets, '--kind', 'reply', '--out', 'x', '--seed', '0x10'])).toEqual({ code: 2, err: "--seed must be written in digits, got '0x10'" });
    expect(await usage(runCoord, [tweets, '--kind', 'coretweet', '--seed', '4294967296'])).toEqual({ code: 2, err: "--seed must be an integer of at least 0 and at most 4294967295, got '4294967296'" });
    expect(await usage(runCoord, [tweets, '--kind', 'coretweet', '--include-retweets'])).toEqual({ code: 2, err: '--include-retweets is for cotweet, colink and coreply: coretweet compares retweets only' });
    // An impossible day is refused, not rolled over into the next month; unknown --users stop the run, as in the Network view.
    expect(await usage(runGraph, [tweets, '--kind', 'reply', '--out', 'x', '--from', '2019-02-30'])).toEqual({ code: 2, err: "--from: '2019-02-30' is not a date of the calendar" });
    expect(await usage(runCoord, [tweets, '--kind', 'coretweet', '--to', '2019-06-31 10:00'])).toEqual({ code: 2, err: "--to: '2019-06-31 10:00' is not a date of the calendar" });
    // A --to day is included, as in the Network view; a --to minute ends the range before it.
    const day = (s: string) => Date.parse(s) / 60_000;
    expect(filterFromOpts(new Map([['--from', '2019-06-18'], ['--to', '2019-06-18']]))).toEqual({ fromMinute: day('2019-06-18T00:00Z'), toMinute: day('2019-06-19T00:00Z') });
    expect(filterFromOpts(new Map([['--to', '2019-06-18 12:30']]))).toEqual({ toMinute: day('2019-06-18T12:30Z') });
    expect(() => filterFromOpts(new Map([['--from', '2019-06-18 12:30'], ['--to', '2019-06-18 12:30']]))).toThrow('--to must be after --from');
    // An empty filter value would select nothing and read as a finding: refused.
    expect(await usage(runCoord, [tweets, '--kind', 'coretweet', '--users', ' , '])).toEqual({ code: 2, err: "--users names no account (got ' , '): give user ids, or screen names after @, separated by commas" });
    expect(await usage(runGraph, [tweets, '--kind', 'reply', '--out', 'x', '--lang', ''])).toEqual({ code: 2, err: "--lang needs a language code as the archive writes it (for example 'zh' or 'und'), got an empty value" });
    expect(await usage(runCoord, [tweets, '--kind', 'coretweet', '--users', 'nosuch,@nobody_here'])).toEqual({ code: 2, err: '--users names 2 accounts not in these files: nosuch, @nobody_here (give user ids, or screen names after @)' });
    // A screen name after @ is taken, without case, as the Network view takes it.
    const [, first] = fs.readFileSync(tweets, 'utf8').split('\n');
    const [userid, , screenName] = splitFields(first!).slice(1, 4);
    const out = path.join(dir, 'one.csv');
    expect(await usage(runGraph, [tweets, '--kind', 'retweet', '--format', 'csv', '--out', out, '--users', `@${screenName!.toUpperCase()}`])).toMatchObject({ code: 0 });
    expect(JSON.parse(fs.readFileSync(out + '.receipt.json', 'utf8')).parameters.filter.userids).toEqual([userid]);
  });

  it('graph --users and the mention network take screen names by the rule the app uses: exact case first; an ambiguous name stops the run with the candidates', async () => {
    const names = path.join(dir, 'names_tweets_csv_unhashed.csv');
    const row = (tweetid: string, userid: string, user_screen_name: string, tweet_text: string) => tweetRow({ tweetid, userid, user_screen_name, tweet_text, user_mentions: '[]' });
    fs.writeFileSync(names, [tweetHeader(), row('300', '1111111111', 'newsagency', 'a'), row('301', '1111111114', 'NewsAgency', 'b'), row('302', '3', 'gamma', 'hi @newsagency'), row('303', '3', 'gamma', 'hi @NEWSAGENCY')].join('\n') + '\n');
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    let message = '';
    try {
      expect(await runGraph([names, '--kind', 'mention', '--out', path.join(dir, 'x.csv'), '--users', '@NEWSAGENCY'])).toBe(2);
      message = String(err.mock.calls[0]?.[0] ?? '');
      const out = path.join(dir, 'names.csv');
      expect(await runGraph([names, '--kind', 'mention', '--format', 'csv', '--out', out, '--users', '@gamma,@NewsAgency'])).toBe(0);
      const receipt = JSON.parse(fs.readFileSync(out + '.receipt.json', 'utf8'));
      expect(receipt.parameters.filter.userids).toEqual(['1111111114', '3']);
      expect(receipt.parameters.screenNames).toMatch(/exactly that screen name.*lowest id/);
      // Both mentions credit 1111111111: @newsagency exactly, @NEWSAGENCY (ambiguous) by the lowest id.
      expect(fs.readFileSync(out, 'utf8')).toMatch(/^3,1111111111,2,gamma,newsagency$/m);
    } finally {
      err.mockRestore();
    }
    expect(message).toContain('--users: “@NEWSAGENCY” matches 2 accounts ignoring case and none exactly: @newsagency (1111111111), @NewsAgency (1111111114)');
  });

  it('an empty network says why on stderr, as the app does (a real file with no quote)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-cli-empty-'));
    const { code, err } = await codeAndStderr(runGraph, [realFixture('ira_2018_tweets_csv_hashed_excerpt.csv'), '--kind', 'quote', '--no-metrics', '--out', path.join(dir, 'q.graphml')]);
    expect(code).toBe(0);
    expect(err).toContain('empty network: 2 tweets read: none quotes a tweet.');
  });

  it('an empty co-use network names the option whose cap left its items out, not the app\'s "(below)"', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-cli-empty-'));
    const { code, err } = await codeAndStderr(runGraph, [tweets, '--kind', 'cohashtag', '--max-accounts-per-item', '1', '--no-metrics', '--out', path.join(dir, 'h.graphml')]);
    expect(code).toBe(0);
    expect(err).toMatch(/empty network: .* but no two accounts share a hashtag used by few enough accounts to be kept \(at most 1 account an item: --max-accounts-per-item\)\.\n/);
    expect(err).not.toContain('(below)');
  });

  it('coord with no account pair says why on stderr (a filter that leaves no tweet), as graph does', async () => {
    const { code, err } = await codeAndStderr(runCoord, [tweets, '--kind', 'coretweet', '--lang', 'xx', '--json']);
    expect(code).toBe(0);
    expect(err).toMatch(/^no account pair found: None of the dataset’s [\d,]+ tweets passes the filter \(days, language, accounts\)\.$/m);
  });
});
