/**
 * CPU profiles of a page's workers, nested ones included (the import worker starts the block writer
 * and the hash thread), through the DevTools protocol: `bench:import -- --cpu-profile DIR` writes one
 * `.cpuprofile` per worker (open them in Chromium's DevTools, or `summarizeProfile.ts` for a table).
 * Playwright's CDP session speaks to the page only, so each worker is reached through its parent's
 * session (Target.sendMessageToTarget, non-flat mode).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page } from '@playwright/test';

type Send = (method: string, params?: object) => Promise<any>;

interface Attached {
  name: string;
  send: Send;
}

/** Starts profiling every worker of `page` (those running and those started later); `stop` writes their profiles into `dir`. */
export async function profileWorkers(page: Page, dir: string): Promise<{ stop(): Promise<string[]> }> {
  const root = await page.context().newCDPSession(page);
  const workers: Attached[] = [];
  await watch(root, (m, p) => root.send(m as any, p as any), workers);
  return {
    async stop() {
      const written: string[] = [];
      mkdirSync(dir, { recursive: true });
      for (const w of workers) {
        const r = await w.send('Profiler.stop').catch(() => undefined);
        if (!r?.profile) continue;
        const file = path.join(dir, `${w.name}-${written.length}.cpuprofile`);
        writeFileSync(file, JSON.stringify(r.profile));
        written.push(file);
      }
      await root.detach().catch(() => {});
      return written;
    },
  };
}

/** Auto-attaches to the workers of the target behind `send`, starting a profiler in each, and recurses into them. */
async function watch(events: CDPSession | Child, send: Send, out: Attached[]): Promise<void> {
  events.on('Target.attachedToTarget', (e: any) => {
    const child = new Child(e.sessionId, send);
    out.push({ name: String(e.targetInfo.title || e.targetInfo.type).replace(/[^\w-]+/g, '_'), send: child.send });
    events.on('Target.receivedMessageFromTarget', (m: any) => {
      if (m.sessionId === e.sessionId) child.receive(JSON.parse(m.message));
    });
    void (async () => {
      await child.send('Profiler.enable');
      await child.send('Profiler.setSamplingInterval', { interval: 200 });
      await child.send('Profiler.start');
      await watch(child, child.send, out);
    })().catch(() => {});
  });
  await send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
}

/** A worker's session, spoken to through its parent. */
class Child {
  private next = 1;
  private readonly pending = new Map<number, (r: any) => void>();
  private readonly listeners = new Map<string, ((p: any) => void)[]>();
  constructor(private readonly sessionId: string, private readonly parent: Send) {}
  send: Send = (method, params = {}) => {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, resolve);
      // A worker that has ended has no session: its request fails instead of waiting for good.
      this.parent('Target.sendMessageToTarget', { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) }).catch((e: unknown) => {
        this.pending.delete(id);
        reject(e);
      });
    });
  };
  on(event: string, f: (p: any) => void): void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), f]);
  }
  receive(m: { id?: number; result?: unknown; method?: string; params?: unknown }): void {
    if (m.id !== undefined) {
      this.pending.get(m.id)?.(m.result);
      this.pending.delete(m.id);
    } else if (m.method) for (const f of this.listeners.get(m.method) ?? []) f(m.params);
  }
}
