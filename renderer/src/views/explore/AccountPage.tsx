import { containBidi } from '../../../../shared/domain/bidiIsolate';
import { compareIds } from '../../../../shared/domain/ids';
import { useVirtualizer } from '@tanstack/react-virtual';
import { edgeTriples } from '../../store/read/edgeColumns';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { hrefFor } from '../../app/routes';
import { useFocusKeptInList } from '../../app/useFocusKeptInList';
import type { ChartOption } from '../../charts/echartsSetup';
import { ChartFigure } from '../../charts/ChartFigure';
import { PinButton } from '../../pins/PinButton';
import { db } from '../../store/database';
import { readTweetBlocks } from '../../store/read/datasetReader';
import { tweetAt } from '../../../../shared/archive/columns';
import type { Tweet } from '../../../../shared/domain/tweet';
import type { ExploreData } from './exploreData';
import { mentionPairings, type TweetForPairing } from './mentionFindings';
import { randomHandleReasons } from './randomHandle';
import { searchLink } from './searchLink';
import { normalizeForSearch } from '../../../../shared/domain/searchFold';
import { formatMinute, rhythmInZone, rhythmSummary, tweetsPerDay } from './timeBuckets';
import { rhythmHeatmapOption } from './rhythmHeatmapOption';
import { TweetText } from './TweetText';
import { LookalikeId } from './LookalikeId';
import { accountsNeedingIds } from '../../../../shared/domain/lookalikeNames';
import { tweetTitle } from '../../pins/accountTitles';
import { analystTimeZone } from '../../app/analystTimeZone';
import { countOf } from '../../import/formatters';
import { accountPinItem } from './accountPinItem';
import { SpellingsNote } from './SpellingsNote';
import { foldCounts } from '../../../../shared/domain/foldedCounts';

interface AccountTweet extends TweetForPairing {
  time: number;
  lang: string;
  client: string;
  isRetweet: boolean;
  inReplyToUserid: string;
  retweetUserid: string;
  /** The whole row as archived: what a pin quotes (names, counts, lists). */
  archived: Tweet;
}

const fmt = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n.toLocaleString('en'));

/** One account: profile as archived, activity, its network neighbours, its tweets (read from its blocks only). */
const EDGE_ROWS = 15;
/** Rows of the account's clients, languages and hashtags. */
const COUNT_ROWS = 10;

