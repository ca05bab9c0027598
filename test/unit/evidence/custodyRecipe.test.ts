/**
 * VERIFY.txt's Python check of the custody chain, run with python3 as a recipient runs it, over a log
 * holding numbers JavaScript and Python write differently (1e-7 / 1e-07, 0.00001 / 1e-05), keys whose
 * UTF-16 and code point orders differ, and a lone surrogate. The recipe was json.dumps(entry,
 * sort_keys=True, ...): it gave another hash for each of these.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendCustody, serializeCustody, type CustodyEntry } from '../../../shared/evidence/custodyLog';
import type { JsonValue } from '../../../shared/evidence/canonicalJson';
import { CUSTODY_PYTHON, verifyTxt } from '../../../shared/evidence/verifyInstructions';
import { run, tempDir } from './tools';

const PRINCIPAL = 'analyst@example.org';

/** Doubles of every magnitude: random 64-bit patterns (a fixed xorshift seed), the finite ones. */
function randomDoubles(count: number): number[] {
  let x = 0x9e3779b97f4a7c15n;
  const view = new DataView(new ArrayBuffer(8));
  const out: number[] = [];
  while (out.length < count) {
    x ^= (x << 13n) & 0xffffffffffffffffn;
    x ^= x >> 7n;
    x ^= (x << 17n) & 0xffffffffffffffffn;
    view.setBigUint64(0, x);
    const d = view.getFloat64(0);
    if (Number.isFinite(d)) out.push(d);
  }
  return out;
}

const EDGES = [1e-7, -1.5e-7, 1e-6, 1.2345e-6, 0.00001, 0.000123, 0.0001, 5e-324, -5e-324, 2.5e-10, 1e-300, 1.7976931348623157e308, 1e21, -1e21, 1.5e21, 1e20, 123456789012345680000, 2 ** 53, 2 ** 53 + 2, -0, 0, 0.1, 1 / 3, 123.456, -987.654321, 1e15 + 0.3, 4.35, 100, 0.5];

function sampleLog(): CustodyEntry[] {
  let log: CustodyEntry[] = [];
  const add = (detail: JsonValue) => (log = appendCustody(log, { at: '2026-11-28T10:00:00.000Z', actor: PRINCIPAL, action: 'note', detail }));
  add({ pinId: 'pin-1', note: 'a plain note' });
  for (const n of EDGES) add({ pinId: 'pin-1', value: n });
  add({ parameters: { windowSeconds: 60, minShared: 2, threshold: 1e-7, weights: [0.00001, 1e-8, 3.5e-7] } });
  // '😀' (U+1F600) sorts before '｡' (U+FF61) by UTF-16 code units, after it by code points.
  add({ '｡': 1, '😀': 2, 'ａ': { '𝒜': 0.000001, '\uffff': 1e-7 } });
  add({ note: 'lone \ud800 surrogate, 名前 العربية, "quotes" \\ and \u0001 control' });
  const random = randomDoubles(4000);
  for (let i = 0; i < random.length; i += 200) add({ values: random.slice(i, i + 200) });
  return log;
}

/** The Python of VERIFY.txt, run as a recipient runs it: the pasted block, in the bag folder. */
function runRecipe(dir: string, jsonl: string) {
  mkdirSync(path.join(dir, 'metadata'), { recursive: true });
  writeFileSync(path.join(dir, 'metadata/custody.jsonl'), jsonl);
  const text = verifyTxt({ bagName: 'b', principal: PRINCIPAL, namespace: 'evidence-bundle@org.disclosure-workbench', fingerprint: 'SHA256:x', previousKeys: 0 });
  const from = text.indexOf("python3 - <<'EOF'\n");
  const block = text.slice(from, text.indexOf('\nEOF\n', from) + 5);
  expect(block).toBe(CUSTODY_PYTHON);
  return run('sh', ['-c', block], { cwd: dir });
}

describe('VERIFY.txt’s Python check of the custody chain', () => {
  const dir = tempDir('custody-recipe-');
  const log = sampleLog();

  it('python3 is there to run it', () => {
    expect(run('python3', ['--version']).stdout).toMatch(/^Python 3\./);
  });

  it('recomputes every entry’s hash as the app writes it, whatever number the log holds', () => {
    const r = runRecipe(path.join(dir, 'intact'), serializeCustody(log));
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(log.map((e) => `${e.seq} ok\n`).join('') + `OK: chain intact, ${log.length} entries\n`);
    expect(r.code).toBe(0);
  });

  it('these entries are ones json.dumps alone hashes otherwise (the recipe given before)', () => {
    const old = run('python3', ['-c', `import hashlib, json, sys
for line in sys.stdin:
    e = json.loads(line)
    h = e.pop("hash")
    print("ok" if hashlib.sha256(json.dumps(e, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8", "surrogatepass")).hexdigest() == h else "differs")`], { input: serializeCustody(log) });
    const verdicts = old.stdout.trim().split('\n');
    expect(verdicts).toHaveLength(log.length);
    // 1e-7 is the second entry; 1e21 or 0.1 are written alike.
    expect(verdicts[1]).toBe('differs');
    expect(verdicts[1 + EDGES.indexOf(0.1)]).toBe('ok');
    expect(verdicts.filter((v) => v === 'differs').length).toBeGreaterThan(20);
  });

  it('says BROKEN where a number was changed by one digit, and after it', () => {
    const lines = serializeCustody(log).split('\n');
    const at = 1 + EDGES.indexOf(1e-7) + 1; // seq of the 1e-7 entry
    lines[at - 1] = lines[at - 1]!.replace('"value":1e-7', '"value":2e-7');
    const r = runRecipe(path.join(dir, 'edited'), lines.join('\n'));
    const verdicts = r.stdout.trim().split('\n');
    expect(verdicts[at - 2]).toBe(`${at - 1} ok`);
    expect(verdicts[at - 1]).toBe(`${at} BROKEN`);
    // The next entry's prev is the recorded hash, which the edit did not change: it links as before.
    expect(verdicts.filter((v) => v.endsWith('BROKEN'))).toEqual([`${at} BROKEN`]);
    // A recipient who reads only the end, or a script, is told too.
    expect(r.stderr).toBe(`FAILED: the custody chain is broken at seq ${at} (1 of ${log.length} entries)\n`);
    expect(r.code).toBe(1);
  });

  it('fails with status 1 on reordered entries, naming each one out of place', () => {
    const lines = serializeCustody(log).trimEnd().split('\n');
    [lines[1], lines[2]] = [lines[2]!, lines[1]!];
    const r = runRecipe(path.join(dir, 'reordered'), lines.join('\n') + '\n');
    expect(r.stdout.split('\n').slice(0, 4)).toEqual(['1 ok', '3 BROKEN', '2 BROKEN', '4 BROKEN']);
    expect(r.stderr).toBe(`FAILED: the custody chain is broken at seq 3, 2, 4 (3 of ${log.length} entries)\n`);
    expect(r.code).toBe(1);
  });

  it('fails on an empty log', () => {
    const r = runRecipe(path.join(dir, 'empty'), '');
    expect(r.stderr).toBe('FAILED: metadata/custody.jsonl holds no entries\n');
    expect(r.code).toBe(1);
  });
});
