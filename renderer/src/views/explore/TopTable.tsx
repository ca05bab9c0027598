import { countOf } from '../../import/formatters';
import { useMemo, useState } from 'react';
import { hrefFor } from '../../app/routes';
import { safeFileName } from '../../../../shared/domain/fileNames';
import { saveBytes } from '../../host/saveFile';
import { OtherDomainForm } from '../../import/OtherDomainForm';
import { csvLine } from '../../../../shared/domain/csvLine';
import { foldCounts, type FoldedCount } from '../../../../shared/domain/foldedCounts';
import { accountsNeedingIds } from '../../../../shared/domain/lookalikeNames';
import type { ExploreData } from './exploreData';
import { LookalikeId } from './LookalikeId';
import { SpellingsNote } from './SpellingsNote';

const SHOWN = 20;
const fmt = (n: number) => n.toLocaleString('en');

/**
 * The top 20 of `counts`; with `fold`, the spellings that fold to one key as one row (their counts
 * summed). How many rows there are in all is said, and all of them export as CSV: a list cut at 20
 * must not be the only way to read it. `scope` (all tweets, or the time filter's days) names the file;
 * `linkTo` makes each value a link (a hashtag's tweets in Search), `countLink` each count (the tweets
 * counted, in Search: `what` they are, for a screen reader: "tweets mentioning").
 */
export function TopTable({ title, counts, prefix = '', data, accounts, fold, domains, scope, linkTo, countLink, empty = 'none' }: {
  title: string; counts: Record<string, number>; prefix?: string; data: ExploreData; accounts?: boolean; fold?: (s: string) => string; domains?: boolean; scope: string;
  /** What an empty table says (why, where it is not obvious). */
  empty?: string;
  linkTo?: (value: string) => string; countLink?: { to: (value: string) => string; what: [one: string, many: string] };
}) {
  const all = useMemo(() => foldCounts(counts, fold), [counts, fold]);
  const folded = all.slice(0, SHOWN);
  const rows = folded.map((r): [string, number] => [r.value, r.count]);
  const showIds = accounts ? accountsNeedingIds(rows.map(([k]) => ({ id: k, name: data.byId.get(k)?.account.userScreenName ?? k.replace(/^@/, '') }))) : new Set<string>();
  const [saved, setSaved] = useState('');
  const exportAll = async () => {
    const csv = topTableCsv(all, accounts ? (k) => data.byId.get(k)?.account.userScreenName ?? '' : undefined);
    const ok = await saveBytes(safeFileName(`${data.dataset.name}-${title}-${scope}`) + '.csv', 'text/csv', new TextEncoder().encode(csv));
    setSaved(ok ? `Exported ${countOf(all.length, 'row')} (${scope}).` : 'Export cancelled.');
  };
  return (
    <section className="top-table" aria-label={title}>
      <h3>{title}</h3>
      <table aria-label={title}>
        <thead><tr><th scope="col">{accounts ? 'Account' : 'Value'}</th><th scope="col">Count</th></tr></thead>
        <tbody>
          {rows.map(([k, n], i) => {
            const known = accounts ? data.byId.get(k) : undefined;
            const label = known ? `@${known.account.userScreenName}` : prefix + k;
            return (
              <tr key={k}>
                <td dir="auto" className="break">{known ? <a href={hrefFor('explore', 'account', k)}>{label}</a> : linkTo ? <a href={linkTo(k)}>{label}</a> : label}{known && showIds.has(k) && <LookalikeId id={k} />}
                  <SpellingsNote row={folded[i]!} prefix={prefix} ignored={domains ? 'Unicode and Punycode forms of one name' : undefined} />
                  {domains && <OtherDomainForm domain={k} />}
                </td>
                <td>{countLink ? <a href={countLink.to(k)} aria-label={`${fmt(n)} ${countLink.what[n === 1 ? 0 : 1]} ${label}`}>{fmt(n)}</a> : fmt(n)}</td>
              </tr>
            );
          })}
          {rows.length === 0 && <tr><td colSpan={2} className="muted">{empty}</td></tr>}
        </tbody>
      </table>
      {all.length > 0 && (
        <p className="muted top-table-all">
          {all.length > SHOWN ? `The top ${SHOWN} of ${fmt(all.length)} rows.` : `All ${countOf(all.length, 'row')}.`}{' '}
          <button type="button" onClick={() => void exportAll()} aria-label={`Export all as CSV: ${title}, ${fmt(all.length)} ${all.length === 1 ? 'row' : 'rows'}`}>Export all as CSV</button>
          <span role="status">{saved && ` ${saved}`}</span>
        </p>
      )}
      {accounts && rows.some(([k]) => !data.byId.has(k)) && (
        <p className="muted">
          Plain ids and names are accounts outside the archive (it holds only the operation's accounts). A hashed id names one
          account only within its release and cannot be matched to an unhashed id or @name.
        </p>
      )}
    </section>
  );
}

/**
 * Every row of a top table, in its order: the value (for accounts, the key the counts use: a user id,
 * or '@name' for an account the archive does not hold) with, for archived accounts, its screen name;
 * the count; and the spellings folded into the row with their counts, as JSON ([["HongKong", 3], …]).
 */
export function topTableCsv(rows: readonly FoldedCount[], screenName?: (key: string) => string): string {
  const head = screenName ? ['account', 'user_screen_name', 'count', 'spellings'] : ['value', 'count', 'spellings'];
  return csvLine(head) + rows.map((r) => csvLine([r.value, ...(screenName ? [screenName(r.value)] : []), String(r.count), JSON.stringify(r.spellings)])).join('');
}
