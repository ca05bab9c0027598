import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { DatasetRecord } from '../store/schema';
import { countOf, formatBytes, formatCount, formatSeconds } from './formatters';
import type { useImportWorker } from './useImportWorker';
import { focusIfLost } from '../app/focusIfLost';
import { DEMO_SEED, DEMO_TWEETS } from './demoArchiveFiles';
import { isolateLabel } from '../../../shared/domain/bidiIsolate';
import { ThrottledAnnouncer } from '../app/ThrottledAnnouncer';

type Importer = ReturnType<typeof useImportWorker>;

/** File picker, drop zone, demo archive, progress with Cancel, and the outcome of the last import. */
export function ImportPanel({ importer, datasets }: { importer: Importer; datasets: DatasetRecord[] }) {
  const { state, start, cancel, decide, dismiss } = importer;
  const [target, setTarget] = useState('');
  const [dragging, setDragging] = useState(false);
  /** Files dropped while an import runs are not queued: said, not ignored. */
  const [dropRefused, setDropRefused] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const busy = state.status === 'running' || state.status === 'deciding';
  useEffect(() => {
    if (!busy) setDropRefused(false);
  }, [busy]);
  const datasetId = datasets.some((d) => d.id === target) ? target : undefined;
  const importFiles = (list: FileList | null) => {
    const files = list ? [...list] : [];
    if (files.length && !busy) start({ kind: 'files', files, ...(datasetId ? { datasetId } : {}) });
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (busy) setDropRefused(e.dataTransfer.files.length > 0);
    else importFiles(e.dataTransfer.files);
  };
  // After Dismiss, focus goes back where the next import starts (it was left on the removed button).
  const dismissToPicker = () => {
    dismiss();
    picker.current?.focus();
  };

  return (
    <section className="import-panel" aria-labelledby="import-title">
      <h2 id="import-title">Import</h2>
      <div
        className={dragging ? 'drop-zone dragging' : 'drop-zone'}
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = busy ? 'none' : 'copy';
          setDragging(!busy);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        {datasets.length > 0 && (
          <label>
            Import into{' '}
            <select value={datasetId ?? ''} onChange={(e) => setTarget(e.target.value)} disabled={busy}>
              <option value="">a new dataset</option>
              {datasets.map((d) => (
                // Two of one name are told apart by their size and creation time.
                <option key={d.id} value={d.id}>
                  {/* An option holds text only: a right-to-left name is isolated by characters, not <bdi>. */}
                  {`dataset “${isolateLabel(d.name)}”` + (datasets.some((o) => o !== d && o.name === d.name) ? ` (${countOf(d.counts.tweets, 'tweet')}, ${countOf(d.counts.accounts, 'account')}, created ${d.createdAt.slice(0, 16).replace('T', ' ')} UTC)` : '')}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="file-picker">
          Import archive files (.csv, .gz, .zip; several files become one dataset)
          <input
            ref={picker}
            type="file"
            accept=".csv,.gz,.zip"
            multiple
            disabled={busy}
            onChange={(e) => {
              importFiles(e.target.files);
              e.target.value = '';
            }}
          />
        </label>
        <p className="muted">…or drop files here.</p>
        {datasets.length > 0 && (
          <button type="button" disabled={busy} onClick={() => start({ kind: 'demo', tweets: DEMO_TWEETS, seed: DEMO_SEED })}>
            Open demo archive
          </button>
        )}
      </div>
      {dropRefused && <p role="status" className="error">An import is running: the files dropped were not added. Drop them again when it ends.</p>}
      <ImportStatus state={state} cancel={cancel} decide={decide} dismiss={dismissToPicker} />
    </section>
  );
}

function ImportStatus({ state, cancel, decide, dismiss }: Pick<Importer, 'state' | 'cancel' | 'decide' | 'dismiss'>) {
  /** Escape dismisses an outcome, as its Dismiss button does (never a running import: Cancel is a button only). */
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') dismiss();
  };
  if (state.status === 'running') {
    const p = state.progress;
    const fraction = p?.totalRows ? Math.min(1, p.rows / p.totalRows) : p && p.totalBytes > 0 ? Math.min(1, p.bytes / p.totalBytes) : undefined;
    return (
      // Keyed: not the question's element reused, whose buttons' refs would not run again (the focus fell to the body after "Cancel the whole import").
      <div className="import-progress" key="running">
        <progress aria-label="Import progress" max={1} value={fraction} />
        <ThrottledAnnouncer block topic={`${state.cancelling ? 'cancelling' : (p?.phase ?? 'starting')} ${p?.file?.number ?? ''}`}><p>
          {state.cancelling ? 'Cancelling: removing what was written… ' : p ? `${phaseLabel[p.phase]} ` : 'Starting… '}
          {p && !state.cancelling && p.phase === 'committing' && <><span data-progress="rows">{formatCount(p.rows)}</span> rows, in one transaction…</>}
          {p && !state.cancelling && p.phase !== 'committing' && (
            <>
              <bdi>{p.fileName}</bdi>{p.file && ` (file ${p.file.number} of ${p.file.of}; figures for all files)`}{' '}
              {p.totalRows !== undefined ? (
                <><span data-progress="rows">{formatCount(p.rows)}</span> of {formatCount(p.totalRows)} tweets,{' '}</>
              ) : (
                <>{formatBytes(p.bytes)}{p.totalBytes > 0 && ` of ${formatBytes(p.totalBytes)}`}, <span data-progress="rows">{formatCount(p.rows)}</span> rows,{' '}</>
              )}
              {formatCount(p.rowsPerSecond)} rows/s
              {p.etaSeconds !== null ? `, about ${formatSeconds(p.etaSeconds)} left` : p.phase === 'parsing' && p.totalBytes > 0 && p.bytes >= p.totalBytes ? ', every byte read: finishing the rows read ahead and the last writes' : ''}
            </>
          )}
        </p></ThrottledAnnouncer>
        {/* aria-disabled, not disabled, while cancelling: a disabled button drops the keyboard focus to the page's body. */}
        <button type="button" onClick={() => state.cancelling || cancel()} aria-disabled={state.cancelling || undefined} ref={focusIfLost}>Cancel import</button>
      </div>
    );
  }
  if (state.status === 'deciding') {
    return (
      <div className="import-alert" role="alert" key="deciding">
        <p>Some files were refused; nothing is visible yet:</p>
        <RefusedList refused={state.refused} />
        <button type="button" className="primary" onClick={() => decide(true)} ref={focusIfLost}>Import the other files</button>{' '}
        <button type="button" onClick={() => decide(false)}>Cancel the whole import</button>
      </div>
    );
  }
  if (state.status === 'failed') {
    return (
      <div className="import-alert" role="alert" tabIndex={-1} ref={focusIfLost} onKeyDown={onKeyDown}>
        <p className="error">
          Import failed: nothing was added.{' '}
          {state.refused.length === 0 ? state.message : state.refused.length === 1 ? 'The file was refused:' : `All ${state.refused.length} files were refused:`}
        </p>
        <RefusedList refused={state.refused} />
        <button type="button" onClick={dismiss}>Dismiss</button>
      </div>
    );
  }
  if (state.status === 'cancelled') {
    return (
      <div role="status" tabIndex={-1} ref={focusIfLost} onKeyDown={onKeyDown}>
        {/* One paragraph, the reason in it: a second one would shift the Dismiss button into the Cancel button's place, and React would reuse that button, focus and all. */}
        <p>Import cancelled: nothing was added.{state.reason && <> <span className="error">{state.reason}</span></>}</p>
        <button type="button" onClick={dismiss}>Dismiss</button>
      </div>
    );
  }
  if (state.status === 'done') {
    const r = state.result;
    return (
      <div role="status" className="import-done" tabIndex={-1} ref={focusIfLost} onKeyDown={onKeyDown}>
        <p className="ok">
          {r.importId ? (
            // The name in <bdi>: a right-to-left name must not carry the counts after it into its own run.
            <>
              Imported into “<bdi>{r.dataset?.name}</bdi>”:{' '}
              {`${countOf(r.added.tweets, 'tweet')}, ${countOf(r.added.accounts, 'account')}${r.dataset && r.dataset.counts.accounts !== r.added.accounts ? ' new to the dataset' : ''} (${formatCount(r.added.hashedAccounts ?? 0)} hashed), ${countOf(r.added.rejected, 'row')} quarantined, ${countOf(r.added.indicators, 'indicator')}, ${countOf(r.added.redditAccounts ?? 0, 'Reddit account')} in ${formatSeconds(r.seconds)}.`}
            </>
          ) : (
            'Nothing new was imported.'
          )}
        </p>
        {r.importId && (
          <p className="muted" data-timings={JSON.stringify(r.timings)} data-hasher={r.hasher} data-csv-scan={r.csvScan}>
            {r.timings.datasetReadSeconds > 0 && `Reading the dataset's stored tweets ${formatSeconds(r.timings.datasetReadSeconds)}, `}
            {r.timings.datasetReadSeconds > 0 ? 'reading' : 'Reading'} and writing {formatSeconds(r.timings.parseSeconds)} (every file hashed beside it in {formatSeconds(r.timings.hashSeconds)}), commit {formatSeconds(r.timings.commitSeconds)}.
          </p>
        )}
        {r.skipped.length > 0 && (
          <ul aria-label="Skipped files">
            {r.skipped.map((s) => (
              <li key={s.fileName + s.sha256}><bdi>{s.fileName}</bdi>: {s.reason}</li>
            ))}
          </ul>
        )}
        {r.refused.length > 0 && (
          <div role="alert">
            <p>Refused:</p>
            <RefusedList refused={r.refused} />
          </div>
        )}
        <button type="button" onClick={dismiss}>Dismiss</button>
      </div>
    );
  }
  return null;
}

const phaseLabel = {
  reading: 'Reading the stored tweets of', parsing: 'Importing:', committing: 'Committing:',
} as const;

function RefusedList({ refused }: { refused: { fileName: string; message: string }[] }) {
  if (!refused.length) return null;
  return (
    <ul aria-label="Refused files">
      {refused.map((f, i) => (
        // Format errors already start with the file's name ('a.zip (entry.csv): ' for 'a.zip › entry.csv'): it is not said twice.
        <li key={i}><bdi>{f.fileName}</bdi>: {withoutName(f.message, f.fileName)}</li>
      ))}
    </ul>
  );
}

function withoutName(message: string, fileName: string): string {
  const [file, entry] = fileName.split(' › ');
  for (const prefix of [`${fileName}: `, entry ? `${file} (${entry}): ` : null]) if (prefix && message.startsWith(prefix)) return message.slice(prefix.length);
  return message;
}
