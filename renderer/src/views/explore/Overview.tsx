import { useCallback, useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react';
import { focusIfLost } from '../../app/focusIfLost';
import { mergeEdges } from '../../store/read/edgeColumns';
import type { ChartOption } from '../../charts/echartsSetup';
import { ChartFigure } from '../../charts/ChartFigure';
import type { echarts } from '../../charts/echartsSetup';
import { searchClient } from '../../search/searchClient';
import type { RangeFacets } from '../../search/searchFacets';
import { normalizeForSearch } from '../../../../shared/domain/searchFold';
import { BURST_RULE, creationHistogram } from './creationBursts';
import type { DatasetRecord, ImportAggregates } from '../../store/schema';
import type { ExploreData } from './exploreData';
import { DayField } from './DayField';
import { Field } from './Field';
import { dayProblem } from '../../../../shared/domain/isoDay';
import { rhythmHeatmapOption } from './rhythmHeatmapOption';
import { dayIndexRange, dayOfMinute, everyDay, inRange, minuteOfDay, rhythmInZone, rhythmSummary, topEntries, tweetsPerDay, type MinuteRange } from './timeBuckets';
import { TopTable } from './TopTable';
import { searchLink } from './searchLink';
import { domainKey } from '../../../../shared/domain/domainKey';
import { countOf } from '../../import/formatters';
import { analystTimeZone, currentZoneName, saveTimeZone } from '../../app/analystTimeZone';

const fmt = (n: number) => n.toLocaleString('en');

/** ICU lists some zones under their older names; the current ones are what analysts type (ICU knows both). */

function zones(): string[] {
  const list = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  const current = list.map(currentZoneName).filter((z) => z !== 'UTC');
  return ['UTC', ...[...new Set(current)].sort()];
}

function barOption(entries: [string, number][], name: string): ChartOption {
  const rev = [...entries].reverse();
  return {
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: rev.map((e) => e[0] || '(empty)') },
    series: [{ type: 'bar', name, data: rev.map((e) => e[1]) }],
    tooltip: { trigger: 'axis' },
  };
}

/** Aggregates of a dataset without tweets (a users file alone): everything zero. */
const NO_TWEETS: ImportAggregates = {
  importId: '', datasetId: '', tweets: 0, retweets: 0, replies: 0, quotes: 0, tweetLanguages: {}, quarterHourCounts: {}, clientsByDay: {},
  hashtags: {}, urlDomains: {}, mentioned: {}, retweeted: {}, accountActivity: {}, edges: mergeEdges([]),
};

/**
 * What a dataset without tweets or Twitter accounts holds (indicator files, Reddit's list, rows the
 * import rejected: a spreadsheet-damaged file), and where to see it: empty account charts would read
 * as "no accounts were created".
 */
function noTwitterData(counts: DatasetRecord['counts']): string {
  const held = [
    counts.indicators ? [countOf(counts.indicators, 'indicator'), 'Show indicators'] : null,
    counts.redditAccounts ? [countOf(counts.redditAccounts, 'Reddit account'), 'Show Reddit accounts'] : null,
    counts.rejected ? [countOf(counts.rejected, 'rejected row'), 'Show quarantined rows'] : null,
  ].filter((h): h is string[] => h !== null);
  if (!held.length) return 'This dataset holds no tweets and no Twitter accounts: there is nothing to chart.';
  const what = held.map((h) => h[0]!);
  return `This dataset holds no tweets and no Twitter accounts, only ${what.length > 1 ? `${what.slice(0, -1).join(', ')} and ${what[what.length - 1]}` : what[0]}: see them on the Datasets page (${held.map((h) => h[1]).join(', ')}).`;
}

