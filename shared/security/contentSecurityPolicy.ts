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
