import { app, dialog, protocol, safeStorage, session } from 'electron';
import { open, readFile, rename, rm, statfs } from 'node:fs/promises';
import path from 'node:path';
import { APP_NAME, APP_SCHEME } from '../shared/appIdentity';
import { createHostHandlers } from './ipc/hostHandlers';
import { electronSecretStore, keyCustodyOver } from './ipc/keyCustody';
import { registerIpc } from './ipc/registerIpc';
import { createAppProtocolHandler } from './security/appProtocol';
import { createEgressGuard } from './security/egressGuard';
import { egressLogFile, nodeEgressLogFileSystem } from './security/egressLogFile';
import { hardenSession } from './security/hardenSession';
import { createKeyService } from './services/keys/keyService';
import { createSaveFileService } from './services/saveFileService';
import { createReportPrinter } from './services/printReport';
import { storageSpaceOf } from './services/storageSpace';
import { openHiddenPrintWindow } from './services/printReportWindow';
import { setApplicationMenu } from './window/applicationMenu';
import { ALLOCATOR_FEATURES } from './allocatorFeatures';
import { createMainWindow, devToolsAllowed } from './window/createMainWindow';

// Thin shell: wiring only. Every decision lives in a module a Node test can run.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } },
]);
app.setName(APP_NAME);
app.commandLine.appendSwitch('disable-background-networking');
app.commandLine.appendSwitch('disable-component-update');
// No name resolves: a request that got past the session's guard (WebRTC's STUN lookups do not pass
// through webRequest) still cannot reach a host. The app itself is served by app://, which needs none.
app.commandLine.appendSwitch('host-resolver-rules', 'MAP * ~NOTFOUND');
// gc() for the import's block writer: a full collection every 1,000,000 tweets keeps a 2 GB import's
// renderer under 1.5 GB (blockWriterWorker.ts). test/browser/chromium.ts starts Chromium the same way.
app.commandLine.appendSwitch('js-flags', '--expose-gc');
app.commandLine.appendSwitch('enable-features', ALLOCATOR_FEATURES.join(','));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const egressFile = egressLogFile(path.join(app.getPath('userData'), 'egress-log.json'), nodeEgressLogFileSystem);
  const guard = createEgressGuard({
    onBlocked: (url) => console.warn(`[egress] blocked ${url}`),
    devTools: devToolsAllowed(),
    saved: egressFile.load(),
    persist: (log) => egressFile.write(log),
  });
  try {
    egressFile.write(guard.snapshot()); // a new log's start (since) is kept from its first run
  } catch (err) {
    console.error(`[egress] the egress log cannot be saved: ${(err as Error).message}`);
  }
  // A refused navigation, redirect, window or webview is an attempt to leave too: the egress log counts it.
  const logBlocked = (what: string, url: string) => guard.record(`${url || '(no address)'} (${what} refused)`);
  const rendererRoot = path.join(__dirname, '..', 'renderer');
  const preloadPath = path.join(__dirname, 'preload.cjs');

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.setWebRTCIPHandlingPolicy('disable_non_proxied_udp'); // no direct UDP: no STUN, no local addresses
    // Web Bluetooth: with no handler Electron picks the first device found. None is chosen, ever.
    contents.on('select-bluetooth-device', (event, _devices, choose) => {
      event.preventDefault();
      choose('');
    });
  });

  void app.whenReady().then(() => {
    setApplicationMenu();
    hardenSession(session.defaultSession, guard);
    // Report documents being printed are served from memory under app://workbench/__report/.
    const reportPrinter = createReportPrinter({ openWindow: openHiddenPrintWindow(logBlocked) });
    const appFiles = createAppProtocolHandler({ root: rendererRoot, readFile: (p) => readFile(p) });
    protocol.handle(APP_SCHEME, (request) => reportPrinter.serve(request) ?? appFiles(request));
    const saves = createSaveFileService({
      chooseSavePath: async (request) => {
        // The page suggests a file name, never a folder: the dialog opens in its default folder.
        const result = await dialog.showSaveDialog({
          defaultPath: path.basename(request.suggestedName.replaceAll('\\', '/')),
          properties: ['showOverwriteConfirmation', 'createDirectory'], // Linux asks before replacing only when told to
        });
        return result.canceled || !result.filePath ? null : result.filePath;
      },
      create: (p) => open(p, 'wx'), // O_EXCL: never through an existing file or link
      remove: (p) => rm(p, { force: true }),
      rename,
    });
    // A save still open at quit (an export cut short) leaves no .partial file.
    let savesAborted = false;
    app.on('will-quit', (event) => {
      guard.flush(); // the egress log's last count, if a burst left it waiting
      if (savesAborted) return;
      event.preventDefault();
      void saves.abortAll().finally(() => {
        savesAborted = true;
        app.quit();
      });
    });
    const secrets = electronSecretStore(safeStorage);
    registerIpc(
      createHostHandlers({
        appInfo: () => ({
          name: APP_NAME,
          version: app.getVersion(),
          host: 'electron',
          dataLocation: app.getPath('userData'),
          platform: process.platform,
          printsReport: true,
        }),
        egressLog: () => guard.snapshot(),
        egressBlocked: (url) => guard.record(url),
        saves,
        storageSpace: () => storageSpaceOf(statfs, app.getPath('userData')),
        printReport: (request) => reportPrinter.print(request),
        keys: keyCustodyOver(createKeyService({ dir: path.join(app.getPath('userData'), 'keys'), secrets, clock: () => new Date() }), secrets),
      }),
    );
    let window = createMainWindow(preloadPath, logBlocked);
    app.on('second-instance', () => {
      // The main window may be closed while the app lives on (a report still printing in its hidden window).
      if (window.isDestroyed()) window = createMainWindow(preloadPath, logBlocked);
      else if (window.isMinimized()) window.restore();
      window.focus();
    });
    app.on('activate', () => {
      if (window.isDestroyed()) window = createMainWindow(preloadPath, logBlocked);
    });
  });
  app.on('window-all-closed', () => app.quit());
}
