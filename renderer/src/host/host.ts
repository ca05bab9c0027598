import { channels, HOST_API_GLOBAL, parseArgs, type ChannelName, type HostApi } from '../../../shared/api/hostApi';
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
  return checkedAsMainChecks(createBrowserHost());
}

/**
 * Each call's arguments checked against the contract's schemas, as the desktop app's main process
 * checks them (main/ipc/dispatch.ts): the browser tests meet the same limits (a name's length, a save
 * chunk's size, …) instead of passing calls the desktop app would refuse.
 */
function checkedAsMainChecks(impl: HostApi): HostApi {
  return Object.fromEntries(
    (Object.keys(channels) as ChannelName[]).map((channel) => [
      channel,
      async (...args: unknown[]) => (impl[channel] as (...a: unknown[]) => Promise<unknown>)(...(parseArgs(channel, args) as unknown[])),
    ]),
  ) as HostApi;
}

export const host: HostApi = pickHost();
