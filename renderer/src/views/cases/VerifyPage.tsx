import { useEffect, useMemo, useState, type DragEvent } from 'react';
import { verifyBundle, type BundleVerdict } from '../../../../shared/evidence/bundleVerifier';
import { verifyReportPdf, type ReportPdfVerdict } from '../../../../shared/evidence/reportPdfVerifier';
import { readSha256Fingerprint } from '../../../../shared/evidence/opensshKeys';
import { hrefFor } from '../../app/routes';

const LABEL: Record<string, string> = {
  zip: 'ZIP and file names',
  signature: 'SSH signature over the tag manifest',
  minisign: 'minisign signature',
  'key-history': 'Earlier signing keys (rotation)',
  trust: 'Trusted fingerprint',
  tagmanifest: 'Tag manifest',
  payload: 'Payload hashes',
  completeness: 'Completeness',
  custody: 'Custody chain',
  report: 'Evidence report',
  // An evidence report PDF received alone (reportPdfVerifier.ts).
  'signature-inside': 'Signature inside the PDF (CMS)',
  certificate: "Signing certificate, vouched for by the analyst's key",
  bundle: 'Bundle the report belongs to',
};

const isPdf = (bytes: Uint8Array) => new TextDecoder().decode(bytes.subarray(0, 5)) === '%PDF-';

/** Drop a bundle ZIP, or a report PDF received alone: one verdict per check, naming exactly what failed. Everything runs locally. */
export function VerifyPage() {
  const [bundle, setBundle] = useState<{ file: string; bytes: Uint8Array } | null>(null);
  const [trusted, setTrusted] = useState('');
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);
  const fingerprints = useMemo(() => readFingerprints(trusted), [trusted]);
  // Re-checked whenever the bundle or the trusted list changes: a verdict never outlives its inputs.
  // The signer must be one of the trusted fingerprints: a bundle re-signed with any other key is
  // intact and validly signed, so without them nothing says who signed it.
  const [verdict, setVerdict] = useState<((BundleVerdict | ReportPdfVerdict) & { file: string; kind: 'bundle' | 'report' }) | null>(null);
  useEffect(() => {
    if (!bundle || fingerprints.bad.length > 0) return setVerdict(null);
    const trust = { trustedFingerprints: fingerprints.good, requireTrust: true };
    if (!isPdf(bundle.bytes)) return setVerdict({ ...verifyBundle(bundle.bytes, trust), file: bundle.file, kind: 'bundle' });
    let current = true;
    setVerdict(null);
    void verifyReportPdf(bundle.bytes, trust).then((v) => current && setVerdict({ ...v, file: bundle.file, kind: 'report' }));
    return () => {
      current = false;
    };
  }, [bundle, fingerprints]);
  const what = verdict?.kind === 'report' ? 'Report' : 'Bundle';
  const signerUnchecked = !!verdict && !verdict.ok && fingerprints.good.length === 0 && verdict.checks.every((c) => c.ok || c.name === 'trust');

  const check = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    try {
      setBundle({ file: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    } finally {
      setBusy(false);
    }
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void check(e.dataTransfer.files[0]);
  };

  return (
    <section aria-labelledby="view-title" className="verify-page">
      <p>
        <a href={hrefFor('cases')}>All cases</a>
      </p>
      <h1 id="view-title">Verify an evidence bundle or report</h1>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 4, maxWidth: 700 }}>
        <label htmlFor="trusted-fps">Trusted fingerprints (received out of band; optional, one per line)</label>
        <textarea id="trusted-fps" rows={2} value={trusted} onChange={(e) => setTrusted(e.target.value)} placeholder="SHA256:…" spellCheck={false}
          aria-invalid={fingerprints.bad.length > 0} aria-describedby="trusted-fps-error" />
        {fingerprints.bad.length > 0 && (
          <p id="trusted-fps-error" role="alert" className="error">
            Not a fingerprint: {fingerprints.bad.join(', ')}. Paste it as ssh-keygen -lf prints it: SHA256: and 43 characters (they are case-sensitive).
          </p>
        )}
      </div>
      <div className={`drop-zone${over ? ' over' : ''}`} onDragOver={(e) => (e.preventDefault(), setOver(true))} onDragLeave={() => setOver(false)} onDrop={drop}>
        <label htmlFor="bundle-file">Drop a bundle ZIP here, or an evidence report PDF received alone, or choose one</label>
        <input id="bundle-file" type="file" accept=".zip,application/zip,.pdf,application/pdf" onChange={(e) => void check(e.target.files?.[0])} />
      </div>
      {busy && <p role="status">Verifying…</p>}
      {verdict && (
        <div aria-live="polite">
          <h2 className={verdict.ok ? 'ok' : signerUnchecked ? 'warning' : 'error'} data-testid="verify-verdict">
            {verdict.ok ? `${what} verified` : signerUnchecked ? `${what} NOT verified: intact and validly signed, but the signer is not checked` : `${what} FAILED verification`}:{' '}
            <span dir="auto">{verdict.file}</span>
          </h2>
          {signerUnchecked && <p>Anyone can re-sign an edited {what.toLowerCase()} with a key of their own. Compare the signer below with the fingerprint you received out of band, and paste that one above.</p>}
          <dl className="facts">
            <dt>Bundle id</dt>
            <dd className="mono">{verdict.bundleId ?? '—'}</dd>
            <dt>Signer</dt>
            <dd>
              {/* As ssh-keygen -lf prints it, to compare with the fingerprint received out of band. */}
              <code data-testid="verify-fingerprint">{verdict.fingerprint ? `256 ${verdict.fingerprint} ${verdict.principal ?? 'no comment'} (ED25519)` : '—'}</code>
            </dd>
          </dl>
          <table aria-label="Checks">
            <thead>
              <tr>
                <th scope="col">Check</th>
                <th scope="col">Result</th>
                <th scope="col">Detail</th>
              </tr>
            </thead>
            <tbody>
              {verdict.checks.map((c) => (
                <tr key={c.name} data-check={c.name} data-status={c.status}>
                  <th scope="row">{LABEL[c.name] ?? c.name}</th>
                  <td className={c.status === 'fail' ? 'error' : c.status === 'pass' ? 'ok' : 'muted'}>{c.status}</td>
                  <td dir="auto" className="detail">{c.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/**
 * The trusted list as typed: each token a fingerprint as ssh-keygen -lf prints it ('SHA256:' and 43
 * base64 characters; the prefix in any case), or an error naming it. Also accepts whole
 * `256 SHA256:… comment (ED25519)` lines, whatever their comment (a principal needs no '@').
 */
function readFingerprints(text: string): { good: string[]; bad: string[] } {
  const good: string[] = [];
  const bad: string[] = [];
  // A whole ssh-keygen -lf line gives its fingerprint only: the rest is the key's comment, any text.
  const tokens = text.split('\n').flatMap((line) => {
    const lf = /^\s*256\s+(\S+)\s.*\(ED25519\)\s*$/i.exec(line);
    return lf ? [lf[1]!] : line.split(/[\s,]+/).filter(Boolean);
  });
  for (const token of tokens) {
    const fp = readSha256Fingerprint(token);
    if (fp) good.push(fp);
    else if (!/^(256|\(ED25519\))$/.test(token) && !token.includes('@')) bad.push(token); // the rest of an ssh-keygen -lf line is fine
  }
  return { good, bad };
}
