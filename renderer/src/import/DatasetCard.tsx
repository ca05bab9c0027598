import { useEffect, useMemo, useRef, useState } from 'react';
import { focusPageHeading } from '../app/focusIfLost';
import { announceDatasetsChanged } from '../store/datasetsChanged';
import { mixedSources, type MixedSources } from '../../../shared/archive/mixedSources';
import { db } from '../store/database';
import type { DatasetRecord, SourceFileRecord } from '../store/schema';
import { deleteDataset } from '../store/write/deleteDataset';
import { readDatasetFiles } from '../store/read/committedRecords';
import { countOf, formatCount } from './formatters';
import { IndicatorTable } from './IndicatorTable';
import { QuarantineTable } from './QuarantineTable';
import { RedditAccountTable } from './RedditAccountTable';
import { currentActor } from '../cases/actor';
import { ReceiptTable } from './ReceiptTable';

/** One dataset: counts, file receipts, quarantined rows, indicators, Reddit accounts, delete. */
export function DatasetCard({ dataset, onChanged, onDeleted, busy }: { dataset: DatasetRecord; onChanged: () => void; onDeleted: () => void; busy: boolean }) {
  const [files, setFiles] = useState<SourceFileRecord[]>([]);
  const mixed = useMemo(() => mixedSources(files.map((f) => f.receipt)), [files]);
  const [showQuarantine, setShowQuarantine] = useState(false);
  const [showIndicators, setShowIndicators] = useState(false);
  const [showReddit, setShowReddit] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState('');
  /** Case items pinned from this dataset, and those quoting its source rows: said before deleting it. */
  const [citing, setCiting] = useState({ items: 0, quoting: 0 });
  useEffect(() => {
    if (!confirming) return;
    void db.pins.where('datasetId').equals(dataset.id).filter((p) => !!p.caseId).toArray()
      .then((pins) => setCiting({ items: pins.length, quoting: pins.filter((p) => p.provenance.length > 0).length }));
  }, [confirming, dataset.id]);
  useEffect(() => {
    void readDatasetFiles(db, dataset).then(setFiles);
  }, [dataset]);
  const c = dataset.counts;
  const headingId = `dataset-${dataset.id}`;
  const deleteButton = useRef<HTMLButtonElement>(null);
  // Keep (or Escape) closes the question and puts focus back on "Delete dataset…".
  const keep = () => {
    setConfirming(false);
    requestAnimationFrame(() => deleteButton.current?.focus());
  };
  const remove = async () => {
    setDeleting(true);
    setDeleteError('');
    try {
      // Who deletes, for the custody logs of the cases citing it: read now, not kept live by every card.
      await deleteDataset(db, dataset.id, await currentActor());
      announceDatasetsChanged();
    } catch (e) {
      setDeleteError((e as Error).message);
      setDeleting(false);
      return;
    }
    onChanged();
    onDeleted();
    // The card is gone: focus goes to the page's heading, not the body.
    focusPageHeading();
  };
  return (
    <article className="dataset-card" aria-labelledby={headingId}>
      <h2 id={headingId} dir="auto">{dataset.name}</h2>
      <dl className="counts" aria-label={`Counts of ${dataset.name}`}>
        <div><dt>Accounts</dt><dd data-count="accounts">{formatCount(c.accounts)}</dd></div>
        <div><dt>Hashed accounts</dt><dd data-count="hashedAccounts">{formatCount(c.hashedAccounts ?? 0)}</dd></div>
        <div><dt>Tweets</dt><dd data-count="tweets">{formatCount(c.tweets)}</dd></div>
        <div><dt>Rejected rows</dt><dd data-count="rejected">{formatCount(c.rejected)}</dd></div>
        <div><dt>Indicators</dt><dd data-count="indicators">{formatCount(c.indicators)}</dd></div>
        <div><dt>Reddit accounts</dt><dd data-count="redditAccounts">{formatCount(c.redditAccounts ?? 0)}</dd></div>
      </dl>
      {mixed && (
        <p className="warning" role="note" data-testid="mixed-sources">
          This dataset joins files of different {mixedText(mixed)}. A hashed id is the same account only within one release, so
          their accounts are not matched across them; import each release as a dataset of its own to compare them side by side.
        </p>
      )}
      <ReceiptTable files={files} label={`Files of ${dataset.name}`} />
      <div className="card-actions">
        {c.rejected > 0 && (
          <button type="button" aria-expanded={showQuarantine} onClick={() => setShowQuarantine((v) => !v)}>
            {showQuarantine ? 'Hide' : 'Show'} quarantined rows ({formatCount(c.rejected)})
          </button>
        )}
        {c.indicators > 0 && (
          <button type="button" aria-expanded={showIndicators} onClick={() => setShowIndicators((v) => !v)}>
            {showIndicators ? 'Hide' : 'Show'} indicators ({formatCount(c.indicators)})
          </button>
        )}
        {(c.redditAccounts ?? 0) > 0 && (
          <button type="button" aria-expanded={showReddit} onClick={() => setShowReddit((v) => !v)}>
            {showReddit ? 'Hide' : 'Show'} Reddit accounts ({formatCount(c.redditAccounts ?? 0)})
          </button>
        )}
        {!confirming ? (
          // Named with its dataset: a screen reader listing the page's buttons hears which card each deletes.
          <button type="button" className="danger" disabled={busy} onClick={() => setConfirming(true)} ref={deleteButton} aria-label={`Delete dataset… ${dataset.name}`}>
            Delete dataset…
          </button>
        ) : (
          // Focus starts on Keep: Enter pressed twice must not delete a dataset.
          <span role="group" aria-label="Confirm deletion" onKeyDown={(e) => e.key === 'Escape' && keep()}>
            {/* What goes, in counts: two datasets of one name are told apart here as in the "Import into" list. */}
            <span>Delete “<bdi>{dataset.name}</bdi>” and all its records? <span data-testid="delete-holds">{holdings(c, files.length)}</span> </span>
            {citing.items > 0 && (
              <strong className="warning" data-testid="delete-cited">
                {countOf(citing.items, 'case item')} cite{citing.items === 1 ? 's' : ''} it: their cases keep the items, and their custody logs record the deletion.{' '}
                {citing.quoting === 0
                  ? 'None quotes its source rows, so their cases still export. '
                  : `${citing.quoting === 1 ? 'The one that quotes its source rows keeps its case' : `The ${formatCount(citing.quoting)} that quote its source rows keep their cases`} from being exported as evidence bundles (the records of its source files go with it). `}
              </strong>
            )}
            {/* A question asked before an import began must not bypass "Delete dataset…"'s rule: no deleting while one runs (it may be adding to this dataset, or have skipped a file as stored here). aria-disabled keeps the focus. */}
            <button type="button" className="danger" disabled={deleting} aria-disabled={busy || undefined} aria-describedby={busy ? `${headingId}-delete-wait` : undefined} onClick={() => busy || void remove()}>
              Delete permanently
            </button>{' '}
            <button type="button" autoFocus onClick={keep}>Keep</button>
            {busy && <span id={`${headingId}-delete-wait`} role="status" className="muted"> An import is running: delete the dataset when it ends.</span>}
            {deleteError && <span role="alert" className="error"> {deleteError}</span>}
          </span>
        )}
      </div>
      {showQuarantine && <QuarantineTable dataset={dataset} />}
      {showIndicators && <IndicatorTable dataset={dataset} />}
      {showReddit && <RedditAccountTable dataset={dataset} />}
    </article>
  );
}

const mixedText = (m: MixedSources): string =>
  [m.releases.length > 1 && `releases (${m.releases.join(', ')})`, m.sources.length > 1 && `sources (${m.sources.join(', ')})`].filter(Boolean).join(' and ');

/** What deleting a dataset removes, in counts (none said that are zero): "It holds 2,000 tweets, 744 accounts and the receipts of 2 files." */
function holdings(c: DatasetRecord['counts'], files: number): string {
  const parts = [
    [c.tweets, 'tweet'], [c.accounts, 'account'], [c.rejected, 'quarantined row'], [c.indicators, 'indicator'], [c.redditAccounts ?? 0, 'Reddit account'],
  ].filter(([n]) => (n as number) > 0).map(([n, noun]) => countOf(n as number, noun as string));
  parts.push(`the receipts of ${countOf(files, 'file')}`);
  return `It holds ${parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0]}.`;
}
