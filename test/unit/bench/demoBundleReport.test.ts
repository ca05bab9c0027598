import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_PATH } from '../../../shared/evidence/bundleWriter';
import { EVIDENCE_NAMESPACE } from '../../../shared/evidence/sshsig';
import { bundleAttachments, finishReportPdf } from '../../../shared/report/finishReportPdf';
import { checkReportPdf, citedPostTexts, custodyLine, toolCodes } from '../../bench/demoBundleReport';
import { buildReportCase, reportSigningOf, type ReportCase } from '../report/reportCase';

const OUT = '/tmp/demo-out';
const CHECK = '/tmp/dw-demo-bundle-check-Ab12';
/** The runs recipientChecks makes (test/browser/casesTools.ts), in its order. */
const RUNS = [
  `unzip -t ${OUT}/bundle.zip`,
  `unzip -q -o ${OUT}/bundle.zip -d ${CHECK}`,
  'ssh-keygen -lf metadata/signer/id_ed25519.pub',
  'ssh-keygen -Y verify -f metadata/signer/allowed_signers -I a@example.org -n dw -s signatures/tagmanifest-sha512.txt.sig',
  'sha512sum -c tagmanifest-sha512.txt',
  'sha512sum -c manifest-sha512.txt',
  'sha256sum -c manifest-sha256.txt',
  'minisign -Vm tagmanifest-sha512.txt -x signatures/tagmanifest-sha512.txt.minisig -p metadata/signer/minisign.pub',
  'sh verify.sh SHA256:abc',
].map((cmd) => ({ cmd, code: 0 }));

describe('demo:bundle JSON line', () => {
  it('keys the tools of one bundle check by their first three words, as before', () => {
    expect(Object.keys(toolCodes(RUNS, [OUT, CHECK]))).toEqual([
      'unzip -t bundle.zip', 'unzip -q -o', 'ssh-keygen -lf metadata/signer/id_ed25519.pub', 'ssh-keygen -Y verify', 'sha512sum -c tagmanifest-sha512.txt',
      'sha512sum -c manifest-sha512.txt', 'sha256sum -c manifest-sha256.txt', 'minisign -Vm tagmanifest-sha512.txt', 'sh verify.sh SHA256:abc',
    ]);
  });

  it('gives a second ssh-keygen -Y verify (and a command run twice) keys of their own: no exit code is lost', () => {
    const report = 'ssh-keygen -Y verify -f metadata/signer/allowed_signers -I a@example.org -n dw -s signatures/evidence-report.pdf.sig';
    const codes = toolCodes([...RUNS, { cmd: report, code: 255 }, { cmd: report, code: 0 }, { cmd: `unzip -q -o ${OUT}/bundle.zip -d ${CHECK}`, code: 9 }], [OUT, CHECK]);
    expect(codes['ssh-keygen -Y verify']).toBe(0);
    expect(codes[report]).toBe(255);
    expect(codes[`${report} (2)`]).toBe(0);
    expect(codes['unzip -q -o bundle.zip -d .']).toBe(9);
    expect(Object.keys(codes)).toHaveLength(RUNS.length + 3);
  });

  it("says the chain's last entry is this export, recorded after the bundle was written", () => {
    expect(custodyLine('Chain intact: 9 entries, head 0123456789abcdef…', 8)).toBe(
      "Chain intact: 9 entries, the last of them this export, recorded after the bundle was written (the bundle's metadata/custody.jsonl holds the other 8), head 0123456789abcdef…",
    );
    // Counts that do not differ by the export are said as they are.
    expect(custodyLine('Chain intact: 9 entries, head 01…', 9)).toBe("Chain intact: 9 entries (the bundle's metadata/custody.jsonl holds 9), head 01…");
    expect(custodyLine('Chain broken at entry 3', 8)).toBe("Chain broken at entry 3 (the bundle's metadata/custody.jsonl holds 8)");
  });
});

