/**
 * Probe for issue #3: how many page faults and CPU seconds turning a file's UTF-8 into strings costs
 * in headless Chromium, by TextDecoder (the app's splitter) against a hand transcoder into one reused
 * buffer (decodeFaultsWorker.ts), against reading alone, in alternating rounds.
 *
 *   npx tsx test/bench/import/decodeFaultsProbe.ts [FILE] [--rounds N]
 */
import { chromium } from '@playwright/test';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { CHROMIUM_ARGS, chromiumExecutable } from '../../browser/chromium';
import { cpuSecondsByProcess, cpuSince } from './browserCpu';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a)) ?? '/tmp/dw-bench-import/demo-1000000-seed11/demo_tweets_csv_hashed.csv';
const rounds = Number(args.includes('--rounds') ? args[args.indexOf('--rounds') + 1] : 2);
const out = '/tmp/decode-faults-probe';

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await build({ entryPoints: [path.join(here, 'decodeFaultsWorker.ts')], bundle: true, format: 'iife', target: 'es2022', outfile: path.join(out, 'worker.js'), logLevel: 'warning' });
writeFileSync(path.join(out, 'index.html'), '<!doctype html><meta charset="utf-8"><title>decode faults probe</title><input type="file" id="file">');
const { startStaticServer } = (await import(path.join(repoRoot, 'scripts/staticServer.mjs'))) as {
  startStaticServer(o: { root: string; port?: number; csp: string }): Promise<{ server: import('node:http').Server; url: string }>;
};
const { server, url } = await startStaticServer({ root: out, port: 4393, csp: "default-src 'self'; worker-src 'self'" });
const profileDir = path.join(out, 'profile');
const context = await chromium.launchPersistentContext(profileDir, { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS, headless: true });
try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  await page.locator('#file').setInputFiles(file);
  const ways = ['read', 'textdecoder', 'transcode'];
  for (let round = 1; round <= rounds; round++) {
    for (const way of round % 2 ? ways : [...ways].reverse()) {
      const before = cpuSecondsByProcess(profileDir);
      const r = await page.evaluate(
        (way) =>
          new Promise<Record<string, number | string>>((resolve) => {
            const worker = new Worker('worker.js');
            worker.onmessage = (e) => { worker.terminate(); resolve(e.data as Record<string, number | string>); };
            worker.postMessage({ file: (document.getElementById('file') as HTMLInputElement).files![0], way });
          }),
        way,
      );
      console.log(`round ${round} ${way.padEnd(11)} ${Number(r.seconds).toFixed(2)} s  chars ${r.chars} lines ${r.lines}  cpu ${JSON.stringify(cpuSince(before, profileDir))}`);
    }
  }
} finally {
  await context.close();
  server.close();
}
