/**
 * A window event that the app's other windows (tabs of the browser host) also receive: announce()
 * dispatches it here and posts it on a BroadcastChannel (which does not deliver to its sender); a
 * message from another window is dispatched here as the same event. Views listen to the window
 * event only, so a change made in another window refreshes them as a change made here does.
 */
export function crossWindowEvent(name: string): (detail?: string) => void {
  const local = (detail?: string) => globalThis.dispatchEvent?.(new CustomEvent(name, { detail }));
  const channel = typeof window === 'undefined' || typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(name);
  channel?.addEventListener('message', (e: MessageEvent<string | null>) => local(e.data ?? undefined));
  return (detail) => {
    local(detail);
    channel?.postMessage(detail ?? null);
  };
}
