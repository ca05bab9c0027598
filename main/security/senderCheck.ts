import { APP_ORIGIN } from '../../shared/appIdentity';

/** IPC is answered only for frames showing our own app:// origin. */
export function isTrustedSenderUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    return new URL(url).origin === APP_ORIGIN || url.startsWith(APP_ORIGIN + '/');
  } catch {
    return false;
  }
}
