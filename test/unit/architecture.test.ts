import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../fixtures/paths';

/** Every .ts file below a folder of the repo. */
function sources(dir: string): string[] {
  return readdirSync(path.join(repoRoot, dir), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f));
}

/** Code lines only: comment lines are dropped (they may name window.print() or a time window). */
const codeLines = (file: string) =>
  readFileSync(path.join(repoRoot, file), 'utf8').split('\n').map((line, i) => ({ line, n: i + 1 })).filter(({ line }) => !/^\s*(\*|\/\/|\/\*)/.test(line));

describe('the design rules of docs/ARCHITECTURE.md', () => {
  it('shared/ uses no DOM, Electron or Node-only API (its tsconfig has the DOM lib only for web APIs such as streams and TextDecoder)', () => {
    const forbidden = /\b(window|document)\.[a-zA-Z]|\b(localStorage|sessionStorage|navigator|indexedDB|HTMLElement)\b|from '(node:[^']+|fs|path|electron)'|\brequire\(|\bprocess\.|\bBuffer\./;
    const found = sources('shared').flatMap((f) => codeLines(f).filter(({ line }) => forbidden.test(line)).map(({ line, n }) => `${f}:${n}: ${line.trim()}`));
    expect(found).toEqual([]);
  });

  it('the renderer reaches the host only through the typed API: nothing in it imports main/', () => {
    const found = sources('renderer/src').flatMap((f) => codeLines(f).filter(({ line }) => /from '(\.\.\/)+main\//.test(line)).map(({ n }) => `${f}:${n}`));
    expect(found).toEqual([]);
  });
});
