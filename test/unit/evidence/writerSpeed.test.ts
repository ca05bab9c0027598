/**
 * The sender's side of a bundle of many cited rows: hashing 70,000 of them took 43 s, a new pair of
 * WebAssembly hashers instantiated per file. The bundle's bytes must stay those the old writer made.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prepareBundle, type PayloadFile } from '../../../shared/evidence/bundleWriter';
import { parseManifest } from '../../../shared/evidence/bagText';
import { seedSigner } from '../../../shared/evidence/signer';
import { bundleInput, collect } from './bundleFixture';

const enc = new TextEncoder();
const rows = (n: number): PayloadFile[] =>
  Array.from({ length: n }, (_, i) => ({ path: `source/0123456789ab_tweets.csv/row-${i + 1}_bytes-${i * 40}-40.csv`, bytes: enc.encode(`"${1108484717123067905n + BigInt(i)}","a1b2c3","text ${i} ✓ 名前"\n`) }));
const signer = seedSigner(new Uint8Array(32).fill(7));
const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b);
const sha = (alg: 'sha256' | 'sha512', b: Uint8Array) => createHash(alg).update(b).digest('hex');

describe('writing a bundle of many cited rows', () => {
  it('writes the payload manifests the writer made before, byte for byte', async () => {
    const base = bundleInput();
    const prepared = await prepareBundle({ ...base, signer, payload: [...base.payload, ...rows(3000)], report: false });
    const tag = (p: string) => sha('sha256', prepared.tagFiles.find((t) => t.path === p)!.bytes);
    // The writer of commit 40f28e5 (before the hashing change) gave these for exactly this input. (Its
    // whole ZIP, 0ed9186c…, was the same at d5483ef; other tag files, VERIFY.txt, have changed since.)
    expect(tag('manifest-sha256.txt')).toBe('c618d313f3b31fbde76e6b8864fe34e4dec05460aa00709c8f94c023ca3418d1');
    expect(tag('manifest-sha512.txt')).toBe('3f65744e8e4dba51fd7cb7c114f5a295c62df32383e02e03a3fbc72c23e50417');
  });

  it('hashes each file on its own, in-memory files between streamed ones too: every manifest line is the file’s own digest', async () => {
    const base = bundleInput();
    const many = rows(500);
    // Streamed files (hashed over awaits) among in-memory ones (one reused hasher), and an empty file.
    const payload: PayloadFile[] = [...base.payload, ...many, { path: 'derived/empty.txt', bytes: new Uint8Array(0) }];
    payload.splice(100, 0, { path: 'derived/streamed-a.txt', stream: () => new Blob([enc.encode('a streamed file\n'.repeat(5000))]).stream() as ReadableStream<Uint8Array> });
    const prepared = await prepareBundle({ ...base, signer, payload });
    const files = new Map(payload.map((f) => [`data/${f.path}`, f]));
    const bytesOf = async (f: PayloadFile) => f.bytes ?? collect(f.stream!());
    const m256 = parseManifest(text(prepared.tagFiles.find((t) => t.path === 'manifest-sha256.txt')?.bytes), 64);
    const m512 = parseManifest(text(prepared.tagFiles.find((t) => t.path === 'manifest-sha512.txt')?.bytes), 128);
    expect(m256.size).toBe(payload.length);
    for (const [p, hex] of m256) {
      const b = await bytesOf(files.get(p)!);
      expect(hex, p).toBe(sha('sha256', b));
      expect(m512.get(p), p).toBe(sha('sha512', b));
    }
    expect(prepared.payload.find((p) => p.path === 'data/derived/empty.txt')).toMatchObject({ size: 0, sha256: sha('sha256', new Uint8Array(0)) });
  });

  it('hashes 70,000 cited rows in seconds (43 s before)', async () => {
    const base = bundleInput();
    const t0 = performance.now();
    const prepared = await prepareBundle({ ...base, signer, payload: [...base.payload, ...rows(70_000)] });
    const seconds = (performance.now() - t0) / 1000;
    expect(prepared.payload).toHaveLength(70_004);
    expect(seconds).toBeLessThan(12);
  }, 120_000);
});
