import { _electron as electron, test, type ElectronApplication } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '../fixtures/paths';
import { findElectronBinary } from './electronBinary';

const found = findElectronBinary();

/** Why the suite cannot run here (no Electron binary), or null when it can. For hooks that must not launch. */
export const electronMissing = (): string | null => ('reason' in found ? found.reason : null);

/** Skips the calling suite, with the reason, where no Electron binary exists. */
export function requireElectron(): void {
  test.skip('reason' in found, 'reason' in found ? found.reason : '');
}

/** Launches the built app with a fresh (or given) user-data folder. */
export async function launchApp(userData = mkdtempSync(path.join(tmpdir(), 'dw-electron-'))): Promise<{ app: ElectronApplication; userData: string }> {
  if ('reason' in found) throw new Error(found.reason);
  const app = await electron.launch({
    executablePath: found.path,
    args: [repoRoot, `--user-data-dir=${userData}`],
    env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
  });
  return { app, userData };
}
