/**
 * Probe for issue #3, after byteParseProbe.ts: what storing the byte parser's blocks in IndexedDB
 * costs in headless Chromium, against the app's block shape, in the same browser and run.
 *
 *   npx tsx test/bench/import/byteBlockStoreProbe.ts [FILE] [--rounds N] [--port P] [--out DIR] [--no-parse-only] [--stages] [--slices] [--shapes current,bytes,raw]
 *
 * FILE defaults to the cached 1 M demo tweets file. A worker (byteBlockStoreWorker.ts) parses the file
 * and writes 2,000-row blocks, one record each, 10 a transaction, in three shapes ('current': the app's
 * parseArchive → encodeTweetColumns; 'bytes': ByteTweetParser's byte columns; 'raw': its records as in
 * the file), each with and (unless --no-parse-only) without the writes, rounds alternating the order.
 * Per run: seconds, the worker's time inside put() (serialisation), its wait for commits, and the CPU
 * seconds of each kind of browser process (renderer = page and worker; browser = IndexedDB's backend).
 * The worker and a blank page are served from DIR (default /tmp/probe-renderer) on 127.0.0.1:P (4391).
 */
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import wabtInit from 'wabt';
import { CHROMIUM_ARGS, chromiumExecutable } from '../../browser/chromium';
import { cpuSecondsByProcess, cpuSince } from './browserCpu';
import { byteOffsetScanWat } from './byteRowParser';
import type { BlockShape } from './byteBlockStoreWorker';
import type { ByteStage } from './byteRowParser';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const args = process.argv.slice(2);
const value = (f: string) => (args.includes(f) ? args[args.indexOf(f) + 1] : undefined);
const file = args.find((a, i) => !a.startsWith('--') && !(i > 0 && ['--rounds', '--port', '--out', '--shapes'].includes(args[i - 1]!))) ?? '/tmp/dw-bench-import/demo-1000000-seed11/demo_tweets_csv_hashed.csv';
const rounds = Number(value('--rounds') ?? 2);
const port = Number(value('--port') ?? 4391);
const out = value('--out') ?? '/tmp/probe-renderer';
const parseOnly = !args.includes('--no-parse-only');
/** --stages: instead, the byte parser alone cut short at each stage (ByteStage), once per round. */
const stages = args.includes('--stages');
/** --slices: the byte shapes read the file in 4 MiB File.slice() pieces (the app and 'current' use File.stream()). */
const read = args.includes('--slices') ? 'slices' : 'stream';
const load = () => execFileSync('uptime', { encoding: 'utf8' }).replace(/.*load average: /, '').trim();

async function serve(): Promise<{ close(): void; url: string }> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await build({ entryPoints: [path.join(here, 'byteBlockStoreWorker.ts')], bundle: true, format: 'iife', target: 'es2022', outfile: path.join(out, 'worker.js'), logLevel: 'warning' });
  const wabt = await wabtInit();
  const m = wabt.parseWat('csvScanBytes.wat', byteOffsetScanWat(readFileSync(path.join(repoRoot, 'shared/archive/csvScan.wat'), 'utf8')), { simd: true });
  m.validate();
  writeFileSync(path.join(out, 'scan.wasm'), m.toBinary({}).buffer);
  writeFileSync(path.join(out, 'index.html'), '<!doctype html><meta charset="utf-8"><title>byte block store probe</title><input type="file" id="file">');
  const { startStaticServer } = (await import(path.join(repoRoot, 'scripts/staticServer.mjs'))) as {
    startStaticServer(o: { root: string; port?: number; csp: string }): Promise<{ server: import('node:http').Server; url: string }>;
  };
  const { server, url } = await startStaticServer({ root: out, port, csp: "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'" });
  return { close: () => server.close(), url };
}

async function main(): Promise<void> {
  const { close, url } = await serve();
  const profileDir = path.join(out, 'profile');
  const context = await chromium.launchPersistentContext(profileDir, { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS, headless: true });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    await page.evaluate('globalThis.__name = (f) => f'); // tsx's keepNames in evaluated functions
    await page.locator('#file').setInputFiles(file);
    console.log(`file ${file}; load before ${load()}`);
    const shapes = (value('--shapes')?.split(',') ?? ['current', 'bytes', 'raw']) as BlockShape[];
    for (let round = 1; round <= rounds; round++) {
      const order = round % 2 ? shapes : [...shapes].reverse();
      const runs: { shape: BlockShape; store: boolean; upTo?: ByteStage }[] = stages
        ? (['scan', 'utf8', 'split', 'rows', 'aggregates'] as const).map((upTo) => ({ shape: 'bytes', store: false, upTo }))
        : order.flatMap((shape) => (parseOnly ? [false, true] : [true]).map((store) => ({ shape, store })));
      {
        for (const { shape, store, upTo } of runs) {
          const before = cpuSecondsByProcess(profileDir);
          const loadBefore = load();
          const r = await page.evaluate(
            ({ shape, store, upTo, read }) =>
              new Promise<Record<string, number | string>>((resolve) => {
                const input = document.getElementById('file') as HTMLInputElement;
                void fetch('scan.wasm').then(async (res) => {
                  const scanWasm = new Uint8Array(await res.arrayBuffer());
                  const worker = new Worker('worker.js');
                  worker.onmessage = (e) => {
                    worker.terminate();
                    resolve(e.data as Record<string, number | string>);
                  };
                  worker.postMessage({ file: input.files![0], shape, store, scanWasm, upTo, read });
                });
              }),
            { shape, store, upTo, read },
          );
          if (r.error) throw new Error(`${shape}: ${r.error}`);
          const cpu = cpuSince(before, profileDir);
          const s = Number(r.seconds);
          const onDisk = store ? ` on disk ${execFileSync('du', ['-sm', path.join(profileDir, 'Default/IndexedDB')], { encoding: 'utf8' }).split('\t')[0]} MB` : '';
          console.log(
            `round ${round} ${shape.padEnd(7)} ${store ? 'store' : upTo ? `to ${upTo}` : 'parse'}  ${s.toFixed(2).padStart(6)} s  ${Math.round(Number(r.rows) / s).toString().padStart(7)} rows/s  ` +
              `put ${Number(r.putSeconds).toFixed(2)} s  wait ${Number(r.waitSeconds).toFixed(2)} s  blocks ${r.blocks}${onDisk}  cpu ${JSON.stringify(cpu)}  load ${loadBefore}`,
          );
        }
      }
    }
  } finally {
    await context.close();
    close();
  }
}

await main();
