/**
 * Full-text search benchmark through the app's own UI, import worker, store and search worker, in
 * headless Chromium with a persistent profile (IndexedDB on disk):
 *   npm run bench:search -- --json [--tweets N] [--seed S] [--profile DIR [--port P]] [--renderer DIR]
 * The demo archive of N tweets (default 1,000,000) is generated into a temp dir (cached by size and
 * seed, shared with bench:import), imported through the Datasets view's file input, then the Search
 * view runs a few queries (Latin, CJK, Arabic, hashtag, and one with filters). Prints one JSON line:
 *   {"tweets","importSeconds","loadMs","coldFirstPageMs","coldPageMs","coldFilteredMs","indexLoadMs","queries":[{"query","filters","count","firstPageMs","pageMs","workerMs"}],"maxFirstPageMs"}
 * - loadMs: the one-time load of the dataset's search text into the search worker (started when the
 *   Search view opens; the first query runs over the blocks loaded so far while the rest arrive);
 * - coldFirstPageMs / coldPageMs: the very first query of the session (the first query below, run
 *   once more before the timed list), including the wait for the load: to count + page / to page;
 * - coldFilteredMs: a query with a filter (no retweets) straight after, waiting for the filter
 *   columns loading in the background; indexLoadMs: when text and filter columns were all loaded
 *   (from the start of the load); the timed queries below run after that;
 * - firstPageMs: from pressing Enter until the final count and the first page of results are on
 *   screen, measured in the page with performance.now(); pageMs: until the first page alone is
 *   (the view shows it while the count goes on);
 * - workerMs: the worker's own time for the request (as the view reports it).
 * --profile keeps the Chromium profile (and so the imported dataset) in DIR across runs, served on a
 * fixed port (default 4391) so the origin and its IndexedDB stay the same; --renderer uses an existing
 * renderer build instead of building one.
 * The counts are checked against the imported file parsed in Node (substring of NFKC lower-cased text).
 */
import { chromium, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArchive } from '../../shared/archive/parseArchive';
import { fileSource, nodeSha256 } from '../../main/cli/loadArchiveFiles';
import { cachedDemoArchive, demoArchiveArg } from './cachedDemoArchive';
import { scriptArgs } from './scriptArgs';
import { termIn } from '../searchTermReference';
import { CHROMIUM_ARGS, chromiumExecutable } from '../browser/chromium';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const log = (...a: unknown[]) => console.error('[bench:search]', ...a);

const QUERIES: { query: string; retweet?: 'exclude' }[] = [
  { query: 'violence' },
  { query: '香港' },
  { query: 'العنف' },
  { query: '#hongkong' },
  { query: '"hong kong" peace' },
  { query: '警察', retweet: 'exclude' },
];

function parseArgs(argv: string[]) {
  const args = scriptArgs('usage: npm run bench:search -- --json [--tweets N] [--seed S] [--profile DIR [--port P]] [--renderer DIR]', {
    options: ['--tweets', '--seed', '--profile', '--renderer', '--port'], flags: ['--json'],
  }, argv);
  const dir = (name: string) => (args.text(name) === undefined ? undefined : path.resolve(args.text(name)!));
  if (args.text('--port') !== undefined && args.text('--profile') === undefined) args.usageError('--port is for --profile DIR only');
  const demo = demoArchiveArg({ tweets: args.count('--tweets', 1_000_000), seed: args.seed(11) }, args.usageError);
  return { demo, profile: dir('--profile'), renderer: dir('--renderer'), port: args.count('--port', 4391, { max: 65535 }) };
}

/**
 * Expected counts from the very files imported, parsed in Node by the shared archive reader (the
 * CLI's path, not the app's search code): a cached archive from an older generator still checks.
 */
