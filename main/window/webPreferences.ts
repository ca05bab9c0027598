import type { WebPreferences } from 'electron';

/**
 * The security-relevant web preferences of every window. A unit test reads this object and fails
 * if one of them regresses, so keep it a plain constant. DevTools only when the caller allows them
 * (an unpackaged run with WORKBENCH_DEVTOOLS=1: never in a release).
 */
export function secureWebPreferences(preloadPath: string, devTools = false): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    // Middle-click would open links in new windows.
    disableBlinkFeatures: 'Auxclick',
    safeDialogs: true,
    devTools,
  };
}
