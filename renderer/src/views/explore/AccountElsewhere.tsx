import { useEffect, useState } from 'react';
import { db } from '../../store/database';
import { readAccounts } from '../../store/read/datasetReader';
import type { DatasetRecord } from '../../store/schema';

/**
 * An account page opened on a dataset that lacks the account (a link from another dataset, a case, a
 * bookmark): says so, and offers the datasets that hold it.
 */
export function AccountElsewhere({ userid, dataset, datasets, choose }: {
  userid: string; dataset: DatasetRecord; datasets: DatasetRecord[]; choose: (datasetId: string) => void;
}) {
  const [holders, setHolders] = useState<DatasetRecord[] | null>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      const found: DatasetRecord[] = [];
      for (const d of datasets) if (d.id !== dataset.id && (await readAccounts(db, d.id)).some((a) => a.userid === userid)) found.push(d);
      if (live) setHolders(found);
    })();
    return () => void (live = false);
  }, [userid, dataset, datasets]);
  return (
    <div role="alert">
      <p>No account with id <code>{userid}</code> in the dataset “<bdi>{dataset.name}</bdi>”.</p>
      {holders === null && datasets.length > 1 && <p className="muted">Looking for it in the other datasets…</p>}
      {holders?.map((d) => (
        <p key={d.id}><button type="button" onClick={() => choose(d.id)}>Open it in the dataset “<bdi>{d.name}</bdi>”</button></p>
      ))}
      {holders?.length === 0 && datasets.length > 1 && <p className="muted">No other dataset holds it either.</p>}
    </div>
  );
}
