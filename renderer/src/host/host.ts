import { HOST_API_GLOBAL, type HostApi } from '../../../shared/api/hostApi';
import { APP_SCHEME } from '../../../shared/appIdentity';
import { createBrowserHost } from './browserHost';

/**
 * The host the renderer talks to: the Electron preload's API when present, else the browser's. In
 * the desktop app (app://) a missing preload is an error, not a reason to fall back: the browser host
 * keeps keys in IndexedDB and measures no egress.
 */
function pickHost(): HostApi {
  const preloaded = (globalThis as unknown as Record<string, HostApi | undefined>)[HOST_API_GLOBAL];
  if (preloaded) return preloaded;
  if (globalThis.location?.protocol === `${APP_SCHEME}:`) throw new Error('The desktop app started without its preload: the host API is missing.');
  return createBrowserHost();
}

export const host: HostApi = pickHost();
