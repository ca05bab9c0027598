// Bundles the Electron main process and the (sandboxed, single-file) preload into dist/main/.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node22', external: ['electron'], sourcemap: false, logLevel: 'warning' };
await build({ ...common, entryPoints: ['main/main.ts'], outfile: 'dist/main/main.cjs' });
await build({ ...common, entryPoints: ['main/preload.ts'], outfile: 'dist/main/preload.cjs' });
console.log('built dist/main/main.cjs and dist/main/preload.cjs');
