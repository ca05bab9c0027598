import { HOST_API_GLOBAL, type HostApi } from '../../../shared/api/hostApi';
import { createBrowserHost } from './browserHost';

/** The host the renderer talks to: the Electron preload's API when present, else the browser's. */
export const host: HostApi =
  ((globalThis as unknown as Record<string, HostApi | undefined>)[HOST_API_GLOBAL]) ?? createBrowserHost();
