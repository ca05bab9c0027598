/**
 * File names inside a bag. Rules (EVIDENCE.md): NFC, no CR/LF (no control characters at all),
 * no `%` (BagIt percent-encoding), no `\` (sha*sum -c escapes it), no segment starting with `-`
 * (shell tools read it as an option), no `.`/`..`/empty segments. Names that differ only by
 * case are refused too: they collide when unzipped on macOS and Windows.
 */

export function bagPathProblem(path: string): string | null {
  if (path === '') return 'empty path';
  if (path.normalize('NFC') !== path) return 'not in Unicode NFC';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'contains a control character (CR, LF, tab ...)';
  if (path.includes('%')) return "contains '%'";
  if (path.includes('\\')) return "contains '\\'";
  if (path.startsWith('/')) return 'is absolute';
  for (const seg of path.split('/')) {
    if (seg === '') return 'has an empty segment';
    if (seg === '.' || seg === '..') return `has a '${seg}' segment`;
    if (seg.startsWith('-')) return `segment '${seg}' starts with '-'`;
  }
  return null;
}

export function assertBagPath(path: string): void {
  const p = bagPathProblem(path);
  if (p) throw new Error(`unsafe file name '${JSON.stringify(path).slice(1, -1)}': ${p}`);
}

/** Refuses duplicate and case-colliding names among already-valid paths. */
export function assertNoCollisions(paths: readonly string[]): void {
  const seen = new Map<string, string>();
  for (const p of paths) {
    const key = p.toLowerCase();
    const other = seen.get(key);
    if (other !== undefined) throw new Error(other === p ? `duplicate file name '${p}'` : `file names '${other}' and '${p}' differ only by case`);
    seen.set(key, p);
  }
}

/** Deterministic order: by UTF-16 code units of the NFC path (stable across platforms). */
export const comparePaths = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * `<case>_<YYYYMMDDTHHMMSSZ>` with the case id reduced to a safe file-name alphabet. Left as it is
 * (combining marks become '-', unlike in source folder names): the verifier recomputes this name from
 * the signed provenance.json, so a change would fail every bundle already sent.
 */
export function bagName(caseId: string, createdAt: Date): string {
  const safeCase = caseId.normalize('NFC').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[-.]+/, '').slice(0, 80) || 'case';
  const stamp = createdAt.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `${safeCase}_${stamp}`;
}
