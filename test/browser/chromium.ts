import { existsSync } from 'node:fs';
import { ALLOCATOR_FEATURES } from '../../main/allocatorFeatures';

/** Chromium for tests: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own. */
export function chromiumExecutable(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return undefined;
}

/** Flags that keep Chromium from reaching for the network on its own (updates, sync, metrics), and the app's V8 flag and features. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
  // No host name resolves but the local test server's: a request that slipped past the checks
  // (which record every request the pages make) could not reach anything.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  // As the Electron app (main/main.ts): the import's block writer collects garbage every 1,000,000 tweets.
  '--js-flags=--expose-gc',
  `--enable-features=${ALLOCATOR_FEATURES.join(',')}`,
];