async function expectedCounts(tweetsFile: string): Promise<number[]> {
  const parsed = QUERIES.map((q) => [...q.query.normalize('NFKC').toLowerCase().matchAll(/"([^"]*)"|(\S+)/g)].map((m) => (m[1] ?? m[2])!));
  const counts = QUERIES.map(() => 0);
  await parseArchive(fileSource(tweetsFile), {
    createHasher: nodeSha256,
    onTweets: (batch) => {
      for (const t of batch) {
        const text = t.tweetText.normalize('NFKC').toLowerCase();
        parsed.forEach((terms, i) => {
          if (QUERIES[i]!.retweet === 'exclude' && t.isRetweet) return;
          if (terms.every((term) => termIn(text, term))) counts[i]!++;
        });
      }
    },
  });
  return counts;
}

/** expectedCounts, kept next to a kept profile (keyed by the file's size and time, and the queries). */
async function cachedExpectedCounts(tweetsFile: string, profile: string | undefined): Promise<number[]> {
  const st = statSync(tweetsFile);
  const key = JSON.stringify({ file: tweetsFile, size: st.size, mtime: st.mtimeMs, queries: QUERIES, rule: 'whole #tag and @name terms' });
  const cache = profile ? profile + '.expected.json' : undefined;
  if (cache && existsSync(cache)) {
    const c = JSON.parse(readFileSync(cache, 'utf8')) as { key: string; counts: number[] };
    if (c.key === key) return c.counts;
  }
  log('computing expected counts');
  const counts = await expectedCounts(tweetsFile);
  if (cache) writeFileSync(cache, JSON.stringify({ key, counts }));
  return counts;
}

/**
 * Runs one query in the Search view, timed in the page from Enter: `pageMs` until the first page of
 * results is on screen (the count may still be running), `ms` until the final count is shown too.
 */
async function runQuery(page: Page, query: string, retweet: string): Promise<{ ms: number; pageMs: number; status: string }> {
  await page.getByLabel('Retweets').selectOption(retweet);
  await page.getByRole('searchbox').fill(query);
  return page.evaluate(
    ({ q }) =>
      new Promise<{ ms: number; pageMs: number; status: string }>((resolve) => {
        const status = document.querySelector('[data-testid="search-status"]') as HTMLElement;
        const box = document.querySelector('input[type="search"]') as HTMLInputElement;
        const shown = () => {
          const text = status.textContent ?? '';
          const state = status.dataset.state;
          const hasPage = document.querySelector('.results li') !== null || text.startsWith('0 tweets');
          // A build from before the streamed count has no data-state: its status shows the final count only.
          return (state === undefined || state === 'counting' || state === 'done') && text.includes(`match “${q}”`) && hasPage;
        };
        const t0 = performance.now();
        let pageMs = -1;
        const obs = new MutationObserver(() => {
          if (!shown()) return;
          if (pageMs < 0) pageMs = performance.now() - t0;
          if (status.dataset.state === 'done' || status.dataset.state === undefined) {
            obs.disconnect();
            resolve({ ms: performance.now() - t0, pageMs, status: status.textContent ?? '' });
          }
        });
        obs.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-state'] });
        box.form!.requestSubmit();
      }),
    { q: query },
  );
}

/** Total tweets over the profile's datasets (0 for a fresh profile). */
async function storedTweets(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('disclosure-workbench');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    if (!db.objectStoreNames.contains('datasets')) {
      db.close();
      return 0;
    }
    const ds = await new Promise<{ committedImports: string[]; counts: { tweets: number } }[]>((res) => {
      const r = db.transaction('datasets').objectStore('datasets').getAll();
      r.onsuccess = () => res(r.result);
    });
    db.close();
    return ds.filter((d) => d.committedImports.length > 0).reduce((n, d) => n + d.counts.tweets, 0);
  });
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const files = await cachedDemoArchive(args.demo, log);
  const work = mkdtempSync(path.join(tmpdir(), 'dw-bench-search-run-'));
  let out = path.join(work, 'renderer');
  if (args.renderer) out = args.renderer;
  else {
    log('building renderer into', out);
    const build = spawnSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts'], { cwd: repoRoot, env: { ...process.env, DW_RENDERER_OUT: out }, encoding: 'utf8' });
    if (build.status !== 0) throw new Error('renderer build failed:\n' + build.stdout + build.stderr);
  }
  const { startStaticServer } = (await import(path.join(repoRoot, 'scripts/staticServer.mjs'))) as {
    startStaticServer(o: { root: string; port?: number; csp: string }): Promise<{ server: import('node:http').Server; url: string }>;
  };
  // A kept profile needs the same origin (fixed port) to find its IndexedDB again.
  const { server, url } = await startStaticServer({ root: out, port: args.profile ? args.port : 0, csp: readFileSync(path.join(out, 'csp.txt'), 'utf8').trim() });
  const context = await chromium.launchPersistentContext(args.profile ?? path.join(work, 'profile'), { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS, headless: true, viewport: { width: 1400, height: 900 } });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    await page.evaluate('globalThis.__name = (f) => f');
    let importSeconds: number | null = null;
    if (args.profile && (await storedTweets(page)) > 0) log('profile already holds an imported dataset: import skipped');
    else {
      log('importing', files.map((f) => path.basename(f)).join(', '));
      const t0 = performance.now();
      await page.getByLabel(/Import archive files/).setInputFiles(files);
      await page.locator('.import-done, .import-alert').first().waitFor({ timeout: 3_600_000 });
      if (await page.locator('.import-alert').count()) throw new Error('import failed: ' + (await page.locator('.import-alert').innerText()));
      importSeconds = (performance.now() - t0) / 1000;
      log(`import done in ${importSeconds.toFixed(1)} s`);
    }
    const expected = await cachedExpectedCounts(files[1]!, args.profile);

    await page.goto(url + '#/explore/search');
    await page.getByRole('searchbox').waitFor({ timeout: 600_000 });
    // First query loads the corpus into the worker: timed separately.
    const cold = await runQuery(page, QUERIES[0]!.query, '');
    const loadMs = Number(/text loaded in (\d+) ms/.exec(cold.status)?.[1] ?? NaN);
    // A filtered query straight after: it waits for the filter columns still loading.
    const filtered = QUERIES.find((q) => q.retweet)!;
    const coldFiltered = await runQuery(page, filtered.query, filtered.retweet!);
    // Timed queries run over the fully loaded index (text and filter columns).
    const index = page.locator('[data-testid="search-index"][data-ready="true"]');
    const older = (await page.locator('[data-testid="search-index"]').count()) === 0; // a build from before the index line
    if (!older) await index.waitFor({ timeout: 600_000 });
    const indexText = older ? '' : await index.innerText();
    const indexLoadMs = Math.round(Number(/filter columns in ([\d.]+) s/.exec(indexText)?.[1] ?? NaN) * 1000);
    const queries = [];
    for (const [i, q] of QUERIES.entries()) {
      const r = await runQuery(page, q.query, q.retweet ?? '');
      const count = Number(/^([\d,]+) tweets match/.exec(r.status)![1]!.replace(/,/g, ''));
      if (count !== expected[i]) throw new Error(`count for ${q.query}: app ${count}, generator ${expected[i]}`);
      queries.push({ query: q.query, filters: q.retweet ? { retweet: q.retweet } : {}, count, firstPageMs: Math.round(r.ms), pageMs: Math.round(r.pageMs), workerMs: Number(/— (\d+) ms/.exec(r.status)?.[1] ?? NaN) });
    }
    const tweets = await storedTweets(page);
    console.log(JSON.stringify({ bench: 'search', tweets, importSeconds: importSeconds === null ? null : Math.round(importSeconds * 10) / 10, loadMs, coldFirstPageMs: Math.round(cold.ms), coldPageMs: Math.round(cold.pageMs), coldFilteredMs: Math.round(coldFiltered.ms), indexLoadMs, queries, maxFirstPageMs: Math.max(...queries.map((q) => q.firstPageMs)) }));
  } finally {
    await context.close().catch(() => {});
    server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
