import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareBundle } from '../../../shared/evidence/bundleWriter';
import { seedSigner } from '../../../shared/evidence/signer';
import { verifyBundle } from '../../../shared/evidence/bundleVerifier';
import { fingerprintLine, generateEd25519KeyPair } from '../../../shared/evidence/opensshKeys';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '../../../shared/evidence/bytes';
import { bundleInput, collect, PRINCIPAL, reportPdf, runVerifySh, sampleCustody, SOURCES, writeBundle } from './bundleFixture';
import { run, tempDir } from './tools';
import { realFixture } from '../../fixtures/paths';

const dir = tempDir('bundle-');
mkdirSync(path.join(dir, 'again'));

describe('bundle writer, checked with the independent tools', async () => {
  const key = generateEd25519KeyPair();
  const { prepared, bytes, file } = await writeBundle(dir, bundleInput(key));

  it('passes unzip -t, sha*sum -c, ssh-keygen -Y verify, minisign and verify.sh', () => {
    expect(run('unzip', ['-t', file]).stdout).toContain('No errors detected');
    const v = runVerifySh(dir, bytes, 'good', prepared.fingerprint);
    expect(v.stderr).toBe('');
    expect(v.code).toBe(0);
    expect(v.stdout).toContain(`ok      trust: signer fingerprint is the expected ${prepared.fingerprint}`);
    expect(v.stdout).toContain(`Good "evidence-bundle@org.disclosure-workbench" signature for ${PRINCIPAL}`);
    expect(v.stdout).toContain('ok      minisign: signature and trusted comment verified');
    expect(v.stdout).toContain('ok      report: Good');
    expect(v.stdout).toContain(`ok      report: signed inside too: pdfsig finds its signature valid over the whole file, by the certificate naming ${prepared.fingerprint}`);
    // VERIFY.txt's commands for the report's signature inside, as a recipient of the PDF alone runs them.
    const verifyTxt = readFileSync(path.join(v.bagDir, 'VERIFY.txt'), 'utf8');
    const from = verifyTxt.indexOf('D=$(mktemp -d)');
    const block = verifyTxt.slice(from, verifyTxt.indexOf('\n\n7. ', from) + 1);
    const inside = run('sh', ['-ec', block], { cwd: v.bagDir });
    expect(inside.stdout + inside.stderr).toContain(`Good "evidence-bundle@org.disclosure-workbench" signature for ${PRINCIPAL}`);
    expect(inside.stdout).toContain('OK: the PDF is signed by the attached certificate, and by no other');
    expect(inside.code).toBe(0);
    // Without pdfsig the check inside the PDF is said to be skipped, as minisign's is (it passed in silence).
    const noPdfsig = path.join(dir, 'path-without-pdfsig');
    mkdirSync(noPdfsig);
    for (const bin of ['/usr/local/bin', '/usr/bin', '/bin']) {
      for (const name of existsSync(bin) ? readdirSync(bin) : []) {
        if (name !== 'pdfsig' && !existsSync(path.join(noPdfsig, name))) symlinkSync(path.join(bin, name), path.join(noPdfsig, name));
      }
    }
    const without = run('env', [`PATH=${noPdfsig}`, 'sh', 'verify.sh', prepared.fingerprint], { cwd: v.bagDir });
    expect(without.code).toBe(0);
    expect(without.stdout).not.toContain('signed inside too');
    expect(without.stdout).toContain('skip    report: pdfsig (poppler-utils) not installed: the signature inside report/evidence-report.pdf was not checked; its SSH signature above was');
    expect(v.stdout).toContain(`ALL CHECKS PASSED. Bundle id (SHA-256 of tagmanifest-sha512.txt): ${prepared.bundleId}`);
    const bag = v.bagDir;
    // VERIFY.txt's check of the custody chain, in Python, pasted as it stands: every entry's hash and link.
    const vt = readFileSync(path.join(bag, 'VERIFY.txt'), 'utf8');
    const recipe = vt.slice(vt.indexOf("python3 - <<'EOF'\n"), vt.indexOf('\nEOF\n') + 5);
    const chain = run('sh', ['-c', recipe], { cwd: bag });
    const custody = sampleCustody();
    expect(chain.stdout + chain.stderr).toBe(custody.map((e) => `${e.seq} ok\n`).join('') + `OK: chain intact, ${custody.length} entries\n`);
    expect(chain.code).toBe(0);
    for (const [tool, mf] of [['sha256sum', 'manifest-sha256.txt'], ['sha512sum', 'manifest-sha512.txt'], ['sha512sum', 'tagmanifest-sha512.txt']] as const) {
      const r = run(tool, ['-c', '--strict', mf], { cwd: bag });
      expect(r.code, `${tool} -c ${mf}: ${r.stdout}${r.stderr}`).toBe(0);
    }
    // The signer fingerprint line is exactly what ssh-keygen prints; verify.sh takes that whole line too.
    const lf = run('ssh-keygen', ['-lf', 'metadata/signer/id_ed25519.pub'], { cwd: bag });
    expect(lf.stdout.trim()).toBe(fingerprintLine(key.publicKey, PRINCIPAL));
    const byLine = run('sh', ['verify.sh', lf.stdout.trim()], { cwd: bag });
    expect(byLine.code, byLine.stderr).toBe(0);
    expect(byLine.stdout).toContain(`ok      trust: signer fingerprint is the expected ${prepared.fingerprint}`);
    // Source files are verbatim copies of the real fixtures.
    for (const s of SOURCES) expect(readFileSync(path.join(bag, 'data/source', s)).equals(readFileSync(realFixture(s)))).toBe(true);
    const info = readFileSync(path.join(bag, 'bag-info.txt'), 'utf8');
    const total = bundleInput(key).payload.reduce((n, f) => n + (f.bytes?.length ?? 0), 0) + readFileSync(realFixture(SOURCES[1]!)).length;
    expect(info).toContain(`Payload-Oxum: ${total}.4\n`);
    expect(info).toContain('External-Identifier: case-42 IRA replies\n');
    expect(readFileSync(path.join(bag, 'VERIFY.txt'), 'utf8')).toContain(
      `ssh-keygen -Y verify -f metadata/signer/allowed_signers -I ${PRINCIPAL} -n evidence-bundle@org.disclosure-workbench`,
    );
    const prov = JSON.parse(readFileSync(path.join(bag, 'metadata/provenance.json'), 'utf8'));
    expect(prov.signer).toMatchObject({ fingerprint: prepared.fingerprint, namespace: 'evidence-bundle@org.disclosure-workbench' });
    // The time the report prints as its own (caseReportRenderer) is the bundle's, as signed here.
    expect(prepared.created).toBe(prov.created);
    expect(prov.created).toBe(bundleInput(key).createdAt.toISOString());
    expect(prov.egress).toEqual({ blockedRequests: 0, urls: [] });
    expect(prov.report).toBe('report/evidence-report.pdf'); // signed: a removed report is noticed
    expect(prov.reportBinding).toBe('report/evidence-report.sha256'); // and one without its binding
  });

  it('the bundle id is the SHA-256 of the signed tag manifest; layout matches EVIDENCE.md', () => {
    const tm = prepared.tagFiles.find((t) => t.path === 'tagmanifest-sha512.txt')!.bytes;
    expect(prepared.bundleId).toBe(bytesToHex(sha256(tm)));
    expect(prepared.bagName).toBe('case-42-IRA-replies_20261128T120000Z');
    const tmText = new TextDecoder().decode(tm);
    const listed = tmText.trim().split('\n').map((l) => l.slice(130));
    expect(listed).toEqual([
      'VERIFY.txt', 'bag-info.txt', 'bagit.txt', 'manifest-sha256.txt', 'manifest-sha512.txt', 'metadata/analysis.json',
      'metadata/custody.jsonl', 'metadata/items.jsonl', 'metadata/provenance.json', 'metadata/signer/allowed_signers',
      'metadata/signer/id_ed25519.pub', 'metadata/signer/minisign.pub', 'verify.sh',
    ]);
    const entries = run('unzip', ['-Z1', file]).stdout.trim().split('\n');
    expect(entries.filter((e) => e.includes('/signatures/') || e.includes('/report/')).map((e) => e.slice(prepared.bagName.length + 1))).toEqual([
      'signatures/tagmanifest-sha512.txt.minisig', 'signatures/tagmanifest-sha512.txt.sig',
      'report/evidence-report.pdf', 'report/evidence-report.sha256', 'signatures/evidence-report.pdf.sig', 'signatures/evidence-report.sha256.sig',
    ]);
  });

  it('our verifier passes every check and reports the bundle id and fingerprint', () => {
    const v = verifyBundle(bytes, { trustedFingerprints: [prepared.fingerprint], requireTrust: true });
    expect(v.checks.filter((c) => !c.ok)).toEqual([]);
    expect(v).toMatchObject({ ok: true, bundleId: prepared.bundleId, fingerprint: prepared.fingerprint, principal: PRINCIPAL });
    expect(v.checks.map((c) => `${c.name}:${c.status}`)).toEqual([
      'zip:pass', 'signature:pass', 'minisign:pass', 'key-history:skip', 'trust:pass', 'tagmanifest:pass', 'payload:pass', 'completeness:pass', 'custody:pass', 'report:pass',
    ]);
    const unknown = verifyBundle(bytes);
    expect(unknown.ok).toBe(true);
    expect(unknown.checks.find((c) => c.name === 'trust')).toMatchObject({ status: 'warn', detail: expect.stringContaining('unknown signer') });
  });

  it("the report is signed inside too (CMS, as pdfsig checks it), by a certificate naming the bundle's signer; one naming another key, or broken, fails", async () => {
    const v = verifyBundle(bytes, { trustedFingerprints: [prepared.fingerprint], requireTrust: true });
    expect(v.checks.find((c) => c.name === 'report')!.detail).toMatch(
      new RegExp(`; signed inside too \\(CMS, as pdfsig checks it: signed 2026-11-28T12:00:00\\.000Z by the certificate of Disclosure Workbench evidence signing, SSH key ${prepared.fingerprint.replace(/[+/]/g, '\\$&')}, analyst@example\\.org`),
    );
    // The genuine key signs (SSHSIG) and binds a report whose signature inside is another key's certificate's, or broken.
    const withReport = async (pdf: Uint8Array) => {
      const p = await prepareBundle({ ...bundleInput(key), report: true });
      return verifyBundle(await collect(p.zip(await p.signReport(pdf))), { trustedFingerprints: [prepared.fingerprint], requireTrust: true });
    };
    const other = 'SHA256:' + 'A'.repeat(43);
    const byOther = await withReport(await reportPdf(prepared.bundleId, { signer: seedSigner(key.seed), sshFingerprint: other }));
    expect(byOther.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['report']);
    expect(byOther.checks.find((c) => c.name === 'report')!.detail).toBe(
      `report/evidence-report.pdf is signed inside by a certificate of Disclosure Workbench evidence signing, SSH key ${other}, analyst@example.org, not of this bundle's signer ${prepared.fingerprint}`,
    );
    const good = await reportPdf(prepared.bundleId, { signer: seedSigner(key.seed) });
    const broken = good.slice();
    broken[20] = broken[20] === 0x20 ? 0x21 : 0x20; // inside the signed range
    expect((await withReport(broken)).checks.find((c) => c.name === 'report')!.detail).toBe(
      "report/evidence-report.pdf's signature inside the PDF (CMS, as pdfsig checks it) fails: the file was changed after it was signed: its SHA-256 differs from the signed one",
    );
  });

  it('a bundle made without a report says so; one that promises a report cannot be zipped without it', async () => {
    const none = await prepareBundle(bundleInput(key));
    const v = verifyBundle(await collect(none.zip()));
    expect(v.checks.find((c) => c.name === 'report')).toMatchObject({ ok: true, status: 'skip', detail: 'no report: none was made for this bundle (metadata/provenance.json)' });
    const promised = await prepareBundle({ ...bundleInput(key), report: true });
    expect(() => promised.zip()).toThrow('the bundle says it holds a signed report (provenance.json): add it with signReport()');
    // A report signed by the genuine key but added to a bundle made without one fails: the signed provenance says none.
    const added = await collect(none.zip(await none.signReport(await reportPdf(none.bundleId))));
    expect(verifyBundle(added).checks.find((c) => c.name === 'report')).toMatchObject({ ok: false, detail: 'metadata/provenance.json says no report was made for this bundle, and report/evidence-report.pdf; report/evidence-report.sha256; signatures/evidence-report.pdf.sig; signatures/evidence-report.sha256.sig are present (added after signing?)' });
    const sh = runVerifySh(dir, added, 'report-added', prepared.fingerprint);
    expect(sh.code).toBe(1);
    expect(sh.stderr).toContain('FAILED report: metadata/provenance.json says no report was made for this bundle');
  });

  it('writes nothing when the host signs with another key than the one the bundle names (rotated during the export)', async () => {
    const other = seedSigner(generateEd25519KeyPair().seed);
    const switched = { publicKey: seedSigner(key.seed).publicKey, sign: other.sign };
    await expect(prepareBundle({ ...bundleInput(key), signer: switched })).rejects.toThrow(/^the (minisign )?signature is not by the signer key named in the bundle/);
  });

  it('is deterministic: same input and key, same ZIP bytes (Ed25519 is deterministic)', async () => {
    const again = await writeBundle(path.join(dir, 'again'), bundleInput(key));
    expect(again.prepared.bundleId).toBe(prepared.bundleId);
    expect(Buffer.from(again.bytes).equals(Buffer.from(bytes))).toBe(true);
  });

  it('refuses payload that changed since collection, and unsafe names', async () => {
    const input = bundleInput();
    input.payload[0]!.expectedSha256 = '0'.repeat(64);
    await expect(prepareBundle(input)).rejects.toThrow(/^“data\/source\/ira_2018_tweets_csv_hashed_excerpt.csv” changed since it was imported \(SHA-256 at import [0-9a-f]{64}, now [0-9a-f]{64}\)$/);
    for (const [bad, why] of [['source/a%20b.csv', "contains '%'"], ['source/-rf', "starts with '-'"], ['../x', "'..' segment"], ['a\nb', 'control character'], ['a\\b', "contains '\\'"], ['Cafe\u0301.csv', 'NFC']]) {
      const i = bundleInput();
      i.payload = [{ path: bad!, bytes: new Uint8Array(1) }];
      await expect(prepareBundle(i)).rejects.toThrow(why!);
    }
    const dup = bundleInput();
    dup.payload = [{ path: 'x/A.csv', bytes: new Uint8Array(1) }, { path: 'x/a.csv', bytes: new Uint8Array(1) }];
    await expect(prepareBundle(dup)).rejects.toThrow(/differ only by case/);
  });
});
