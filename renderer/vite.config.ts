import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from '../shared/security/contentSecurityPolicy';

/** Writes the app's CSP beside the build, so the static server serves the very same policy. */
function emitCsp(): Plugin {
  return {
    name: 'emit-csp',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'csp.txt', source: CONTENT_SECURITY_POLICY + '\n' });
    },
  };
}

export default defineConfig({
  root: __dirname,
  base: './', // relative asset URLs: works from app:// and from any http://127.0.0.1:<port>/
  plugins: [react(), emitCsp()],
  build: {
    // DW_RENDERER_OUT lets parallel checkouts/test runs build side by side.
    outDir: process.env.DW_RENDERER_OUT ?? '../dist/renderer',
    emptyOutDir: true,
    target: 'es2023',
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
    modulePreload: { polyfill: false },
  },
  worker: { format: 'es' },
});
