import { visibleJson, visibleText } from '../../../../shared/evidence/visibleJson';
import { detailKeyWords, detailPlainWords } from '../../../../shared/evidence/detailWords';
import { custodyActionLabel, type CustodyEntry } from '../../../../shared/evidence/custodyLog';
import { utcInstantText, zonedInstantText } from '../../../../shared/report/reportTimes';
import { analystTimeZone } from '../../app/analystTimeZone';
import { Fragment, memo } from 'react';

/** A list or group of fields within a detail whose JSON is longer than this opens to its entries (an import's files, a deleted dataset's items). */
const SHOWN_OPEN_CHARS = 400;

/**
 * One value of an entry's detail, exactly as recorded but in words: an object as a key/value list, a
 * list as a numbered list, text with its invisible characters escaped (as the JSON escapes them).
 * Nothing in it is muted: a broken chain tints its rows red, and grey text on them is too faint.
 */
function DetailValue({ value, nested = false }: { value: unknown; nested?: boolean }) {
  const plain = detailPlainWords(value);
  if (plain !== null) return <>{plain}</>;
  if (typeof value === 'string') return <span dir="auto" className="detail-text">{visibleText(value)}</span>;
  const entries = Array.isArray(value) ? null : Object.entries(value as Record<string, unknown>);
  const count = entries?.length ?? (value as unknown[]).length;
  if (count === 0) return <>none</>;
  const shown = entries ? (
    <dl className="detail-fields">
      {entries.map(([k, v]) => (
        <Fragment key={k}>
          <dt>{detailKeyWords(visibleText(k))}</dt>
          <dd><DetailValue value={v} nested /></dd>
        </Fragment>
      ))}
    </dl>
  ) : <ol className="detail-list">{(value as unknown[]).map((v, i) => <li key={i}><DetailValue value={v} nested /></li>)}</ol>;
  // The entry's own fields are always shown; a long list or group within them opens on request (the row stays a few lines high).
  if (!nested || JSON.stringify(value).length <= SHOWN_OPEN_CHARS) return shown;
  return <details><summary>{count} {entries ? (count === 1 ? 'field' : 'fields') : count === 1 ? 'entry' : 'entries'}</summary>{shown}</details>;
}

/** The entry's detail as a key/value list, and as the JSON the log records (to read exactly, or to copy). */
function Detail({ detail }: { detail: unknown }) {
  return (
    <>
      <DetailValue value={detail} />
      <details className="detail-json">
        <summary>As recorded (JSON)</summary>
        <pre className="custody-detail">{visibleJson(detail, 2)}</pre>
      </details>
    </>
  );
}

/**
 * An entry's time on hover: in the analyst's time zone (the Overview's, as the charts and the report
 * use), to the second, then exactly as the log records it (UTC, to the millisecond), which its hash covers.
 */
const whenTitle = (at: string, zone: string): string => `${zonedInstantText(at, zone)} · recorded as ${at} (UTC)`;

export function CustodyTable({ entries, brokenAt }: { entries: CustodyEntry[]; brokenAt: number | null }) {
  const zone = analystTimeZone();
  return (
    <table aria-label="Custody log" className="custody">
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">Action</th>
          <th scope="col">Detail</th>
          <th scope="col">Hash</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e, i) => (
          <CustodyRow key={`${e.seq}-${i}`} entry={e} zone={zone} state={brokenAt === null || i + 1 < brokenAt ? 'ok' : i + 1 === brokenAt ? 'broken' : 'after-break'} />
        ))}
      </tbody>
    </table>
  );
}

/** One entry, memoised by its hash (which covers what it shows; within an open page the log only grows): a new entry renders one row, not the whole log. */
const CustodyRow = memo(
  function CustodyRow({ entry: e, zone, state }: { entry: CustodyEntry; zone: string; state: 'ok' | 'broken' | 'after-break' }) {
    return (
      <tr className={state === 'ok' ? undefined : state} aria-invalid={state !== 'ok' || undefined}>
        <td>{e.seq}</td>
        <td><time dateTime={e.at} title={whenTitle(e.at, zone)}>{utcInstantText(e.at)}</time></td>
        <td>{e.actor}</td>
        <td title={e.action}>{custodyActionLabel(e.action)}</td>
        <td dir="auto" className="detail"><Detail detail={e.detail} /></td>
        <td className="mono" title={e.hash}>{e.hash.slice(0, 12)}…</td>
      </tr>
    );
  },
  (a, b) => a.entry.hash === b.entry.hash && a.zone === b.zone && a.state === b.state,
);
