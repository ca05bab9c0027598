import { useEffect, useRef, useState, type FormEvent } from 'react';
import { exportCaseBundle, citedSources, type ExportProgress, type ExportResult } from '../../cases/exportCaseBundle';
import { host } from '../../host/host';
import { focusIfLost } from '../../app/focusIfLost';
import { createCaseReportRenderer } from '../../report/caseReportRenderer';
import type { PinRecord } from '../../pins/pinTypes';
import { db } from '../../store/database';
import { useKeyStatus, useLive } from './useCaseData';
import { unsavedList, unsavedTexts } from '../../cases/noteDrafts';
import { demoArchiveFiles, isDemoFileName } from '../../import/demoArchiveFiles';
import { bytesToHex } from '../../../../shared/evidence/bytes';
import { utcInstantMinuteText } from '../../../../shared/report/reportTimes';
import { EXPORT_NOT_SAVED, exportDoneText, exportFailureText, exportProgressText } from '../../cases/exportStatus';

const hostPrintsReport = async () => (await host['app:info']()).printsReport;

/** Export a signed bundle: re-select the sources, unlock the key, stream the ZIP with progress. */
export function ExportPanel({ caseId, items }: { caseId: string; items: PinRecord[] }) {
  const key = useKeyStatus();
  // A cited source whose records are gone (its dataset deleted) is said now, not first at export.
  const [cited] = useLive(() => citedSources(db, items).then((sources) => ({ sources, missing: '' }), (e: Error) => ({ sources: [], missing: e.message })), [items.map((i) => i.id).join()]);
  const sources = cited?.sources;
  const [files, setFiles] = useState<File[]>([]);
  /** The host prints and signs the evidence PDF into the bundle (Electron, or a browser automation gave a printer); null until known. */
  const [printsReport, setPrintsReport] = useState<boolean | null>(null);
  useEffect(() => void hostPrintsReport().then(setPrintsReport), []);
  const [passphrase, setPassphrase] = useState('');
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [error, setError] = useState('');
  /** The export ended without a bundle and without an error: cancelled, or no place to save chosen. */
  const [stopped, setStopped] = useState('');
  const abort = useRef<AbortController | null>(null);
  const busy = progress !== null && progress.phase !== 'done';
  const citesDemo = sources?.some((s) => isDemoFileName(s.fileName)) ?? false;

  /** The demo's files are generated again (it is never saved) and used if they are the bytes imported. */
  const takeDemoFiles = async () => {
    setError('');
    // The demo files the case cites (a case may cite the users file only, or the tweets file only).
    const citedNames = new Map(sources?.filter((s) => isDemoFileName(s.fileName)).map((s) => [s.fileName, s.sha256]));
    const demo = (await demoArchiveFiles()).filter((f) => citedNames.has(f.name));
    for (const f of demo) {
      const sha = bytesToHex(new Uint8Array(await crypto.subtle.digest('SHA-256', await f.arrayBuffer())));
      if (sha !== citedNames.get(f.name)) {
        setError(`The demo's ${f.name} generated here (SHA-256 ${sha}) is not the file this case cites: it was imported from other demo files. Select those files.`);
        return;
      }
    }
    setFiles((prev) => [...prev.filter((f) => !isDemoFileName(f.name)), ...demo]);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError('');
    setResult(null);
    setStopped('');
    // The bundle holds the saved texts: one typed and not saved would be left out without a word.
    const unsaved = unsavedTexts(caseId, items);
    if (unsaved.length) {
      setError(`Not exported: text not saved yet in ${unsavedList(unsaved)}. Save it, or put back the saved text: the bundle and its report hold the saved texts only.`);
      return;
    }
    setProgress({ phase: 'reading sources', done: 0, total: 0, detail: '' });
    const controller = (abort.current = new AbortController());
    try {
      // The PDF report is printed and signed into the bundle where the host can print (Electron): known since the panel opened, asked here only if not yet.
      const canPrint = printsReport ?? (await hostPrintsReport());
      const renderReport = canPrint ? createCaseReportRenderer({ db, host, pageSize: 'A4', onPhase: (phase) => setProgress({ phase: 'report', done: 0, total: 0, detail: phase }) }) : undefined;
      const r = await exportCaseBundle({ db, host, caseId, files, ...(passphrase ? { passphrase } : {}), onProgress: setProgress, ...(renderReport ? { renderReport } : {}), signal: controller.signal });
      setPassphrase('');
      if (r) setResult(r);
      else {
        setProgress(null);
        setStopped(EXPORT_NOT_SAVED);
      }
    } catch (err) {
      setProgress(null);
      if (controller.signal.aborted) setStopped('Export cancelled: nothing was saved or logged.');
      else setError(exportFailureText(err));
    }
  };

  return (
    <section className="panel" aria-labelledby="export-h">
      <h2 id="export-h">Export signed evidence bundle</h2>
      {printsReport === false && (
        <p className="muted" data-testid="export-no-pdf">
          This browser build writes the bundle without its evidence PDF: the desktop app prints and signs the PDF into the bundle.
          For an unsigned copy, <a href={`#/report/case/${encodeURIComponent(caseId)}`}>open the report preview</a> and Print….
        </p>
      )}
      {cited?.missing && <p role="alert" className="error" data-testid="export-missing-source">This case cannot be exported as it is: {cited.missing}.</p>}
      {sources && sources.length > 0 && (
        <>
          <p>The bundle quotes the exact bytes of every cited row. Select these source files again; each is re-hashed and must be unchanged since collection:</p>
          <ul>
            {sources.map((s) => (
              <li key={s.sha256}>
                <span dir="auto">{s.fileName}{s.entryName ? ` / ${s.entryName}` : ''}</span> — SHA-256 <code className="mono">{s.sha256}</code>, imported {utcInstantMinuteText(s.importedAt)}
              </li>
            ))}
          </ul>
        </>
      )}
      <form className="form-grid" onSubmit={(e) => void submit(e)}>
        <label htmlFor="export-sources">Source files</label>
        <div>
          <input id="export-sources" type="file" multiple accept=".csv,.gz,.zip,text/csv" onChange={(e) => setFiles([...(e.target.files ?? [])])} />
          {citesDemo && (
            <p>
              <button type="button" onClick={() => void takeDemoFiles()}>Use the demo archive's files</button>{' '}
              <span className="muted">The demo is generated in the app, never saved: its files are generated again, byte for byte.</span>
            </p>
          )}
          {/* A status, present before it speaks: the files taken (chosen, or the demo's generated) are said, focus staying where it was. */}
          <p className="muted" data-testid="export-files" role="status">{files.length > 0 && <>Selected: <span dir="auto">{files.map((f) => f.name).join(', ')}</span></>}</p>
        </div>
        {key?.needsPassphrase && (
          <>
            <label htmlFor="export-passphrase">Key passphrase</label>
            <input id="export-passphrase" type="password" autoComplete="current-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} required />
          </>
        )}
        <button type="submit" className="primary" disabled={busy || !key?.exists || items.length === 0}>Export bundle</button>
      </form>
      {!key?.exists && <p className="muted">Create or import a signing key first (below).</p>}
      {items.length === 0 && <p className="muted" data-testid="export-empty">A bundle needs at least one evidence item: add a pinned item to this case first.</p>}
      {progress && progress.phase !== 'done' && (
        // Focus comes here from the Export button, which the work disables (else it would fall to the page's body).
        <div role="status" tabIndex={-1} ref={focusIfLost}>
          <label htmlFor="export-progress">{exportProgressText(progress)}</label>
          <progress id="export-progress" max={progress.total || undefined} value={progress.total ? progress.done : undefined} />{' '}
          <button type="button" onClick={() => abort.current?.abort()}>Cancel export</button>
        </div>
      )}
      {stopped && <p role="status" tabIndex={-1} ref={focusIfLost} data-testid="export-cancelled">{stopped}</p>}
      {error && <p role="alert" className="error" tabIndex={-1} ref={focusIfLost}>{error}</p>}
      {result && (
        <div role="status" className="ok export-result" tabIndex={-1} ref={focusIfLost}>
          {exportDoneText(result).map((line) => (
            <p key={line} data-testid="export-done">{line}</p>
          ))}
          <p>
            Bundle id (SHA-256 of the signed tag manifest): <code data-testid="bundle-id" className="mono">{result.bundleId}</code>
          </p>
          <p>
            Signed by: <code data-testid="bundle-fingerprint">{key?.fingerprintLine ?? result.fingerprint}</code>
          </p>
        </div>
      )}
    </section>
  );
}
