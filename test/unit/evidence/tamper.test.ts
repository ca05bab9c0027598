/**
 * Tamper suite: every edit must make BOTH our verifier and the independent tools (the bundle's own
 * verify.sh over ssh-keygen/sha512sum/minisign, or unzip) fail, each with a specific message.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { manifestText, parseManifest } from '../../../shared/evidence/bagText';
import { bytesToHex } from '../../../shared/evidence/bytes';
import { verifyBundle, type BundleVerdict } from '../../../shared/evidence/bundleVerifier';
import { formatMinisignPublicKey, minisignSign } from '../../../shared/evidence/minisign';
import { allowedSignersLine, formatPublicKeyLine, generateEd25519KeyPair } from '../../../shared/evidence/opensshKeys';
import { seedSigner } from '../../../shared/evidence/signer';
import { EVIDENCE_NAMESPACE, sshsigSign } from '../../../shared/evidence/sshsig';
import { unzipSync } from 'fflate';
import { makeZip } from 'client-zip';
import { bundleInput, collect, PRINCIPAL, runVerifySh, tamper, writeBundle } from './bundleFixture';
import { REPORT_BINDING_PATH, REPORT_BINDING_SIG_PATH, REPORT_PATH, REPORT_SIG_PATH } from '../../../shared/evidence/bundleWriter';
import { run, tempDir } from './tools';

const dir = tempDir('tamper-');
const enc = new TextEncoder();
const dec = new TextDecoder();
const SRC = 'data/source/ira_2018_tweets_csv_hashed_excerpt.csv';

const failed = (v: BundleVerdict, name: string) => v.checks.find((c) => c.name === name)!;

/** The bag's files by path inside it. */
function unzipBag(zip: Uint8Array): Map<string, Uint8Array> {
  const raw = unzipSync(zip);
  return new Map(Object.entries(raw).filter(([n]) => !n.endsWith('/')).map(([n, b]) => [n.slice(n.indexOf('/') + 1), b]));
}

/** Attacker helper: recompute a manifest for the current files. */
function regenerate(files: Map<string, Uint8Array>, manifest: string, hash: (b: Uint8Array) => Uint8Array) {
  const old = parseManifest(dec.decode(files.get(manifest)!), hash === sha256 ? 64 : 128);
  files.set(manifest, enc.encode(manifestText([...old.keys()].filter((p) => files.has(p)).map((p) => ({ path: p, hex: bytesToHex(hash(files.get(p)!)) })))));
}

const REPORT_FILES = [REPORT_PATH, REPORT_BINDING_PATH, REPORT_SIG_PATH, REPORT_BINDING_SIG_PATH];

