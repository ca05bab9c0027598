import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { loadArchiveFiles } from '../../../main/cli/loadArchiveFiles';
import { realFixture, repoRoot } from '../../fixtures/paths';
import { readReal } from './helpers';
import { tweetHeader, tweetRow } from './synthetic';

const cli = (...args: string[]) => spawnSync('npx', ['tsx', 'main/cli/index.ts', ...args], { cwd: repoRoot, encoding: 'utf8' });

describe('CLI inspect', () => {
  it('prints receipts and quarantined rows as one JSON document', () => {
    const r = cli('inspect', realFixture('fivethirtyeight_IRAhandle_tweets_sample_EXCEL_RESAVED.csv'), realFixture('ira_2018_tweets_csv_hashed_excerpt.csv'), '--json');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.files).toHaveLength(2);
    expect(doc.files[0].receipts[0]).toMatchObject({ format: 'fivethirtyeight-ira-tweets', rowsRejected: 100 });
    expect(doc.files[0].quarantined).toHaveLength(100);
    expect(doc.files[0].quarantined[0]).toMatchObject({ row: 1, reason: 'spreadsheet-damaged-id' });
    expect(doc.files[1].receipts[0]).toMatchObject({ format: 'twitter-io-tweets', formatVersion: '2018', rowsStored: 2 });
    expect(doc.files[1].skippedEntries).toEqual([]);
    // The Excel re-save ends without a line break after its last row: the receipt says which row, the other file's has none.
    expect(doc.files[0].receipts[0].unendedLastRow).toBe(100);
    expect(doc.files[1].receipts[0]).not.toHaveProperty('unendedLastRow');
  });

  it('says which last row ends a file with no line break (a file cut inside its last field reads so too)', () => {
    const r = cli('inspect', realFixture('reddit_2018_suspiciousaccounts_seed.csv'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("  last row   944 ends the file with no line break: if the file may be cut short, compare its size with the published one's\n");
    expect(cli('inspect', realFixture('china_082019_1_users_csv_hashed.csv')).stdout).not.toContain('last row');
  });

  it('prints no control character an archive holds to the terminal (escape sequences in values and file names are shown as \\xHH)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dw-archive-'));
    const file = path.join(dir, 'name_\x1b[41mRED_tweets.csv');
    writeFileSync(file, [tweetHeader(), tweetRow({ tweetid: '12\x1b[2J\x1b]0;HACKED\x07' }), tweetRow({ tweetid: '34\u202Eabc' })].join('\n') + '\n');
    const r = cli('inspect', file);
    expect(r.stdout + r.stderr).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    expect(r.stdout).toContain("tweetid '12\\x1B[2J\\x1B]0;HACKED\\x07'");
    expect(r.stdout).toContain('name_\\x1B[41mRED_tweets.csv');
    expect(r.stdout).toContain("tweetid '34\\u202Eabc'"); // a bidi override cannot reorder the line
    // JSON keeps the values exact (escaped by JSON).
    expect(JSON.parse(cli('inspect', file, '--json').stdout).files[0].path).toBe(file);
  });

  it("names a zip's entries that are not read", () => {
    const zip = path.join(mkdtempSync(path.join(tmpdir(), 'dw-archive-')), 'set.zip');
    writeFileSync(zip, zipSync({ 'README.txt': strToU8('not a csv'), 'tweets.csv': readReal('ira_2018_tweets_csv_hashed_excerpt.csv') }));
    const doc = JSON.parse(cli('inspect', zip, '--json').stdout);
    expect(doc.files[0]).toMatchObject({ ok: true, skippedEntries: ['README.txt'] });
    expect(doc.files[0].receipts.map((r: { entryName: string }) => r.entryName)).toEqual(['tweets.csv']);
    expect(cli('inspect', zip).stdout).toContain('set.zip :: README.txt: not a .csv entry, not read');
  });

  it('exits non-zero when a zip entry is refused, still printing the rest; graph and coord analyse nothing of such a zip', async () => {
    const zip = path.join(mkdtempSync(path.join(tmpdir(), 'dw-archive-')), 'partial.zip');
    const tweets = readReal('ira_2018_tweets_csv_hashed_excerpt.csv');
    writeFileSync(zip, zipSync({ 'tweets.csv': tweets, 'part2.csv': strToU8(new TextDecoder().decode(tweets).replaceAll(',', ';')) }));
    const r = cli('inspect', zip, '--json');
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.files[0].receipts.map((x: { entryName: string }) => x.entryName)).toEqual(['tweets.csv']);
    expect(doc.files[0].receipts[0].refusedEntries.map((x: { entryName: string }) => x.entryName)).toEqual(['part2.csv']);
    // The file's verdict agrees with the exit code (and with graph and coord, below); the error is on standard error too.
    expect(doc.files[0]).toMatchObject({ ok: false, error: expect.stringMatching(/^1 CSV entry refused: part2\.csv: /) });
    expect(r.stderr).toMatch(/^error: .*partial\.zip: 1 CSV entry refused: part2\.csv: /);
    await expect(loadArchiveFiles([zip])).rejects.toThrow(/^.*partial\.zip: 1 of its CSV entries could not be read, so nothing was analysed \(see `inspect`\): /);
  });

  it("reads a zip's other entries when one is a header and no rows (an empty part), naming it refused as that CSV is as a file", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dw-archive-'));
    const tweets = readReal('ira_2018_tweets_csv_hashed_excerpt.csv');
    writeFileSync(path.join(dir, 'users.csv'), readReal('ira_2018_users_csv_hashed_excerpt.csv'));
    writeFileSync(path.join(dir, 'tweets_1.csv'), tweets);
    writeFileSync(path.join(dir, 'tweets_2.csv'), tweets.subarray(0, tweets.indexOf(0x0a) + 1));
    spawnSync('zip', ['-q', 'release.zip', 'users.csv', 'tweets_1.csv', 'tweets_2.csv'], { cwd: dir });
    const why = 'a Twitter IO tweets header row and no data rows: nothing to import.';
    const alone = cli('inspect', path.join(dir, 'tweets_2.csv'), '--json');
    expect(alone.status).toBe(1);
    expect(JSON.parse(alone.stdout).files[0]).toMatchObject({ ok: false, error: `tweets_2.csv: ${why}` });
    const r = cli('inspect', path.join(dir, 'release.zip'), '--json');
    expect(r.status).toBe(1); // as for the file alone, and for any refused entry
    const doc = JSON.parse(r.stdout);
    expect(doc.files[0].receipts.map((x: { entryName: string; rowsStored: number }) => [x.entryName, x.rowsStored])).toEqual([['users.csv', 2], ['tweets_1.csv', 2]]);
    expect(doc.files[0].receipts[0].refusedEntries).toEqual([{ entryName: 'tweets_2.csv', message: `release.zip (tweets_2.csv): ${why}` }]);
    expect(doc.files[0]).toMatchObject({ ok: false, error: `1 CSV entry refused: tweets_2.csv: release.zip (tweets_2.csv): ${why}` });
  });

  it('exits non-zero when a file is refused, with the reason', () => {
    const r = cli('inspect', realFixture('china_082019_tweets_14col_projection_from_notebook.csv'));
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('REFUSED');
    expect(r.stdout).toContain('Closest known format: Twitter IO tweets');
    expect(r.stderr).toMatch(/^error: .*china_082019_tweets_14col_projection_from_notebook\.csv: .*Closest known format: Twitter IO tweets/);
    const u = cli('nosuchcommand');
    expect(u.status).toBe(2);
    // A name every object has is no command either.
    expect(cli('constructor')).toMatchObject({ status: 2, stderr: expect.stringMatching(/^unknown command 'constructor'\n/) });
    expect(cli('verify')).toMatchObject({ status: 2, stderr: expect.stringMatching(/^no bundle or report given\nusage: npm run -s cli -- verify /) });
    // No command: the usage is a usage error, on standard error; --help prints it on standard output.
    expect(cli()).toMatchObject({ status: 2, stdout: '', stderr: expect.stringContaining('usage: npm run -s cli -- <command> [args]') });
    expect(cli('--help')).toMatchObject({ status: 0, stdout: expect.stringContaining('usage: npm run -s cli -- <command> [args]') });
    expect(cli('inspect', '-')).toMatchObject({ status: 2, stderr: expect.stringMatching(/^reading standard input is not supported: give the file path\n/) });
    // graph and coord stop at a refused or missing file with its message, not a stack trace.
    const g = cli('graph', realFixture('china_082019_tweets_14col_projection_from_notebook.csv'), '--kind', 'retweet', '--out', path.join(tmpdir(), 'never.graphml'));
    expect(g.status).toBe(1);
    // Named by the path as given, once (two folders may hold files of one name).
    expect(g.stderr).toMatch(/^error: \/\S+\/china_082019_tweets_14col_projection_from_notebook\.csv: Unrecognised header .*Closest known format: Twitter IO tweets/);
    expect(g.stderr).not.toContain('    at ');
    const missing = path.join(tmpdir(), 'no-such-file.csv');
    const m = cli('coord', missing, '--kind', 'coretweet');
    expect(m.status).toBe(1);
    expect(m.stderr).toBe(`error: ${missing}: no such file\n`);
    // With --json, standard output holds the verdict too, not nothing.
    const j = cli('coord', realFixture('china_082019_tweets_14col_projection_from_notebook.csv'), '--kind', 'coretweet', '--json');
    expect(j.status).toBe(1);
    expect(JSON.parse(j.stdout)).toEqual({ ok: false, error: expect.stringContaining('Closest known format: Twitter IO tweets') });
  });

  it('names a folder given as an archive and says what to give instead (no EISDIR)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dw-archive-'));
    const folder = `it is a folder: give the archive files in it (.csv, .csv.gz, .zip), for example ${path.join(dir, '*.csv')}`;
    const i = cli('inspect', dir, '--json');
    expect(i.status).toBe(1);
    expect(JSON.parse(i.stdout).files[0]).toMatchObject({ path: dir, ok: false, error: folder });
    const c = cli('coord', dir, '--kind', 'coretweet', '--json');
    expect(c.status).toBe(1);
    expect(c.stderr).toBe(`error: ${dir}: ${folder}\n`);
    expect(JSON.parse(c.stdout)).toEqual({ ok: false, error: `${dir}: ${folder}` });
    expect(cli('graph', dir, '--kind', 'retweet', '--out', path.join(dir, 'g.graphml')).stderr).toBe(`error: ${dir}: ${folder}\n`);
  });

  it('reads the files as one import: a tweet repeated from an earlier file is a duplicate, unless that file was refused', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dw-archive-'));
    const tweets = readReal('ira_2018_tweets_csv_hashed_excerpt.csv');
    // Its rows are read, then an unclosed quote runs past the 16 MiB record limit: the whole file is refused.
    const broken = path.join(dir, 'broken.csv');
    writeFileSync(broken, Buffer.concat([tweets, Buffer.from('"'), Buffer.alloc(17 * 1024 * 1024, 'x')]));
    // The same rows in another file (one more blank line: other bytes): duplicates.
    const overlap = path.join(dir, 'overlap.csv');
    writeFileSync(overlap, Buffer.concat([tweets, Buffer.from('\n')]));
    // The same CSV again as a .gz, and the same file twice: not read again, as the app skips them.
    const again = path.join(dir, 'again.csv.gz');
    writeFileSync(again, gzipSync(tweets));
    const fixture = realFixture('ira_2018_tweets_csv_hashed_excerpt.csv');
    const r = cli('inspect', broken, fixture, overlap, again, fixture, '--json');
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.files.map((f: { ok: boolean }) => f.ok)).toEqual([false, true, true, true, true]);
    expect(doc.files[0].error).toMatch(/broken\.csv: .*16 MiB/);
    expect(doc.files[1].receipts[0]).toMatchObject({ rowsRead: 2, rowsStored: 2, rowsDuplicate: 0 });
    expect(doc.files[2].receipts[0]).toMatchObject({ rowsRead: 2, rowsStored: 0, rowsDuplicate: 2 });
    expect(doc.files[3]).toMatchObject({ receipts: [], skipped: 'the same CSV content as ira_2018_tweets_csv_hashed_excerpt.csv, chosen in this import (same SHA-256): imported once' });
    expect(doc.files[4]).toMatchObject({ receipts: [], skipped: 'the same file is selected twice' });
  });

  it('leaves a zip refused for one CSV entry out of the rest: its other entries make no later row a duplicate, nor a later file a copy', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dw-archive-'));
    const tweets = readReal('ira_2018_tweets_csv_hashed_excerpt.csv');
    const zip = path.join(dir, 'partly.zip');
    writeFileSync(zip, zipSync({ 'a.csv': tweets, 'b.csv': strToU8('no,archive,header\n1,2,3\n') }));
    const overlap = path.join(dir, 'overlap.csv');
    writeFileSync(overlap, Buffer.concat([tweets, Buffer.from('\n')]));
    const fixture = realFixture('ira_2018_tweets_csv_hashed_excerpt.csv');
    const r = cli('inspect', zip, overlap, fixture, '--json');
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.files.map((f: { ok: boolean }) => f.ok)).toEqual([false, true, true]);
    expect(doc.files[0].receipts.map((x: { entryName: string }) => x.entryName)).toEqual(['a.csv']);
    // Read as if the zip were not chosen: the overlap's rows are new, and the fixture (a.csv's bytes) is read, its rows duplicates of the overlap's.
    expect(doc.files[1].receipts[0]).toMatchObject({ rowsStored: 2, rowsDuplicate: 0 });
    expect(doc.files[2]).not.toHaveProperty('skipped');
    expect(doc.files[2].receipts[0]).toMatchObject({ rowsStored: 0, rowsDuplicate: 2 });
    // The error names the path once (the shared code's message names the file too).
    expect(r.stderr).toBe(`error: ${zip}: 1 CSV entry refused: b.csv: ${doc.files[0].receipts[0].refusedEntries[0].message}\n`);
    const cut = path.join(dir, 'cut.csv.gz');
    writeFileSync(cut, gzipSync(tweets).subarray(0, 200));
    expect(cli('inspect', cut).stderr).toMatch(new RegExp(`^error: ${cut.replaceAll('.', '\\.')}: (?!cut\\.csv\\.gz: )`));
  });

  it('names the tweet kept for a conflicting duplicate (file, row, bytes) and what differs, as the app\'s quarantine list does', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dw-archive-'));
    const [header, first, second] = new TextDecoder().decode(readReal('ira_2018_tweets_csv_hashed_excerpt.csv')).trimEnd().split('\n') as [string, string, string];
    // The first tweet again, its text changed: quarantined in the same file.
    const file = path.join(dir, 'repeated.csv');
    writeFileSync(file, [header, first, second, first.replace('RT @ruopentwit:', 'RT @other:')].join('\n') + '\n');
    // The second tweet in a zip read after it, its time changed.
    const zip = path.join(dir, 'later.zip');
    writeFileSync(zip, zipSync({ 'part2.csv': strToU8([header, second.replace('2014-07-24 19:20', '2014-07-24 19:21')].join('\n') + '\n') }));
    const r = cli('inspect', file, zip, '--json');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    const fileSha = doc.files[0].receipts[0].sha256;
    // The row's fields as before, with keptTweet added.
    expect(doc.files[0].quarantined).toEqual([{
      fileSha256: fileSha, row: 3, byteOffset: expect.any(Number), byteLength: expect.any(Number), reason: 'conflicting-duplicate',
      detail: "tweetid '877919995476496385' was read before with other content (text, time or account); the first is kept",
      raw: expect.stringContaining('RT @other:'),
      keptTweet: {
        path: file, fileSha256: fileSha, row: 1, byteOffset: header.length + 1, byteLength: Buffer.byteLength(first),
        differing: ['text'], note: `The kept tweet is row 1 of ${file}; differing: text.`,
      },
    }]);
    expect(doc.files[1].quarantined[0].keptTweet).toEqual({
      path: file, fileSha256: fileSha, row: 2, byteOffset: Buffer.byteLength(`${header}\n${first}\n`), byteLength: Buffer.byteLength(second),
      differing: ['time'], note: `The kept tweet is row 2 of ${file}; differing: time.`,
    });
    // The terminal's list says it under the row.
    const text = cli('inspect', file, zip).stdout;
    expect(text).toContain(`the first is kept\n    The kept tweet is row 1 of ${file}; differing: text.\n`);
    expect(text).toContain(`the first is kept\n    The kept tweet is row 2 of ${file}; differing: time.\n`);
    // Read the other way round, the kept tweet is the zip entry's.
    const swapped = JSON.parse(cli('inspect', zip, file, '--json').stdout);
    expect(swapped.files[1].quarantined.map((q: { keptTweet: unknown }) => q.keptTweet)).toEqual([
      expect.objectContaining({ path: zip, entryName: 'part2.csv', row: 1, differing: ['time'], note: `The kept tweet is row 1 of ${zip} :: part2.csv; differing: time.` }),
      expect.objectContaining({ path: file, row: 1, differing: ['text'] }),
    ]);
    // A row with no conflict has no keptTweet.
    expect(JSON.parse(cli('inspect', realFixture('fivethirtyeight_IRAhandle_tweets_sample_EXCEL_RESAVED.csv'), '--json').stdout).files[0].quarantined[0]).not.toHaveProperty('keptTweet');
  });

  it('refuses a zip holding one CSV twice, as the app does', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dw-archive-'));
    const twice = path.join(dir, 'twice.zip');
    const csv = new Uint8Array(readReal('ira_2018_tweets_csv_hashed_excerpt.csv'));
    writeFileSync(twice, zipSync({ 'a.csv': csv, 'b.csv': csv }));
    const r = cli('inspect', twice, '--json');
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).files[0]).toMatchObject({ ok: false, receipts: [], error: 'twice.zip: b.csv has the same content as a.csv (same SHA-256). Extract the entries and import each content once.' });
  });
});

