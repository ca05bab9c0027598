import { useEffect, useState } from 'react';
import { db } from '../store/database';
import type { DatasetRecord, RedditAccountRecord } from '../store/schema';
import { readCommittedRows } from '../store/read/committedRecords';
import { SearchableRecords } from './SearchableRecords';
import { searchText } from './searchRows';
import { isolateLabel } from '../../../shared/domain/bidiIsolate';

/** UTC day of a praw `created_utc` (seconds since the epoch, e.g. '1467681198.0'); '' when absent. */
const createdDay = (v: string | undefined): string => (v && Number.isFinite(Number(v)) ? new Date(Number(v) * 1000).toISOString().slice(0, 10) : '');

/** One account: its rows in the list and in harvests of it, matched by name (Reddit's names ignore case). */
interface RedditAccountRow {
  names: string[];
  listKarma: string;
  linkKarma: string;
  commentKarma: string;
  created: string;
  sources: string;
}

function accountRows(records: RedditAccountRecord[]): { account: RedditAccountRow; text: string }[] {
  const byName = new Map<string, RedditAccountRecord[]>();
  for (const r of records) {
    const k = r.username.toLowerCase();
    byName.set(k, [...(byName.get(k) ?? []), r]);
  }
  const distinct = (xs: (string | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))].join(' / ');
  return [...byName.values()].map((rs) => {
    const names = [...new Set(rs.map((r) => r.username))];
    const account = {
      names,
      listKarma: distinct(rs.map((r) => (r.karma === null ? undefined : String(r.karma)))),
      linkKarma: distinct(rs.map((r) => r.extra.link_karma)),
      commentKarma: distinct(rs.map((r) => r.extra.comment_karma)),
      created: distinct(rs.map((r) => createdDay(r.extra.created_utc))),
      sources: distinct(rs.map((r) => (r.extra.name === undefined ? 'list' : 'harvest'))),
    };
    // Searched by every column shown (the list's karma, the day created) and every column of the files.
    return { account, text: searchText([...names, account.listKarma, account.created, account.sources, ...rs.flatMap((r) => Object.values(r.extra))]) };
  });
}

/** The dataset's Reddit accounts (the 2018 list and praw harvests of it, one row per account), searchable by name or any column. */
export function RedditAccountTable({ dataset }: { dataset: DatasetRecord }) {
  const [rows, setRows] = useState<{ account: RedditAccountRow; text: string }[]>([]);
  useEffect(() => {
    void readCommittedRows(db.redditAccounts, dataset).then((records) => setRows(accountRows(records)));
  }, [dataset]);
  return (
    <SearchableRecords
      id={`reddit-${dataset.id}`}
      title={`Reddit accounts of ${isolateLabel(dataset.name)}`}
      searchLabel="Search Reddit accounts"
      placeholder="name…"
      columns={['Name', 'Karma (list)', 'Link karma', 'Comment karma', 'Created (UTC)', 'In']}
      rows={rows}
      renderRow={({ account: a }) => (
        <tr key={a.names[0]}>
          <td dir="auto">{a.names.join(' / ')}</td>
          <td>{a.listKarma}</td>
          <td>{a.linkKarma}</td>
          <td>{a.commentKarma}</td>
          <td>{a.created}</td>
          <td>{a.sources}</td>
        </tr>
      )}
    />
  );
}
