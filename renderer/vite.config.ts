import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
// With its extension: Node loads this file natively (and warns about an extensionless import).
import { CONTENT_SECURITY_POLICY } from '../shared/security/contentSecurityPolicy.ts';

/**
 * Puts the app's CSP into index.html (a meta tag, in force in every host) and beside the build
 * (csp.txt, which the static server sends as a header), from the one constant.
 */
function emitCsp(): Plugin {
  return {
    name: 'emit-csp',
    transformIndexHtml(html) {
      // frame-ancestors is ignored (with a console error) in a meta tag; the header carries it.
      const meta = CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors')).join('; ');
      return html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${meta}" />`);
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'csp.txt', source: CONTENT_SECURITY_POLICY + '\n' });
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  base: './', // relative asset URLs: works from app:// and from any http://127.0.0.1:<port>/
  plugins: [react(), emitCsp()],
  build: {
    // DW_RENDERER_OUT lets parallel checkouts/test runs build side by side.
    outDir: process.env.DW_RENDERER_OUT ?? '../dist/renderer',
    emptyOutDir: true,
    target: 'es2023',
    sourcemap: false,
    // DW_RENDERER_MINIFY=0: readable function names in CPU profiles (bench:import -- --cpu-profile).
    minify: process.env.DW_RENDERER_MINIFY !== '0',
    chunkSizeWarningLimit: 4000,
    modulePreload: { polyfill: false },
    // Never inline fonts as data: URLs: the CSP allows fonts from 'self' only (font-src 'self').
    assetsInlineLimit: (file: string) => (/\.(woff2?|ttf|otf)$/i.test(file) ? false : undefined),
  },
  worker: { format: 'es' },
});
