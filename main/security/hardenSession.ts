import type { Session } from 'electron';
import { APP_ORIGIN } from '../../shared/appIdentity';
import type { EgressGuard } from './egressGuard';

/** Offline and permission policy for the app's session: nothing leaves, nothing is granted. */
export function hardenSession(session: Session, guard: EgressGuard): void {
  session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
    callback({ cancel: guard.shouldCancel(details.url) });
  });
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  // Bluetooth pairing (Windows, Linux) refused too; device choice is refused in main.ts.
  session.setBluetoothPairingHandler((_details, respond) => respond({ confirmed: false }));
  session.enableNetworkEmulation({ offline: true });
  session.setSpellCheckerEnabled(false);
  // Were spellchecking ever turned on, Hunspell dictionaries would be fetched from Google's servers
  // by default: they would be asked of the app's own origin instead (and not found).
  session.setSpellCheckerDictionaryDownloadURL(`${APP_ORIGIN}/no-spellcheck-dictionaries/`);
}
