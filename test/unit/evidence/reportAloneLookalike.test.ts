/**
 * A report PDF received alone, signed inside by a look-alike: a certificate of another key with the
 * same subject (the analyst's name and "SSH key <their fingerprint>", which anyone can write into a
 * certificate of their own), and the genuine certificate and the analyst's SSHSIG over it copied in as
 * attachments from a genuine report. pdfsig calls it valid and names the analyst; ssh-keygen verifies
 * the attached certificate. VERIFY.txt's commands for a PDF alone must still catch it, as the app does.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { generateEd25519KeyPair } from '../../../shared/evidence/opensshKeys';
import { reportCertificate, signReportAttributes } from '../../../shared/evidence/pdfSigningKey';
import { verifyReportPdf } from '../../../shared/evidence/reportPdfVerifier';
import { addSignaturePlaceholder, fillSignature } from '../../../shared/report/pdfCmsSignature';
import { REPORT_CERTIFICATE_NAME } from '../../../shared/report/finishReportPdf';
import { bundleInput, PRINCIPAL, writeBundle } from './bundleFixture';
import { run, tempDir } from './tools';

const dir = tempDir('report-alone-');

/** VERIFY.txt's commands for a report received alone: from the folder it extracts the attachments into, to the end of step 6. */
function aloneBlock(verifyTxt: string): string {
  const from = verifyTxt.indexOf('D=$(mktemp -d)');
  const to = verifyTxt.indexOf('\n\n7. ', from);
  expect(from).toBeGreaterThan(0);
  expect(to).toBeGreaterThan(from);
  return verifyTxt.slice(from, to + 1);
}

/** Runs the block in a folder holding only report/evidence-report.pdf, as a recipient of the PDF alone has it. */
function runAlone(label: string, pdf: Uint8Array, block: string) {
  const home = path.join(dir, label);
  mkdirSync(path.join(home, 'report'), { recursive: true });
  writeFileSync(path.join(home, 'report/evidence-report.pdf'), pdf);
  const r = run('sh', ['-c', block], { cwd: home });
  return { code: r.code, out: r.stdout + r.stderr };
}

describe('a report PDF received alone, signed by a look-alike certificate', async () => {
  const key = generateEd25519KeyPair();
  const { prepared, bytes } = await writeBundle(dir, bundleInput(key));
  const bag = new Map(Object.entries(unzipSync(bytes)).map(([n, b]) => [n.slice(n.indexOf('/') + 1), b]));
  const genuine = bag.get('report/evidence-report.pdf')!;
  const block = aloneBlock(new TextDecoder().decode(bag.get('VERIFY.txt')!));

  // The forger copies the genuine report's attachments and signs a PDF of their own with a key of their own.
  const genuineFile = path.join(dir, 'genuine.pdf');
  writeFileSync(genuineFile, genuine);
  const attached = path.join(dir, 'attached');
  mkdirSync(attached);
  expect(run('pdfdetach', ['-saveall', '-o', attached, genuineFile]).code).toBe(0);
  const at = new Date('2026-11-28T12:00:00Z');
  const doc = await PDFDocument.create();
  doc.addPage().drawText(`Evidence report - bundle ${prepared.bundleId.slice(0, 32)} - text of the forger's choosing`, { x: 40, y: 780, size: 9, font: await doc.embedFont(StandardFonts.Helvetica) });
  for (const name of ['allowed_signers', REPORT_CERTIFICATE_NAME, `${REPORT_CERTIFICATE_NAME}.sig`]) {
    await doc.attach(readFileSync(path.join(attached, name)), name, { creationDate: at, modificationDate: at });
  }
  addSignaturePlaceholder(doc, { name: PRINCIPAL, reason: `Evidence report, bundle ${prepared.bundleId}`, signingTime: at });
  const saved = await doc.save({ objectsPerTick: Number.POSITIVE_INFINITY, useObjectStreams: false });
  const forgerSeed = new Uint8Array(32).fill(5);
  const lookalike = reportCertificate(forgerSeed, { principal: PRINCIPAL, sshFingerprint: prepared.fingerprint, notBefore: at });
  const forged = await fillSignature(saved, lookalike, at, async (a) => signReportAttributes(forgerSeed, a));

  it('pdfsig calls it valid and names the analyst and fingerprint, and the app refuses it: the attached certificate is not the one that signed', async () => {
    writeFileSync(path.join(dir, 'forged.pdf'), forged);
    const sig = run('pdfsig', [path.join(dir, 'forged.pdf')]);
    expect(sig.stdout).toContain('Signature is Valid.');
    expect(sig.stdout).toContain('Total document signed');
    expect(sig.stdout).toContain(`SSH key ${prepared.fingerprint}`);
    const ours = await verifyReportPdf(forged, { trustedFingerprints: [prepared.fingerprint], requireTrust: true });
    expect(ours.checks.find((c) => c.name === 'certificate')).toMatchObject({ ok: false, detail: 'the attached report-signing-certificate.der is not the certificate that signed the PDF' });
  });

  it("VERIFY.txt's commands for a PDF alone pass the genuine report and say the look-alike was not signed by the attached certificate", () => {
    const good = runAlone('genuine', genuine, block);
    expect(good.out).toContain(`Good "evidence-bundle@org.disclosure-workbench" signature for ${PRINCIPAL}`);
    expect(good.out).toContain('OK: the PDF is signed by the attached certificate, and by no other');
    expect(good.code).toBe(0);
    const bad = runAlone('lookalike', forged, block);
    expect(bad.out).toContain('FAILED: the PDF is not signed by the attached report-signing-certificate.der (but by another certificate, whatever names pdfsig shows)');
    expect(bad.code).not.toBe(0);
  });
});
