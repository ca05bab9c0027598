/**
 * End-to-end import benchmark through the app's own UI, worker and store, in headless Chromium with
 * a persistent profile (IndexedDB on disk):
 *   npm run bench:import -- --json [FILE...] [--tweets N] [--seed S] [--baseline-rows N] [--no-bare] [--cpu-profile DIR]
 * Without files, the demo archive of N tweets (default 1,000,000) is generated into a temp dir first
 * (cached there by size and seed). Prints one JSON line:
 *   {"files":[receipts],"accounts","tweets","rejected","seconds","rowsPerSecond","peakRendererMB","baselineRowsPerSecond","peakAllRenderersMB","bareRowsPerSecond"}
 * - seconds: from handing the files to the app's file input until the import is committed (both passes);
 * - rowsPerSecond: data rows read (all files) / seconds;
 * - peakRendererMB: peak RSS of the app's renderer process (page, import worker and block writer:
 *   the largest renderer of this browser; the others are Chromium's own UI and a spare, ~150 and
 *   ~75 MB) until the import is committed (not during the baseline): the kernel's high-water mark
 *   (VmHWM) read when the import ends, since 2026-11-29 (before, samples every 250 ms, which could
 *   miss a short peak near the end of the import); peakAllRenderersMB: the sum of all
 *   renderer processes, sampled from /proc every 250 ms (what peakRendererMB reported before 2026-11-29);
 * - baselineRowsPerSecond: the same first 100,000 tweets (read back from the app's blocks), written
 *   naively as one record per row with Dexie bulkPut into a separate database, same browser, same run;
 * - bareRowsPerSecond: a reference for what the app's import costs over the bare minimum: the same
 *   files through a bare pipeline in one worker (bareImportWorker.ts: read, decode, split, 2,000-row
 *   column arrays into IndexedDB; no hash, checks, provenance, dedupe, aggregates or search), same
 *   browser, same run, after the baseline. On stderr, the seconds it takes up to each of its stages.
 *   null when a file is a .zip or .gz (the bare pipeline reads plain CSV only), or with --no-bare (it
 *   reads the files four more times: about a minute more for 1 M tweets).
 * On stderr: the import's timings and the CPU seconds each kind of browser process used during it
 * (for the browser and renderers, also their kernel seconds and page faults).
 * --cpu-profile DIR: a CPU profile of each worker up to 90% of the bytes (workerProfiles.ts; the
 * renderer built unminified), summarised by summarizeProfile.ts. DW_BENCH_JS_FLAGS: V8 flags to try;
 * DW_BENCH_CHROMIUM_ARGS: Chromium switches to try.
 */
import { chromium } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { BareStage } from './bareImportWorker';
import { tmpdir } from 'node:os';
import { scriptArgs } from '../scriptArgs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedDemoArchive, demoArchiveArg } from '../cachedDemoArchive';
import { browserProcesses, cpuSecondsByProcess, cpuSince, ThreadCpu } from './browserCpu';
import { containerOf } from '../../../shared/archive/openArchive';
import { CHROMIUM_ARGS, chromiumExecutable } from '../../browser/chromium';
import { exposeModule } from '../../browser/pageModule';
import { profileWorkers } from './workerProfiles';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const log = (...a: unknown[]) => console.error('[bench:import]', ...a);

function parseArgs(argv: string[]) {
  const args = scriptArgs('usage: npm run bench:import -- --json [FILE...] [--tweets N] [--seed S] [--baseline-rows N] [--no-bare] [--cpu-profile DIR]', {
    options: ['--tweets', '--seed', '--baseline-rows', '--cpu-profile'], flags: ['--json', '--no-bare'], operands: ['FILE...'],
  }, argv);
  const files = args.files.map((f) => path.resolve(f));
  for (const f of files) if (!existsSync(f)) args.usageError(`no such file: ${f}`);
  for (const f of files) if (statSync(f).isDirectory()) args.usageError(`${f} is a folder: give the archive's files`);
  const demoOptions = { tweets: args.count('--tweets', 1_000_000), seed: args.seed(11) };
  const demo = files.length ? undefined : demoArchiveArg(demoOptions, args.usageError);
  const profileDir = args.text('--cpu-profile');
  return { files, demo, baselineRows: args.count('--baseline-rows', 100_000), bare: !args.flags.has('--no-bare'), profileDir: profileDir && path.resolve(profileDir) };
}