describe("demo:bundle JSON line's evidence PDF", () => {
  const bag = mkdtempSync(path.join(tmpdir(), 'dw-demo-bundle-pdf-'));
  const out = mkdtempSync(path.join(tmpdir(), 'dw-demo-bundle-pdf-out-'));
  const CITED = 'Cited post, exactly as archived: 100% "true"';
  let rc: ReportCase;
  const write = (p: string, bytes: Uint8Array | string) => {
    mkdirSync(path.dirname(path.join(bag, p)), { recursive: true });
    writeFileSync(path.join(bag, p), bytes);
  };
  beforeAll(async () => {
    // A real report: two pages with the bundle id (the footer) and a cited text, finished and signed as an export does.
    rc = await buildReportCase(2);
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    for (const n of [1, 2]) {
      const pdfPage = doc.addPage();
      pdfPage.drawText(n === 1 ? CITED : 'How to verify', { x: 40, y: 700, size: 10, font });
      pdfPage.drawText(`${rc.model.caseId} - bundle ${rc.model.bundleId} - page ${n}/2`, { x: 20, y: 20, size: 5, font });
    }
    const pdf = await finishReportPdf(await doc.save(), rc.model, bundleAttachments(rc.prepared), await reportSigningOf(rc.model));
    for (const e of await rc.prepared.signReport(pdf)) write(e.path, e.bytes);
    for (const t of rc.prepared.tagFiles) write(t.path, t.bytes);
  }, 60_000);
  afterAll(() => {
    rmSync(bag, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });
  const check = (file: string, texts: string[]) =>
    checkReportPdf({ bag, file, principal: rc.model.signer.principal, namespace: EVIDENCE_NAMESPACE, bundleId: rc.model.bundleId, texts });

  it("says what pdfsig, ssh-keygen, sha256sum, pdfinfo, pdfdetach and pdftotext find in the bundle's report", () => {
    const file = path.join(out, 'evidence-report.pdf');
    writeFileSync(file, readFileSync(path.join(bag, REPORT_PATH)));
    const { pdf, runs } = check(file, [CITED, 'a post the report does not print']);
    expect(pdf).toMatchObject({ path: file, pages: 2, signatureVerified: true, sshsigVerified: true, bindingVerified: true, attachments: 7, pagesWithBundleId: 2, citedTextsFound: 1, citedTexts: 2 });
    expect(pdf.signer).toContain(`SSH key ${rc.model.signer.fingerprint}`);
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(Object.keys(toolCodes(runs, [out, bag]))).toContain('pdfsig evidence-report.pdf');
  });

  it('an edited copy fails the signature inside, the SSHSIG and the binding', () => {
    const bytes = readFileSync(path.join(bag, REPORT_PATH));
    bytes[200]! ^= 1; // inside the range the signature inside covers
    const file = path.join(out, 'edited.pdf');
    writeFileSync(file, bytes);
    const { pdf, runs } = check(file, [CITED]);
    expect(pdf).toMatchObject({ signatureVerified: false, sshsigVerified: false, bindingVerified: false });
    expect(runs[0]!.code).not.toBe(0);
  });

  it("reads each cited post's exact text from its excerpt row, by the header's tweet_text column", () => {
    write('data/source/t/header_bytes-0-40.csv', 'tweetid,userid,tweet_text,tweet_language\n');
    write('data/source/t/row-3_bytes-40-60.csv', '7,u1,"قال: ""لا"", 香港 ✓",ar\n');
    write('data/source/u/row-1.csv', 'u1,name\n');
    write('metadata/items.jsonl', [
      { kind: 'tweet', sources: [{ path: 'data/source/t/row-3_bytes-40-60.csv', header: { path: 'data/source/t/header_bytes-0-40.csv' } }] },
      { kind: 'account', sources: [{ path: 'data/source/u/row-1.csv' }] },
    ].map((l) => JSON.stringify(l)).join('\n') + '\n');
    expect(citedPostTexts(bag)).toEqual(['قال: "لا", 香港 ✓']);
  });
});
