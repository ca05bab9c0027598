// `npm run start:web`: serves dist/renderer on 127.0.0.1 for a local Chromium and prints the URL.
import { readFileSync } from 'node:fs';
import { startStaticServer } from './staticServer.mjs';

const portArg = process.argv.indexOf('--port');
// --port wins over PORT: a script that asks for its own port (--port 0) must not get the shell's.
const port = Number(portArg > 0 ? process.argv[portArg + 1] : (process.env.PORT ?? 4173));
// The CSP is kept in one TypeScript file; read it from the built renderer's copy.
const root = process.env.DW_RENDERER_OUT ?? 'dist/renderer';
const csp = readFileSync(`${root}/csp.txt`, 'utf8').trim();
const { url } = await startStaticServer({ root, port, csp });
console.log(`Disclosure Workbench (browser host) at ${url}`);
