import type { WebContents } from 'electron';
import { APP_ORIGIN } from '../../shared/appIdentity';

/** No navigation away, no redirects, no new windows, no webviews. */
export function hardenWebContents(contents: WebContents, onBlocked: (what: string, url: string) => void): void {
  const isOwnPage = (url: string) => url.startsWith(APP_ORIGIN + '/');
  contents.on('will-navigate', (event, url) => {
    if (!isOwnPage(url)) {
      event.preventDefault();
      onBlocked('navigation', url);
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isOwnPage(url)) {
      event.preventDefault();
      onBlocked('redirect', url);
    }
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    onBlocked('webview', '');
  });
  contents.setWindowOpenHandler(({ url }) => {
    onBlocked('new-window', url);
    return { action: 'deny' };
  });
}
