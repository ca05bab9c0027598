import { countOf, formatCount } from '../../import/formatters';
import { optionValue } from './emptyOption';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { accountsNeedingIds } from '../../../../shared/domain/lookalikeNames';
import { LookalikeId } from './LookalikeId';
import { hrefFor } from '../../app/routes';
import { useFocusKeptInList } from '../../app/useFocusKeptInList';
import { safeFileName } from '../../../../shared/domain/fileNames';
import { saveBytes } from '../../host/saveFile';
import { appVersion } from '../../app/version';
import { PinButton } from '../../pins/PinButton';
import { accountPinItem } from './accountPinItem';
import { ACCOUNT_COLUMNS, cellText, rowsToCsv, sortRows, type AccountColumn } from './accountColumns';
import { accountFilter, describeAccountFilters, invertedRanges, NO_FILTERS, type AccountFilters } from './accountFilters';
import type { AccountRow, ExploreData } from './exploreData';
import { Field } from './Field';
import { DayField } from './DayField';
import { dayProblem } from '../../../../shared/domain/isoDay';
import { RANDOM_HANDLE_RULE } from './randomHandle';

const ROW_HEIGHT = 34;
/** The Pin column: a button saying the cases an account is pinned in is cut to one line here (its accessible name, also the cell's tooltip, says it all). */
const PIN_WIDTH = 150;
const COLS_KEY = 'dw.explore.accountColumns';

