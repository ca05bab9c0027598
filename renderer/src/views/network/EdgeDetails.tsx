import { useEffect, useRef, useState } from 'react';
import type { Provenance } from '../../../../shared/domain/provenance';
import { PinButton } from '../../pins/PinButton';
import type { EvidenceItemDraft } from '../../pins/pinApi';
import { KIND_LABELS, type AnalysisKind, type AnalysisProgress, type EdgeTweet, type NetEdge, type NetNode, type NetworkModel, type NetPair } from '../../network/networkModel';
import { progressText } from './progressText';
import { nodeLabel } from '../../network/viewGraph';
import { fmt } from './format';
import { closeOnEscape } from './closeOnEscape';
import { formatMinute } from '../explore/timeBuckets';
import { containBidi } from '../../../../shared/domain/bidiIsolate';
import { focusInView } from '../../app/focusIfLost';
import { edgeAccountsTitle, userIdNote } from '../../pins/accountTitles';

const PAIRS_SHOWN = 200;
/** Interaction kinds record the tweets behind each edge (in the analysis worker). */
/** Edges whose tweets the analysis worker can list: interactions, and co-use (the tweets using the shared items). */
const TWEET_EDGE_KINDS: ReadonlySet<AnalysisKind> = new Set(['retweet', 'mention', 'reply', 'quote', 'cohashtag', 'courl']);
/** What a self-loop of an interaction network records (a mention of oneself is no edge). */
const SELF_LOOP: Partial<Record<AnalysisKind, string>> = {
  retweet: 'the account retweeted its own tweets', reply: 'the account replied to its own tweets', quote: 'the account quoted its own tweets',
};
const OBJECT_LABEL: Partial<Record<AnalysisKind, string>> = {
  retweet: 'Retweeted tweet', mention: 'Mentioned account', reply: 'Replied-to tweet', quote: 'Quoted tweet', cohashtag: 'Shared hashtags', courl: 'Shared links',
};

/** onProgress: how reading the dataset's tweets again goes, when the shown network let go of them (while another built). */
export type LoadEdgeTweets = (edgeIndex: number, limit: number, onProgress?: (p: AnalysisProgress) => void) => Promise<{ total: number; tweets: EdgeTweet[] }>;

/** The edge as the page names it: each account by name, with its id where it may pass for another shown (`withIds`). */
function edgeTitle(e: NetEdge, nodes: Map<string, NetNode>, withIds: ReadonlySet<string>): string {
  const name = (id: string) => (nodes.get(id) ? nodeLabel(nodes.get(id)!, containBidi) : id) + (withIds.has(id) ? ` ${userIdNote(id)}` : '');
  return `${name(e.source)} ${e.directed ? '→' : '—'} ${name(e.target)}`;
}

/** The edge in pin titles: both accounts with their user ids, always (the case may later hold a lookalike). */
function edgePinTitle(e: NetEdge, nodes: Map<string, NetNode>): string {
  const end = (id: string) => ({ id, screenName: nodes.get(id)?.screenName ?? '' });
  return edgeAccountsTitle(end(e.source), end(e.target), e.directed);
}

/** The source rows of the pairs, each once (a post acting within the window of two others is in two pairs). */
const provs = (pairs: NetPair[]): Provenance[] => {
  const seen = new Set<string>();
  return pairs.flatMap((p) => [p.provenanceA, p.provenanceB]).filter((p): p is Provenance => {
    if (p === null) return false;
    const key = `${p.fileSha256}:${p.byteOffset}`;
    return !seen.has(key) && !!seen.add(key);
  });
};