/** Peak RSS so far (VmHWM, MB) of the largest renderer process of the browser that uses `profileDir`: exact, unlike sampling. */
function rendererHighWaterMB(profileDir: string): number {
  let max = 0;
  for (const [pid, { args }] of browserProcesses(profileDir)) {
    if (!args.includes('--type=renderer')) continue;
    try {
      const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      max = Math.max(max, Number(kb ?? 0) / 1024);
    } catch {
      // exited
    }
  }
  return max;
}

function firstBytes(file: string, n: number): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const head = new Uint8Array(n);
    return head.subarray(0, readSync(fd, head, 0, n, 0));
  } finally {
    closeSync(fd);
  }
}

/** RSS (MB) of the renderer processes of the browser that uses `profileDir`: the largest, and all together. */
function rendererRssMB(profileDir: string): { app: number; all: number } {
  const rss = [...browserProcesses(profileDir).values()].filter((p) => p.args.includes('--type=renderer')).map((p) => p.rssKB / 1024);
  return { app: Math.max(0, ...rss), all: rss.reduce((a, b) => a + b, 0) };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const files = args.demo ? await cachedDemoArchive(args.demo, log) : args.files;
  const work = mkdtempSync(path.join(tmpdir(), 'dw-bench-import-run-'));
  const out = path.join(work, 'renderer');
  const profileDir = path.join(work, 'profile');
  log('building renderer into', out);
  const build = spawnSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts'], { cwd: repoRoot, env: { ...process.env, DW_RENDERER_OUT: out, ...(args.profileDir ? { DW_RENDERER_MINIFY: '0' } : {}) }, encoding: 'utf8' });
  if (build.status !== 0) throw new Error('renderer build failed:\n' + build.stdout + build.stderr);
  // Bench-only: Dexie's UMD beside the app so the baseline can load it under the app's CSP ('self').
  copyFileSync(path.join(repoRoot, 'node_modules/dexie/dist/dexie.min.js'), path.join(out, 'bench-dexie.js'));
  const { startStaticServer } = (await import(path.join(repoRoot, 'scripts/staticServer.mjs'))) as {
    startStaticServer(o: { root: string; port?: number; csp: string }): Promise<{ server: import('node:http').Server; url: string }>;
  };
  const { server, url } = await startStaticServer({ root: out, csp: readFileSync(path.join(out, 'csp.txt'), 'utf8').trim() });
  // DW_BENCH_JS_FLAGS: V8 flags to try beside the app's (compare them in alternating runs).
  const jsFlags = process.env.DW_BENCH_JS_FLAGS;
  // DW_BENCH_CHROMIUM_ARGS: Chromium switches to try (space-separated; an --enable-features or
  // --disable-features given here replaces CHROMIUM_ARGS' own: Chromium keeps a switch's last value).
  const extraArgs = (process.env.DW_BENCH_CHROMIUM_ARGS ?? '').split(' ').filter(Boolean);
  const chromiumArgs = [...(jsFlags ? CHROMIUM_ARGS.map((a) => (a.startsWith('--js-flags=') ? `${a} ${jsFlags}` : a)) : CHROMIUM_ARGS), ...extraArgs];
  const context = await chromium.launchPersistentContext(profileDir, { executablePath: chromiumExecutable(), args: chromiumArgs, headless: true });
  const peak = { app: 0, all: 0 };
  const sample = () => {
    const r = rendererRssMB(profileDir);
    peak.app = Math.max(peak.app, r.app);
    peak.all = Math.max(peak.all, r.all);
  };
  // Per thread too (the import worker, the block writer, the hash thread end with the import: sampled while they run).
  const threads = new ThreadCpu(profileDir);
  const sampler = setInterval(() => {
    try {
      sample();
      threads.sample();
    } catch {}
  }, 250);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const outside: string[] = [];
    context.on('request', (r) => {
      if (!r.url().startsWith('http://127.0.0.1:')) outside.push(r.url());
    });
    await page.goto(url);
    await page.getByRole('heading', { name: 'Datasets', level: 1 }).waitFor();
    // tsx (esbuild keepNames) wraps functions passed to evaluate in __name(): define it in the page.
    await page.evaluate('globalThis.__name = (f) => f');
    log('importing', files.map((f) => path.basename(f)).join(', '));
    // With --cpu-profile, every worker's CPU profile (workerProfiles.ts): the sampling slows the import a little.
    const profiling = args.profileDir ? await profileWorkers(page, args.profileDir) : undefined;
    const cpuBefore = cpuSecondsByProcess(profileDir);
    threads.start();
    const t0 = performance.now();
    await page.getByLabel(/Import archive files/).setInputFiles(files);
    // The workers end with the import, and their profiles with them: taken at 90% of the bytes read.
    // An import that ends before 90% is seen (a small file, a refusal) leaves no profile to take: stopped then, once.
    let stopped: Promise<void> | undefined;
    const stopProfiling = () => (stopped ??= profiling!.stop().then((files) => log('worker profiles (up to 90% of the bytes)', files.join(', ') || 'none: the workers had ended')));
    const profiled = profiling && page.waitForFunction(() => Number(document.querySelector<HTMLProgressElement>('progress[aria-label="Import progress"]')?.value ?? 0) >= 0.9, null, { timeout: 3_600_000, polling: 200 }).then(stopProfiling);
    const outcome = await Promise.race([
      page.locator('.import-done').waitFor({ timeout: 3_600_000 }).then(() => 'done'),
      page.locator('.import-alert').waitFor({ timeout: 3_600_000 }).then(() => 'alert'),
    ]);
    const seconds = (performance.now() - t0) / 1000;
    log('cpu seconds during the import', JSON.stringify(cpuSince(cpuBefore, profileDir)));
    log('renderer threads, cpu seconds during the import (sampled every 250 ms)', JSON.stringify(threads.busiest()));
    if (profiling) await Promise.race([profiled, stopProfiling()]);
    sample();
    const importPeak = { ...peak, app: Math.max(peak.app, rendererHighWaterMB(profileDir)) };
    if (outcome !== 'done') throw new Error('import did not finish: ' + (await page.locator('.import-alert').innerText()));
    log('timings', await page.locator('[data-timings]').getAttribute('data-timings'));
    const stored = await page.evaluate(readStore);
    log('import done in', seconds.toFixed(1), 's; measuring baseline');
    await page.addScriptTag({ url: 'bench-dexie.js' });
    await exposeModule(page, path.join(repoRoot, 'renderer/src/store/tweetBlockCodec.ts'), 'dwCodec');
    const baselineRowsPerSecond = await page.evaluate(naiveBaseline, args.baselineRows);
    const rowsRead = stored.receipts.reduce((n: number, r: { rowsRead: number }) => n + r.rowsRead, 0);
    let bareRowsPerSecond: number | null = null;
    if (args.bare && files.every((f) => containerOf(firstBytes(f, 4)) === 'plain')) {
      const stages: Record<string, number> = {};
      for (const upTo of ['read', 'decode', 'split'] as const) stages[upTo + 'Seconds'] = (await bareImport(page, files, out, upTo)).seconds;
      const cpuBeforeBare = cpuSecondsByProcess(profileDir);
      const bare = await bareImport(page, files, out);
      log('bare import, seconds up to each stage:', JSON.stringify({ ...stages, storeSeconds: bare.seconds }));
      log('cpu seconds during the bare import (all stages)', JSON.stringify(cpuSince(cpuBeforeBare, profileDir)));
      if (bare.rows !== rowsRead) throw new Error(`the bare import read ${bare.rows} rows, the app ${rowsRead}: not the same work`);
      bareRowsPerSecond = Math.round(bare.rows / bare.seconds);
    } else log(args.bare ? 'bare import skipped: it reads plain CSV files only (bareRowsPerSecond null)' : 'bare import skipped: --no-bare');
    if (outside.length) throw new Error('requests outside 127.0.0.1: ' + outside.join(', '));
    console.log(JSON.stringify({
      files: stored.receipts, accounts: stored.accounts, tweets: stored.tweets, rejected: stored.rejected,
      seconds: Math.round(seconds * 100) / 100, rowsPerSecond: Math.round(rowsRead / seconds),
      peakRendererMB: Math.round(importPeak.app), baselineRowsPerSecond: Math.round(baselineRowsPerSecond), peakAllRenderersMB: Math.round(importPeak.all),
      bareRowsPerSecond,
    }));
  } finally {
    clearInterval(sampler);
    await context.close().catch(() => {});
    server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The same files through the bare pipeline (bareImportWorker.ts), up to `upTo`, one after another in
 * a worker of the app's page: rows (header excluded) and seconds, all files together.
 */
async function bareImport(page: import('@playwright/test').Page, files: string[], out: string, upTo: BareStage = 'store'): Promise<{ rows: number; seconds: number }> {
  const worker = path.join(out, 'bench-bare-import.js');
  if (!existsSync(worker)) {
    const { transform } = await import('esbuild');
    const source = readFileSync(path.join(repoRoot, 'test/bench/import/bareImportWorker.ts'), 'utf8');
    writeFileSync(worker, (await transform(source, { loader: 'ts', target: 'es2022' })).code);
  }
  const total = { rows: 0, seconds: 0 };
  for (const f of files) {
    await page.evaluate(() => {
      const input = Object.assign(document.createElement('input'), { type: 'file', id: 'bench-bare-input', hidden: true });
      document.body.append(input);
    });
    await page.locator('#bench-bare-input').setInputFiles(f);
    const r = await page.evaluate(
      (upTo) =>
        new Promise<{ rows: number; seconds: number; error?: string }>((resolve) => {
          const input = document.getElementById('bench-bare-input') as HTMLInputElement;
          const worker = new Worker('bench-bare-import.js');
          worker.onmessage = (e) => (worker.terminate(), input.remove(), resolve(e.data));
          worker.postMessage({ file: input.files![0], upTo });
        }),
      upTo,
    );
    if (r.error) throw new Error('bare import failed: ' + r.error);
    total.rows += r.rows;
    total.seconds += r.seconds;
  }
  return total;
}

/** In the page: the dataset's counts and receipts, through raw IndexedDB. */
async function readStore() {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open('disclosure-workbench');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const all = (store: string) =>
    new Promise<any[]>((resolve, reject) => {
      const r = db.transaction(store).objectStore(store).getAll();
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  const [datasets, files] = await Promise.all([all('datasets'), all('files')]);
  db.close();
  const c = datasets.reduce((s, d) => ({ accounts: s.accounts + d.counts.accounts, tweets: s.tweets + d.counts.tweets, rejected: s.rejected + d.counts.rejected }), { accounts: 0, tweets: 0, rejected: 0 });
  return { ...c, receipts: files.map((f) => f.receipt) as { rowsRead: number }[] };
}

/** In the page: one record per tweet, Dexie bulkPut in 10,000-row chunks, into its own database. */
async function naiveBaseline(limit: number): Promise<number> {
  const Dexie = (window as any).Dexie;
  const app = new Dexie('disclosure-workbench');
  app.version(1).stores({ tweetBlocks: '[datasetId+seq], importId' });
  const rows: Record<string, unknown>[] = [];
  await app.table('tweetBlocks').each((b: any) => {
    const c = (window as any).dwCodec.decodeTweetColumns(b.columns);
    for (let i = 0; i < c.length && rows.length < limit; i++) {
      const row: Record<string, unknown> = {};
      for (const k of Object.keys(c)) if (k !== 'length') row[k] = c[k][i];
      rows.push(row);
    }
  });
  app.close();
  const base = new Dexie('dw-bench-baseline');
  base.version(1).stores({ tweets: 'tweetid' });
  await base.open();
  const t0 = performance.now();
  for (let i = 0; i < rows.length; i += 10_000) await base.table('tweets').bulkPut(rows.slice(i, i + 10_000));
  const seconds = (performance.now() - t0) / 1000;
  base.close();
  return rows.length / seconds;
}

await main();
