import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../shared/api/hostApi';
import { host } from '../host/host';

export function DatasetsView() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    void host['app:info']().then(setInfo);
  }, []);
  return (
    <section aria-labelledby="view-title">
      <h1 id="view-title">Datasets</h1>
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
        {info && (
          <p className="muted">
            Data is stored in {info.dataLocation}. Version {info.version}, {info.host} host.
          </p>
        )}
      </div>
    </section>
  );
}
