/**
 * Datasets were added, changed or deleted. This window's views re-read them on the window event, and
 * so do the app's other windows (tabs of the browser host), told over a BroadcastChannel, which does
 * not deliver to its sender.
 */
export const DATASETS_CHANGED = 'dw:datasets-changed';

const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('dw-datasets-changed');
channel?.addEventListener('message', () => window.dispatchEvent(new Event(DATASETS_CHANGED)));

export function announceDatasetsChanged(): void {
  window.dispatchEvent(new Event(DATASETS_CHANGED));
  channel?.postMessage(null);
}
