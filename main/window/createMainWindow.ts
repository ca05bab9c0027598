import { app, BrowserWindow, nativeTheme } from 'electron';
import { APP_NAME, APP_ORIGIN } from '../../shared/appIdentity';
import { hardenWebContents } from '../security/hardenWebContents';
import { askBeforeLosingDrafts } from './askBeforeLosingDrafts';
import { secureWebPreferences } from './webPreferences';

/** DevTools (and devtools: URLs) only in an unpackaged run started with WORKBENCH_DEVTOOLS=1: never in a release. */
export const devToolsAllowed = (): boolean => !app.isPackaged && process.env.WORKBENCH_DEVTOOLS === '1';

export function createMainWindow(preloadPath: string, onBlocked: (what: string, url: string) => void): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    title: APP_NAME,
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#16181d' : '#ffffff',
    webPreferences: secureWebPreferences(preloadPath, devToolsAllowed()),
  });
  hardenWebContents(window.webContents, onBlocked);
  askBeforeLosingDrafts(window);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
