import { visibleJson } from '../../../../shared/evidence/visibleJson';
import type { CustodyEntry } from '../../../../shared/evidence/custodyLog';
import { memo } from 'react';

/** The entry's detail as JSON with invisible characters escaped; a long one opens to its whole text. */
function Detail({ detail }: { detail: unknown }) {
  const s = visibleJson(detail);
  if (s.length <= 160) return <>{s}</>;
  return (
    <details>
      <summary>{s.slice(0, 157)}…</summary>
      <pre className="custody-detail">{visibleJson(detail, 2)}</pre>
    </details>
  );
}

/** '2026-12-02T11:48:57.123Z' as '2026-12-02 11:48:57' (the column says UTC; the exact time is the element's dateTime and title). */
const readableUtc = (iso: string): string => iso.replace('T', ' ').replace(/(\.\d+)?Z$/, '');

export function CustodyTable({ entries, brokenAt }: { entries: CustodyEntry[]; brokenAt: number | null }) {
  return (
    <table aria-label="Custody log" className="custody">
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">When (UTC)</th>
          <th scope="col">Who</th>
          <th scope="col">Action</th>
          <th scope="col">Detail</th>
          <th scope="col">Hash</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e, i) => (
          <CustodyRow key={`${e.seq}-${i}`} entry={e} state={brokenAt === null || i + 1 < brokenAt ? 'ok' : i + 1 === brokenAt ? 'broken' : 'after-break'} />
        ))}
      </tbody>
    </table>
  );
}

/** One entry, memoised by its hash (which covers what it shows; within an open page the log only grows): a new entry renders one row, not the whole log. */
const CustodyRow = memo(
  function CustodyRow({ entry: e, state }: { entry: CustodyEntry; state: 'ok' | 'broken' | 'after-break' }) {
    return (
      <tr className={state === 'ok' ? undefined : state} aria-invalid={state !== 'ok' || undefined}>
        <td>{e.seq}</td>
        <td><time dateTime={e.at} title={e.at}>{readableUtc(e.at)}</time></td>
        <td>{e.actor}</td>
        <td>{e.action}</td>
        <td dir="auto" className="detail"><Detail detail={e.detail} /></td>
        <td className="mono" title={e.hash}>{e.hash.slice(0, 12)}…</td>
      </tr>
    );
  },
  (a, b) => a.entry.hash === b.entry.hash && a.state === b.state,
);
