import { contextBridge, ipcRenderer } from 'electron';
import { channels, HOST_API_GLOBAL, type HostApi } from '../shared/api/hostApi';
import { isHeaderPolicy } from '../shared/security/contentSecurityPolicy';

// The preload is a mapping of the host contract onto IPC, nothing more: no ipcRenderer escapes.
const api = Object.fromEntries(
  Object.keys(channels).map((channel) => [channel, (...args: unknown[]) => ipcRenderer.invoke(channel, ...args)]),
) as HostApi;

contextBridge.exposeInMainWorld(HOST_API_GLOBAL, Object.freeze(api));

// WebRTC's connections do not pass through the session's request guard, and the app has no WebRTC
// code: the page starts without it.
contextBridge.executeInMainWorld({
  func: () => {
    for (const name of ['RTCPeerConnection', 'webkitRTCPeerConnection', 'RTCDataChannel']) delete (globalThis as Record<string, unknown>)[name];
  },
});

// A request the page's CSP refuses never reaches the session's guard: the browser reports it here,
// and it is counted in the egress log the evidence bundles carry. Only events the browser raised count,
// once per request (the header's policy, not the meta tag's copy of it).
window.addEventListener('securitypolicyviolation', (e) => {
  if (e.isTrusted && e.blockedURI && isHeaderPolicy(e.originalPolicy)) void ipcRenderer.invoke('egress:cspViolation', { url: e.blockedURI.slice(0, 8192), directive: e.effectiveDirective.slice(0, 200) });
});
