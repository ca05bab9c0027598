import { BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';

/**
 * The app's menu: edit and window commands only. Electron's default menu has a Help menu whose
 * items open electronjs.org in the system browser: a request out of the machine.
 */
export function setApplicationMenu(): void {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' } as const] : [{ role: 'fileMenu' } as const]),
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        // A browser's Back and Forward (Alt+Left/Right; Cmd+[ and ] on macOS): Electron has none of its own,
        // and the app's pages (an account opened from Search or Network) are steps in its history.
        { label: 'Back', accelerator: process.platform === 'darwin' ? 'Cmd+[' : 'Alt+Left', click: () => history()?.goBack() },
        { label: 'Forward', accelerator: process.platform === 'darwin' ? 'Cmd+]' : 'Alt+Right', click: () => history()?.goForward() },
        { type: 'separator' },
        { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** The focused window's history, where a step back (or forward) exists. */
function history() {
  const h = BrowserWindow.getFocusedWindow()?.webContents.navigationHistory;
  return h && { goBack: () => h.canGoBack() && h.goBack(), goForward: () => h.canGoForward() && h.goForward() };
}
