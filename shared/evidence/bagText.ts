/** The BagIt 1.0 (RFC 8493) tag texts: bagit.txt, bag-info.txt and sha*sum-compatible manifests. */
import { comparePaths } from './bagPaths';

export const BAGIT_TXT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';

export function bagInfoTxt(fields: ReadonlyArray<readonly [string, string]>): string {
  return fields
    .map(([k, v]) => {
      if (/[\r\n]/.test(v) || /[:\r\n]/.test(k)) throw new Error(`bag-info field '${k}' must be one line`);
      return `${k}: ${v}\n`;
    })
    .join('');
}

export function payloadOxum(totalBytes: number, fileCount: number): string {
  return `${totalBytes}.${fileCount}`;
}

export function humanSize(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return u === 0 ? `${bytes} bytes` : `${v.toFixed(1)} ${units[u]}`;
}

/** `<hex>  <path>` lines (two spaces: sha256sum/sha512sum text mode), sorted by path. */
export function manifestText(entries: ReadonlyArray<{ path: string; hex: string }>): string {
  return [...entries]
    .sort((a, b) => comparePaths(a.path, b.path))
    .map((e) => `${e.hex}  ${e.path}\n`)
    .join('');
}

/** Parses a manifest; throws on malformed lines and duplicate paths (both would hide files). */
export function parseManifest(text: string, hexLength: number): Map<string, string> {
  const out = new Map<string, string>();
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const re = new RegExp(`^([0-9a-f]{${hexLength}}) [ *](.+)$`);
  lines.forEach((line, i) => {
    const m = re.exec(line);
    if (!m) throw new Error(`line ${i + 1} is not '<hex>  <path>': ${JSON.stringify(line.slice(0, 120))}`);
    if (out.has(m[2]!)) throw new Error(`line ${i + 1}: '${m[2]}' is listed twice`);
    out.set(m[2]!, m[1]!);
  });
  return out;
}
