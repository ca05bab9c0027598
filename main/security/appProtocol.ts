import path from 'node:path';
import { APP_ORIGIN } from '../../shared/appIdentity';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/contentSecurityPolicy';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.ttf': 'font/ttf',
};

export interface AppProtocolDeps {
  /** Absolute folder holding the built renderer (dist/renderer). */
  root: string;
  readFile: (absolutePath: string) => Promise<Uint8Array>;
}

/**
 * Serves the built renderer under app://workbench/… . Only files inside `root` are served; any
 * path that resolves outside it (.., encoded slashes, absolute paths) is refused with 403.
 */
export function createAppProtocolHandler({ root, readFile }: AppProtocolDeps) {
  const rootWithSep = path.resolve(root) + path.sep;
  return async (request: { url: string }): Promise<Response> => {
    let pathname: string;
    try {
      const url = new URL(request.url);
      if (`${url.protocol}//${url.host}` !== APP_ORIGIN) return new Response('Not found', { status: 404 }); // app://other/ is nothing
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return new Response('Bad request', { status: 400 });
    }
    if (pathname === '/' || pathname === '') pathname = '/index.html';
    const resolved = path.resolve(rootWithSep, '.' + pathname);
    if (!resolved.startsWith(rootWithSep) || pathname.includes('\0')) {
      return new Response('Forbidden', { status: 403 });
    }
    try {
      const body = await readFile(resolved);
      return new Response(body as unknown as BodyInit, {
        status: 200,
        headers: {
          'Content-Type': MIME[path.extname(resolved).toLowerCase()] ?? 'application/octet-stream',
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  };
}
