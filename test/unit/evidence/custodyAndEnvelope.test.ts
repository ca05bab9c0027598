import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/evidence/canonicalJson';
import { appendCustody, custodyEntryHash, GENESIS_PREV, parseAndVerifyCustody, serializeCustody, verifyCustody } from '../../../shared/evidence/custodyLog';
import { MIN_PBKDF2_ITERATIONS, openWithPassphrase, sealWithPassphrase } from '../../../shared/evidence/keyEnvelope';
import { sampleCustody } from './bundleFixture';
import { run } from './tools';

describe('custody log', () => {
  it('chains entries from a 64-zero genesis and verifies', () => {
    const log = sampleCustody();
    expect(log[0]!.prev).toBe(GENESIS_PREV);
    expect(log[1]!.prev).toBe(log[0]!.hash);
    expect(log.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(verifyCustody(log)).toEqual({ ok: true, entries: 3, head: log[2]!.hash });
  });

  it('hash is sha256 of the sorted-key JSON without "hash" (checked with sha256sum)', () => {
    const e = sampleCustody()[1]!;
    const { hash, ...rest } = e;
    const canonical = canonicalJson(rest);
    expect(canonical.startsWith('{"action":"import","actor":"analyst@example.org","at":"2026-11-28T10:05:00.000Z","detail":{"file":')).toBe(true);
    expect(run('sha256sum', [], { input: canonical }).stdout.slice(0, 64)).toBe(hash);
    expect(custodyEntryHash(rest)).toBe(hash);
  });

  it('round-trips through JSONL and names the broken entry', () => {
    const log = sampleCustody();
    const jsonl = serializeCustody(log);
    expect(parseAndVerifyCustody(jsonl)).toMatchObject({ ok: true, entries: 3 });
    const edited = jsonl.replace('"pin"', '"unpin"');
    expect(parseAndVerifyCustody(edited)).toMatchObject({ ok: false, brokenAt: 3, reason: expect.stringMatching(/^hash is/) });
    const lines = jsonl.trim().split('\n');
    expect(parseAndVerifyCustody(`${lines[0]}\n${lines[2]}\n`)).toMatchObject({ ok: false, brokenAt: 2, reason: 'entry 2 has seq 3, expected 2' });
    expect(parseAndVerifyCustody(`${lines[0]}\n{oops\n`)).toMatchObject({ ok: false, brokenAt: 2 });
    expect(() => appendCustody(log, { at: new Date(), actor: 'a', action: 'delete' as never, detail: null })).toThrow(/unknown custody action/);
  });

  it('property: any single-field edit of any entry breaks the chain at or before that entry', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ actor: fc.string(), note: fc.string() }), { minLength: 1, maxLength: 8 }), fc.nat(), fc.string(), (ops, pick, junk) => {
        let log = [] as ReturnType<typeof sampleCustody>;
        for (const [i, op] of ops.entries()) log = appendCustody(log, { at: new Date(Date.UTC(2026, 0, 1, 0, i)), actor: op.actor, action: 'note', detail: { text: op.note } });
        expect(verifyCustody(log).ok).toBe(true);
        const i = pick % log.length;
        const tampered = log.map((e) => ({ ...e }));
        const text = `${(tampered[i]!.detail as { text: string }).text}${junk}x`;
        tampered[i]!.detail = { text };
        const v = verifyCustody(tampered);
        expect(v.ok).toBe(false);
        if (!v.ok) expect(v.brokenAt).toBe(i + 1);
      }),
      { numRuns: 60 },
    );
  });
});

describe('key envelope (PBKDF2-SHA256 + AES-GCM)', () => {
  it('seals and opens with the passphrase; a wrong passphrase or an edited envelope gives a clear error', async () => {
    const secret = crypto.getRandomValues(new Uint8Array(32));
    const env = await sealWithPassphrase(secret, 'correct horse battery staple');
    expect(env).toMatchObject({ version: 1, kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: MIN_PBKDF2_ITERATIONS }, cipher: { name: 'AES-GCM' } });
    expect(JSON.stringify(env)).not.toContain(Buffer.from(secret).toString('base64'));
    expect(Buffer.from(await openWithPassphrase(JSON.parse(JSON.stringify(env)), 'correct horse battery staple')).equals(Buffer.from(secret))).toBe(true);
    await expect(openWithPassphrase(env, 'wrong')).rejects.toThrow('wrong passphrase, or the key envelope was altered');
    await expect(openWithPassphrase({ ...env, kdf: { ...env.kdf, iterations: MIN_PBKDF2_ITERATIONS + 1 } }, 'correct horse battery staple')).rejects.toThrow(/wrong passphrase/);
    await expect(openWithPassphrase({ ...env, kdf: { ...env.kdf, iterations: 1000 } }, 'x')).rejects.toThrow(/too few PBKDF2 iterations/);
    await expect(sealWithPassphrase(secret, 'p', 10_000)).rejects.toThrow(/at least 600000/);
  });
});
