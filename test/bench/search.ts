/**
 * Full-text search benchmark through the app's own UI, import worker, store and search worker, in
 * headless Chromium with a persistent profile (IndexedDB on disk):
 *   npm run bench:search -- --json [--tweets N] [--seed S]
 * The demo archive of N tweets (default 1,000,000) is generated into a temp dir (cached by size and
 * seed, shared with bench:import), imported through the Datasets view's file input, then the Search
 * view runs a few queries (Latin, CJK, Arabic, hashtag, and one with filters). Prints one JSON line:
 *   {"tweets","importSeconds","loadMs","queries":[{"query","filters","count","firstPageMs","workerMs"}]}
 * - loadMs: the first query's one-time load of the dataset's blocks into the search worker;
 * - firstPageMs: from pressing Enter until the count and the first page of results are on screen
 *   (corpus already loaded), measured in the page with performance.now();
 * - workerMs: the worker's own time for the counting pass (as the view reports it).
 * The counts are checked against the imported file parsed in Node (substring of NFKC lower-cased text).
 */
import { chromium, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArchive } from '../../shared/archive/parseArchive';
import { fileSource, nodeSha256 } from '../../main/cli/loadArchiveFiles';
import { cachedDemoArchive } from './cachedDemoArchive';
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
  let tweets = 1_000_000;
  let seed = 11;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--tweets') tweets = Number(argv[++i]);
    else if (argv[i] === '--seed') seed = Number(argv[++i]);
  }
  return { tweets, seed };
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
          if (terms.every((term) => text.includes(term))) counts[i]!++;
        });
      }
    },
  });
  return counts;
}

/** Runs one query in the Search view; times Enter → count and first result rendered, in the page. */
async function runQuery(page: Page, query: string, retweet: string): Promise<{ ms: number; status: string }> {
  await page.getByLabel('Retweets').selectOption(retweet);
  await page.getByRole('searchbox').fill(query);
  return page.evaluate(
    ({ q }) =>
      new Promise<{ ms: number; status: string }>((resolve) => {
        const status = document.querySelector('[data-testid="search-status"]')!;
        const box = document.querySelector('input[type="search"]') as HTMLInputElement;
        const done = () => {
          const text = status.textContent ?? '';
          const hasPage = document.querySelector('.results li') !== null || text.startsWith('0 tweets');
          return text.includes(`match “${q}”`) && hasPage;
        };
        const t0 = performance.now();
        const obs = new MutationObserver(() => {
          if (done()) {
            obs.disconnect();
            resolve({ ms: performance.now() - t0, status: status.textContent ?? '' });
          }
        });
        obs.observe(document.body, { subtree: true, childList: true, characterData: true });
        box.form!.requestSubmit();
      }),
    { q: query },
  );
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const files = await cachedDemoArchive(args.tweets, args.seed, log);
  const work = mkdtempSync(path.join(tmpdir(), 'dw-bench-search-run-'));
  const out = path.join(work, 'renderer');
  log('building renderer into', out);
  const build = spawnSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts'], { cwd: repoRoot, env: { ...process.env, DW_RENDERER_OUT: out }, encoding: 'utf8' });
  if (build.status !== 0) throw new Error('renderer build failed:\n' + build.stdout + build.stderr);
  const { startStaticServer } = (await import(path.join(repoRoot, 'scripts/staticServer.mjs'))) as {
    startStaticServer(o: { root: string; port?: number; csp: string }): Promise<{ server: import('node:http').Server; url: string }>;
  };
  const { server, url } = await startStaticServer({ root: out, csp: readFileSync(path.join(out, 'csp.txt'), 'utf8').trim() });
  const context = await chromium.launchPersistentContext(path.join(work, 'profile'), { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS, headless: true, viewport: { width: 1400, height: 900 } });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    await page.evaluate('globalThis.__name = (f) => f');
    log('importing', files.map((f) => path.basename(f)).join(', '));
    const t0 = performance.now();
    await page.getByLabel(/Import archive files/).setInputFiles(files);
    await page.locator('.import-done, .import-alert').first().waitFor({ timeout: 3_600_000 });
    if (await page.locator('.import-alert').count()) throw new Error('import failed: ' + (await page.locator('.import-alert').innerText()));
    const importSeconds = (performance.now() - t0) / 1000;
    log(`import done in ${importSeconds.toFixed(1)} s; computing expected counts`);
    const expected = await expectedCounts(files[1]!);

    await page.goto(url + '#/explore/search');
    await page.getByRole('searchbox').waitFor({ timeout: 600_000 });
    // First query loads the corpus into the worker: timed separately.
    const cold = await runQuery(page, QUERIES[0]!.query, '');
    const loadMs = Number(/text loaded in (\d+) ms/.exec(cold.status)?.[1] ?? NaN);
    const queries = [];
    for (const [i, q] of QUERIES.entries()) {
      const r = await runQuery(page, q.query, q.retweet ?? '');
      const count = Number(/^([\d,]+) tweets match/.exec(r.status)![1]!.replace(/,/g, ''));
      if (count !== expected[i]) throw new Error(`count for ${q.query}: app ${count}, generator ${expected[i]}`);
      queries.push({ query: q.query, filters: q.retweet ? { retweet: q.retweet } : {}, count, firstPageMs: Math.round(r.ms), workerMs: Number(/— (\d+) ms/.exec(r.status)?.[1] ?? NaN) });
    }
    const tweets = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open('disclosure-workbench');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const ds = await new Promise<{ counts: { tweets: number } }[]>((res) => {
        const r = db.transaction('datasets').objectStore('datasets').getAll();
        r.onsuccess = () => res(r.result);
      });
      db.close();
      return ds.reduce((n, d) => n + d.counts.tweets, 0);
    });
    console.log(JSON.stringify({ bench: 'search', tweets, importSeconds: Math.round(importSeconds * 10) / 10, loadMs, coldFirstPageMs: Math.round(cold.ms), queries, maxFirstPageMs: Math.max(...queries.map((q) => q.firstPageMs)) }));
  } finally {
    await context.close().catch(() => {});
    server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
