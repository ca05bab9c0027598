// Packaging check (runs offline): builds the Linux `dir` target from a local stub Electron that
// carries a real fuse wire, then checks that the fuses of electron-builder.yml were applied and
// that app.asar holds what the app needs and nothing outside the allow-list.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { listPackage } = require('@electron/asar');
const { getCurrentFuseWire, FuseV1Options } = require('@electron/fuses');
const { SENTINEL } = require('@electron/fuses/dist/constants.js');

const work = mkdtempSync(path.join(tmpdir(), 'dw-package-'));
const stub = path.join(work, 'electron-stub');
mkdirSync(path.join(stub, 'resources'), { recursive: true });
// Electron's default fuse states (RunAsNode on, cookie encryption off, NODE_OPTIONS on, inspect on,
// asar integrity off, only-asar off, v8 snapshot off, file-protocol privileges on).
const wire = Buffer.concat([Buffer.from('#!/bin/sh\necho "stub Electron for the packaging check" >&2\nexit 1\n#'), Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from('10110001')]);
writeFileSync(path.join(stub, 'electron'), wire);
chmodSync(path.join(stub, 'electron'), 0o755);
writeFileSync(path.join(stub, 'LICENSE'), 'stub\n');

const out = path.join(work, 'out');
execFileSync('npx', ['electron-builder', '--config', 'electron-builder.yml', '--linux', 'dir', `-c.electronDist=${stub}`, `-c.directories.output=${out}`, '--publish', 'never'], {
  stdio: ['ignore', 'inherit', 'inherit'],
  env: { ...process.env, ELECTRON_BUILDER_7ZIP_PATH: process.env.ELECTRON_BUILDER_7ZIP_PATH ?? '/usr/bin/7za', CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
});

const failures = [];
const unpacked = path.join(out, 'linux-unpacked');
const fuses = await getCurrentFuseWire(path.join(unpacked, 'disclosure-workbench'));
const expected = {
  RunAsNode: '0', EnableNodeOptionsEnvironmentVariable: '0', EnableNodeCliInspectArguments: '0', GrantFileProtocolExtraPrivileges: '0',
  EnableCookieEncryption: '1', OnlyLoadAppFromAsar: '1', EnableEmbeddedAsarIntegrityValidation: '1',
};
for (const [name, state] of Object.entries(expected)) {
  const actual = String.fromCharCode(fuses[FuseV1Options[name]]);
  if (actual !== state) failures.push(`fuse ${name} is ${actual}, expected ${state}`);
}

const files = listPackage(path.join(unpacked, 'resources', 'app.asar'), { isPack: false }).map((f) => f.replaceAll('\\', '/'));
const allowed = [/^\/package\.json$/, /^\/dist$/, /^\/dist\/main(\/(main|preload)\.cjs)?$/, /^\/dist\/renderer(\/.*)?$/];
const forbidden = [/\.map$/, /fixtures/, /\/test(\/|$)/, /\.ts$/, /\.csv$/];
for (const f of files) {
  if (!allowed.some((re) => re.test(f))) failures.push(`asar holds ${f}, which is outside the allow-list`);
  if (forbidden.some((re) => re.test(f))) failures.push(`asar holds ${f}, which must never ship`);
}
for (const needed of ['/package.json', '/dist/main/main.cjs', '/dist/main/preload.cjs', '/dist/renderer/index.html', '/dist/renderer/csp.txt']) {
  if (!files.includes(needed)) failures.push(`asar lacks ${needed}`);
}

const summary = { asarFiles: files.length, fuses: Object.fromEntries(Object.keys(expected).map((k) => [k, String.fromCharCode(fuses[FuseV1Options[k]])])), failures };
console.log(JSON.stringify(summary));
if (failures.length) {
  console.error(`packaging check: ${failures.length} failed\n` + failures.join('\n'));
  process.exit(1);
}
console.log('packaging check: 1 passed, 0 failed');
