import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintSha256, allowedSignersLine } from '../../../shared/evidence/opensshKeys';
import { checkPdfSignature } from '../../../shared/evidence/pdfSignatureCheck';
import { verifyReportPdf } from '../../../shared/evidence/reportPdfVerifier';
import { repoRoot } from '../../fixtures/paths';
import { cmsSignedAttributes, reportCertificate, signReportAttributes } from '../../../shared/evidence/pdfSigningKey';
import { seedSigner } from '../../../shared/evidence/signer';
import { EVIDENCE_NAMESPACE, sshsigSign } from '../../../shared/evidence/sshsig';
import { bundleAttachments, finishReportPdf, REPORT_CERTIFICATE_NAME } from '../../../shared/report/finishReportPdf';
import { buildReportCase, REPORT_CASE_SEED as SEED, reportSigningOf, type ReportCase } from './reportCase';

const signer = seedSigner(SEED);
const fingerprint = fingerprintSha256(signer.publicKey);
const subject = { principal: 'analyst@example.org', sshFingerprint: fingerprint, notBefore: new Date('2026-11-01T10:00:00Z') };
const dir = mkdtempSync(path.join(tmpdir(), 'dw-pdfsig-'));
afterAll(() => { if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true }); });

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const pdfsig = (file: string) => spawnSync('pdfsig', [file], { encoding: 'utf8' });

let rc: ReportCase;
let signed: Uint8Array;
let file: string;
beforeAll(async () => {
  rc = await buildReportCase(3);
  const doc = await PDFDocument.create();
  doc.addPage();
  doc.addPage();
  signed = await finishReportPdf(await doc.save(), rc.model, bundleAttachments(rc.prepared), await reportSigningOf(rc.model));
  file = path.join(dir, 'report.pdf');
  writeFileSync(file, signed);
});

