import { useMemo, useState, type ReactNode } from 'react';
import { formatCount } from './formatters';
import { searchRows } from './searchRows';

const SHOWN = 100;

/**
 * A dataset's per-row records (indicators, Reddit accounts) with a search box: the rows every word
 * of the query occurs in, SHOWN at a time ("Show more" draws the next).
 */
export function SearchableRecords<T extends { text: string }>(props: {
  id: string;
  /** e.g. "Indicators of china_082019" (the caption starts with it; a right-to-left name isolated, isolateLabel, or it takes the counts after it into its own run). */
  title: string;
  searchLabel: string;
  placeholder: string;
  columns: string[];
  rows: readonly T[];
  renderRow: (row: T) => ReactNode;
}) {
  const [query, setQueryState] = useState('');
  const [shown, setShown] = useState(SHOWN);
  const setQuery = (q: string) => {
    setQueryState(q);
    setShown(SHOWN);
  };
  const matches = useMemo(() => searchRows(props.rows, query), [props.rows, query]);
  const captionId = `${props.id}-caption`;
  return (
    <div className="record-search">
      <label>
        {props.searchLabel} <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={props.placeholder} />
      </label>
      <table aria-labelledby={captionId}>
        <caption id={captionId}>
          {props.title}: {formatCount(matches.length)} of {formatCount(props.rows.length)} match
          {matches.length > shown ? ` (first ${formatCount(shown)} shown)` : ''}
        </caption>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th key={c} scope="col">{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>{matches.slice(0, shown).map(props.renderRow)}</tbody>
      </table>
      {matches.length > shown && (
        <button type="button" onClick={() => setShown((n) => n + SHOWN)}>
          Show {formatCount(Math.min(SHOWN, matches.length - shown))} more
        </button>
      )}
    </div>
  );
}