describe('loadArchiveFiles', () => {
  it('loads several files and dedupes tweets by tweetid across files; the same CSV again (its .gz) is not read, as the app skips it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dw-archive-'));
    const tweets = readReal('ira_2018_tweets_csv_hashed_excerpt.csv');
    const gz = path.join(dir, 'copy.csv.gz');
    writeFileSync(gz, gzipSync(tweets));
    // The same rows with other bytes (one more blank line): read, its tweets duplicates.
    const overlap = path.join(dir, 'overlap.csv');
    writeFileSync(overlap, Buffer.concat([tweets, Buffer.from('\n')]));
    const loaded = await loadArchiveFiles([
      realFixture('ira_2018_tweets_csv_hashed_excerpt.csv'),
      gz,
      overlap,
      realFixture('china_082019_1_users_csv_hashed.csv'),
      realFixture('meta_threat_research_Q4_2024_China_CIB_killchain.csv'),
    ]);
    expect(loaded.tweets.length).toBe(2);
    expect(loaded.tweets.tweetid).toEqual(['877919995476496385', '492388766930444288']);
    expect(loaded.receipts.map((r) => [r.fileName, r.rowsStored, r.rowsDuplicate])).toEqual([
      ['ira_2018_tweets_csv_hashed_excerpt.csv', 2, 0], ['overlap.csv', 0, 2], ['china_082019_1_users_csv_hashed.csv', 744, 0], ['meta_threat_research_Q4_2024_China_CIB_killchain.csv', 21, 0],
    ]);
    expect(loaded.skipped).toEqual([{ path: gz, reason: 'the same CSV content as ira_2018_tweets_csv_hashed_excerpt.csv, chosen in this import (same SHA-256): imported once' }]);
    expect(loaded.accounts).toHaveLength(746);
    expect(loaded.indicators).toHaveLength(21);
    expect(loaded.quarantined).toEqual([]);
  });

  it('refuses what the app refuses: a zip holding one CSV twice, or a CSV another file holds beside new ones (graph and coord too)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dw-archive-'));
    const tweets = new Uint8Array(readReal('ira_2018_tweets_csv_hashed_excerpt.csv'));
    const twice = path.join(dir, 'twice.zip');
    writeFileSync(twice, zipSync({ 'a.csv': tweets, 'b.csv': tweets }));
    await expect(loadArchiveFiles([twice])).rejects.toThrow(`${twice}: b.csv has the same content as a.csv (same SHA-256). Extract the entries and import each content once.`);
    const mixed = path.join(dir, 'mixed.zip');
    writeFileSync(mixed, zipSync({ 'tweets.csv': tweets, 'users.csv': new Uint8Array(readReal('ira_2018_users_csv_hashed_excerpt.csv')) }));
    const fixture = realFixture('ira_2018_tweets_csv_hashed_excerpt.csv');
    await expect(loadArchiveFiles([fixture, mixed])).rejects.toThrow(/mixed\.zip: its entries tweets\.csv are the same content as ira_2018_tweets_csv_hashed_excerpt\.csv, chosen in this import .*A zip is imported whole/);
    const g = cli('graph', fixture, mixed, '--kind', 'retweet', '--out', path.join(dir, 'g.graphml'));
    expect(g.status).toBe(1);
    expect(g.stderr).toMatch(/^error: .*mixed\.zip: its entries tweets\.csv are the same content/);
    expect(existsSync(path.join(dir, 'g.graphml'))).toBe(false);
  });

  it("counts a zip's cross-file duplicates in the entry that holds them, not in its last entry", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dw-archive-'));
    const zip = path.join(dir, 'set.zip');
    // Other bytes than the file before it (one more blank line), so read: its rows are duplicates.
    writeFileSync(zip, zipSync({ 'tweets.csv': Buffer.concat([readReal('ira_2018_tweets_csv_hashed_excerpt.csv'), Buffer.from('\n')]), 'users.csv': readReal('ira_2018_users_csv_hashed_excerpt.csv') }));
    const loaded = await loadArchiveFiles([realFixture('ira_2018_tweets_csv_hashed_excerpt.csv'), zip]);
    expect(loaded.receipts.map((r) => [r.entryName ?? r.fileName, r.rowsStored, r.rowsDuplicate])).toEqual([
      ['ira_2018_tweets_csv_hashed_excerpt.csv', 2, 0], ['tweets.csv', 0, 2], ['users.csv', 2, 0],
    ]);
  });
});