/** An edge and the post pairs behind it; each pair, and the whole edge, can be pinned as evidence. */
export function EdgeDetails({ edge, model, nodes, withIds, loadTweets, onClose }: {
  edge: NetEdge; model: NetworkModel; nodes: Map<string, NetNode>;
  /** Accounts shown with their id (accountsNeedingIds over the accounts the view shows together). */
  withIds: ReadonlySet<string>;
  loadTweets?: LoadEdgeTweets;
  /** Escape within the details closes them (the view puts the focus back where they were opened from). */
  onClose?: () => void;
}) {
  const title = edgeTitle(edge, nodes, withIds);
  const pinTitle = edgePinTitle(edge, nodes);
  const kind = model.request.kind;
  // Pin titles name the kind in words, as the view does ("Co-retweet (coordination) edge …", not "coretweet edge").
  const kindText = KIND_LABELS[kind];
  // Keyboard users land on the details (they come after the long edge table in the page), not back at the table's top.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => focusInView(heading.current), [edge.index]);
  const base = { datasetId: model.request.datasetId };
  const edgePayload = {
    kind, source: edge.source, target: edge.target, weight: edge.weight, expectedWeight: edge.expectedWeight,
    pValue: edge.pValue, qValue: edge.qValue, significant: edge.significant, windows: edge.windows, stable: edge.stable,
    parameters: model.receipt.parameters, receipt: model.receipt,
    // Times as UTC text, as the post-pair pins give them (stored minutes would print as bare integers);
    // each post's exact text, which the report prints (the source excerpts hold the rows' bytes).
    pairs: (edge.pairs ?? []).map(({ provenanceA: _a, provenanceB: _b, ...p }) => ({ ...p, timeA: formatMinute(p.timeA), timeB: formatMinute(p.timeB) })),
  };
  const pinEdge = (): EvidenceItemDraft => ({ ...base, kind: 'coordination-edge', title: `${kindText} edge ${pinTitle}`, payload: edgePayload, provenance: provs(edge.pairs ?? []) });
  const pinPair = (p: NetPair): EvidenceItemDraft => ({
    ...base, kind: 'tweet', title: `Post pair ${p.tweetA} / ${p.tweetB} (${kindText}, Δt ${p.deltaSeconds} s)`,
    payload: { kind, edge: { source: edge.source, target: edge.target }, pair: { tweetA: p.tweetA, tweetB: p.tweetB, timeA: formatMinute(p.timeA), timeB: formatMinute(p.timeB), deltaSeconds: p.deltaSeconds, object: p.object, textA: p.textA, textB: p.textB } },
    provenance: provs([p]),
  });
  return (
    <section className="network-details" aria-labelledby="edge-title" data-testid="edge-details"
      onKeyDown={closeOnEscape(onClose)}>
      <h2 id="edge-title" dir="auto" tabIndex={-1} ref={heading}>Edge {title}</h2>
      <dl className="network-facts">
        {/* A coordination edge's weight counts the distinct objects both acted on; its post pairs may be more. */}
        {edge.source === edge.target && (<><dt>Self-loop</dt><dd>{SELF_LOOP[kind] ?? 'the account is at both ends'}</dd></>)}
        <dt>Weight</dt><dd>{fmt(edge.weight)}{edge.pairs ? ` shared ${edge.weight === 1 ? 'object' : 'objects'} (${fmt(edge.pairs.length)} post ${edge.pairs.length === 1 ? 'pair' : 'pairs'})` : ''}</dd>
        {edge.expectedWeight !== undefined && (<>
          <dt>Expected (null model)</dt><dd>{fmt(edge.expectedWeight, 2)}</dd>
          <dt>p</dt><dd>{fmt(edge.pValue, 4)}</dd>
          <dt>q (BH)</dt><dd>{fmt(edge.qValue, 4)}</dd>
          <dt>Significant</dt><dd>{edge.significant ? 'yes' : 'no'}</dd>
        </>)}
        {edge.stable !== undefined && (<><dt>Stable 60 s … 1 h</dt><dd>{edge.stable ? 'yes' : 'no'}</dd></>)}
      </dl>
      {edge.pairs && <PinButton item={pinEdge} label={`edge ${title}`} />}
      {edge.windows && (
        <table className="network-table">
          <caption>Window sweep (tweet_time has minute precision: windows under 60 s mean "same minute")</caption>
          <thead><tr><th scope="col">Window</th><th scope="col">Present</th><th scope="col">Weight</th><th scope="col">q</th><th scope="col">Significant</th></tr></thead>
          <tbody>
            {edge.windows.map((w) => (
              <tr key={w.windowSeconds}><td>{w.windowSeconds} s</td><td>{w.present ? 'yes' : 'no'}</td><td>{w.weight}</td><td className="nowrap">{w.qValue === null ? '–' : fmt(w.qValue, 4)}</td><td>{w.significant ? 'yes' : 'no'}</td></tr>
            ))}
          </tbody>
        </table>
      )}
      {edge.pairs && (
        <table className="network-table" data-testid="pair-table">
          <caption>Post pairs behind this edge{edge.pairs.length > PAIRS_SHOWN ? ` (first ${PAIRS_SHOWN} of ${edge.pairs.length})` : ` (${edge.pairs.length})`}</caption>
          {/* Each post's time under its id (not columns of their own): five columns fit the side panel. */}
          <thead><tr><th scope="col">Post A, time</th><th scope="col">Post B, time</th><th scope="col">Δt</th><th scope="col">Shared object (as compared)</th><th scope="col">Evidence</th></tr></thead>
          <tbody>
            {edge.pairs.slice(0, PAIRS_SHOWN).map((p, i) => (
              <tr key={i}>
                <td><code title={p.textA} dir="auto">{p.tweetA}</code><br />{formatMinute(p.timeA)}</td>
                <td><code title={p.textB} dir="auto">{p.tweetB}</code><br />{formatMinute(p.timeB)}</td>
                <td className="nowrap">{p.deltaSeconds} s</td><td dir="auto" className="network-object">{p.object}</td>
                <td><PinButton item={() => pinPair(p)} label={`post pair ${p.tweetA} and ${p.tweetB}`} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {TWEET_EDGE_KINDS.has(kind) && loadTweets && <InteractionTweets edge={edge} model={model} nodes={nodes} title={title} pinTitle={pinTitle} loadTweets={loadTweets} />}
    </section>
  );
}

/** Retweet, mention, reply and quote edges: the tweets the edge counts, each pinnable, and the edge with all of them. */
function InteractionTweets({ edge, model, nodes, title, pinTitle, loadTweets }: { edge: NetEdge; model: NetworkModel; nodes: Map<string, NetNode>; title: string; pinTitle: string; loadTweets: LoadEdgeTweets }) {
  const [state, setState] = useState<{ index: number; total: number; tweets: EdgeTweet[] } | { index: number; error: string } | null>(null);
  const [reading, setReading] = useState<{ index: number; progress: AnalysisProgress } | null>(null);
  useEffect(() => {
    let live = true;
    loadTweets(edge.index, PAIRS_SHOWN, (progress) => live && setReading({ index: edge.index, progress })).then(
      (r) => live && setState({ index: edge.index, ...r }),
      (e: unknown) => live && setState({ index: edge.index, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => { live = false; };
  }, [edge.index, loadTweets]);
  const kind = model.request.kind;
  const kindText = KIND_LABELS[kind];
  const base = { datasetId: model.request.datasetId };
  if (!state || state.index !== edge.index) return <p role="status">Loading the tweets behind this edge…{reading?.index === edge.index && ` ${progressText(reading.progress)}`}</p>;
  if ('error' in state) return <p role="alert" className="error">Could not load the tweets behind this edge: {state.error}</p>;
  const objectLabel = OBJECT_LABEL[kind] ?? 'Object';
  const objectKey = kind === 'mention' ? 'mentionedUserid' : kind === 'cohashtag' ? 'sharedHashtags' : kind === 'courl' ? 'sharedUrls' : 'objectTweetid';
  const tweetPayload = (t: EdgeTweet) => ({ tweetid: t.tweetid, userid: t.userid, time: formatMinute(t.time), [objectKey]: t.object, text: t.text });
  const pinEdge = (): EvidenceItemDraft => ({
    ...base, kind: 'interaction-edge', title: `${kindText} edge ${pinTitle} (${state.total} ${state.total === 1 ? 'tweet' : 'tweets'})`,
    payload: {
      kind, source: edge.source, target: edge.target, weight: edge.weight, tweetsTotal: state.total,
      tweets: state.tweets.map(tweetPayload), parameters: model.receipt.parameters, receipt: model.receipt,
    },
    provenance: state.tweets.map((t) => t.provenance).filter((p): p is Provenance => p !== null),
  });
  const pinTweet = (t: EdgeTweet): EvidenceItemDraft => ({
    ...base, kind: 'tweet', title: `Tweet ${t.tweetid} (${kindText} edge ${pinTitle})`,
    payload: { ...t.archived, userDisplayName: nodes.get(t.userid)?.displayName ?? '', kind, edge: { source: edge.source, target: edge.target }, [objectKey]: t.object },
    provenance: t.provenance ? [t.provenance] : [],
  });
  return (
    <>
      <PinButton item={pinEdge} label={`edge ${title}`} />
      <table className="network-table" data-testid="edge-tweet-table">
        <caption>Tweets behind this edge{state.total > state.tweets.length ? ` (first ${state.tweets.length} of ${state.total})` : ` (${state.total})`}</caption>
        <thead><tr><th scope="col">Tweet</th><th scope="col">Time</th><th scope="col">{objectLabel}</th><th scope="col">Evidence</th></tr></thead>
        <tbody>
          {state.tweets.map((t) => (
            <tr key={t.tweetid}>
              <td><code title={t.text} dir="auto">{t.tweetid}</code></td><td>{formatMinute(t.time)}</td>
              <td dir="auto" className="network-object">{t.object}</td>
              <td><PinButton item={() => pinTweet(t)} label={`tweet ${t.tweetid}`} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
