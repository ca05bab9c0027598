import { chosenValue, optionValue } from './emptyOption';
import { tweetLanguagesOf } from './tweetLanguages';
import { countOf, formatBytes, formatCount, formatSeconds } from '../../import/formatters';
import { safeFileName } from '../../../../shared/domain/fileNames';
import { beginSave, saveBytes } from '../../host/saveFile';
import { appVersion } from '../../app/version';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { focusIfLost } from '../../app/focusIfLost';
import { hrefFor } from '../../app/routes';
import { PinButton } from '../../pins/PinButton';
import { SearchCancelled, searchClient } from '../../search/searchClient';
import type { SearchHit, SearchResult } from '../../search/searchCorpus';
import type { LoadState } from '../../search/searchProtocol';
import { describeFilters, highlightRanges, ignoredNote, nothingToSearch, operatorLikeWords, type SearchFilters } from '../../search/searchQuery';
import { resolveAccountsWith, unresolvedAccountsMessage } from '../../../../shared/graph/resolveAccounts';
import type { ExploreData } from './exploreData';
import { Field } from './Field';
import { DayField } from './DayField';
import { dayProblem } from '../../../../shared/domain/isoDay';
import { formatMinute, minuteOfDay, topEntries } from './timeBuckets';
import { TweetText } from './TweetText';
import { LookalikeId } from './LookalikeId';
import { accountsNeedingIds } from '../../../../shared/domain/lookalikeNames';
import { tweetTitle, userIdNote } from '../../pins/accountTitles';
import type { SearchLinkFields } from './searchLink';
import { isHashedId } from '../../../../shared/domain/ids';
import { ambiguousNameMessage } from '../../../../shared/domain/screenNames';
import { urlDomain } from '../../../../shared/domain/urlDomain';
import { containBidi, isolateLabel } from '../../../../shared/domain/bidiIsolate';
import { ARABIC_LETTERS_ALIKE } from '../../../../shared/domain/searchFold';

const PAGE = 50;
interface Form {
  query: string;
  from: string;
  to: string;
  language: string;
  account: string;
  retweet: '' | 'only' | 'exclude';
  hashtag: string;
  client: string;
  domain: string;
  mentions: string;
  retweets: string;
  order: '' | 'oldest' | 'newest';
}
/** Why a form cannot run, and the fields whose values it refuses (marked invalid, described by the message). */
interface Refusal { refusal: string; fields: (keyof Form)[] }
const refused = (f: SearchFilters | Refusal): f is Refusal => 'refusal' in f;

const EMPTY: Form = { query: '', from: '', to: '', language: '', account: '', retweet: '', hashtag: '', client: '', domain: '', mentions: '', retweets: '', order: '' };