export function AccountPage({ data, userid, missing }: { data: ExploreData; userid: string; missing?: ReactNode }) {
  const row = data.byId.get(userid);
  const act = row?.activity ?? data.aggregates?.accountActivity[userid];
  const [tweets, setTweets] = useState<AccountTweet[] | null>(null);
  const zone = analystTimeZone();

  useEffect(() => {
    let live = true;
    setTweets(null);
    void (async () => {
      const out: AccountTweet[] = [];
      for await (const b of readTweetBlocks(db, data.dataset.id, act?.blocks ?? [])) {
        const c = b.columns;
        for (let i = 0; i < c.length; i++) {
          if (c.userid[i] !== userid) continue;
          const a = tweetAt(c, i, row?.account.userDisplayName);
          out.push({
            tweetid: a.tweetid, text: a.tweetText, userMentions: a.userMentions, time: a.tweetTime, lang: a.tweetLanguage,
            client: a.tweetClientName, isRetweet: a.isRetweet, inReplyToUserid: a.inReplyToUserid, retweetUserid: a.retweetUserid,
            provenance: a.provenance, archived: a,
          });
        }
      }
      out.sort((a, b) => a.time - b.time || compareIds(a.tweetid, b.tweetid)); // ids as numbers: later tweets have larger ids
      if (live) setTweets(out);
    })();
    return () => {
      live = false;
    };
  }, [data, userid, act]);

  const quarter = useMemo(() => {
    const q: Record<number, number> = {};
    for (const t of tweets ?? []) q[Math.floor(t.time / 15)] = (q[Math.floor(t.time / 15)] ?? 0) + 1;
    return q;
  }, [tweets]);
  const perDay = useMemo(() => tweetsPerDay(quarter), [quarter]);
  const rhythm = useMemo(() => rhythmInZone(quarter, zone), [quarter, zone]);

  const neighbours = useMemo(() => {
    const out: Record<string, [string, number][]> = {};
    const inn: Record<string, [string, number][]> = {};
    const edges = data.aggregates?.edges;
    for (const kind of ['retweet', 'mention', 'reply', 'quote'] as const) {
      out[kind] = [];
      inn[kind] = [];
      for (const [s, t, n] of edges ? edgeTriples(edges, kind) : []) {
        if (s === userid) out[kind]!.push([t, n]);
        if (t === userid) inn[kind]!.push([s, n]);
      }
      out[kind]!.sort((a, b) => b[1] - a[1]);
      inn[kind]!.sort((a, b) => b[1] - a[1]);
    }
    return { out, inn };
  }, [data, userid]);

  const pairings = useMemo(() => mentionPairings(tweets ?? [], data.names), [tweets, data]);

  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: tweets?.length ?? 0, getScrollElement: () => scroller.current, estimateSize: () => 96, overscan: 6 });
  // The list appears once the tweets are read.
  useFocusKeptInList(scroller, tweets !== null);

  if (!row && !act) return missing ?? <p role="alert">No account with id <code>{userid}</code> in this dataset.</p>;
  const a = row?.account;
  const name = a ? `@${containBidi(a.userScreenName)}` : userid;
  // A hashed account's screen name is its id, the same hash: named once, as its pin titles name it.
  const caption = `Dataset “${data.dataset.name}”; account ${a && a.userScreenName !== userid ? `${name} (${userid})` : userid}`;
  const known = (id: string) => data.byId.has(id);
  /** The account by name, with its id where `withIds` (accountsNeedingIds of the accounts listed with it) says so. */
  const accountLink = (id: string, withIds: ReadonlySet<string>) => {
    const r = data.byId.get(id);
    return r ? <><a href={hrefFor('explore', 'account', id)} dir="auto">@{r.account.userScreenName}</a>{withIds.has(id) && <LookalikeId id={id} />}</> : <span dir="auto" className="break">{id}</span>;
  };
  /** Of these accounts, those to show with their id: compared with each other and with this page's account ("Mentioned by @NewsAgency" on @newsagency's page is not a self-mention). */
  const needingIds = (ids: string[]) => {
    const named = [userid, ...ids].flatMap((id) => { const n = data.byId.get(id)?.account.userScreenName; return n ? [{ id, name: n }] : []; });
    return accountsNeedingIds(named);
  };

  const timelineOption: ChartOption = {
    grid: { left: 8, right: 24, top: 32, bottom: 56, containLabel: true },
    xAxis: { type: 'category', data: perDay.days },
    yAxis: { type: 'value', name: 'tweets', minInterval: 1 },
    dataZoom: [{ type: 'inside' }, { type: 'slider', bottom: 8 }],
    series: [{ type: 'bar', name: 'tweets per day', data: perDay.counts }],
    tooltip: { trigger: 'axis' },
  };
  const rhythmOption = rhythmHeatmapOption(rhythm);

  /** The top 10 of `counts`, saying so when there are more; with `fold`, the spellings that fold to one key as one row (their counts summed). */
  const Counts = ({ title, counts, fold, noun }: { title: string; counts: Record<string, number>; fold?: (s: string) => string; noun: string }) => {
    const all = foldCounts(counts, fold);
    const rows = all.slice(0, COUNT_ROWS);
    return (
      <section className="top-table" aria-label={title}>
        <h3>{title}{all.length > COUNT_ROWS ? `: top ${COUNT_ROWS} of ${countOf(all.length, noun)}` : ''}</h3>
        {rows.length ? (
          <table aria-label={title}>
            <thead><tr><th scope="col">{noun[0]!.toUpperCase() + noun.slice(1)}</th><th scope="col">Tweets</th></tr></thead>
            <tbody>{rows.map((r) => <tr key={r.value}><td dir="auto">{r.value || '(empty)'}<SpellingsNote row={r} /></td><td>{fmt(r.count)}</td></tr>)}</tbody>
          </table>
        ) : <p className="muted">none</p>}
      </section>
    );
  };
  /** Accounts with the number of tweets between them: the first EDGE_ROWS, and how many there are. */
  const EdgeList = ({ title, list }: { title: string; list: [string, number][] }) => {
    const shown = list.slice(0, EDGE_ROWS);
    const withIds = needingIds(shown.map(([k]) => k));
    return (
      <section className="top-table" aria-label={title}>
        <h3>{title}: {list.length > EDGE_ROWS ? `top ${EDGE_ROWS} of ${countOf(list.length, 'account')}` : countOf(list.length, 'account')}</h3>
        {/* No empty table (a screen reader announces a table of no rows and no headers). */}
        {list.length > 0 && (
          <table aria-label={title}>
            <thead><tr><th scope="col">Account</th><th scope="col">Tweets</th></tr></thead>
            <tbody>{shown.map(([k, n]) => <tr key={k}><td>{accountLink(k, withIds)}</td><td>{fmt(n)}</td></tr>)}</tbody>
          </table>
        )}
      </section>
    );
  };

  return (
    <div className="account-page">
      <p><a href={hrefFor('explore', 'accounts')}>← All accounts</a></p>
      <div className="explore-head">
        <h2 dir="auto" data-route-focus>{name}</h2>
        <PinButton label={`account ${name}`} item={() => accountPinItem(data, userid)} />
      </div>
      {a ? (
        <dl className="profile" data-testid="profile">
          <div><dt>User id</dt><dd className="break">{a.userid}{row?.hashed ? ' (hashed)' : ''}</dd></div>
          <div><dt>Screen name</dt><dd dir="auto" className="break"><bdi>{a.userScreenName}</bdi>{row?.randomHandle ? ` — random-looking (${randomHandleReasons(a.userScreenName).join(', ')})` : ''}</dd></div>
          <div><dt>Display name</dt><dd dir="auto" className="break pre">{a.userDisplayName}</dd></div>
          <div><dt>Location</dt><dd dir="auto" className="break pre">{a.userReportedLocation}</dd></div>
          <div><dt>Description</dt><dd className="pre"><TweetText text={a.userProfileDescription} /></dd></div>
          <div><dt>Profile URL</dt><dd className="break">{a.userProfileUrl}</dd></div>
          <div><dt>Followers</dt><dd>{fmt(a.followerCount)}</dd></div>
          <div><dt>Following</dt><dd>{fmt(a.followingCount)}</dd></div>
          <div><dt>Created</dt><dd>{a.accountCreationDate}</dd></div>
          <div><dt>Account language</dt><dd>{a.accountLanguageRaw}</dd></div>
          <div><dt>Source</dt><dd className="break">{row?.account.fromUsersFile ? 'users file' : 'tweet rows'}, row {a.provenance.row}, file SHA-256 {a.provenance.fileSha256}</dd></div>
        </dl>
      ) : <p>Not in the users file; seen only in tweets.</p>}
      {act && (
        <dl className="stat-grid" data-testid="activity">
          <div><dt>Tweets</dt><dd data-stat="tweets">{fmt(act.tweets)}</dd></div>
          <div><dt>retweets</dt><dd>{fmt(act.retweets)}</dd></div>
          <div><dt>replies</dt><dd>{fmt(act.replies)}</dd></div>
          <div><dt>quotes</dt><dd>{fmt(act.quotes)}</dd></div>
          <div><dt>First tweet</dt><dd>{formatMinute(act.firstTweetTime)}</dd></div>
          <div><dt>Last tweet</dt><dd>{formatMinute(act.lastTweetTime)}</dd></div>
          {act.days && <div><dt>Active days</dt><dd data-stat="active-days">{fmt(act.days.length)}</dd></div>}
        </dl>
      )}
      {act && act.tweets > 0 && <p><a href={searchLink({ account: userid })}>Its tweets in Search</a>: to search, filter or export them as CSV.</p>}
      {tweets && tweets.length > 0 && (
        <div className="two-col">
          <ChartFigure id="account-timeline" title="Activity per day (UTC)" datasetId={data.dataset.id} option={timelineOption} caption={caption} summary={`${countOf(tweets.length, 'tweet')} over ${countOf(perDay.days.length, 'day')}.`} />
          <ChartFigure id="account-rhythm" title={`Rhythm (${zone})`} datasetId={data.dataset.id} option={rhythmOption} caption={`${caption}; time zone ${zone}${rhythm.straddled ? ` (${countOf(rhythm.straddled, 'tweet')} in 15-minute buckets with a clock change inside are placed by the offset at the bucket's start)` : ''}`} summary={rhythmSummary(rhythm, zone)} />
        </div>
      )}
      {act && (
        <div className="top-tables">
          <Counts title="Clients" counts={act.clients} noun="client" />
          <Counts title="Languages" counts={act.languages} noun="language" />
          <Counts title="Hashtags" counts={act.hashtags} fold={normalizeForSearch} noun="hashtag" />
        </div>
      )}
      <div className="top-tables">
        <EdgeList title="Retweets" list={neighbours.out.retweet!} />
        <EdgeList title="Mentions" list={neighbours.out.mention!} />
        <EdgeList title="Replies to" list={neighbours.out.reply!} />
        <EdgeList title="Quotes" list={neighbours.out.quote!} />
        <EdgeList title="Amplified by (retweeted by)" list={neighbours.inn.retweet!} />
        <EdgeList title="Mentioned by" list={neighbours.inn.mention!} />
        <EdgeList title="Replied to by" list={neighbours.inn.reply!} />
        <EdgeList title="Quoted by" list={neighbours.inn.quote!} />
      </div>
      {pairings.length > 0 && (
        <section aria-labelledby="findings-title" data-testid="mention-findings">
          <h3 id="findings-title">Finding: hashed mentions paired with numeric ids</h3>
          <p className="muted">In these tweets the text mentions one hashed handle and the archive’s user_mentions column holds one numeric id not explained by a clear handle in the same text.</p>
          <ul>
            {pairings.map((p) => (
              <li key={p.hash + p.numericId}>
                <span className="break">@{known(p.hash) ? <a href={hrefFor('explore', 'account', p.hash)}>{p.hash}</a> : p.hash}</span> ↔ numeric id <code>{p.numericId}</code>
                {data.byId.has(p.numericId) && <> ({accountLink(p.numericId, needingIds([p.numericId]))})</>}: {p.tweets.length} supporting row{p.tweets.length > 1 ? 's' : ''} —{' '}
                {p.tweets.slice(0, 5).map((t) => `tweet ${t.tweetid} (row ${t.provenance.row})`).join('; ')}{p.tweets.length > 5 ? '; …' : ''}
                {' '}<PinButton label={`pairing ${p.hash} with ${p.numericId}`} item={() => ({ kind: 'account', datasetId: data.dataset.id, title: `Hashed @${p.hash} paired with id ${p.numericId}`, payload: { finding: 'hashed-mention-pairing', ...p }, provenance: p.tweets.map((t) => t.provenance) })} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="tweets-title">
        <h3 id="tweets-title">Tweets {tweets ? `(${tweets.length.toLocaleString('en')})` : ''}</h3>
        {!tweets ? <p role="status">Reading this account’s {countOf(act?.blocks.length ?? 0, 'block')}…</p> : tweets.length === 0 ? (
          <p className="muted" data-testid="account-no-tweets">This account posted no tweet in this dataset.</p>
        ) : (
          <div ref={scroller} className="tweet-scroll" tabIndex={0} role="list" aria-label={`Tweets of ${name}`}>
            <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
              {virtual.getVirtualItems().map((v) => {
                const t = tweets[v.index]!;
                return (
                  // A div: an <article> may not take the listitem role (axe: aria-allowed-role).
                  <div role="listitem" key={t.tweetid} data-index={v.index} ref={virtual.measureElement} className="tweet" style={{ transform: `translateY(${v.start}px)` }}>
                    <div className="tweet-meta muted">
                      {[formatMinute(t.time), t.lang || 'no language', t.client, t.isRetweet ? 'retweet' : '', `id ${t.tweetid}`].filter(Boolean).join(' · ')}
                      {' '}<PinButton label={`tweet ${t.tweetid}`} item={() => ({ kind: 'tweet', datasetId: data.dataset.id, title: tweetTitle(t.tweetid, a?.userScreenName ?? '', userid), payload: { ...t.archived }, provenance: [t.provenance] })} />
                    </div>
                    <TweetText text={t.text} lang={t.lang} knownAccount={known} />
                  </div>
                );
              })}
            </div>
          </div>
        )}
      </section>
    </div>
  );
}
