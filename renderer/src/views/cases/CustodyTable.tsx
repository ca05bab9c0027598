import { visibleJson } from '../../../../shared/evidence/visibleJson';
import type { CustodyEntry } from '../../../../shared/evidence/custodyLog';

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
        {entries.map((e, i) => {
          const broken = brokenAt !== null && i + 1 >= brokenAt;
          return (
            <tr key={`${e.seq}-${i}`} className={broken ? (i + 1 === brokenAt ? 'broken' : 'after-break') : undefined} aria-invalid={broken || undefined}>
              <td>{e.seq}</td>
              <td>{e.at}</td>
              <td>{e.actor}</td>
              <td>{e.action}</td>
              <td dir="auto" className="detail"><Detail detail={e.detail} /></td>
              <td className="mono" title={e.hash}>{e.hash.slice(0, 12)}…</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