/** Full-text search over every tweet of the dataset, in the search worker. */
export function SearchView({ data, given }: { data: ExploreData; given?: SearchLinkFields }) {
  const [form, setForm] = useState<Form>(EMPTY);
  /** `counting`: the page is shown and r.count is the count so far. */
  const [result, setResult] = useState<{ r: SearchResult; terms: string[]; ms: number; loadMs: number; query: string; filters: SearchFilters; counting: boolean } | null>(null);
  /** Only the newest run may update the view. */
  const runId = useRef(0);
  const previousPage = useRef<HTMLButtonElement>(null);
  const nextPage = useRef<HTMLButtonElement>(null);
  // After a page turn, the other pager button takes focus if the pressed one disabled itself: checked
  // once the new page is rendered (the button is disabled then), not when the search resolves.
  const focusAfterTurn = useRef<typeof nextPage | null>(null);
  const [busy, setBusy] = useState('');
  const [error, setError] = useState('');
  /** The fields the shown refusal names: aria-invalid, and described by it, while it is shown. */
  const [refusedFields, setRefusedFields] = useState<(keyof Form)[]>([]);
  const errorId = useId();
  const refuse = (r: Refusal) => {
    setError(r.refusal);
    setRefusedFields(r.fields);
  };
  /** A field's invalid state and description: the refusal's, after its own description (From and To: the UTC note). */
  const refusedBy = (k: keyof Form) => (error !== '' && refusedFields.includes(k) ? errorId : undefined);
  const invalidity = (k: keyof Form) => ({ 'aria-invalid': refusedBy(k) !== undefined || undefined, 'aria-describedby': refusedBy(k) });
  const ag = data.aggregates;
  const languages = useMemo(() => tweetLanguagesOf(ag), [ag]);
  const clients = useMemo(() => {
    const c: Record<string, number> = {};
    for (const d in ag?.clientsByDay ?? {}) for (const k in ag!.clientsByDay[d]) c[k] = (c[k] ?? 0) + ag!.clientsByDay[d]![k]!;
    return topEntries(c, 200).map((e) => e[0]);
  }, [ag]);
  // Load the dataset's search text in the worker while the user types the first query.
  const [load, setLoad] = useState<LoadState | null>(null);
  useEffect(() => searchClient.warm(data.dataset.id, setLoad), [data.dataset.id]);
  useEffect(() => {
    const target = focusAfterTurn.current;
    if (!target || !result || busy) return;
    focusAfterTurn.current = null;
    focusIfLost(target.current);
  }, [result, busy]);
  /**
   * A mentioned or retweeted account as the counts key it: an archived account's user id (given by
   * id, or by name with or without '@', credited as the counts credit names), else as given (an
   * account outside the archive: its id, or '@name').
   */
  const targetKey = (v: string): string | undefined => {
    const given = v.trim();
    if (!given || data.byId.has(given)) return given || undefined;
    if (given.startsWith('@')) return data.names.attribute(given.slice(1)) ?? given;
    if (/^\d+$/.test(given) || isHashedId(given)) return given; // an id outside the archive
    return data.names.attribute(given) ?? '@' + given;
  };
  /** Linked domain's site as the import took it from each link (urlDomain: host, lower case, no "www."): a whole link pasted there is its site. */
  const siteOf = (v: string): string | undefined => {
    const given = v.trim();
    return given ? urlDomain(given.includes('://') ? given : `http://${given}`) || given : undefined;
  };
  /** The filters of a form, or why it cannot run: days in the wrong order, an account that is not in the dataset, or a name several accounts match (the Network view's wording). */
  const filtersOf = (f: Form): SearchFilters | Refusal => {
    // Only quotes or invisible characters (a pasted zero-width space): "0 tweets match" would read as a finding.
    const nothing = nothingToSearch(f.query);
    if (nothing) return { refusal: `Not searched: ${nothing}.`, fields: ['query'] };
    // No tweet can match: "0 tweets match" would read as a finding (the Overview and the Network view refuse it too).
    for (const [label, field] of [['From', 'from'], ['To', 'to']] as const) {
      const problem = dayProblem(f[field]);
      if (problem) return { refusal: `Not searched: ${label}: ${problem}`, fields: [field] };
    }
    if (f.from && f.to && f.from > f.to) return { refusal: `Not searched: the From day (${f.from}) is after the To day (${f.to}), so no tweet can match.`, fields: ['from', 'to'] };
    const acc = f.account.trim();
    let userid: string | undefined;
    if (acc) {
      // A screen name after '@', an id, or a name without '@' (resolveAccounts.ts, as the Network view and the CLI take them).
      const given = acc.startsWith('@') || data.byId.has(acc) || data.names.match(acc).kind === 'unknown' ? acc : '@' + acc;
      const r = resolveAccountsWith([given], (id) => data.byId.has(id), data.names);
      const message = unresolvedAccountsMessage(r);
      if (message) return { refusal: `Not searched: ${message}.`, fields: ['account'] };
      userid = [...r.userids][0];
    }
    // One hashtag: two typed in the box would match none (no tweet's hashtag holds a space).
    const tags = f.hashtag.trim().split(/\s+/).filter(Boolean);
    if (tags.length > 1) return { refusal: `Not searched: Hashtag takes one hashtag, and “${f.hashtag.trim()}” holds ${tags.length}. Give one there, and another as a search word (#tag finds the whole hashtag).`, fields: ['hashtag'] };
    // A name several accounts match stops these filters too, as it stops Account (the counts credit it
    // to the lowest id, which the filter would find silently): the message lists the ids to give.
    for (const [label, field] of [['Mentioned account', 'mentions'], ['Retweeted account', 'retweets']] as const) {
      const given = f[field].trim();
      const m = given && !data.byId.has(given) ? data.names.match(given.replace(/^@/, '')) : null;
      if (m?.kind === 'ambiguous') return { refusal: `Not searched: ${label}: ${ambiguousNameMessage(given, m.candidates)}.`, fields: [field] };
    }
    return {
      fromMinute: f.from ? minuteOfDay(f.from) : undefined,
      toMinute: f.to ? minuteOfDay(f.to) + 1440 : undefined,
      language: chosenValue(f.language),
      userid,
      retweet: f.retweet || undefined,
      hashtag: f.hashtag.trim().replace(/^#/, '') || undefined,
      client: chosenValue(f.client),
      domain: siteOf(f.domain),
      mentions: targetKey(f.mentions),
      retweets: targetKey(f.retweets),
      order: f.order || undefined,
    };
  };

  const run = (offset: number) => {
    if (offset !== 0) return searchWith(result!.query, result!.filters, offset);
    const filters = filtersOf(form);
    if (!refused(filters)) return searchWith(form.query, filters, 0);
    runId.current++; // a search still running must not show its result under this message
    setBusy('');
    setResult(null);
    refuse(filters);
  };

  // The last search lives for the browsing session, per dataset: back from an account page it is run again.
  const savedKey = `dw.search.${data.dataset.id}`;
  useEffect(() => {
    // Opened by a link (an account page's, an Overview hashtag's): those tweets, every one, in the files' order.
    if (given) {
      const f = { ...EMPTY, ...given };
      const filters = filtersOf(f);
      setForm(f);
      if (refused(filters)) refuse(filters);
      else void searchWith('', filters, 0, f);
      return;
    }
    const saved = readSavedSearch(savedKey);
    if (!saved) return;
    setForm(saved.form);
    void searchWith(saved.query, saved.filters, saved.offset);
    // Once, when the view opens (the view is keyed by dataset).
  }, []);

  // Back from an account page opened from a result, focus returns to that result's link (once), not to
  // the heading above the search form (a keyboard user was ~20 Tabs away from the results).
  const openedKey = `dw.search.opened.${data.dataset.id}`;
  useEffect(() => {
    const opened = result && sessionStorage.getItem(openedKey);
    if (!opened) return;
    sessionStorage.removeItem(openedKey);
    // After the view's own focus on its heading.
    const frame = requestAnimationFrame(() => document.querySelector<HTMLAnchorElement>(`ol.results li[data-tweetid="${CSS.escape(opened)}"] .tweet-meta > a`)?.focus());
    return () => cancelAnimationFrame(frame);
  }, [result, openedKey]);

  const searchWith = async (query: string, filters: SearchFilters, offset: number, shown = form) => {
    sessionStorage.setItem(savedKey, JSON.stringify({ form: offset === 0 ? shown : readSavedSearch(savedKey)?.form ?? shown, query, filters, offset }));
    const mine = ++runId.current;
    const current = () => mine === runId.current;
    setError('');
    setRefusedFields([]);
    setBusy('Searching…');
    try {
      const m = await searchClient.search({ datasetId: data.dataset.id, query, filters, offset, limit: PAGE }, {
        onProgress: (p) => {
          if (!current()) return;
          const loading = p.loadedBlocks < p.blocks ? ` (search text: ${formatCount(p.loadedBlocks)} of ${countOf(p.blocks, 'block')} loaded, ${countOf(p.tweets, 'tweet')})` : '';
          setBusy(`Searching… ${countOf(p.counted, 'match', 'matches')} so far${loading}`);
        },
        onPage: (p) => {
          if (!current()) return;
          setBusy('');
          setResult({ r: p.result, terms: p.terms, ms: 0, loadMs: 0, query, filters, counting: true });
        },
      });
      if (!current()) return;
      setResult({ r: m.result, terms: m.terms, ms: m.searchMs, loadMs: m.loadMs, query, filters, counting: false });
      setBusy('');
    } catch (e) {
      if (e instanceof SearchCancelled || !current()) return;
      setError(e instanceof Error ? e.message : String(e)); // the search failed: no field is to blame
      setBusy('');
    }
  };

  /** The running export of every match (its progress and cancel) and what the last one came to. */
  const [exporting, setExporting] = useState<{ rows: number; total: number; started: number; cancel: () => void } | null>(null);
  /** What the last export came to; `n` counts them, so the same words said again are a new note (and take a lost focus again). */
  const [exported, setExportedState] = useState({ text: '', n: 0 });
  const setExported = (text: string) => setExportedState((e) => ({ text, n: e.n + 1 }));
  /** Words of the query other tools read as operators: said to be words here. */
  const operators = result ? operatorLikeWords(result.query) : [];
  /**
   * The accounts of a search's filters as lists name them: by screen name, with the user id where one
   * may pass for another named with it (accountsNeedingIds), or always (`withIds`); an account without
   * a name of its own (a hashed one, whose name is its id; an id outside the archive) by its id.
   */
  const accountNamer = (f: SearchFilters, isolate: (text: string) => string, withIds = false): ((id: string) => string) => {
    const nameOf = (id: string) => data.byId.get(id)?.account.userScreenName ?? (id.startsWith('@') ? id.slice(1) : '');
    const named = [...new Set([f.userid, f.mentions, f.retweets])].filter((id): id is string => !!id && nameOf(id) !== '' && nameOf(id) !== id);
    const needIds = accountsNeedingIds(named.map((id) => ({ id, name: nameOf(id) })));
    return (id) => (named.includes(id) ? `@${isolate(nameOf(id))}${withIds || needIds.has(id) ? ` ${userIdNote(id)}` : ''}` : id);
  };
  const exportAll = async (r: NonNullable<typeof result>) => {
    setExported('');
    // Where to save first: the CSV goes to the file as the worker writes it, never held whole in the page.
    // Named after the query and the filters too (two searches of one query with other filters are two files).
    const filtersInWords = describeFilters(r.filters, formatMinute);
    const base = safeFileName(`${data.dataset.name}-search-${r.query || 'all'}${filtersInWords ? `-${filtersInWords}` : ''}`);
    const save = await beginSave(base + '.csv', 'text/csv');
    if (!save) return setExported('Export cancelled: nothing saved.');
    const encoder = new TextEncoder();
    let writing = Promise.resolve();
    const job = searchClient.exportCsv({ datasetId: data.dataset.id, query: r.query, filters: r.filters }, (csv, rows, total) => {
      if (csv) writing = writing.then(() => save.write(encoder.encode(csv)));
      setExporting((x) => x && { ...x, rows, total });
    });
    setExporting({ rows: 0, total: r.r.count, started: performance.now(), cancel: job.cancel });
    try {
      const { rows, files } = await job.done;
      await writing;
      const { bytes } = await save.end();
      // Isolated: a right-to-left query or hashtag would pull the size after it into its run ("“22 ,”هنگ KB").
      const filtersShown = isolateLabel(describeFilters(r.filters, formatMinute, accountNamer(r.filters, isolateLabel)));
      const what = r.terms.length ? `${countOf(rows, 'tweet')} matching “${isolateLabel(r.query)}”${ignoredNote(r.query)}${filtersInWords ? ` (${filtersShown})` : ''}` : `${countOf(rows, 'tweet')} (every tweet the filters allow${filtersInWords ? `: ${filtersShown}` : ''})`;
      // Beside it, what it is: the search, its filters and the files its rows came from (as the Network's CSV has its receipt).
      const receipt = {
        receiptVersion: 1, kind: 'search-export', createdAt: new Date().toISOString(), app: `Disclosure Workbench ${appVersion}`,
        dataset: { id: data.dataset.id, name: data.dataset.name, imports: data.dataset.committedImports, files },
        search: { query: r.query, terms: r.terms, filters: r.filters, filtersInWords: filtersInWords || 'none', order: r.filters.order ?? 'as in the files' },
        rows, csvBytes: bytes,
      };
      const withReceipt = await saveBytes(`${base}.receipt.json`, 'application/json', new TextEncoder().encode(JSON.stringify(receipt, null, 2) + '\n'));
      setExported(`Exported ${what}, ${formatBytes(bytes)}${withReceipt ? ', and its receipt (the search, its filters, the source files)' : '; its receipt was not saved'}.`);
    } catch (e) {
      job.cancel(); // a failed write stops the worker too
      await writing.catch(() => {});
      await save.abort();
      setExported(e instanceof SearchCancelled ? 'Export cancelled: nothing saved.' : `Export failed, nothing saved: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setExporting(null);
    }
  };

  const set = (k: keyof Form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const filterText = result ? describeFilters(result.filters, formatMinute, accountNamer(result.filters, isolateLabel)) : '';
  /** A pin title gives the accounts' ids always, as accountTitle does: it is written before anyone knows what else the case will hold. */
  const pinFilterText = result ? describeFilters(result.filters, formatMinute, accountNamer(result.filters, containBidi, true)) : '';
  const screenNameOf = (h: SearchHit) => data.byId.get(h.userid)?.account.userScreenName ?? h.userScreenName;
  // The authors of the page's results are the accounts listed together: a name that reads as another's among them is shown with its id.
  const authorsWithIds = useMemo(() => accountsNeedingIds((result?.r.hits ?? []).map((h) => ({ id: h.userid, name: screenNameOf(h) }))), [result, data]);

  return (
    <div className="search-view">
      <h2 data-route-focus>Search tweets</h2>
      <form role="search" aria-label="Search tweets" className="filters" onSubmit={(e) => { e.preventDefault(); void run(0); }}>
        <Field className="filter wide" label={`Words or phrases (all must occur; "quotes" for a phrase)`}>{(id) => (<input id={id} type="search" dir="auto" value={form.query} onChange={set('query')} {...invalidity('query')} />)}</Field>
        <DayField label="From" value={form.from} onApply={(day) => setForm((f) => ({ ...f, from: day }))} describedBy="search-days-utc" refusedBy={refusedBy('from')} />
        <DayField label="To" value={form.to} onApply={(day) => setForm((f) => ({ ...f, to: day }))} describedBy="search-days-utc" refusedBy={refusedBy('to')} />
        <span id="search-days-utc" className="muted">UTC days, To included</span>
        <Field className="filter" label="Language">{(id) => (<select id={id} value={form.language} onChange={set('language')}><option value="">any</option>{languages.map((l) => <option key={l} value={optionValue(l)}>{l || '(empty)'}</option>)}</select>)}</Field>
        <Field className="filter" label="Account (id or @name)">{(id) => (<input id={id} type="text" dir="auto" value={form.account} onChange={set('account')} {...invalidity('account')} />)}</Field>
        <Field className="filter" label="Retweets">{(id) => (<select id={id} value={form.retweet} onChange={set('retweet')}><option value="">included</option><option value="only">only retweets</option><option value="exclude">no retweets</option></select>)}</Field>
        <Field className="filter" label="Hashtag">{(id) => (<input id={id} type="text" dir="auto" value={form.hashtag} onChange={set('hashtag')} {...invalidity('hashtag')} />)}</Field>
        <Field className="filter" label="Client">{(id) => (<select id={id} value={form.client} onChange={set('client')}><option value="">any</option>{clients.map((c) => <option key={c} value={optionValue(c)}>{c || '(empty)'}</option>)}</select>)}</Field>
        <Field className="filter" label="Linked domain">{(id) => (<input id={id} type="text" dir="auto" value={form.domain} onChange={set('domain')} placeholder="example.com" />)}</Field>
        <Field className="filter" label="Mentioned account">{(id) => (<input id={id} type="text" dir="auto" value={form.mentions} onChange={set('mentions')} placeholder="id or @name" {...invalidity('mentions')} />)}</Field>
        <Field className="filter" label="Retweeted account">{(id) => (<input id={id} type="text" dir="auto" value={form.retweets} onChange={set('retweets')} placeholder="id or @name" {...invalidity('retweets')} />)}</Field>
        <Field className="filter" label="Order">{(id) => (<select id={id} value={form.order} onChange={set('order')}><option value="">as in the files</option><option value="oldest">oldest first</option><option value="newest">newest first</option></select>)}</Field>
        <button type="submit" className="primary">Search</button>
        <button type="button" onClick={() => { setForm(EMPTY); setResult(null); setError(''); setRefusedFields([]); sessionStorage.removeItem(savedKey); }}>Clear</button>
      </form>
      <p role="status" aria-live="polite" data-testid="search-status" data-state={busy ? 'busy' : result?.counting ? 'counting' : result ? 'done' : 'idle'}>
        {/* The query in <bdi>: an Arabic or Hebrew query must not reorder the rest of the line. */}
        {busy || (result && (
          <>
            {result.counting ? `${result.r.count.toLocaleString('en')}+ tweets match` : countOf(result.r.count, 'tweet matches', 'tweets match')}
            {result.terms.length > 0 ? <> “<bdi>{result.query}</bdi>”</> : ' (no search words: every tweet the filters allow)'}
            {/* What the search left out of the words: an unpaired quote, invisible characters (a zero-width space inside a word). */}
            {result.terms.length > 0 ? ignoredNote(result.query) : ''}
            {filterText ? ` (${filterText})` : ''}
            {result.counting ? ' so far — counting…' : ''}
            {/* Shown, not said: the count is the news; a screen reader reading "in 123 ms" at every search drowned it. */}
            {!result.counting && <span aria-hidden="true">{` — ${Math.round(result.ms)} ms${result.loadMs ? `, text loaded in ${Math.round(result.loadMs)} ms` : ''}`}</span>}
          </>
        ))}
      </p>
      {/* Keyed by run: the same refusal given twice is a new alert, said again (an unchanged one is silent). */}
      {error && <p className="error" role="alert" id={errorId} key={runId.current}>{error}</p>}
      {/* A live region that is always there: a note inserted with a region of its own is not said. */}
      <div aria-live="polite">
        {operators.length > 0 && (
          <p className="muted" data-testid="search-no-operators">
            Search has no operators: {operators.map((w, i) => <span key={w}>{i > 0 && ', '}<code>{w}</code></span>)} {operators.length === 1 ? 'is searched as a word' : 'are searched as words'}, and every word must occur. Search each alternative on its own, or narrow with the filters.
          </p>
        )}
        {result && result.terms.length > 0 && /\p{Script=Arabic}/u.test(result.query) && (
          <p className="muted" data-testid="search-arabic-letters">
            {/* Each group isolated: side by side, right-to-left letters would run together and reorder. */}
            Arabic letters are searched as one: {ARABIC_LETTERS_ALIKE.map((g, i) => <span key={g[0]}>{i > 0 && ', '}<bdi>{g.join(' ')}</bdi></span>)}; harakat and tatweel are ignored.
          </p>
        )}
        {result && !result.counting && result.r.count === 0 && result.terms.some((t) => /[./]/.test(t)) && (
          <p className="muted" data-testid="search-text-only">
            Only the tweet text is searched: a link matches as the text writes it (often a t.co short link), not as the archive's urls column expands it. To find the tweets linking a site, give its domain in Linked domain (the Overview's Top URL domains link there too); the archive's links are also counted in the Co-URL network and, with an indicator file, the dataset's indicators (Datasets → Show indicators).
          </p>
        )}
      </div>
      {load && <LoadLine s={load} />}
      {result && (
        <>
          <div className="toolbar">
            {/* Pinned only with its final count. The query comes last in the title: an Arabic or Hebrew query in the middle pulled the counts after it into its right-to-left run. */}
            {!result.counting && result.r.count > 0 && <PinButton key={`${result.query}\u0000${filterText}\u0000${result.r.offset}`} label="this search" item={() => ({ kind: 'search', datasetId: data.dataset.id, title: `Search: ${countOf(result.r.count, 'tweet')}, results ${formatCount(result.r.offset + 1)}–${formatCount(result.r.offset + result.r.hits.length)} cited, ${result.query ? `for “${result.query}”` : 'with no search words'}${pinFilterText ? ` (${pinFilterText})` : ''}`, payload: { query: result.query, terms: result.terms, filters: result.filters, count: result.r.count, citedResults: { from: result.r.offset + 1, to: result.r.offset + result.r.hits.length }, citedTweetIds: result.r.hits.map((h) => h.tweetid), citedTweets: result.r.hits.map((h) => ({ tweetid: h.tweetid, userid: h.userid, userScreenName: h.userScreenName, time: formatMinute(h.tweetTime), text: h.tweetText })) }, provenance: result.r.hits.map((h) => h.provenance) })} />}
            {/* Disabled while exporting, not gone: its Cancel then takes the focus (focusIfLost), and the news of the end after that. */}
            {!result.counting && result.r.count > 0 && (
              <button type="button" disabled={exporting !== null} onClick={() => void exportAll(result)}>{result.r.count === 1 ? 'Export the 1 match as CSV' : `Export all ${countOf(result.r.count, 'match', 'matches')} as CSV`}</button>
            )}
            {/* On the first or last page the button pressed disables itself: focus goes on to the other one.
                No match: no pager ("Results 0–0 of 0" between two dead buttons); the count above says it. */}
            {(result.counting || result.r.count > 0) && <>
            <button type="button" ref={previousPage} disabled={result.r.offset === 0} onClick={() => { focusAfterTurn.current = nextPage; void run(Math.max(0, result.r.offset - PAGE)); }}>Previous page</button>
            {/* Said when it changes: a page turn keeps the focus on its button. */}
            <span aria-live="polite">Results {result.r.count ? result.r.offset + 1 : 0}–{result.r.offset + result.r.hits.length} of {result.r.count.toLocaleString('en')}{result.counting ? '+' : ''}</span>
            <button type="button" ref={nextPage} disabled={result.r.offset + PAGE >= result.r.count} onClick={() => { focusAfterTurn.current = previousPage; void run(result.r.offset + PAGE); }}>Next page</button>
            </>}
          </div>
          {exporting && <ExportProgress {...exporting} />}
          <p role="status" className="muted" data-testid="search-export">{exported.text && <span tabIndex={-1} ref={focusIfLost} key={exported.n}>{exported.text}</span>}</p>
          <ol className="results" start={result.r.offset + 1} aria-label="Search results">
            {result.r.hits.map((h) => {
              const acc = data.byId.get(h.userid);
              return (
                <li key={h.seq + ':' + h.row} className="tweet" data-tweetid={h.tweetid}>
                  <div className="tweet-meta muted">
                    <a href={hrefFor('explore', 'account', h.userid)} dir="auto" onClick={() => sessionStorage.setItem(openedKey, h.tweetid)}>@{screenNameOf(h)}</a>{authorsWithIds.has(h.userid) && <LookalikeId id={h.userid} />} · {[formatMinute(h.tweetTime), h.tweetLanguage || 'no language', h.tweetClientName, h.isRetweet ? 'retweet' : '', `id ${h.tweetid}`].filter(Boolean).join(' · ')}
                    {' '}<PinButton label={`tweet ${h.tweetid}`} item={() => ({ kind: 'tweet', datasetId: data.dataset.id, title: tweetTitle(h.tweetid, h.userScreenName, h.userid), payload: { ...h.archived, userDisplayName: acc?.account.userDisplayName ?? '', matchedQuery: result.query }, provenance: [h.provenance] })} />
                  </div>
                  <TweetText text={h.tweetText} lang={h.tweetLanguage} highlights={highlightRanges(h.tweetText, result.terms)} knownAccount={(id) => data.byId.has(id)} />
                </li>
              );
            })}
          </ol>
        </>
      )}
    </div>
  );
}

/** An export of every match under way: rows written of the total, rows/s, time left, and Cancel. */
function ExportProgress({ rows, total, started, cancel }: { rows: number; total: number; started: number; cancel: () => void }) {
  const seconds = (performance.now() - started) / 1000;
  const rate = seconds > 0.5 ? rows / seconds : 0;
  const left = rate > 0 ? ` · ${formatSeconds((total - rows) / rate)} left` : '';
  return (
    <div className="toolbar" data-testid="search-export-progress">
      <progress max={total} value={rows} aria-label="Export of the matches" />
      <span>Exporting: {formatCount(rows)} of {countOf(total, 'tweet')}{rate > 0 ? ` · ${formatCount(Math.round(rate))} tweets/s${left}` : ''}</span>
      <button type="button" ref={focusIfLost} onClick={cancel}>Cancel export</button>
    </div>
  );
}

/** How far the worker has loaded the dataset: searches run meanwhile, filtered ones wait for filter columns. */
function LoadLine({ s }: { s: LoadState }) {
  const ready = s.filtersMs !== undefined;
  const tweets = countOf(s.tweets, 'tweet');
  const text = ready
    ? `Search index ready: ${tweets} (text in ${(s.textMs! / 1000).toFixed(1)} s, filter columns in ${(s.filtersMs! / 1000).toFixed(1)} s).`
    : s.textMs === undefined
      ? s.blocks === 0
        ? 'Loading search text… Searches run over what is loaded and finish when all is.'
        : `Loading search text: ${formatCount(s.textBlocks)} of ${countOf(s.blocks, 'block')} (${tweets}). Searches run over what is loaded and finish when all is.`
      : `Search text loaded (${tweets}); filter columns: ${formatCount(s.filterBlocks)} of ${countOf(s.blocks, 'block')}. Searches with filters wait for them.`;
  return <p className="muted" data-testid="search-index" data-ready={ready ? 'true' : 'false'}>{text}</p>;
}

function readSavedSearch(key: string): { form: Form; query: string; filters: SearchFilters; offset: number } | null {
  try {
    const v = JSON.parse(sessionStorage.getItem(key) ?? 'null') as { form?: Partial<Form>; query?: string; filters?: SearchFilters; offset?: number } | null;
    return v && typeof v.query === 'string' && v.filters && typeof v.offset === 'number' ? { form: { ...EMPTY, ...v.form }, query: v.query, filters: v.filters, offset: v.offset } : null;
  } catch {
    return null;
  }
}

