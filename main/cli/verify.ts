/**
 * `npm run cli -- verify BUNDLE.zip|REPORT.pdf [--json] [--trust SHA256:...]... [--allow-unknown-signer]`
 * A PDF is an evidence report received alone (reportPdfVerifier.ts: its verdict has "kind": "report-pdf"
 * and the checks signature-inside, certificate, trust, bundle). Prints the verdict ({ok, bundleId, fingerprint, checks: [{name, ok, status, detail}]}) and exits
 * 0 only when every check passes; 1 on a failed check or a file that cannot be read (as the other
 * commands; with --json its verdict is printed too, the zip check failed), 2 on a usage error. The trust check passes
 * only for a signer named with --trust: a bundle re-signed by anyone else is intact and validly
 * signed, so without it a swapped key would pass. --allow-unknown-signer turns that check into a
 * warning (integrity only); --require-trust, the old way to ask for it, is accepted and changes nothing.
 */
import { readFile } from 'node:fs/promises';
import { unreadableBundleVerdict, verifyBundle, type BundleVerdict } from '../../shared/evidence/bundleVerifier';
import { readSha256Fingerprint } from '../../shared/evidence/opensshKeys';
import { verifyReportPdf } from '../../shared/evidence/reportPdfVerifier';
import { terminalText } from './terminalText';

const USAGE = 'usage: npm run -s cli -- verify BUNDLE.zip|REPORT.pdf [--json] [--trust SHA256:FINGERPRINT]... [--allow-unknown-signer]';

export async function run(argv: string[]): Promise<number> {
  let file: string | undefined;
  let json = false;
  let allowUnknownSigner = false;
  const trusted: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--allow-unknown-signer') allowUnknownSigner = true;
    else if (a === '--require-trust') continue;
    else if (a === '--trust') {
      // The fingerprint, or the whole line `ssh-keygen -lf` prints (the app shows and sends that line): its second field.
      const given = argv[++i]?.trim().split(/\s+/) ?? [];
      const fp = readSha256Fingerprint((given.length > 1 && /^\d+$/.test(given[0]!) ? given[1] : given.length === 1 ? given[0] : undefined) ?? '');
      if (!fp) {
        process.stderr.write(`--trust needs a fingerprint like SHA256:<43 base64 chars>, or the whole line ssh-keygen -lf prints\n${USAGE}\n`);
        return 2;
      }
      trusted.push(fp);
    } else if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    } else if (a.startsWith('-') || file) {
      process.stderr.write(`unexpected argument '${a}'\n${USAGE}\n`);
      return 2;
    } else file = a;
  }
  if (!file) {
    process.stderr.write(`no bundle or report given\n${USAGE}\n`);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (err) {
    // An extracted bundle (VERIFY.txt step 1 unzips it): name what to give instead of Node's EISDIR.
    const why = (err as NodeJS.ErrnoException).code === 'EISDIR'
      ? "it is a folder: give the bundle's .zip as received (the ZIP itself is checked too), or run sh verify.sh <fingerprint> inside the extracted folder"
      : (err as Error).message;
    process.stderr.write(terminalText(`error: cannot read ${file}: ${why}`) + '\n');
    // With --json, the verdict too (its zip check failed), so a script reading standard output gets one.
    if (json) printJson(unreadableBundleVerdict(`cannot read ${file}: ${why}`));
    return 1;
  }
  const trust = { trustedFingerprints: trusted, requireTrust: !allowUnknownSigner || trusted.length > 0 };
  // An evidence report received alone (no bundle): its signature inside, the certificate's SSHSIG, the trust.
  if (bytes[0] === 0x25 && new TextDecoder().decode(bytes.subarray(0, 5)) === '%PDF-') {
    const r = await verifyReportPdf(bytes, trust);
    if (json) process.stdout.write(`${JSON.stringify({ ok: r.ok, kind: 'report-pdf', bundleId: r.bundleId, fingerprint: r.fingerprint, principal: r.principal, checks: r.checks }, null, 2)}\n`);
    else printChecks(r, `OK evidence report of bundle ${r.bundleId} signed by ${r.fingerprint}`, trusted, allowUnknownSigner);
    return r.ok ? 0 : 1;
  }
  const v = verifyBundle(bytes, trust);
  if (json) printJson(v);
  else printChecks(v, `OK bundle ${v.bundleId} signed by ${v.fingerprint}`, trusted, allowUnknownSigner);
  return v.ok ? 0 : 1;
}

function printChecks(v: { ok: boolean; fingerprint: string | null; checks: { name: string; status: string; detail: string }[] }, okLine: string, trusted: string[], allowUnknownSigner: boolean): void {
  const width = Math.max(12, ...v.checks.map((c) => c.name.length));
  for (const c of v.checks) process.stdout.write(terminalText(`${c.status.toUpperCase().padEnd(5)} ${c.name.padEnd(width)} ${c.detail}`) + '\n');
  process.stdout.write(v.ok ? `${okLine}\n` : 'FAILED: see the checks above\n');
  if (!trusted.length && v.fingerprint && !allowUnknownSigner) process.stdout.write(`Once ${v.fingerprint} matches the fingerprint you received out of band, run again with --trust ${v.fingerprint}\n`);
}

function printJson(v: BundleVerdict): void {
  const out = { ok: v.ok, bundleId: v.bundleId, fingerprint: v.fingerprint, principal: v.principal, bagName: v.bagName, checks: v.checks };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
}
