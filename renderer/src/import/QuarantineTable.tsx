import { Fragment, useEffect, useState } from 'react';
import { Pager } from '../app/Pager';
import { db } from '../store/database';
import type { DatasetRecord, QuarantineRecord } from '../store/schema';
import { countQuarantine, readQuarantinePage } from '../store/read/committedRecords';
import { formatCount } from './formatters';
import { isConflictingTweet, keptTweetNotes, type KeptTweetNote } from './keptTweets';

const PAGE = 50;

/** Quarantined rows of a dataset, a page at a time (a damaged file can have millions). */
export function QuarantineTable({ dataset }: { dataset: DatasetRecord }) {
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(0);
  // The rows shown and the page they are: the caption turns with the rows, not before them.
  const [shown, setShown] = useState<{ page: number; rows: QuarantineRecord[] }>({ page: 0, rows: [] });
  useEffect(() => {
    void countQuarantine(db, dataset).then(setTotal);
  }, [dataset]);
  useEffect(() => {
    let live = true;
    void readQuarantinePage(db, dataset, page * PAGE, PAGE).then((rows) => live && setShown({ page, rows }));
    return () => void (live = false);
  }, [dataset, page]);
  // The tweet kept for each conflicting duplicate tweet shown: looked up for the page's rows only, once they show.
  const [kept, setKept] = useState<{ rows: QuarantineRecord[]; notes: Map<number, KeptTweetNote> } | undefined>();
  useEffect(() => {
    let live = true;
    const rows = shown.rows;
    if (rows.some(isConflictingTweet)) {
      void keptTweetNotes(db, dataset, rows).then(
        (notes) => live && setKept({ rows, notes }),
        (e: unknown) => live && setKept({ rows, notes: new Map(rows.map((_, i) => [i, { text: `The kept tweet could not be read: ${e instanceof Error ? e.message : String(e)}` }])) }),
      );
    }
    return () => void (live = false);
  }, [dataset, shown]);
  const rows = shown.rows;
  const notes = kept?.rows === rows ? kept.notes : undefined;
  const pages = Math.max(1, Math.ceil(total / PAGE));
  const captionId = `quarantine-caption-${dataset.id}`;
  return (
    <div className="quarantine">
      {/* Before the table: each row's raw text, a scrolling box, is a Tab stop of its own. */}
      <Pager page={page} pages={pages} onPage={setPage} />
      <div className="table-scroll">
      <table aria-labelledby={captionId}>
        <caption id={captionId}>
          {/* The name isolated: a right-to-left one would carry the count after it into its own run. */}
          Quarantined rows of <bdi>{dataset.name}</bdi>: {formatCount(total)} (page {formatCount(shown.page + 1)} of {formatCount(pages)}; rows after each file's header row, from 1)
        </caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Row</th>
            <th scope="col">Byte offset in the CSV</th>
            <th scope="col">Reason</th>
            <th scope="col">Detail</th>
            <th scope="col">Raw text</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={shown.page * PAGE + i}>
              <td dir="auto">{r.fileName}</td>
              <td>{formatCount(r.row)}</td>
              <td>{formatCount(r.byteOffset)}</td>
              <td><code>{r.reason}</code></td>
              <td dir="auto">
                {r.detail}
                {isConflictingTweet(r) && (
                  <div className="kept-tweet" data-testid="kept-tweet" aria-busy={!notes}>
                    {notes ? <KeptTweet note={notes.get(i)!} /> : 'Looking up the kept tweet…'}
                  </div>
                )}
              </td>
              {/* The record as in the file: left to right in field order (an Arabic first field would turn the line under dir=auto), lines wrapping after commas.
                  A Tab stop: a long record scrolls inside its box, and the keyboard must reach what it hides. */}
              <td><pre className="raw" dir="ltr" tabIndex={0}>{r.raw.split(',').map((part, i) => <Fragment key={i}>{i > 0 && <>,<wbr /></>}{part}</Fragment>)}</pre></td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </div>
  );
}

/** Where a conflicting duplicate tweet's kept version was read, and what differs: the file name isolated (it may be right to left). */
function KeptTweet({ note }: { note: KeptTweetNote }) {
  if ('text' in note) return <>{note.text}</>;
  return <>The kept tweet is {note.place} of <bdi>{note.file}</bdi>; {note.what}.</>;
}