/** Every account of the dataset: virtualized rows, sort, filters, column chooser, CSV export. */
export function AccountsTable({ data }: { data: ExploreData }) {
  // Filters and sort live for the browsing session, per dataset: back from an account page, they are as left.
  const viewKey = `dw.accounts.view.${data.dataset.id}`;
  const saved = useMemo(() => readView(viewKey), [viewKey]);
  const [filters, setFilters] = useState<AccountFilters>(saved?.filters ?? NO_FILTERS);
  const [sort, setSort] = useState<{ key: string; dir: 1 | -1 }>(saved?.sort ?? { key: 'tweets', dir: -1 });
  useEffect(() => sessionStorage.setItem(viewKey, JSON.stringify({ filters, sort })), [viewKey, filters, sort]);
  const [visible, setVisible] = useState<string[]>(() => {
    const saved = localStorage.getItem(COLS_KEY);
    return saved ? (JSON.parse(saved) as string[]) : ACCOUNT_COLUMNS.filter((c) => c.defaultVisible).map((c) => c.key);
  });
  const [status, setStatus] = useState('');
  const cols = useMemo(() => ACCOUNT_COLUMNS.filter((c) => visible.includes(c.key)), [visible]);
  const languages = useMemo(() => [...new Set(data.accounts.map((a) => a.account.accountLanguage))].sort(), [data]);
  const clients = useMemo(() => [...new Set(data.accounts.map((a) => a.mainClient))].filter(Boolean).sort(), [data]);
  /** Some account's activity comes from an import made before active days were recorded: Active from / to is its span there. */
  const spanOnly = useMemo(() => data.accounts.some((a) => a.activity && !a.activity.days), [data]);
  const showIds = useMemo(() => accountsNeedingIds(data.accounts.map((a) => ({ id: a.account.userid, name: a.account.userScreenName }))), [data]);

  const rows = useMemo(() => {
    const col = ACCOUNT_COLUMNS.find((c) => c.key === sort.key) ?? ACCOUNT_COLUMNS[0]!;
    return sortRows(data.accounts.filter(accountFilter(filters)), col, sort.dir);
  }, [data, filters, sort]);
  const inverted = invertedRanges(filters);

  const grid = [`${PIN_WIDTH}px`, ...cols.map((c) => c.width)].join(' ');
  // Header and rows sit in one box as wide as the columns' minimums, so they scroll sideways together.
  const minWidth = [PIN_WIDTH, ...cols.map((c) => Number(/(\d+)px/.exec(c.width)![1]))].reduce((w, px) => w + px + 8, 16);

  const set = <K extends keyof AccountFilters>(k: K) => (v: AccountFilters[K]) => setFilters((f) => ({ ...f, [k]: v }));
  const toggleCol = (key: string) => {
    const next = visible.includes(key) ? visible.filter((k) => k !== key) : ACCOUNT_COLUMNS.map((c) => c.key).filter((k) => k === key || visible.includes(k));
    setVisible(next);
    localStorage.setItem(COLS_KEY, JSON.stringify(next));
  };
  const exportCsv = async () => {
    const exportCols = ACCOUNT_COLUMNS.filter((c) => c.key === 'userid' || visible.includes(c.key));
    const csvBytes = new TextEncoder().encode(rowsToCsv(rows, exportCols));
    // Named after its filters (two exports of other filters are two files), with a receipt beside it as Search's export has.
    const filtersInWords = describeAccountFilters(filters);
    const base = safeFileName(`${data.dataset.name}-accounts${filtersInWords ? `-${filtersInWords}` : ''}`);
    if (!(await saveBytes(base + '.csv', 'text/csv', csvBytes))) return setStatus('Export cancelled: nothing saved.');
    const files = new Map<string, number>();
    for (const r of rows) files.set(r.account.provenance.fileSha256, (files.get(r.account.provenance.fileSha256) ?? 0) + 1);
    const receipt = {
      receiptVersion: 1, kind: 'accounts-export', createdAt: new Date().toISOString(), app: `Disclosure Workbench ${appVersion}`,
      dataset: { id: data.dataset.id, name: data.dataset.name, imports: data.dataset.committedImports, files: [...files].map(([sha256, accounts]) => ({ sha256, accounts })) },
      filters, filtersInWords: filtersInWords || 'none', sort: { column: ACCOUNT_COLUMNS.find((c) => c.key === sort.key)?.label ?? sort.key, order: sort.dir === 1 ? 'ascending' : 'descending' },
      columns: exportCols.map((c) => c.label), rows: rows.length, ofAccounts: data.accounts.length, csvBytes: csvBytes.length,
    };
    const withReceipt = await saveBytes(`${base}.receipt.json`, 'application/json', new TextEncoder().encode(JSON.stringify(receipt, null, 2) + '\n'));
    const what = `${formatCount(rows.length)} of ${countOf(data.accounts.length, 'account')}${filtersInWords ? ` (${filtersInWords})` : ''}`;
    setStatus(`Exported ${what}${withReceipt ? ', and its receipt (the filters, the sort, the source files)' : '; its receipt was not saved'}.`);
  };

  const text = (label: string, k: keyof AccountFilters, type = 'text', describedBy?: string) => (
    <Field label={label}>
      {(id) => <input id={id} type={type} value={filters[k] as string} onChange={(e) => set(k)(e.target.value as never)} inputMode={type === 'number' ? 'numeric' : undefined} aria-describedby={describedBy} />}
    </Field>
  );

  // The app's day field (yyyy-mm-dd, one Tab stop and a calendar button), not <input type="date">: that one
  // showed the locale's order and took four Tab stops, the last with no focus ring. A day that is not
  // one (said under the field) leaves the filter as it was.
  const day = (label: string, k: 'createdFrom' | 'createdTo' | 'activeFrom' | 'activeTo', describedBy?: string) => (
    <DayField label={label} value={filters[k]} onApply={(d) => { if (!dayProblem(d)) set(k)(d); }} describedBy={describedBy} />
  );

  return (
    <div className="accounts-view">
      <h2 data-route-focus>Accounts</h2>
      <form className="filters" aria-label="Account filters" onSubmit={(e) => e.preventDefault()}>
        {text('Name or id', 'text', 'search')}
        <Field className="filter" label="Language">{(id) => (<select id={id} value={filters.language} onChange={(e) => set('language')(e.target.value)}>
            <option value="">any</option>
            {languages.map((l) => <option key={l} value={optionValue(l)}>{l || '(empty)'}</option>)}
          </select>)}</Field>
        <Field className="filter" label="Id">{(id) => (<select id={id} value={filters.hashed} onChange={(e) => set('hashed')(e.target.value as AccountFilters['hashed'])}>
            <option value="any">hashed or clear</option><option value="hashed">hashed only</option><option value="clear">clear only</option>
          </select>)}</Field>
        <Field className="filter" label="Random-looking handle">{(id) => (<select id={id} value={filters.random} onChange={(e) => set('random')(e.target.value as AccountFilters['random'])} aria-describedby="random-rule">
            <option value="any">any</option><option value="yes">yes</option><option value="no">no</option>
          </select>)}</Field>
        <Field className="filter" label="Main client">{(id) => (<select id={id} value={filters.client} onChange={(e) => set('client')(e.target.value)}>
            <option value="">any</option>
            {clients.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>)}</Field>
        {day('Created from', 'createdFrom')}
        {day('Created to', 'createdTo')}
        {text('Followers ≥', 'followersMin', 'number')}
        {text('Followers ≤', 'followersMax', 'number')}
        {text('Following ≥', 'followingMin', 'number')}
        {text('Following ≤', 'followingMax', 'number')}
        {text('Tweets ≥', 'tweetsMin', 'number')}
        {text('Tweets ≤', 'tweetsMax', 'number')}
        {text('Tweets per active day ≥', 'perDayMin', 'number')}
        {day('Active from', 'activeFrom', 'active-rule')}
        {day('Active to', 'activeTo', 'active-rule')}
        <button type="button" onClick={() => setFilters(NO_FILTERS)}>Clear filters</button>
      </form>
      <p id="random-rule" className="muted">Random-looking handle: {RANDOM_HANDLE_RULE}; hashed handles are never flagged.</p>
      <p id="active-rule" className="muted">Active from / to: the account tweeted on at least one of these UTC days{spanOnly ? '; for accounts of imports made before days were recorded, its span from first to last tweet overlaps them and it may have posted nothing inside them, and their tweets per active day are unknown (re-import to make both exact)' : ''}.</p>
      <div className="toolbar">
        <span role="status" data-testid="account-count">
          {formatCount(rows.length)} of {countOf(data.accounts.length, 'account')}
          {inverted.length > 0 && <strong className="error"> — {inverted.join(', ')}: the lower bound is above the upper one, so no account can match</strong>}
        </span>
        {/* Escape closes the list of columns, back on its summary (as a menu would). */}
        <details className="column-chooser" onKeyDown={(e) => {
          if (e.key !== 'Escape' || !e.currentTarget.open) return;
          e.currentTarget.open = false;
          e.currentTarget.querySelector('summary')?.focus();
        }}>
          <summary>Columns</summary>
          <fieldset>
            <legend>Visible columns</legend>
            {ACCOUNT_COLUMNS.map((c) => (
              <label key={c.key}><input type="checkbox" checked={visible.includes(c.key)} onChange={() => toggleCol(c.key)} /> {c.label}</label>
            ))}
          </fieldset>
        </details>
        <button type="button" onClick={() => void exportCsv()}>Export filtered rows as CSV</button>
        <span className="muted" aria-live="polite">{status}</span>
      </div>

      <div role="table" aria-label="Accounts" aria-rowcount={rows.length + 1} className="vtable">
        <div style={{ minWidth }}>
        <div role="rowgroup">
          <div role="row" aria-rowindex={1} className="vrow vhead" style={{ gridTemplateColumns: grid }}>
            <div role="columnheader">Pin</div>
            {cols.map((c) => (
              <div role="columnheader" key={c.key} aria-sort={sort.key === c.key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
                <button type="button" className="sort-button" onClick={() => setSort((s) => ({ key: c.key, dir: s.key === c.key ? (-s.dir as 1 | -1) : 1 }))}>
                  {/* The arrow is for the eye: aria-sort says the order, and the button is named by its column alone. */}
                  {c.label}{sort.key === c.key && <span aria-hidden="true">{sort.dir === 1 ? ' ▲' : ' ▼'}</span>}
                </button>
              </div>
            ))}
          </div>
        </div>
        <AccountRows rows={rows} cols={cols} grid={grid} data={data} showIds={showIds} />
        </div>
      </div>
    </div>
  );
}

/**
 * The windowed rows, in their own memoised component: scrolling re-renders only these ~30 rows,
 * not the filter form and header above them.
 */
const AccountRows = memo(function AccountRows({ rows, cols, grid, data, showIds }: { rows: AccountRow[]; cols: AccountColumn[]; grid: string; data: ExploreData; showIds: Set<string> }) {
  const datasetId = data.dataset.id;
  const scroller = useRef<HTMLDivElement>(null);
  // The scroll position lives with the filters and sort (AccountsTable): back from an account page, the rows are where they were.
  const scrollKey = `dw.accounts.scroll.${datasetId}`;
  const [initialOffset] = useState(() => Number(sessionStorage.getItem(scrollKey)) || 0);
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12, initialOffset });
  useFocusKeptInList(scroller);
  useLayoutEffect(() => {
    if (scroller.current && initialOffset) scroller.current.scrollTop = initialOffset;
  }, [initialOffset]);
  // Back from an account page opened here, focus returns to its link (once), not to the heading above the filters.
  const openedKey = `dw.accounts.opened.${datasetId}`;
  useEffect(() => {
    const opened = sessionStorage.getItem(openedKey);
    if (!opened) return;
    sessionStorage.removeItem(openedKey);
    // After the view's own focus on its heading (a parent's effect runs after this one).
    const frame = requestAnimationFrame(() => scroller.current?.querySelector<HTMLAnchorElement>(`a[href="${CSS.escape(hrefFor('explore', 'account', opened))}"]`)?.focus({ preventScroll: true }));
    return () => cancelAnimationFrame(frame);
  }, [openedKey]);
  // Also saved on leaving: a scroll event is dispatched a frame late, so a click right after scrolling would save the old place.
  useLayoutEffect(() => {
    const el = scroller.current;
    return () => { if (el) sessionStorage.setItem(scrollKey, String(Math.round(el.scrollTop))); };
  }, [scrollKey]);
  return (
        <div ref={scroller} className="vscroll" tabIndex={0} aria-label="Account rows (scroll with arrow keys)" role="rowgroup"
          onScroll={(e) => sessionStorage.setItem(scrollKey, String(Math.round(e.currentTarget.scrollTop)))}>
          <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
            {virtual.getVirtualItems().map((v) => {
              const r = rows[v.index]!;
              return (
                <div role="row" aria-rowindex={v.index + 2} key={r.account.userid} className="vrow" style={{ gridTemplateColumns: grid, transform: `translateY(${v.start}px)`, height: ROW_HEIGHT }}>
                  {/* The tooltip is the button's accessible name, read when the pointer comes: it follows the pins. */}
                  <div role="cell" className="pin-cell">
                    <PinButton label={`account @${r.account.userScreenName}${showIds.has(r.account.userid) ? ` (user id ${r.account.userid})` : ''}`} item={() => accountPinItem(data, r.account.userid)} />
                  </div>
                  {cols.map((c) => (
                    <div role="cell" key={c.key} dir="auto" className="ellipsis" title={c.key === 'screenName' && showIds.has(r.account.userid) ? `${c.text(r)} (user id ${r.account.userid})` : cellText(c, r)}>
                      {c.key === 'screenName' ? <><a href={hrefFor('explore', 'account', r.account.userid)} onClick={() => sessionStorage.setItem(openedKey, r.account.userid)}>@<bdi>{r.account.userScreenName}</bdi></a>{showIds.has(r.account.userid) && <LookalikeId id={r.account.userid} tail={6} />}</> : cellText(c, r)}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        </div>
  );
});

function readView(key: string): { filters: AccountFilters; sort: { key: string; dir: 1 | -1 } } | null {
  try {
    const v = JSON.parse(sessionStorage.getItem(key) ?? 'null') as { filters?: Partial<AccountFilters>; sort?: { key: string; dir: 1 | -1 } } | null;
    return v?.filters && v.sort ? { filters: { ...NO_FILTERS, ...v.filters }, sort: v.sort } : null;
  } catch {
    return null;
  }
}

