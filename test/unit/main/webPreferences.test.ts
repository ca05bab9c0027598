import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../../main/window/webPreferences';

describe('window web preferences', () => {
  it('keep the security baseline: isolation, sandbox, no Node, no webview', () => {
    const prefs = secureWebPreferences('/x/preload.cjs');
    expect(prefs).toMatchObject({
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
      disableBlinkFeatures: 'Auxclick',
    });
    expect(prefs.devTools).toBe(false);
    expect(prefs.preload).toBe('/x/preload.cjs');
    // Only an unpackaged run asks for them (createMainWindow), whatever the environment says.
    process.env.WORKBENCH_DEVTOOLS = '1';
    expect(secureWebPreferences('/x/preload.cjs').devTools).toBe(false);
    delete process.env.WORKBENCH_DEVTOOLS;
    expect(secureWebPreferences('/x/preload.cjs', true).devTools).toBe(true);
  });
});
