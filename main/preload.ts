import { contextBridge, ipcRenderer } from 'electron';
import { channels, HOST_API_GLOBAL, type HostApi } from '../shared/api/hostApi';

// The preload is a mapping of the host contract onto IPC, nothing more: no ipcRenderer escapes.
const api = Object.fromEntries(
  Object.keys(channels).map((channel) => [channel, (...args: unknown[]) => ipcRenderer.invoke(channel, ...args)]),
) as HostApi;

contextBridge.exposeInMainWorld(HOST_API_GLOBAL, Object.freeze(api));
