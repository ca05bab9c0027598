// Compiles shared/archive/csvScan.wat into the bytes embedded in shared/archive/csvScanWasmBytes.ts
// (a test checks they match). Usage: npm run build:wasm
import wabtInit from 'wabt';
import { readFileSync, writeFileSync } from 'node:fs';

export async function compileCsvScan() {
  const wabt = await wabtInit();
  const module = wabt.parseWat('csvScan.wat', readFileSync(new URL('../shared/archive/csvScan.wat', import.meta.url), 'utf8'), { simd: true });
  module.validate();
  return Buffer.from(module.toBinary({}).buffer).toString('base64');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const base64 = await compileCsvScan();
  writeFileSync(
    new URL('../shared/archive/csvScanWasmBytes.ts', import.meta.url),
    `// Generated from csvScan.wat by \`npm run build:wasm\`: do not edit.\nexport const CSV_SCAN_WASM = '${base64}';\n`,
  );
  console.log(`csvScanWasmBytes.ts: ${Buffer.from(base64, 'base64').length} bytes of WebAssembly`);
}