describe('tamper suite', async () => {
  const signingKey = generateEd25519KeyPair();
  const { prepared, bytes } = await writeBundle(dir, bundleInput(signingKey));
  const fp = prepared.fingerprint;
  const check = (label: string, zip: Uint8Array) => ({ ours: verifyBundle(zip, { trustedFingerprints: [fp], requireTrust: true }), sh: runVerifySh(dir, zip, label, fp) });

  it('edited payload byte', async () => {
    const z = await tamper(bytes, (f) => {
      const b = Uint8Array.from(f.get(SRC)!);
      b[200] ^= 0x20;
      f.set(SRC, b);
    });
    const { ours, sh } = check('edited-payload', z);
    expect(ours.ok).toBe(false);
    expect(failed(ours, 'payload')).toMatchObject({ ok: false, detail: expect.stringMatching(new RegExp(`^${SRC}: manifest-sha512.txt expects [0-9a-f]{128}, actual [0-9a-f]{128}`)) });
    expect(sh.code).toBe(1);
    expect(sh.stderr).toContain(`FAILED payload: manifest-sha512.txt: ${SRC}: FAILED`);
  });

  it('a signature file whose base64 is damaged: named as such, not as a browser API error', async () => {
    const z = await tamper(bytes, (f) => {
      const lines = new TextDecoder().decode(f.get('signatures/tagmanifest-sha512.txt.sig')!).split('\n');
      lines[1] = `%${lines[1]!.slice(1)}`;
      f.set('signatures/tagmanifest-sha512.txt.sig', enc.encode(lines.join('\n')));
    });
    const { ours, sh } = check('damaged-sig-base64', z);
    expect(ours.ok).toBe(false);
    expect(failed(ours, 'signature').detail).toContain('the text is not valid base64 (damaged or edited)');
    expect(failed(ours, 'signature').detail).not.toContain('atob');
    expect(sh.code).toBe(1);
  });

  it('a manifest line that does not parse: the payload check names it; completeness says the manifest was not read, not that every file is unlisted', async () => {
    const z = await tamper(bytes, (f) => {
      const t = dec.decode(f.get('manifest-sha512.txt')!);
      f.set('manifest-sha512.txt', enc.encode(`#${t.slice(1)}`));
    });
    const { ours, sh } = check('unparsable-manifest', z);
    expect(ours.ok).toBe(false);
    expect(failed(ours, 'payload').detail).toMatch(/^manifest-sha512\.txt: /);
    expect(failed(ours, 'completeness').detail).toBe('manifest-sha512.txt could not be read (payload says why): the files in data/ not compared with it');
    expect(sh.code).toBe(1);
  });

  it('added payload file', async () => {
    const z = await tamper(bytes, (f) => f.set('data/derived/planted.csv', enc.encode('x\n')));
    const { ours, sh } = check('added-file', z);
    expect(failed(ours, 'completeness')).toMatchObject({ ok: false, detail: expect.stringContaining('data/derived/planted.csv: in data/ but not in manifest-sha512.txt') });
    expect(sh.stderr).toContain('FAILED completeness: in data/ but not in manifest-sha512.txt: data/derived/planted.csv');
    // By hand: VERIFY.txt's own command for it (sha*sum -c only checks the files a manifest lists).
    const byHand = fromVerifyTxt(sh.bagDir, /^ +(F=\$\(mktemp\) && find data ! -type d .*)\n +(.*)$/m);
    expect(run('sh', ['-c', byHand], { cwd: sh.bagDir })).toMatchObject({ code: 1, stdout: '1a2\n> data/derived/planted.csv\n' });
    const clean = runVerifySh(dir, bytes, 'clean-for-find', fp);
    expect(run('sh', ['-c', byHand], { cwd: clean.bagDir })).toMatchObject({ code: 0, stdout: 'no unlisted payload file\n' });
  });

  it('an entry stored twice under one name, the first copy edited (an extractor may show it)', async () => {
    const edited = Uint8Array.from(unzipBag(bytes).get(SRC)!);
    edited[200] ^= 0x20;
    const z = await tamper(bytes, () => {}, [[SRC, edited]]);
    const { ours } = check('duplicate-entry', z);
    expect(ours.ok).toBe(false);
    expect(failed(ours, 'zip')).toMatchObject({ ok: false, detail: `entries stored twice under one name (an extractor may show either copy): ${prepared.bagName}/${SRC}` });
  });

  it('an unexpected file in signatures/', async () => {
    const z = await tamper(bytes, (f) => f.set('signatures/note.txt', enc.encode('trust me\n')));
    const { ours, sh } = check('added-signature-file', z);
    expect(failed(ours, 'completeness').detail).toContain('signatures/note.txt: unexpected file in signatures/');
    expect(sh.code).toBe(1);
    expect(sh.stderr).toContain('FAILED completeness: unexpected file in signatures/: signatures/note.txt');
  });

  it('added file outside data/', async () => {
    const z = await tamper(bytes, (f) => f.set('metadata/extra-note.txt', enc.encode('trust me\n')));
    const { ours, sh } = check('added-tag', z);
    expect(failed(ours, 'completeness').detail).toContain('metadata/extra-note.txt: outside data/ but not in tagmanifest-sha512.txt');
    expect(sh.stderr).toContain('FAILED completeness: outside data/ but not in tagmanifest-sha512.txt: metadata/extra-note.txt');
    // By hand: VERIFY.txt's command for files beside data/ names it (and prints nothing on the intact bundle).
    const byHand = fromVerifyTxt(sh.bagDir, /^ +(T=\$\(mktemp\) && cut -c 131- tagmanifest-sha512.txt > .*)\n +(.*)$/m);
    expect(run('sh', ['-c', byHand], { cwd: sh.bagDir }).stdout).toBe('metadata/extra-note.txt\n');
    const clean = runVerifySh(dir, bytes, 'clean-for-tags', fp);
    expect(clean.code).toBe(0);
    expect(run('sh', ['-c', byHand], { cwd: clean.bagDir }).stdout).toBe('');
  });

  it("the bag folder renamed (another case's name, the files untouched): ours names the signed name, as VERIFY.txt step 1's listing shows it", async () => {
    const other = `case-7 other desk_${prepared.bagName.slice(prepared.bagName.lastIndexOf('_') + 1)}`.replace(/ /g, '-');
    const raw = unzipSync(bytes);
    const lastModified = new Date('2026-11-28T12:00:00Z');
    const z = await collect(makeZip(Object.keys(raw).filter((n) => !n.endsWith('/')).map((n) => ({ name: `${other}/${n.slice(n.indexOf('/') + 1)}`, input: raw[n]!, lastModified }))));
    const ours = verifyBundle(z, { trustedFingerprints: [fp], requireTrust: true });
    expect(ours.ok).toBe(false);
    expect(failed(ours, 'completeness').detail).toBe(
      `the bag folder is ${other}/, but the signed metadata/provenance.json (case id and creation time) names it ${prepared.bagName}/: renamed after signing?`,
    );
    // By hand: step 1 must print only the name VERIFY.txt gives; it prints the other one.
    const zipFile = path.join(dir, `${prepared.bagName}.zip`);
    writeFileSync(zipFile, z);
    expect(run('sh', ['-c', `unzip -Z1 ${prepared.bagName}.zip | cut -d/ -f1 | LC_ALL=C sort -u`], { cwd: dir }).stdout).toBe(`${other}\n`);
    // verify.sh, run in the renamed folder, fails it too (it is signed, and names the folder).
    const sh = runVerifySh(dir, z, 'renamed', fp);
    expect(sh.code).toBe(1);
    expect(sh.stderr).toBe(`FAILED completeness: the bag folder is ${other}/, but this signed script (and metadata/provenance.json) names it ${prepared.bagName}/: renamed after signing?\n`);
    expect(verifyBundle(bytes, { trustedFingerprints: [fp], requireTrust: true }).ok).toBe(true);
  });

  it('a link added to data/ (its target may be any file): verify.sh and VERIFY.txt name it', async () => {
    const clean = runVerifySh(dir, bytes, 'symlink', fp);
    symlinkSync('../../VERIFY.txt', path.join(clean.bagDir, 'data/derived/zz-extra.csv'));
    const r = run('sh', ['verify.sh', fp], { cwd: clean.bagDir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('FAILED completeness: not a regular file (a link?): ./data/derived/zz-extra.csv');
    expect(run('sh', ['-c', 'find . ! -type d ! -type f'], { cwd: clean.bagDir }).stdout).toBe('./data/derived/zz-extra.csv\n');
    expect(run('sh', ['-c', fromVerifyTxt(clean.bagDir, /^ +(F=\$\(mktemp\) && find data ! -type d .*)\n +(.*)$/m)], { cwd: clean.bagDir }).stdout).toContain('> data/derived/zz-extra.csv');
  });

  it('removed payload file', async () => {
    const z = await tamper(bytes, (f) => f.delete(SRC));
    const { ours, sh } = check('removed-file', z);
    expect(failed(ours, 'payload').detail).toContain(`${SRC}: listed in manifest-sha512.txt but missing`);
    expect(failed(ours, 'completeness').detail).toContain(`${SRC}: listed in a manifest but missing`);
    expect(sh.stderr).toMatch(new RegExp(`FAILED payload: manifest-sha512.txt: .*${SRC}: No such file or directory`, 's'));
  });

  it('edited tag file', async () => {
    const z = await tamper(bytes, (f) => f.set('metadata/analysis.json', enc.encode('{"seed": 7}\n')));
    const { ours, sh } = check('edited-tag', z);
    expect(failed(ours, 'tagmanifest').detail).toMatch(/^metadata\/analysis.json: expected sha512 [0-9a-f]{128}, actual [0-9a-f]{128}$/);
    expect(failed(ours, 'signature').ok).toBe(true); // the signed file itself is intact
    expect(sh.stderr).toContain('FAILED tagmanifest: metadata/analysis.json: FAILED');
  });

  it('regenerated manifests (edited payload, recomputed manifests and tag manifest, old signature)', async () => {
    const z = await tamper(bytes, (f) => {
      f.set(SRC, enc.encode('forged,source\n'));
      regenerate(f, 'manifest-sha512.txt', sha512);
      regenerate(f, 'manifest-sha256.txt', sha256);
      regenerate(f, 'tagmanifest-sha512.txt', sha512);
    });
    const { ours, sh } = check('regenerated', z);
    expect(failed(ours, 'payload').ok).toBe(true);
    expect(failed(ours, 'tagmanifest').ok).toBe(true);
    expect(failed(ours, 'signature')).toMatchObject({ ok: false, detail: 'signatures/tagmanifest-sha512.txt.sig does not verify over tagmanifest-sha512.txt: Ed25519 signature does not match the signed data' });
    expect(failed(ours, 'minisign').detail).toBe('signatures/tagmanifest-sha512.txt.minisig: signature verification failed');
    expect(sh.stderr).toContain('FAILED signature: ssh-keygen -Y verify rejected signatures/tagmanifest-sha512.txt.sig over tagmanifest-sha512.txt');
  });

  const attacker = generateEd25519KeyPair();
  const mallory = seedSigner(attacker.seed);
  const swapKeyFiles = (f: Map<string, Uint8Array>) => {
    f.set('metadata/signer/allowed_signers', enc.encode(`${allowedSignersLine(PRINCIPAL, attacker.publicKey, EVIDENCE_NAMESPACE)}\n`));
    f.set('metadata/signer/id_ed25519.pub', enc.encode(`${formatPublicKeyLine(attacker.publicKey, PRINCIPAL)}\n`));
    f.set('metadata/signer/minisign.pub', enc.encode(formatMinisignPublicKey(attacker.publicKey)));
    regenerate(f, 'tagmanifest-sha512.txt', sha512);
  };

  it('swapped key (signer files replaced, tag manifest recomputed, old signatures)', async () => {
    const z = await tamper(bytes, swapKeyFiles);
    const { ours, sh } = check('swapped-key', z);
    expect(failed(ours, 'signature').detail).toMatch(/does not verify over tagmanifest-sha512.txt/);
    expect(failed(ours, 'trust').detail).toContain(`is not one of the trusted fingerprints: ${fp}`);
    expect(sh.stderr).toContain(`FAILED trust: signer fingerprint ${await seedSignerFp()} is not the expected ${fp}`);
  });

  it('swapped key AND everything re-signed by the attacker: only the out-of-band fingerprint catches it', async () => {
    let tm: Uint8Array = new Uint8Array();
    const z0 = await tamper(bytes, (f) => {
      // The attacker drops the report (signed by the genuine key) and the signed line that says there was one.
      const prov = JSON.parse(new TextDecoder().decode(f.get('metadata/provenance.json')!));
      f.set('metadata/provenance.json', enc.encode(`${JSON.stringify({ ...prov, report: null }, null, 2)}\n`));
      swapKeyFiles(f);
      tm = f.get('tagmanifest-sha512.txt')!;
    });
    const sig = await sshsigSign(mallory, tm);
    const msig = await minisignSign(mallory, tm, 'forged');
    const z = await tamper(z0, (f) => {
      f.set('signatures/tagmanifest-sha512.txt.sig', enc.encode(sig));
      f.set('signatures/tagmanifest-sha512.txt.minisig', enc.encode(msig));
      for (const r of REPORT_FILES) f.delete(r);
    });
    const { ours, sh } = check('resigned', z);
    expect(ours.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['trust']);
    expect(sh.stderr).toContain(`FAILED trust: signer fingerprint ${await seedSignerFp()} is not the expected ${fp}`);
    // Without the expected fingerprint nothing can tell: verify.sh runs the other checks and refuses to call it verified.
    const noFp = runVerifySh(dir, z, 'resigned-nofp');
    expect(noFp.code).toBe(3);
    expect(noFp.stdout).toContain('warn    trust: no expected fingerprint given');
    expect(noFp.stderr).toContain(`NOT VERIFIED: intact and validly signed, but by an unchecked key (256 ${await seedSignerFp()}`);
    expect(verifyBundle(z, { requireTrust: true }).checks.find((c) => c.name === 'trust')!.detail).toBe(
      `no trusted fingerprint given: compare the signer's ${await seedSignerFp()} with the fingerprint received out of band, then give it as trusted`,
    );
  });

  it('allowed_signers swapped and everything re-signed, the genuine id_ed25519.pub kept: the signing key is not the one shown', async () => {
    const z = await tamper(bytes, (f) => {
      f.set(SRC, enc.encode('forged,source\n'));
      regenerate(f, 'manifest-sha512.txt', sha512);
      regenerate(f, 'manifest-sha256.txt', sha256);
      f.set('metadata/signer/allowed_signers', enc.encode(`${allowedSignersLine(PRINCIPAL, attacker.publicKey, EVIDENCE_NAMESPACE)}\n`));
      f.set('metadata/signer/minisign.pub', enc.encode(formatMinisignPublicKey(attacker.publicKey)));
      regenerate(f, 'tagmanifest-sha512.txt', sha512);
      f.delete('report/evidence-report.pdf');
      f.delete('signatures/evidence-report.pdf.sig');
    });
    const tm = unzipBag(z).get('tagmanifest-sha512.txt')!;
    const sig = await sshsigSign(mallory, tm);
    const msig = await minisignSign(mallory, tm, 'forged');
    const forged = await tamper(z, (f) => {
      f.set('signatures/tagmanifest-sha512.txt.sig', enc.encode(sig));
      f.set('signatures/tagmanifest-sha512.txt.minisig', enc.encode(msig));
    });
    const { ours, sh } = check('allowed-signers-swapped', forged);
    expect(ours.ok).toBe(false);
    expect(sh.code).toBe(1);
    expect(sh.stdout).toContain(`ok      trust: signer fingerprint is the expected ${fp}`); // id_ed25519.pub is genuine
    expect(sh.stderr).toContain(`FAILED signature: signed by key ${await seedSignerFp()} (metadata/signer/allowed_signers), not by metadata/signer/id_ed25519.pub (${fp})`);
    // By hand: the Good line of VERIFY.txt's step 3 names the attacker's key, not the fingerprint of step 2.
    const step3 = fromVerifyTxt(sh.bagDir, /^ +(ssh-keygen -Y verify .* \\)\n +(-s signatures\/tagmanifest.*)$/m).replace(' \\ ', ' ');
    expect(run('sh', ['-c', step3], { cwd: sh.bagDir }).stdout).toMatch(new RegExp(`^Good "${EVIDENCE_NAMESPACE}" signature for ${PRINCIPAL} with ED25519 key ${(await seedSignerFp())!.replace(/[+/]/g, '\\$&')}\n$`));
    // By hand, step 5: minisign.pub (swapped with it) holds another key than id_ed25519.pub.
    const [minisignKey, sshKey] = [/^ +(sed -n 2p metadata\/signer\/minisign.pub .*)$/m, /^ +(cut -d' ' -f2 metadata\/signer\/id_ed25519.pub .*)$/m].map(
      (line) => run('sh', ['-c', fromVerifyTxt(sh.bagDir, line)], { cwd: sh.bagDir }).stdout.trim(),
    );
    expect(minisignKey).toMatch(/^[0-9a-f]{64}$/);
    expect(sshKey).toMatch(/^[0-9a-f]{64}$/);
    expect(minisignKey).not.toBe(sshKey);
  });

  it("where base64 cannot decode (an old macOS base64 has no -d), the minisign key comparison says it is skipped instead of passing", async () => {
    const clean = runVerifySh(dir, bytes, 'no-base64-d', fp);
    const bin = path.join(dir, 'fakebin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(path.join(bin, 'base64'), '#!/bin/sh\necho "base64: invalid option -- d" >&2\nexit 64\n', { mode: 0o755 });
    const r = run('sh', ['-c', `PATH="${bin}:$PATH" sh verify.sh ${fp}`], { cwd: clean.bagDir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("skip    minisign key: this system's base64 cannot decode the keys to compare them");
  });

  it('a swapped key whose comment holds the genuine fingerprint, and a principal given for a fingerprint: neither passes as trusted', async () => {
    const z = await tamper(bytes, (f) => {
      swapKeyFiles(f);
      f.set('metadata/signer/id_ed25519.pub', enc.encode(`${formatPublicKeyLine(attacker.publicKey, fp)}\n`));
      regenerate(f, 'tagmanifest-sha512.txt', sha512);
    });
    expect(check('comment-holds-fp', z).sh.stderr).toContain(`FAILED trust: signer fingerprint ${await seedSignerFp()} is not the expected ${fp}`);
    const byPrincipal = runVerifySh(dir, bytes, 'principal-for-fp', PRINCIPAL);
    expect(byPrincipal.code).toBe(1);
    expect(byPrincipal.stderr).toContain(`FAILED trust: signer fingerprint ${fp} is not the expected ${PRINCIPAL}`);
  });

  it('swapped signature (valid SSHSIG over the same tag manifest, by another key)', async () => {
    const tm = prepared.tagFiles.find((t) => t.path === 'tagmanifest-sha512.txt')!.bytes;
    const sig = await sshsigSign(mallory, tm);
    const z = await tamper(bytes, (f) => f.set('signatures/tagmanifest-sha512.txt.sig', enc.encode(sig)));
    const { ours, sh } = check('swapped-sig', z);
    expect(failed(ours, 'signature').detail).toBe(
      `signatures/tagmanifest-sha512.txt.sig was made by ${await seedSignerFp()}, not by the bundle's signer ${fp}`,
    );
    expect(sh.stderr).toContain('FAILED signature: ssh-keygen -Y verify rejected signatures/tagmanifest-sha512.txt.sig');
  });
  const seedSignerFp = async () => verifyBundle(await tamper(bytes, swapKeyFiles)).fingerprint;

  it('report removed (with its signatures and binding): the signed provenance.json says there was one', async () => {
    const z = await tamper(bytes, (f) => {
      for (const r of REPORT_FILES) f.delete(r);
    });
    const { ours, sh } = check('report-removed', z);
    expect(ours.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['report']);
    expect(failed(ours, 'report').detail).toBe('metadata/provenance.json says the bundle holds report/evidence-report.pdf, and it is missing (removed after signing?)');
    expect(sh.stderr).toContain('FAILED report: metadata/provenance.json says the bundle holds report/evidence-report.pdf, and it is missing');
  });

  it('a report of another bundle by the same signer, with its signature and binding: the binding names another bundle id', async () => {
    // Bundle B: same key, other contents (its report prints B's id). Its report files are moved into bundle A.
    const input = bundleInput(signingKey);
    const other = await writeBundle(tempDir('tamper-other-'), { ...input, caseId: 'case-43 another case' });
    const theirs = unzipBag(other.bytes);
    const z = await tamper(bytes, (f) => {
      for (const r of REPORT_FILES) f.set(r, theirs.get(r)!);
    });
    const { ours, sh } = check('report-swapped', z);
    expect(ours.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['report']);
    expect(failed(ours, 'report').detail).toMatch(/^report\/evidence-report\.sha256 does not bind this report to this bundle \(a report of another bundle\?\)/);
    expect(sh.stderr).toContain('FAILED report: the report is not this bundle\'s (report/evidence-report.sha256 names another report or another bundle id): ');
    expect(sh.stderr).toContain('tagmanifest-sha512.txt: FAILED');
    // By hand: VERIFY.txt step 6's sha256sum line fails too (and passes on the intact bundle).
    const byHand = fromVerifyTxt(sh.bagDir, /^ +(sha256sum -c --strict report\/evidence-report\.sha256)$/m);
    expect(run('sh', ['-c', byHand], { cwd: sh.bagDir }).code).toBe(1);
    const clean = runVerifySh(dir, bytes, 'clean-for-binding', fp);
    expect(run('sh', ['-c', byHand], { cwd: clean.bagDir })).toMatchObject({ code: 0, stdout: 'report/evidence-report.pdf: OK\ntagmanifest-sha512.txt: OK\n' });
    // Another bundle's tag manifest and its signature presented as "the report" fail the same way.
    const z2 = await tamper(bytes, (f) => {
      f.set('report/evidence-report.pdf', theirs.get('tagmanifest-sha512.txt')!);
      f.set('signatures/evidence-report.pdf.sig', theirs.get('signatures/tagmanifest-sha512.txt.sig')!);
    });
    expect(failed(verifyBundle(z2, { trustedFingerprints: [fp] }), 'report').detail).toMatch(/does not bind this report to this bundle/);
  });

  it('a bundle of an app version before report bindings (provenance names none): its signed report passes with a warning to compare the bundle id', async () => {
    // Rebuilt as such a version wrote it, signed by the genuine key: no reportBinding in provenance.json, no binding files.
    let tm: Uint8Array = new Uint8Array();
    const z0 = await tamper(bytes, (f) => {
      const { reportBinding: _dropped, ...prov } = JSON.parse(dec.decode(f.get('metadata/provenance.json')!));
      f.set('metadata/provenance.json', enc.encode(`${JSON.stringify(prov, null, 2)}\n`));
      regenerate(f, 'tagmanifest-sha512.txt', sha512);
      tm = f.get('tagmanifest-sha512.txt')!;
    });
    const genuine = seedSigner(signingKey.seed);
    const [sig, msig] = [await sshsigSign(genuine, tm), await minisignSign(genuine, tm, 'old version')];
    const z = await tamper(z0, (f) => {
      f.set('signatures/tagmanifest-sha512.txt.sig', enc.encode(sig));
      f.set('signatures/tagmanifest-sha512.txt.minisig', enc.encode(msig));
      f.delete(REPORT_BINDING_PATH);
      f.delete(REPORT_BINDING_SIG_PATH);
    });
    const v = verifyBundle(z, { trustedFingerprints: [fp], requireTrust: true });
    expect(v.ok).toBe(true);
    expect(failed(v, 'report')).toMatchObject({ status: 'warn', detail: `report/evidence-report.pdf signed by ${fp}, but not bound to this bundle (made by an app version before 2026-12-01): check that the bundle id it prints is ${v.bundleId}` });
    // Another file the key signed (its own tag manifest) presented as such a bundle's report: not a PDF.
    const notPdf = await tamper(z, (f) => {
      f.set(REPORT_PATH, f.get('tagmanifest-sha512.txt')!);
      f.set(REPORT_SIG_PATH, f.get('signatures/tagmanifest-sha512.txt.sig')!);
    });
    expect(failed(verifyBundle(notPdf, { trustedFingerprints: [fp] }), 'report')).toMatchObject({ ok: false, detail: expect.stringContaining('report/evidence-report.pdf is not a PDF') });
    // Binding files added to such a bundle are not taken on trust either.
    const added = await tamper(z, (f) => {
      const theirs = unzipBag(bytes);
      f.set(REPORT_BINDING_PATH, theirs.get(REPORT_BINDING_PATH)!);
      f.set(REPORT_BINDING_SIG_PATH, theirs.get(REPORT_BINDING_SIG_PATH)!);
    });
    expect(failed(verifyBundle(added, { trustedFingerprints: [fp] }), 'report').ok).toBe(false);
  });

  it('a timestamp proof in signatures/ is listed as not checked; one in a folder there, or with an unplain name, is refused by every route', async () => {
    const top = await tamper(bytes, (f) => f.set('signatures/tagmanifest-sha512.txt.tsr', enc.encode('anything')));
    const t = check('tsr-top', top);
    expect(t.ours.ok).toBe(true);
    expect(failed(t.ours, 'completeness')).toMatchObject({ status: 'warn', detail: expect.stringContaining('not checked (timestamp proofs added after signing, which need their issuer to verify): signatures/tagmanifest-sha512.txt.tsr') });
    expect(t.sh.code).toBe(0);
    expect(t.sh.stdout).toContain('warn    timestamps: not checked');
    const byHand = fromVerifyTxt(t.sh.bagDir, /^ +(T=\$\(mktemp\) && cut -c 131- tagmanifest-sha512.txt > .*)\n +(.*)$/m);
    expect(run('sh', ['-c', byHand], { cwd: t.sh.bagDir }).stdout).toBe('');
    const spaced = await tamper(bytes, (f) => f.set('signatures/CORRECTED evidence-report.pdf.tsr', enc.encode('anything')));
    const s = check('tsr-spaced', spaced);
    expect(failed(s.ours, 'completeness').detail).toBe('signatures/CORRECTED evidence-report.pdf.tsr: unexpected file in signatures/');
    expect(s.sh.stderr).toContain('FAILED completeness: unexpected file in signatures/: signatures/CORRECTED evidence-report.pdf.tsr');
    expect(run('sh', ['-c', byHand], { cwd: s.sh.bagDir }).stdout).toBe('signatures/CORRECTED evidence-report.pdf.tsr\n');
    const nested = await tamper(bytes, (f) => f.set('signatures/x/y.tsr', enc.encode('anything')));
    const n = check('tsr-nested', nested);
    expect(failed(n.ours, 'completeness').detail).toBe('signatures/x/y.tsr: unexpected file in signatures/');
    expect(n.sh.stderr).toContain('FAILED completeness: a folder inside report/ or signatures/: signatures/x');
  });

  it('edited report', async () => {
    const z = await tamper(bytes, (f) => {
      const r = Uint8Array.from(f.get('report/evidence-report.pdf')!);
      r[r.length - 10] ^= 1;
      f.set('report/evidence-report.pdf', r);
    });
    const { ours, sh } = check('edited-report', z);
    expect(failed(ours, 'report').detail).toBe('signatures/evidence-report.pdf.sig does not verify over report/evidence-report.pdf: Ed25519 signature does not match the signed data');
    expect(sh.stderr).toContain('FAILED report: ssh-keygen -Y verify rejected signatures/evidence-report.pdf.sig over report/evidence-report.pdf');
  });

  it('truncated zip', async () => {
    const z = bytes.subarray(0, Math.floor(bytes.length * 0.7));
    const ours = verifyBundle(z);
    expect(failed(ours, 'zip')).toMatchObject({ ok: false, detail: expect.stringMatching(/^the ZIP cannot be read: /) });
    expect(ours.checks.filter((c) => c.status === 'skip').length).toBe(9);
    const file = `${dir}/truncated.zip`;
    writeFileSync(file, z);
    const t = run('unzip', ['-t', file]);
    expect(t.code).not.toBe(0);
    expect(t.stdout + t.stderr).toMatch(/End-of-central-directory signature not found/);
  });

  it('broken custody chain (an entry edited after the fact)', async () => {
    const z = await tamper(bytes, (f) => {
      const lines = dec.decode(f.get('metadata/custody.jsonl')!).split('\n');
      lines[1] = lines[1]!.replace('ira_2018_tweets_csv_hashed_excerpt.csv', 'other.csv');
      f.set('metadata/custody.jsonl', enc.encode(lines.join('\n')));
    });
    const { ours, sh } = check('custody', z);
    expect(failed(ours, 'custody').detail).toMatch(/^metadata\/custody.jsonl broken at seq 2: hash is [0-9a-f]{64}, recomputed [0-9a-f]{64}$/);
    expect(failed(ours, 'tagmanifest').detail).toContain('metadata/custody.jsonl: expected sha512');
    expect(sh.stderr).toContain('FAILED tagmanifest: metadata/custody.jsonl: FAILED');
  });
});

/** A command of the bag's VERIFY.txt (its lines joined), as a recipient would copy it. */
function fromVerifyTxt(bagDir: string, pattern: RegExp): string {
  const m = readFileSync(path.join(bagDir, 'VERIFY.txt'), 'utf8').match(pattern);
  if (!m) throw new Error(`VERIFY.txt has no line matching ${pattern}`);
  return m.slice(1).join(' ');
}
