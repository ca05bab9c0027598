/** csvScan.wat compiled, as base64 (what shared/archive/csvScanWasmBytes.ts embeds). */
export function compileCsvScan(): Promise<string>;
