import { useCallback, useEffect, useState } from 'react';
import type { AppInfo } from '../../../shared/api/hostApi';
import { host } from '../host/host';
import { DatasetCard } from '../import/DatasetCard';
import { DEMO_SEED, DEMO_TWEETS } from '../import/demoArchiveFiles';
import { ImportPanel } from '../import/ImportPanel';
import { InterruptedImports } from '../import/InterruptedImports';
import { useImportWorker } from '../import/useImportWorker';
import { db } from '../store/database';
import { DATASETS_CHANGED } from '../store/datasetsChanged';
import { listDatasets } from '../store/read/datasetReader';
import type { DatasetRecord } from '../store/schema';
import { isolateLabel } from '../../../shared/domain/bidiIsolate';

export function DatasetsView() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [datasets, setDatasets] = useState<DatasetRecord[] | null>(null);
  const refresh = useCallback(() => void listDatasets(db).then(setDatasets), []);
  const importer = useImportWorker(refresh);
  const busy = importer.state.status === 'running' || importer.state.status === 'deciding';
  /** Said once a dataset is deleted: its card, and the focus with it, are gone. */
  const [deleted, setDeleted] = useState('');
  useEffect(() => {
    void host['app:info']().then(setInfo);
    refresh();
    // Another window's import or deletion (announceDatasetsChanged) shows here too.
    window.addEventListener(DATASETS_CHANGED, refresh);
    return () => window.removeEventListener(DATASETS_CHANGED, refresh);
  }, [refresh]);
  return (
    <section aria-labelledby="view-title">
      <h1 id="view-title">Datasets</h1>
      <p aria-live="polite" className="muted" data-testid="dataset-deleted">{deleted}</p>
      <InterruptedImports imported={importer.state.status === 'done' ? importer.state.result.receipts.map((r) => r.fileName).concat(importer.state.result.skipped.map((s) => s.fileName)) : undefined} />
      {datasets !== null && datasets.length === 0 && (
        <div className="empty-state">
          <h2>No datasets yet</h2>
          <p>Import a disclosure archive to begin. The app reads, offline:</p>
          <ul>
            <li>Twitter information-operations archives: users and tweets CSV files (hashed or unhashed, <code>.csv</code>, <code>.csv.gz</code> or <code>.zip</code>, multi-part sets), as published in Twitter's transparency report;</li>
            <li>FiveThirtyEight / Clemson IRA tweets (<code>IRAhandle_tweets_N.csv</code>);</li>
            <li>Reddit's 2018 suspicious-accounts list;</li>
            <li>Meta threat-research indicator files.</li>
          </ul>
          <p>Download the files on a connected machine and bring them here; this app never goes online.</p>
          <p>
            <button type="button" className="primary" disabled={busy} onClick={() => importer.start({ kind: 'demo', tweets: DEMO_TWEETS, seed: DEMO_SEED })}>
              Open demo archive
            </button>{' '}
            <span className="muted">A synthetic archive of {DEMO_TWEETS.toLocaleString('en-US')} tweets with planted coordinated groups, to try the app.</span>
          </p>
        </div>
      )}
      <ImportPanel importer={importer} datasets={datasets ?? []} />
      {datasets?.map((d) => <DatasetCard key={d.id + d.committedImports.length} dataset={d} onChanged={refresh} onDeleted={() => setDeleted(`Deleted “${isolateLabel(d.name)}” and all its records.`)} busy={busy} />)}
      {info && (
        <p className="muted data-location">
          Data is stored in {info.dataLocation}. Version {info.version}, {info.host} host.
        </p>
      )}
    </section>
  );
}
