// `npm run bench:graph -- --json [--tweets N] [--render-only]`: first render and median pan/zoom
// frame time of the Network view's drawing (Cytoscape with the nodes, canvas renderer, the view's
// level-of-detail settings, over the edge layer) in headless Chromium at 1k/5k, 5k/20k, 20k/100k, plus the coordination benchmark
// (test/bench/coordination.ts) when present. Prints ONE JSON line. `edgeLayerDrawMs`: one full redraw
// of the edges (what a settled pan/zoom or a node drag costs).
// `--render-only` skips the coordination part (its field then says so); the JSON shape stays the same.
import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, chromiumExecutable } from '../browser/chromium';
import { scriptArgs } from './scriptArgs';
import { demoArchiveArg } from './cachedDemoArchive';

const args = scriptArgs('usage: npm run bench:graph -- --json [--tweets N] [--render-only]', { options: ['--tweets'], flags: ['--json', '--render-only'] });
const tweets = args.count('--tweets', undefined);
// Checked now, not after the render part: the coordination part's archive (seed 2024, as coordination.ts makes it) must hold its planted posts.
if (tweets !== undefined && !args.flags.has('--render-only')) demoArchiveArg({ seed: 2024, tweets }, args.usageError);

const here = path.dirname(fileURLToPath(import.meta.url));
const SIZES: [number, number][] = [[1_000, 5_000], [5_000, 20_000], [20_000, 100_000]];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : NaN;
}

async function renderBench(): Promise<Record<string, unknown>[]> {
  const bundle = await build({ entryPoints: [path.join(here, 'graphRenderPage.ts')], bundle: true, write: false, format: 'iife', target: 'es2022', logLevel: 'silent' });
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  await page.setContent('<!doctype html><html><body style="margin:0"><div id="cy" style="width:1200px;height:800px"></div></body></html>');
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  // CPU time of the page's main thread next to the wall time: the machines here are shared, and a
  // load average of 8 on 2 cores multiplies wall time several-fold while CPU time barely moves.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' } as never);
  const threadSeconds = async (): Promise<number> => (await cdp.send('Performance.getMetrics')).metrics.find((x) => x.name === 'ThreadTime')?.value ?? NaN;
  const out: Record<string, unknown>[] = [];
  for (const [n, m] of SIZES) {
    const load = loadavg()[0]!;
    const cpu0 = await threadSeconds();
    const first = await page.evaluate(([n, m]) => (globalThis as any).graphBench.render(n, m), [n, m] as const);
    const firstRenderCpuSeconds = +((await threadSeconds()) - cpu0).toFixed(3);
    const allNodesInView: boolean = await page.evaluate(() => (globalThis as any).graphBench.allNodesInView());
    const edgeLayerDrawMs: number = await page.evaluate(() => (globalThis as any).graphBench.edgeLayerDrawMs());
    await page.waitForTimeout(300);
    // Real input events, so Cytoscape's viewport level of detail (hidden edges, texture) applies.
    await page.mouse.move(600, 400);
    await page.evaluate(() => (globalThis as any).graphBench.startFrames());
    for (let i = 0; i < 20; i++) {
      await page.mouse.wheel(0, i < 10 ? -120 : 120);
      await page.waitForTimeout(16);
    }
    await page.mouse.down();
    for (let i = 0; i < 30; i++) {
      await page.mouse.move(600 + i * 8, 400 + i * 4);
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
    const frames: number[] = await page.evaluate(() => (globalThis as any).graphBench.stopFrames());
    out.push({
      nodes: n, edges: m, renderer: first.renderer, allNodesInView,
      firstRenderSeconds: +(first.firstRenderMs / 1000).toFixed(3),
      firstRenderCpuSeconds, constructSeconds: +(first.constructMs / 1000).toFixed(3),
      // The renderer's first 'render' event (first frame drawn); firstRenderSeconds adds two animation frames.
      renderEventSeconds: +(first.renderEventMs / 1000).toFixed(3),
      loadAverage1m: +Math.max(load, loadavg()[0]!).toFixed(2),
      edgeLayerDrawMs: +edgeLayerDrawMs.toFixed(1),
      medianFrameMs: +median(frames).toFixed(1),
      p90FrameMs: +[...frames].sort((a, b) => a - b)[Math.floor(frames.length * 0.9)]!.toFixed(1),
      maxFrameMs: +Math.max(...frames).toFixed(1),
      frames: frames.length,
    });
    await page.waitForTimeout(400);
  }
  await browser.close();
  return out;
}

function coordinationBench(): unknown {
  const script = path.join(here, 'coordination.ts');
  if (!existsSync(script)) return { missing: 'test/bench/coordination.ts' };
  // --tweets N passes through to the coordination part (the render part draws fixed sizes).
  const size = tweets === undefined ? [] : ['--tweets', String(tweets)];
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, '--json', ...size], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const line = r.stdout.trim().split('\n').filter((l) => l.startsWith('{')).pop();
  if (r.status !== 0 || !line) process.exitCode = 1; // the JSON line still says which part failed
  return line ? JSON.parse(line) : { error: r.stderr.slice(-500) };
}

const render = await renderBench();
const coordination = args.flags.has('--render-only') ? { skipped: '--render-only' } : coordinationBench();
console.log(JSON.stringify({ coordination, render, targets: { firstRender5kSeconds: 3, medianFrameMs: 33 } }));