describe('the evidence report is signed inside (CMS), as pdfsig checks it', () => {
  it('pdfsig: the signature is valid, covers the whole document, and names the analyst and the SSH key fingerprint', () => {
    const out = pdfsig(file).stdout;
    expect(out).toContain('Signature #1:');
    expect(out).toContain('Signature Validation: Signature is Valid.');
    expect(out).toContain('Total document signed');
    expect(out).toContain('Signature Type: adbe.pkcs7.detached');
    expect(out).toContain('Signing Hash Algorithm: SHA-256');
    // A fingerprint holding '+' is quoted (RFC 4514).
    expect(out).toMatch(new RegExp(`Signer full Distinguished Name: CN=analyst@example\\.org,OU="?SSH key ${escapeRegExp(fingerprint)}"?,O=Disclosure Workbench evidence signing`));
    // Self-signed, so not trusted by NSS's store: the recipient trusts it through the SSH key (next test).
    expect(out).toMatch(/Certificate Validation: Certificate issuer is unknown\./);
    expect(checkPdfSignature(signed)).toMatchObject({ ok: true, subject: ['Disclosure Workbench evidence signing', `SSH key ${fingerprint}`, 'analyst@example.org'] });
  });

  it("the PDF carries the certificate and the analyst key's SSHSIG over it: ssh-keygen ties pdfsig's signer to the trusted fingerprint", () => {
    const list = execFileSync('pdfdetach', ['-list', file], { encoding: 'utf8' });
    expect(list).toContain('7 embedded files');
    const index = (name: string) => new RegExp(`(\\d+): ${name.replace(/\./g, '\\.')}\\n`).exec(list)![1]!;
    const cert = path.join(dir, 'cert.der');
    const sig = path.join(dir, 'cert.der.sig');
    execFileSync('pdfdetach', ['-save', index(REPORT_CERTIFICATE_NAME), '-o', cert, file]);
    execFileSync('pdfdetach', ['-save', index(`${REPORT_CERTIFICATE_NAME}.sig`), '-o', sig, file]);
    // The certificate pdfsig reports is the attached one (openssl reads it; same subject).
    expect(execFileSync('openssl', ['x509', '-inform', 'der', '-in', cert, '-noout', '-subject'], { encoding: 'utf8' })).toMatch(new RegExp(`OU = "?SSH key ${escapeRegExp(fingerprint)}"?`));
    expect(new Uint8Array(readFileSync(cert))).toEqual(checkPdfSignature(signed).certificate);
    const signers = path.join(dir, 'allowed_signers');
    writeFileSync(signers, allowedSignersLine('analyst@example.org', signer.publicKey, EVIDENCE_NAMESPACE) + '\n');
    const v = spawnSync('ssh-keygen', ['-Y', 'verify', '-f', signers, '-I', 'analyst@example.org', '-n', EVIDENCE_NAMESPACE, '-s', sig], { input: readFileSync(cert), encoding: 'utf8' });
    expect(v.stdout + v.stderr).toContain('Good "evidence-bundle');
    expect(v.status).toBe(0);
  });

  it('a changed byte, or bytes appended after signing (an incremental update), are reported by pdfsig and by the check', () => {
    const edited = signed.slice();
    const at = new TextDecoder('latin1').decode(signed).indexOf('/Title');
    edited[at + 1] = 'X'.charCodeAt(0); // '/Xitle': one byte inside the signed range
    writeFileSync(path.join(dir, 'edited.pdf'), edited);
    expect(pdfsig(path.join(dir, 'edited.pdf')).stdout).toContain('Signature Validation: Digest Mismatch.');
    expect(checkPdfSignature(edited)).toMatchObject({ ok: false, detail: expect.stringContaining('the file was changed after it was signed') });
    const appended = new Uint8Array([...signed, ...new TextEncoder().encode('\n% appended\n')]);
    writeFileSync(path.join(dir, 'appended.pdf'), appended);
    expect(pdfsig(path.join(dir, 'appended.pdf')).stdout).not.toContain('Total document signed');
    expect(checkPdfSignature(appended)).toMatchObject({ ok: false, detail: expect.stringContaining('do not cover the whole file') });
  });

  it('the report key is derived from the analyst key: one certificate per key, byte for byte; another key gives another', () => {
    expect(reportCertificate(SEED, subject)).toEqual(reportCertificate(SEED, subject));
    expect(reportCertificate(new Uint8Array(32).fill(8), subject)).not.toEqual(reportCertificate(SEED, subject));
  });

  it('the report key signs CMS signed attributes of a report digest, and nothing else', () => {
    const attributes = cmsSignedAttributes(new Uint8Array(32).fill(1), new Date('2026-12-03T12:00:00Z'));
    expect(signReportAttributes(SEED, attributes).length).toBeGreaterThan(60);
    const refused = /^refused to sign: the report key signs only the CMS signed attributes of an evidence report/;
    expect(() => signReportAttributes(SEED, new Uint8Array(32).fill(1))).toThrow(refused); // a bare digest
    expect(() => signReportAttributes(SEED, new TextEncoder().encode('ssh login challenge'))).toThrow(refused);
    expect(() => signReportAttributes(SEED, new Uint8Array([...attributes, 0]))).toThrow(refused); // one byte more
  });

  it('without the report key, the PDF is not signed inside (the report page\'s Save as PDF)', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    const unsigned = await finishReportPdf(await doc.save(), rc.model, []);
    expect(checkPdfSignature(unsigned)).toMatchObject({ ok: false, detail: 'the PDF holds no signature (no /ByteRange)' });
  });

  it('a report received alone verifies with the app (verify REPORT.pdf): signature inside, the certificate vouched for, trust, bundle id', async () => {
    const trusted = await verifyReportPdf(signed, { trustedFingerprints: [fingerprint], requireTrust: true });
    expect(trusted).toMatchObject({ ok: true, fingerprint, principal: 'analyst@example.org', bundleId: rc.model.bundleId });
    expect(trusted.checks.map((c) => `${c.name}:${c.status}`)).toEqual(['signature-inside:pass', 'certificate:pass', 'trust:pass', 'bundle:pass']);
    const other = 'SHA256:' + 'B'.repeat(43);
    expect((await verifyReportPdf(signed, { trustedFingerprints: [other], requireTrust: true })).checks.find((c) => c.name === 'trust')).toMatchObject({ ok: false, detail: `signer ${fingerprint} is not one of the trusted fingerprints: ${other}` });
    // Through the command line, as a recipient runs it.
    const cli = spawnSync('npx', ['tsx', 'main/cli/index.ts', 'verify', file, '--json', '--trust', fingerprint], { cwd: repoRoot, encoding: 'utf8' });
    expect(cli.status).toBe(0);
    expect(JSON.parse(cli.stdout)).toMatchObject({ ok: true, kind: 'report-pdf', fingerprint, bundleId: rc.model.bundleId });
    // An edited copy fails at its signature; an unsigned PDF says it holds none.
    const edited = signed.slice();
    edited[new TextDecoder('latin1').decode(signed).indexOf('/Title') + 1] = 0x58;
    expect((await verifyReportPdf(edited)).checks[0]).toMatchObject({ name: 'signature-inside', ok: false, detail: expect.stringContaining('the file was changed after it was signed') });
    const doc = await PDFDocument.create();
    doc.addPage();
    expect((await verifyReportPdf(await doc.save())).checks[0]).toMatchObject({ ok: false, detail: 'the PDF holds no signature (no /ByteRange)' });
  });

  it("a report whose certificate the analyst key did not vouch for (another key's SSHSIG attached) fails the certificate check", async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    const mallory = new Uint8Array(32).fill(5);
    const forged = await finishReportPdf(await doc.save(), rc.model, bundleAttachments(rc.prepared), { ...(await reportSigningOf(rc.model)), certificateSignature: (await reportSigningOf(rc.model, mallory)).certificateSignature });
    const v = await verifyReportPdf(forged);
    expect(v.checks.find((c) => c.name === 'certificate')).toMatchObject({ ok: false, detail: 'report-signing-certificate.der.sig does not verify over the certificate: Ed25519 signature does not match the signed data' });
    // Mallory vouches for the analyst's certificate with her own key: it verifies, but names another key than hers.
    const genuine = await reportSigningOf(rc.model);
    const doc2 = await PDFDocument.create();
    doc2.addPage();
    const vouchedByMallory = await finishReportPdf(await doc2.save(), rc.model, bundleAttachments(rc.prepared), { ...genuine, certificateSignature: await sshsigSign(seedSigner(mallory), genuine.certificate, EVIDENCE_NAMESPACE) });
    const m = await verifyReportPdf(vouchedByMallory);
    expect(m.checks.find((c) => c.name === 'certificate')).toMatchObject({ ok: false, detail: `the certificate names SSH key ${fingerprint}, but the key that vouches for it is ${fingerprintSha256(seedSigner(mallory).publicKey)}` });
  });
});

