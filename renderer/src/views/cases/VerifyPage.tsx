import { useState, type DragEvent } from 'react';
import { verifyBundle, type BundleVerdict } from '../../../../shared/evidence/bundleVerifier';
import { hrefFor } from '../../app/routes';

const LABEL: Record<string, string> = {
  zip: 'ZIP and file names',
  signature: 'SSH signature over the tag manifest',
  minisign: 'minisign signature',
  trust: 'Trusted fingerprint',
  tagmanifest: 'Tag manifest',
  payload: 'Payload hashes',
  completeness: 'Completeness',
  custody: 'Custody chain',
  report: 'Evidence report',
};

/** Drop a bundle ZIP: one verdict per check, naming exactly what failed. Everything runs locally. */
export function VerifyPage() {
  const [verdict, setVerdict] = useState<(BundleVerdict & { file: string }) | null>(null);
  const [trusted, setTrusted] = useState('');
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);

  const check = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const fps = trusted.split(/[\s,]+/).filter((s) => s.startsWith('SHA256:'));
      setVerdict({ ...verifyBundle(bytes, { trustedFingerprints: fps, requireTrust: fps.length > 0 }), file: file.name });
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
      <h1 id="view-title">Verify an evidence bundle</h1>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 4, maxWidth: 700 }}>
        <label htmlFor="trusted-fps">Trusted fingerprints (received out of band; optional, one per line)</label>
        <textarea id="trusted-fps" rows={2} value={trusted} onChange={(e) => setTrusted(e.target.value)} placeholder="SHA256:…" spellCheck={false} />
      </div>
      <div className={`drop-zone${over ? ' over' : ''}`} onDragOver={(e) => (e.preventDefault(), setOver(true))} onDragLeave={() => setOver(false)} onDrop={drop}>
        <label htmlFor="bundle-file">Drop a bundle ZIP here, or choose one</label>
        <input id="bundle-file" type="file" accept=".zip,application/zip" onChange={(e) => void check(e.target.files?.[0])} />
      </div>
      {busy && <p role="status">Verifying…</p>}
      {verdict && (
        <div aria-live="polite">
          <h2 className={verdict.ok ? 'ok' : 'error'} data-testid="verify-verdict">
            {verdict.ok ? 'Bundle verified' : 'Bundle FAILED verification'}: <span dir="auto">{verdict.file}</span>
          </h2>
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
