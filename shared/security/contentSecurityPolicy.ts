/**
 * The one Content-Security-Policy of the app, served by the app:// protocol in Electron and by the
 * static server in the browser host. No 'unsafe-eval', no 'unsafe-inline', nothing off-origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
