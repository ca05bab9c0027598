import { BrowserWindow } from 'electron';
import { hardenWebContents } from '../security/hardenWebContents';
import { secureWebPreferences } from '../window/webPreferences';
import type { PrintWindow } from './printReport';

/**
 * The Electron side of report printing: a hidden window with the app's secure web preferences but
 * no preload (the report needs no host API), hardened like the main window.
 */
export function openHiddenPrintWindow(onBlocked: (what: string, url: string) => void) {
  return async (url: string): Promise<PrintWindow> => {
    const { preload: _none, ...prefs } = secureWebPreferences('');
    const window = new BrowserWindow({ show: false, width: 1024, height: 1400, webPreferences: { ...prefs, devTools: false } });
    hardenWebContents(window.webContents, onBlocked);
    try {
      await window.loadURL(url);
    } catch (err) {
      window.destroy();
      throw err;
    }
    return {
      // Runs in the page's main world through DevTools protocol evaluation, which the CSP does not govern.
      fontsReady: async () => {
        await window.webContents.executeJavaScript('document.fonts.ready.then(() => document.fonts.status)');
      },
      printToPDF: async (options) => new Uint8Array(await window.webContents.printToPDF(options)),
      close: () => {
        if (!window.isDestroyed()) window.destroy();
      },
    };
  };
}
