import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../fixtures/paths';

/**
 * Where an Electron binary is, without require('electron') (which would try to download one):
 * ELECTRON_OVERRIDE_DIST_PATH, else the installed package's dist. Returns the reason when none.
 */
export function findElectronBinary(): { path: string } | { reason: string } {
  const exe = process.platform === 'win32' ? 'electron.exe' : process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const p = path.join(override, exe);
    return existsSync(p) ? { path: p } : { reason: `ELECTRON_OVERRIDE_DIST_PATH=${override} holds no ${exe}` };
  }
  const pkg = path.join(repoRoot, 'node_modules', 'electron');
  const pathTxt = path.join(pkg, 'path.txt');
  if (existsSync(pathTxt)) {
    const p = path.join(pkg, 'dist', readFileSync(pathTxt, 'utf8').trim());
    if (existsSync(p)) return { path: p };
  }
  return { reason: 'no Electron binary on this machine (its download host is unreachable); set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron to run this suite' };
}
