/**
 * The one Content-Security-Policy of the app, served by the app:// protocol in Electron and by the
 * static server in the browser host. No 'unsafe-eval', no 'unsafe-inline', nothing off-origin.
 * 'wasm-unsafe-eval' lets the app's own bundled WebAssembly compile (hash-wasm: SHA-256 of
 * multi-GB archives and bundles ~3x faster than pure JS; the CSV byte scan, csvScan.wat: ~3x faster
 * than JS); it allows no JavaScript eval and loads
 * nothing: wasm bytes can only come from the app's own scripts ('self').
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
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

/**
 * The policy reaches the page twice, as the header and as index.html's meta tag (the only one the
 * browser host's static pages are sure to have), and a refused request raises one violation event
 * per policy: the desktop app's egress log counts the header's, the one with frame-ancestors (a
 * meta tag cannot carry it).
 */
export const isHeaderPolicy = (originalPolicy: string): boolean => originalPolicy.split(';').some((d) => d.trim().startsWith('frame-ancestors'));
