import { useEffect, useState } from 'react';
import { db } from '../store/database';
import type { DatasetRecord, RedditAccountRecord } from '../store/schema';
import { readCommittedRows } from './datasetDetails';
import { SearchableRecords } from './SearchableRecords';
import { searchText } from './searchRows';

/** UTC day of a praw `created_utc` (seconds since the epoch, e.g. '1467681198.0'); '' when absent. */
const createdDay = (v: string | undefined): string => (v && Number.isFinite(Number(v)) ? new Date(Number(v) * 1000).toISOString().slice(0, 10) : '');

/** The dataset's Reddit accounts (the 2018 list and praw harvests of it), searchable by name or any column. */
export function RedditAccountTable({ dataset }: { dataset: DatasetRecord }) {
  const [rows, setRows] = useState<{ account: RedditAccountRecord; text: string }[]>([]);
  useEffect(() => {
    void readCommittedRows(db.redditAccounts, dataset).then((accounts) =>
      setRows(accounts.map((a) => ({ account: a, text: searchText([a.username, ...Object.values(a.extra)]) }))),
    );
  }, [dataset]);
  return (
    <SearchableRecords
      id={`reddit-${dataset.id}`}
      title={`Reddit accounts of ${dataset.name}`}
      searchLabel="Search Reddit accounts"
      placeholder="name…"
      columns={['Name', 'Karma (list)', 'Link karma', 'Comment karma', 'Created (UTC)']}
      rows={rows}
      renderRow={({ account: a }) => (
        <tr key={a.id}>
          <td dir="auto">{a.username}</td>
          <td>{a.karma ?? ''}</td>
          <td>{a.extra.link_karma ?? ''}</td>
          <td>{a.extra.comment_karma ?? ''}</td>
          <td>{createdDay(a.extra.created_utc)}</td>
        </tr>
      )}
    />
  );
}