export function Overview({ data }: { data: ExploreData }) {
  const { dataset, accounts } = data;
  const ag = data.aggregates ?? NO_TWEETS;
  // The time filter lives for the browsing session, per dataset: back from a hashtag's tweets in Search, it is still set.
  const rangeKeyStored = `dw.overview.range.${dataset.id}`;
  const [range, setRange] = useState<MinuteRange>(() => storedRange(rangeKeyStored));
  useEffect(() => {
    if (range) sessionStorage.setItem(rangeKeyStored, JSON.stringify(range));
    else sessionStorage.removeItem(rangeKeyStored);
  }, [range, rangeKeyStored]);
  const [dateProblem, setDateProblem] = useState('');
  const dateProblemId = useId();
  /** A day typed but refused (the range it makes cannot be applied): shown in its box until a range is applied. */
  const [pending, setPending] = useState<{ from?: string; to?: string }>({});
  const fromInput = useRef<HTMLInputElement>(null);
  const [zone, setZone] = useState(analystTimeZone);
  useEffect(() => saveTimeZone(zone), [zone]);

  const perDay = useMemo(() => tweetsPerDay(ag.quarterHourCounts), [ag]);
  const hashed = useMemo(() => accounts.filter((a) => a.hashed).length, [accounts]);
  const accountLanguages = useMemo(() => {
    const c: Record<string, number> = {};
    for (const a of accounts) c[a.account.accountLanguage] = (c[a.account.accountLanguage] ?? 0) + 1;
    return c;
  }, [accounts]);
  const creation = useMemo(() => creationHistogram(accounts.map((a) => a.account.accountCreationDate)), [accounts]);
  const bursts = creation.days.filter((d) => d.burst);
  const rangeText = range ? `tweets from ${dayOfMinute(range.from)} to ${dayOfMinute(range.to - 1)} (UTC)` : 'all tweets';
  const caption = (extra = '') => `Dataset “${dataset.name}” (${dataset.id}); ${extra}${extra ? '; ' : ''}source: Disclosure Workbench`;
  const tweetsInRange = useMemo(() => {
    if (!range) return ag.tweets;
    let n = 0;
    for (const k in ag.quarterHourCounts) if (inRange(Number(k) * 15, range)) n += ag.quarterHourCounts[k]!;
    return n;
  }, [ag, range]);
  /** Said with a pinned chart that the time filter narrows. */
  const rangeFiltered = range ? `only ${rangeText}: ${fmt(tweetsInRange)} of ${countOf(ag.tweets, 'tweet')}` : undefined;

  // Volume: bars per UTC day; the slider/zoom range and a brushed span of days are the page's time filter.
  const [startIdx, endIdx] = dayIndexRange(perDay.days, range);
  const volumeOption = useMemo<ChartOption>(() => ({
    grid: { left: 8, right: 24, top: 32, bottom: 64, containLabel: true },
    xAxis: { type: 'category', data: perDay.days },
    yAxis: { type: 'value', name: 'tweets', minInterval: 1 },
    // Dragging over the bars brushes (selects) days; the wheel zooms, the slider pans and zooms.
    dataZoom: [{ type: 'inside', startValue: startIdx, endValue: endIdx, moveOnMouseMove: false }, { type: 'slider', startValue: startIdx, endValue: endIdx, bottom: 8 }],
    brush: { xAxisIndex: 0, brushType: 'lineX', brushMode: 'single', transformable: false, removeOnClick: true, throttleType: 'debounce', throttleDelay: 50, brushStyle: { color: 'rgba(25, 118, 210, 0.15)', borderColor: '#1976d2', borderWidth: 1 } },
    series: [{ type: 'bar', name: 'tweets per day', data: perDay.counts, large: true }],
    tooltip: { trigger: 'axis' },
  }), [perDay, startIdx, endIdx]);
  const onVolumeChart = useCallback((chart: echarts.ECharts) => {
    // The brush is always on (no toolbox button): a drag over the bars selects whole days.
    chart.dispatchAction({ type: 'takeGlobalCursor', key: 'brush', brushOption: { brushType: 'lineX', brushMode: 'single' } });
    chart.off('brushEnd');
    chart.on('brushEnd', (e) => {
      const area = (e as { areas?: { coordRange?: number[] }[] }).areas?.[0]?.coordRange;
      if (!area || area.length < 2 || perDay.days.length === 0) return;
      const last = perDay.days.length - 1;
      const a = Math.min(last, Math.max(0, Math.round(Math.min(area[0]!, area[1]!))));
      const b = Math.min(last, Math.max(0, Math.round(Math.max(area[0]!, area[1]!))));
      setRange(a === 0 && b === last ? null : { from: minuteOfDay(perDay.days[a]!), to: minuteOfDay(perDay.days[b]!) + 1440 });
    });
    chart.off('datazoom');
    chart.on('datazoom', () => {
      const z = (chart.getOption() as { dataZoom?: { startValue?: number; endValue?: number }[] }).dataZoom?.[0];
      if (!z || z.startValue === undefined || z.endValue === undefined || perDay.days.length === 0) return;
      const from = minuteOfDay(perDay.days[z.startValue]!);
      const to = minuteOfDay(perDay.days[z.endValue]!) + 1440;
      const all = z.startValue === 0 && z.endValue === perDay.days.length - 1;
      setRange(all ? null : { from, to });
    });
  }, [perDay]);

  // Days with no account created are bars of 0: the axis is spaced as time is.
  const creationOption = useMemo<ChartOption>(() => {
    const byDay = new Map(creation.days.map((d) => [d.day, d]));
    const days = everyDay(creation.days.map((d) => d.day));
    return {
      grid: { left: 8, right: 24, top: 32, bottom: 64, containLabel: true },
      xAxis: { type: 'category', data: days },
      yAxis: { type: 'value', name: 'accounts', minInterval: 1 },
      dataZoom: [{ type: 'inside' }, { type: 'slider', bottom: 8 }],
      series: [{
        type: 'bar', name: 'accounts created', large: true,
        data: days.map((day) => {
          const d = byDay.get(day);
          return d?.burst ? { value: d.count, itemStyle: { color: '#c62828' } } : (d?.count ?? 0);
        }),
        markLine: { silent: true, symbol: 'none', data: [{ yAxis: creation.threshold, name: 'burst threshold' }], label: { formatter: 'burst threshold', position: 'insideEndTop' } },
      }],
      tooltip: { trigger: 'axis' },
    };
  }, [creation]);

  const rhythm = useMemo(() => rhythmInZone(ag.quarterHourCounts, zone, range), [ag, zone, range]);
  const rhythmOption = useMemo(() => rhythmHeatmapOption(rhythm), [rhythm]);

  const clients = useMemo((): { option: ChartOption; top: [string, number][] } => {
    const byDay = ag.clientsByDay;
    const days = everyDay(Object.keys(byDay).filter((d) => inRange(minuteOfDay(d), range)).sort());
    const totals: Record<string, number> = {};
    for (const d of days) for (const c in byDay[d]) totals[c] = (totals[c] ?? 0) + byDay[d]![c]!;
    const topCounts = topEntries(totals, 6);
    const top = topCounts.map((e) => e[0]);
    const other = Object.keys(totals).length > top.length;
    const series = top.map((c) => ({ type: 'bar', stack: 'clients', name: c || '(empty)', data: days.map((d) => byDay[d]?.[c] ?? 0), large: true }));
    if (other) series.push({ type: 'bar', stack: 'clients', name: 'other', data: days.map((d) => Object.entries(byDay[d] ?? {}).filter(([c]) => !top.includes(c)).reduce((n, [, v]) => n + v, 0)), large: true });
    const option: ChartOption = {
      grid: { left: 8, right: 24, top: 56, bottom: 64, containLabel: true },
      legend: { type: 'scroll', top: 0 },
      xAxis: { type: 'category', data: days },
      yAxis: { type: 'value', name: 'tweets', minInterval: 1 },
      dataZoom: [{ type: 'inside' }, { type: 'slider', bottom: 8 }],
      series,
      tooltip: { trigger: 'axis' },
    };
    return { option, top: topCounts };
  }, [ag, range]);

  // Languages, hashtags, URL domains, mentions and retweets in the range: recounted by the search worker from its filter
  // columns (the stored aggregates hold them per dataset only).
  const rangeKey = range ? `${range.from}-${range.to}` : '';
  const [facets, setFacets] = useState<{ key: string; f: RangeFacets } | null>(null);
  const [facetsError, setFacetsError] = useState('');
  useEffect(() => {
    if (!range || ag.tweets === 0) return;
    let live = true;
    setFacetsError('');
    searchClient.facets(dataset.id, range.from, range.to).then(
      (f) => live && setFacets({ key: rangeKey, f }),
      (e: unknown) => live && setFacetsError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- rangeKey stands for range
  }, [dataset.id, rangeKey, ag.tweets]);
  const rf = range && facets?.key === rangeKey ? facets.f : null;
  /** What the top tables count: said in their exports. */
  const topScope = rf ? rangeText : 'all tweets';
  const tweetLangs = useMemo(() => topEntries(rf ? rf.languages : ag.tweetLanguages, 15), [ag, rf]);
  const accountLangs = useMemo(() => topEntries(accountLanguages, 15), [accountLanguages]);

  const dateInput = (label: string, value: string, onApply: (v: string) => void, inputRef?: RefObject<HTMLInputElement | null>) => (
    <DayField label={label + ' '} className="inline-field" value={value} onApply={onApply} inputRef={inputRef} refusedBy={dateProblem ? dateProblemId : undefined} />
  );
  const fromDay = range ? dayOfMinute(range.from) : perDay.days[0] ?? '';
  const toDay = range ? dayOfMinute(range.to - 1) : perDay.days[perDay.days.length - 1] ?? '';
  const setDays = (from: string, to: string, side: 'from' | 'to') => {
    // A range that cannot be applied is said, and the day typed stays in its box (not in force) so
    // that the other day can be typed next: From moved past To, then To moved, gives the range typed.
    const first = perDay.days[0] ?? '';
    const last = perDay.days[perDay.days.length - 1] ?? '';
    const refuse = (problem: string) => {
      setPending((p) => ({ ...p, [side]: side === 'from' ? from : to }));
      setDateProblem(`${problem} The range was not changed: ${fromDay} to ${toDay}.`);
    };
    // A text that is not a day is said under its own field, and changes nothing.
    if (dayProblem(from) || dayProblem(to)) return;
    if (!from || !to) return setDateProblem('');
    if (from > to) return refuse(`The From day (${from}) is after the To day (${to}).`);
    if (from > last || to < first) return refuse(`No tweet of this dataset falls from ${from} to ${to}: its tweets run from ${first} to ${last}.`);
    setDateProblem('');
    setPending({});
    setRange(from === perDay.days[0] && to === perDay.days[perDay.days.length - 1] ? null : { from: minuteOfDay(from), to: minuteOfDay(to) + 1440 });
  };

  return (
    <div className="explore-overview">
      <section aria-labelledby="counts-title" className="counts">
        <h2 id="counts-title">Counts</h2>
        <dl className="stat-grid" data-testid="counts">
          <div><dt>Accounts</dt><dd data-stat="accounts">{fmt(accounts.length)}</dd></div>
          <div><dt>hashed</dt><dd data-stat="hashed">{fmt(hashed)}</dd></div>
          <div><dt>clear (numeric id)</dt><dd data-stat="clear">{fmt(accounts.length - hashed)}</dd></div>
          <div><dt>Tweets</dt><dd data-stat="tweets">{fmt(ag.tweets)}</dd></div>
          <div><dt>retweets</dt><dd data-stat="retweets">{fmt(ag.retweets)}</dd></div>
          <div><dt>replies</dt><dd data-stat="replies">{fmt(ag.replies)}</dd></div>
          <div><dt>quotes</dt><dd data-stat="quotes">{fmt(ag.quotes)}</dd></div>
          <div><dt>tweet languages</dt><dd data-stat="tweet-languages">{fmt(Object.keys(ag.tweetLanguages).length)}</dd></div>
          <div><dt>account languages</dt><dd data-stat="account-languages">{fmt(Object.keys(accountLanguages).length)}</dd></div>
        </dl>
      </section>

      {ag.tweets === 0 && (accounts.length > 0
        ? <p className="muted" data-testid="no-tweets">This dataset holds no tweets: only account charts are shown.</p>
        : <p className="muted" data-testid="no-tweets">{noTwitterData(dataset.counts)}</p>)}
      {ag.tweets > 0 && <>
      <section aria-labelledby="filter-title" className="range-filter">
        <h2 id="filter-title">Time filter</h2>
        <p className="muted">Drag across the “Tweet volume” bars to select days, drag the slider under them, or pick dates (whole UTC days, To included, whatever time zone the charts use): the range filters the posting rhythm, client and tweet-language panels and the top hashtags, URL domains, mentioned and retweeted accounts, and counts the retweets in it. The account panels are whole-dataset totals.</p>
        <div className="toolbar">
          {dateInput('From', pending.from ?? fromDay, (v) => setDays(v, pending.to ?? toDay, 'from'), fromInput)}
          {dateInput('To', pending.to ?? toDay, (v) => setDays(pending.from ?? fromDay, v, 'to'))}
          {/* The button disables itself: focus goes on to the From day rather than to the page. */}
          <button type="button" onClick={() => { setRange(null); setDateProblem(''); setPending({}); requestAnimationFrame(() => focusIfLost(fromInput.current)); }} disabled={!range}>Show all</button>
          <span role="status" data-testid="range-status">{range ? `${fmt(tweetsInRange)} of ${countOf(ag.tweets, 'tweet')} in range` : `${ag.tweets === 1 ? '' : 'All '}${countOf(ag.tweets, 'tweet')}`}</span>
          {/* Both days are marked: a range is refused as a whole (From after To, or outside the dataset's days). */}
          {dateProblem && <span role="alert" className="error" id={dateProblemId}>{dateProblem}</span>}
        </div>
        {range && (
          <p role="status" className="muted" data-testid="range-facets" data-ready={rf ? 'true' : 'false'}>
            {facetsError ? `Range languages, hashtags, URL domains, mentions and retweets unavailable: ${facetsError}` : rf ? `In range: ${fmt(rf.retweets)} retweets; the tweet languages, top hashtags, URL domains, mentioned and retweeted accounts below are for the range.` : 'Counting languages, hashtags, URL domains, mentions and retweets in the range (the search index loads first)…'}
          </p>
        )}
      </section>

      <ChartFigure id="volume" filtered={rangeFiltered} title="Tweet volume per day (UTC)" datasetId={dataset.id} option={volumeOption} onChart={onVolumeChart} height={300}
        caption={caption(`${rangeText}; bars = tweets per UTC day`)} summary={`${countOf(perDay.days.length, 'day')} from ${perDay.days[0]} to ${perDay.days[perDay.days.length - 1]}, peak ${countOf(Math.max(0, ...perDay.counts), 'tweet')} per day.`} />

 </>}

      {accounts.length > 0 && <>
      <ChartFigure id="creation" title="Account creation per day" datasetId={dataset.id} option={creationOption} height={300}
        caption={caption(`${accounts.length === 1 ? '1 account' : `all ${fmt(accounts.length)} accounts`}; burst rule: ${BURST_RULE} (median ${creation.median}, MAD ${creation.mad}, threshold ${creation.threshold})`)}
        summary={`${bursts.length} burst days flagged.`}>
        <div data-testid="bursts">
          <p>Burst rule: {BURST_RULE}. Threshold here: more than {creation.threshold} accounts in a day. {creation.undated ? `${countOf(creation.undated, 'account has', 'accounts have')} no creation date.` : ''}</p>
          {bursts.length ? (
            <ul className="burst-list">{bursts.map((b) => <li key={b.day}><strong>{b.day}</strong>: {countOf(b.count, 'account')} created</li>)}</ul>
          ) : <p>No burst day.</p>}
        </div>
      </ChartFigure>
      </>}

      {ag.tweets > 0 && <>
      <ChartFigure id="rhythm" filtered={rangeFiltered} title={`Posting rhythm, hour × weekday (${zone})`} datasetId={dataset.id} option={rhythmOption} height={300}
        caption={caption(`${rangeText}; time zone ${zone} (exact per 15-minute bucket, daylight saving applied${rhythm.straddled ? `; ${countOf(rhythm.straddled, 'tweet')} in 15-minute buckets with a clock change inside are placed by the offset at the bucket's start` : ''})`)} summary={rhythmSummary(rhythm, zone)}>
        <Field label="Time zone " className="inline-field">
          {(id) => (
            <select id={id} value={zone} onChange={(e) => setZone(e.target.value)}>
              {zones().map((z) => <option key={z} value={z}>{z}</option>)}
            </select>
          )}
        </Field>
      </ChartFigure>

      <ChartFigure id="clients" filtered={rangeFiltered} title="Client apps over time (UTC days)" datasetId={dataset.id} option={clients.option} height={320}
        caption={caption(`${rangeText}; top 6 clients, the rest as “other”`)} summary={`Tweets per day stacked by client app; in this range: ${clients.top.map(([c, n]) => `${c || '(empty)'} ${fmt(n)}`).join(', ') || 'none'}.`} />
      </>}

      <div className="two-col">
        {ag.tweets > 0 && <ChartFigure id="tweet-languages" filtered={rf ? rangeFiltered : undefined} title="Tweet languages" datasetId={dataset.id} option={barOption(tweetLangs, 'tweets')} caption={caption(`${rf ? rangeText : 'all tweets'}; top 15 languages as archived`)}
          summary={tweetLangs.map(([l, n]) => `${l || '(empty)'} ${n}`).join(', ')} />}
        {accounts.length > 0 && <ChartFigure id="account-languages" title="Account languages" datasetId={dataset.id} option={barOption(accountLangs, 'accounts')} caption={caption('all accounts; top 15 account languages (lower-cased)')}
          summary={accountLangs.map(([l, n]) => `${l || '(empty)'} ${n}`).join(', ')} />}
      </div>

      {ag.tweets > 0 && <div className="top-tables">
        <TopTable title={rf ? 'Top hashtags in range' : 'Top hashtags'} counts={rf ? rf.hashtags : ag.hashtags} prefix="#" data={data} fold={normalizeForSearch} scope={topScope}
          linkTo={(hashtag) => searchLink(rf ? { hashtag, from: fromDay, to: toDay } : { hashtag })} />
        <TopTable title={rf ? 'Top URL domains in range' : 'Top URL domains'} counts={rf ? rf.urlDomains : ag.urlDomains} data={data} fold={domainKey} domains scope={topScope}
          linkTo={(domain) => searchLink(rf ? { domain, from: fromDay, to: toDay } : { domain })} />
        <TopTable title={rf ? 'Most mentioned accounts in range' : 'Most mentioned accounts'} counts={rf ? rf.mentioned : ag.mentioned} data={data} accounts scope={topScope}
          countLink={{ what: ['tweet mentioning', 'tweets mentioning'], to: (mentions) => searchLink(rf ? { mentions, from: fromDay, to: toDay } : { mentions }) }} />
        <TopTable title={rf ? 'Most retweeted accounts in range' : 'Most retweeted accounts'} counts={rf ? rf.retweeted : ag.retweeted} data={data} accounts scope={topScope}
          countLink={{ what: ['retweet of', 'retweets of'], to: (retweets) => searchLink(rf ? { retweets, from: fromDay, to: toDay } : { retweets }) }}
          empty={unnamedRetweets(rf ? rf.retweets : ag.retweets)} />
      </div>}
    </div>
  );
}

/** A time filter kept for the session (sessionStorage), if it is one. */
function storedRange(key: string): MinuteRange {
  try {
    const r = JSON.parse(sessionStorage.getItem(key) ?? 'null') as { from?: unknown; to?: unknown } | null;
    return r && typeof r.from === 'number' && typeof r.to === 'number' && r.from < r.to ? { from: r.from, to: r.to } : null;
  } catch {
    return null;
  }
}

/** Why "Most retweeted accounts" is empty: no retweets, or retweets that name no account (FiveThirtyEight's rows carry no retweet_userid and often no "RT @name:"). */
function unnamedRetweets(retweets: number): string {
  return retweets === 0 ? 'none: no retweets' : `none: the ${countOf(retweets, 'retweet')} ${retweets === 1 ? 'names' : 'name'} no retweeted account (no retweet_userid, no “RT @name:” at the start of the text)`;
}
