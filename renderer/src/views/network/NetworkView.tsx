import type { DatasetRecord } from '../../store/schema';
import { countOf, formatCount, formatSeconds } from '../../import/formatters';
import { useEffect, useMemo, useRef, useState } from 'react';
import { DRAW_CAP_NODES, FCOSE_MAX_EDGES, FCOSE_MAX_NODES, fitFound, type NetworkDrawing, yieldLabelsToFront } from '../../network/createNetworkCy';
import { communityColour } from '../../network/communityColours';
import { findAccounts } from '../../network/findAccounts';
import { EDGE_VERBS, edgeAt, edgeCount, KIND_LABELS, METRICS, metricName, type AnalysisProgress, type MetricName, type NetEdge, type NetworkModel } from '../../network/networkModel';
import { ringLayout } from '../../network/ringLayout';
import { edgeFacts, nodeLabel, toDrawing, viewGraph, type ViewGraph, type ViewSettings } from '../../network/viewGraph';
import { countedWords, VIEW_OMITTED_LABELS } from '../../../../shared/graph/viewOmissions';
import { unresolvedTargetsText } from '../../../../shared/graph/networks/unresolvedTargets';
import { emptyNetworkReason, type NetworkCounts } from '../../../../shared/graph/emptyNetworkReason';
import { accountsNeedingIds } from '../../../../shared/domain/lookalikeNames';
import { LookalikeId } from '../explore/LookalikeId';
import { useDatasets } from '../explore/exploreData';
import { AnalysisForm } from './AnalysisForm';
import { EdgeDetails, type LoadEdgeTweets } from './EdgeDetails';
import { ExportBar } from './ExportBar';
import { fmt } from './format';
import { progressText } from './progressText';
import { GraphCanvas } from './GraphCanvas';
import { NodeDetails } from './NodeDetails';
import { runLayout } from './runLayout';
import { useAnalysisWorker } from './useAnalysisWorker';
import { WholeNumberSetting } from './WholeNumberSetting';
import { usePausedSettings } from './usePausedSettings';
import { buildSettingsText } from './buildSettingsText';
import { DEFAULT_MAX_ACCOUNTS_PER_ITEM } from '../../../../shared/graph/networks/coUseNetwork';
import { focusIfLost, focusInView } from '../../app/focusIfLost';
import { Pager } from '../../app/Pager';
import { ThrottledAnnouncer } from '../../app/ThrottledAnnouncer';
import { userIdNote } from '../../pins/accountTitles';

/**
 * Drawn by default: the 5,000 accounts with the most weighted degree (up to 20,000 on request).
 * Cytoscape styles and draws its nodes in one task: ~4 s for 20,000 here, ~1 s for 5,000.
 */
const DEFAULT_VIEW: ViewSettings = { significantOnly: true, minWeight: 0, community: -1, sizeBy: 'weightedDegree', minMetric: 0, nodeCap: 5_000, edgeCap: 30_000 };
/** Rows of a page of the edge table. */
const EDGE_ROWS = 100;
/** The view's settings of each result, kept while the result is (back from another view, the analyst finds them as left). */
const viewSettingsOf = new WeakMap<NetworkModel, ViewSettings>();
/** The selected account or edge of each result, kept the same way (its evidence panel comes back open). */
const selectionOf = new WeakMap<NetworkModel, { nodeId: string | null; edgeIndex: number | null; focused: boolean }>();
const MATCHES_LISTED = 20;
/** Each model its own number: a result's key (two builds of a kind can take the same milliseconds). */
const buildNumbers = new WeakMap<NetworkModel, number>();
let builds = 0;
const buildNumber = (m: NetworkModel): number => {
  let n = buildNumbers.get(m);
  if (n === undefined) buildNumbers.set(m, (n = ++builds));
  return n;
};
/** The most edges the view draws (the edge layer's practical limit). */
const DRAW_CAP_EDGES = 200_000;

export function NetworkView() {
  const datasets = useDatasets();
  const { state, request, run, cancel, exportView, edgeTweets } = useAnalysisWorker();
  // The analysis outlives the view (analysisSession); a result whose dataset was deleted meanwhile is not shown.
  // A build cancelled or failed leaves the one before shown (analysisSession).
  const model = state.model && datasets?.some((d) => d.id === state.model!.request.datasetId) ? state.model : null;
  const before = model && state.status !== 'done' ? ' The network shown below is the one built before, with the settings its summary names.' : '';
  // A failed run's alert stays until the next run or until the form refuses its own values; it takes
  // the focus when the button that started the run has gone (Cancel) or is disabled.
  const [failureShown, setFailureShown] = useState(true);
  const failure = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state.status !== 'failed') return;
    setFailureShown(true);
    requestAnimationFrame(() => focusIfLost(failure.current));
  }, [state]);
  // A new build is a new result: its heading, summary and view start afresh (view settings aside, kept
  // per model). They are siblings, so each has a key of its own (two sharing one left a second heading on the page).
  const resultKey = model ? String(buildNumber(model)) : '';
  const dataset = model ? datasets?.find((d) => d.id === model.request.datasetId) : undefined;
  const datasetName = dataset?.name ?? '';
  return (
    <section aria-labelledby="view-title" className="network-view">
      <h1 id="view-title">Network</h1>
      {datasets === null ? <p>Loading datasets…</p> : datasets.length === 0 ? (
        <p className="empty-state">No datasets yet. Import an archive (or open the demo archive) in <a href="#/datasets">Datasets</a> first.</p>
      ) : (
        <AnalysisForm datasets={datasets} running={state.status === 'running'} onRun={run} onCancel={cancel} onInvalid={() => setFailureShown(false)} last={request} shown={model !== null} />
      )}
      <div className="network-status">
        {state.status === 'running' && <RunningStatus progress={state.progress} since={state.since} />}
        <span role="status">
          {/* Cancel has gone with the run: the focus goes to this news (as an import's cancel does), not to the page's body. */}
          {state.status === 'cancelled' && <span tabIndex={-1} ref={focusIfLost}>Analysis cancelled.{before}</span>}
        </span>
      </div>
      {state.status === 'failed' && failureShown && <p role="alert" className="error" ref={failure} tabIndex={-1}>{state.message}{before && !/[.!?]$/.test(state.message) ? '.' : ''}{before}</p>}
      {state.model && !model && datasets !== null && (
        <p role="status" className="muted" data-testid="network-dataset-gone">The network built last is not shown: its dataset was deleted.</p>
      )}
      {model && <h2 key={`title ${resultKey}`} tabIndex={-1} ref={focusIfLost}>{KIND_LABELS[model.request.kind]} network of {datasetName}</h2>}
      {/* The build's summary is said once, when a network is built: its live region is on the page before
          (a region inserted with its words is often not read); shown again (back on the view), it is not said. */}
      <div aria-live="polite" data-testid="network-summary-region">
        {model && <NetworkSummary key={resultKey} model={model} />}
      </div>
      {model && dataset && <NetworkResult key={`result ${resultKey}`} model={model} dataset={dataset} exportView={exportView} edgeTweets={edgeTweets} />}
    </section>
  );
}

/** What the build came to: accounts, edges and communities, what it left out or skipped, and why an empty one is empty. */
function NetworkSummary({ model }: { model: NetworkModel }) {
  const { coordination, significant, stable, swept } = useMemo(() => edgeFacts(model), [model]);
  const emptyReason = useMemo(() => emptyNetworkReason(networkCounts(model)), [model]);
  return (
    <p data-testid="network-summary">
      {countOf(model.nodes.length, 'account')}, {countOf(edgeCount(model), 'edge')}
      {coordination && <>, <strong>{significant.toLocaleString('en-US')} significant</strong> (q ≤ {String(model.receipt.parameters.alpha)})</>}
      , {countOf(model.communities, 'community', 'communities')}{coordination && swept && <>, {countOf(stable, 'edge')} significant at every window from 60 s to 1 h</>}. Computed in {(model.millis / 1000).toFixed(1)} s.
      {model.cappedObjects.length > 0 && <> {model.cappedObjects.length} hub objects skipped (too many pairs in the window).</>}
      {emptyReason && <> <span data-testid="empty-network-reason">{emptyReason}</span></>}
      {(model.receipt.counts.omitted.unresolvedTargets ?? 0) > 0 && <> Left out: {unresolvedTargetsText(model.request.kind, model.receipt.counts.omitted.unresolvedTargets!)}.</>}
      {model.prunedItems.length > 0 && (
        <>
          {' '}{countOf(model.prunedItems.length, 'item')} used by more than {DEFAULT_MAX_ACCOUNTS_PER_ITEM} accounts skipped (
          {/* Each as first written (the network counts its spellings as one), in a <bdi> of its own: a right-to-left one keeps its count after it. */}
          {[...model.prunedItems].sort((a, b) => b.accounts - a.accounts).slice(0, 3).map((p, i) => (
            <span key={p.item}>{i > 0 && ', '}<bdi>{p.spelling}</bdi> by {p.accounts.toLocaleString('en-US')}</span>
          ))}
          {model.prunedItems.length > 3 ? ', …' : ''}): each would link all its users to one another. Narrow the dates, language or accounts to study them.
        </>
      )}
      {/* Last: what the build found and why comes first. */}
      {' '}<span data-testid="network-settings">{buildSettingsText(model.request)}</span>
    </p>
  );
}

function NetworkResult({ model, dataset, exportView, edgeTweets }: { model: NetworkModel; dataset: DatasetRecord; exportView: ReturnType<typeof useAnalysisWorker>['exportView']; edgeTweets: LoadEdgeTweets }) {
  const { coordination } = useMemo(() => edgeFacts(model), [model]);
  // `fields`: what the settings' fields show; `settings`: what the view is built with (typed numbers apply after a pause).
  const { shown: fields, applied: settings, set } = usePausedSettings<ViewSettings>(() => viewSettingsOf.get(model) ?? { ...DEFAULT_VIEW, significantOnly: coordination });
  useEffect(() => void viewSettingsOf.set(model, fields), [model, fields]);
  const view = useMemo(() => viewGraph(model, settings), [model, settings]);
  const nodes = useMemo(() => new Map(model.nodes.map((n) => [n.id, n])), [model]);
  // Positions belong to the view they were laid out for: a changed view is not drawn with the old
  // one's positions (that built a 5,000-node graph only to replace it when the layout came).
  // With the layout that placed them, as the drawing's line names it (a cancelled ForceAtlas2 leaves discs per community).
  const [laidOut, setLaidOut] = useState<{ view: ViewGraph; positions: Map<string, { x: number; y: number }>; layout: string } | null>(null);
  const positions = laidOut?.view === view ? laidOut.positions : null;
  const [layoutNote, setLayoutNote] = useState('');
  const [layoutRunning, setLayoutRunning] = useState(false);
  const [layoutAttempt, setLayoutAttempt] = useState(0);
  const layoutAbort = useRef<AbortController | null>(null);
  const [drawing, setDrawing] = useState<NetworkDrawing | null>(null);
  const [nodeId, setNodeId] = useState<string | null>(() => selectionOf.get(model)?.nodeId ?? null);
  const [edgeIndex, setEdgeIndex] = useState<number | null>(() => selectionOf.get(model)?.edgeIndex ?? null);
  const [focused, setFocused] = useState(() => selectionOf.get(model)?.focused ?? false);
  useEffect(() => void selectionOf.set(model, { nodeId, edgeIndex, focused }), [model, nodeId, edgeIndex, focused]);
  // The edge table lists the edges of the account selected last (kept while one of its edges is shown) or all edges, a page at a time.
  const [table, setTable] = useState<{ account: string | null; page: number }>(() => ({ account: selectionOf.get(model)?.nodeId ?? null, page: 0 }));
  useEffect(() => { if (nodeId) setTable((t) => (t.account === nodeId ? t : { account: nodeId, page: 0 })); }, [nodeId]);
  const [query, setQuery] = useState('');
  /** What Find said: the query, the drawn accounts matching it and those of the network that match but are not drawn. */
  const [found, setFound] = useState<{ query: string; hits: number; hidden: number } | null>(null);
  /** Several accounts matched Find: listed as buttons, so one can be chosen without the mouse. */
  const [matches, setMatches] = useState<{ total: number; shown: { id: string; label: string }[] }>({ total: 0, shown: [] });
  // fcose runs on the UI thread: only for small graphs; everything else is laid out in the worker.
  const useFcose = view.nodes.length <= FCOSE_MAX_NODES && view.edges.length <= FCOSE_MAX_EDGES;

  // Big graphs: ForceAtlas2 in a worker, then preset positions. Cancel: accounts on rings by community at once.
  useEffect(() => {
    if (useFcose || view.nodes.length === 0) return;
    const ac = new AbortController();
    layoutAbort.current = ac;
    setLayoutRunning(true);
    setLayoutNote('Laying out (ForceAtlas2 in a worker)…');
    runLayout(view, ac.signal, (d, t) => setLayoutNote(`Laying out (ForceAtlas2 in a worker): ${d} / ${t} iterations`))
      .then((p) => {
        drawingTakesFocus.current = document.activeElement === cancelLayoutButton.current;
        setLaidOut({ view, positions: p, layout: 'ForceAtlas2 layout' });
        setLayoutNote('');
      }, (e: unknown) => {
        if (ac.signal.reason === 'cancelled by the analyst') {
          setLaidOut({ view, positions: ringLayout(view), layout: 'one disc per community, ForceAtlas2 cancelled' });
          setLayoutNote('Layout cancelled: accounts are placed in one disc per community, without ForceAtlas2.');
        } else if (!ac.signal.aborted) setLayoutNote(`Layout failed: ${String(e)}`);
      })
      .finally(() => { if (layoutAbort.current === ac) setLayoutRunning(false); });
    return () => ac.abort('replaced');
  }, [view, useFcose, layoutAttempt]);

  const drawn = useMemo(() => (useFcose || positions ? toDrawing(view, settings.sizeBy, positions ?? undefined) : null), [view, positions, useFcose, settings.sizeBy]);

  // Selection, focus and search are drawn with classes, never by rebuilding the graph.
  useEffect(() => {
    if (!drawing) return;
    const c = drawing.cy;
    c.batch(() => {
      // Only the nodes that have the class or the selection: removeClass on all 5,000 restyles every one (~0.4 s).
      c.nodes('.faded').removeClass('faded');
      c.nodes(':selected').unselect();
      if (nodeId) {
        c.getElementById(nodeId).select();
        if (focused) {
          // The neighbourhood comes from the view's edges: Cytoscape holds only the nodes.
          const keep = new Set([nodeId]);
          for (const e of view.edges) if (e.source === nodeId || e.target === nodeId) keep.add(e.source).add(e.target);
          c.nodes().filter((n) => !keep.has(n.id())).addClass('faded');
        }
      }
    });
    drawing.edges.setHighlight(nodeId && focused ? nodeId : null, edgeIndex);
  }, [drawing, view, nodeId, edgeIndex, focused]);

  const search = (e: React.FormEvent) => {
    e.preventDefault();
    const c = drawing?.cy;
    if (!c) return;
    c.nodes('.highlight').removeClass('highlight');
    yieldLabelsToFront(c);
    setMatches({ total: 0, shown: [] });
    if (!query.trim()) return setFound(null);
    const hits = findAccounts(view.nodes, query);
    const col = c.collection();
    for (const n of hits) col.merge(c.getElementById(n.id));
    col.addClass('highlight');
    yieldLabelsToFront(c);
    if (col.length) fitFound(c, col, 80);
    // Accounts of the network the view's filters or caps leave out are said, not reported missing.
    const hidden = findAccounts(model.nodes, query).length - hits.length;
    setFound({ query: query.trim(), hits: hits.length, hidden });
    if (hits.length === 1) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setNodeId(hits[0]!.id);
    }
    else setMatches({ total: hits.length, shown: hits.slice(0, MATCHES_LISTED).map((n) => ({ id: n.id, label: nodeLabel(n) })) });
  };

  const edge = useMemo(() => (edgeIndex === null || edgeIndex >= edgeCount(model) ? null : edgeAt(model, edgeIndex)), [model, edgeIndex]);
  const node = nodeId ? nodes.get(nodeId) ?? null : null;
  const communities = useMemo(() => [...new Set(model.nodes.map((n) => n.community))].filter((c) => c >= 0).sort((a, b) => a - b), [model]);
  const sortedEdges = useMemo(() => [...view.edges].sort((a, b) => (a.qValue ?? 0) - (b.qValue ?? 0) || b.weight - a.weight), [view]);
  const listedEdges = useMemo(() => (table.account === null ? sortedEdges : sortedEdges.filter((e) => e.source === table.account || e.target === table.account)), [sortedEdges, table.account]);
  const pages = Math.max(1, Math.ceil(listedEdges.length / EDGE_ROWS));
  const page = Math.min(table.page, pages - 1);
  const pageEdges = useMemo(() => listedEdges.slice(page * EDGE_ROWS, (page + 1) * EDGE_ROWS), [listedEdges, page]);
  // The selected edge is always a row: appended when it is not on the page shown.
  const tableEdges = useMemo(() => {
    const selected = edgeIndex === null || pageEdges.some((e) => e.index === edgeIndex) ? undefined : view.edges.find((e) => e.index === edgeIndex);
    return selected ? [...pageEdges, selected] : pageEdges;
  }, [pageEdges, view, edgeIndex]);
  const tableNode = table.account === null ? null : nodes.get(table.account) ?? null;
  const edgeTable = useRef<HTMLTableElement>(null);
  const graph = useRef<HTMLDivElement>(null);
  // A layout that ends on its own takes Cancel layout away: if that had the focus, the drawing takes it, not the page's body.
  const cancelLayoutButton = useRef<HTMLButtonElement>(null);
  const drawingTakesFocus = useRef(false);
  useEffect(() => {
    if (layoutRunning || !drawingTakesFocus.current) return;
    drawingTakesFocus.current = false;
    focusIfLost(graph.current?.querySelector<HTMLElement>('.network-canvas') ?? null);
  }, [layoutRunning]);
  // Escape on an edge's or an account's details closes them; the focus goes back to what opened them:
  // a Show edge button (if its row stays: the selected edge appended to the page goes with the
  // selection, then the table), Find's Show button or box, else the graph it was clicked on.
  const opener = useRef<HTMLElement | null>(null);
  // Set by closeEdge and closeNode; consumed by the effect after the render without the details (their selection changed).
  const closing = useRef(false);
  useEffect(() => {
    if (!closing.current) return;
    closing.current = false;
    const from = opener.current;
    if (from) focusInView(from.isConnected ? from : edgeTable.current);
    else focusInView(graph.current?.querySelector<HTMLElement>('.network-canvas'));
  }, [nodeId, edgeIndex]);
  const closeEdge = () => { closing.current = true; setEdgeIndex(null); };
  const closeNode = () => { closing.current = true; setNodeId(null); setFocused(false); };
  const screenName = (id: string) => nodes.get(id)?.screenName ?? id;
  const showAccount = (id: string) => (
    <button type="button" className="account-button" onClick={(ev) => { opener.current = ev.currentTarget; setNodeId(id); setEdgeIndex(null); }}>
      <bdi>{screenName(id)}</bdi>
    </button>
  );
  // Accounts shown together (the table's rows, the selection, Find's matches) by a name that may pass
  // for another's, or reads as another of them, are shown with their id: two accounts never look like one.
  const withIds = useMemo(() => {
    const shown = new Set<string>(tableEdges.flatMap((e) => [e.source, e.target]));
    for (const id of [table.account, nodeId, edge?.source, edge?.target, ...matches.shown.map((m) => m.id)]) if (id) shown.add(id);
    return accountsNeedingIds([...shown].map((id) => ({ id, name: screenName(id) })));
  }, [tableEdges, table.account, nodeId, edge, matches, nodes]);
  // An account known only by the name a tweet gave (node id '@name') has no id to show: it says so.
  const idAfter = (id: string) => (!withIds.has(id) ? null : id.startsWith('@') ? <span className="muted"> {userIdNote(id)}</span> : <LookalikeId id={id} />);
  // An account as an edge's Show button names it: '@name', with its id where the table shows it (a name
  // that may pass for another's); a hashed account (its name is its id) by its id.
  const spokenAccount = (id: string): string => {
    const name = screenName(id).replace(/^@/, '');
    return !name || name === id ? `user id ${id}` : `@${name}${withIds.has(id) ? ` ${userIdNote(id)}` : ''}`;
  };
  // Who did what to whom on a directed edge ("@a retweeted @b"; from @a to @b if the kind has no verb); an undirected one is between two accounts.
  const verb = EDGE_VERBS[model.request.kind];
  const edgeInWords = (e: NetEdge): string =>
    !e.directed ? `between ${spokenAccount(e.source)} and ${spokenAccount(e.target)}`
      : verb ? `${spokenAccount(e.source)} ${verb} ${spokenAccount(e.target)}` : `from ${spokenAccount(e.source)} to ${spokenAccount(e.target)}`;
  const omittedText = Object.entries(view.omitted).map(([k, v]) => countedWords(v, VIEW_OMITTED_LABELS[k] ?? k)).join(', ');

  return (
    <div className="network-result">
      <fieldset className="network-view-controls">
        <legend>View</legend>
        {coordination && <label><input type="checkbox" checked={fields.significantOnly} onChange={(e) => set({ significantOnly: e.target.checked })} /> Significant edges only</label>}
        <label>Min weight <input type="number" min={0} value={fields.minWeight} onChange={(e) => set({ minWeight: Number(e.target.value) }, true)} /></label>
        <label>Community
          <select value={fields.community} onChange={(e) => set({ community: Number(e.target.value) })}>
            <option value={-1}>All</option>
            {communities.map((c) => <option key={c} value={c}>Community {c}</option>)}
          </select>
        </label>
        <label>Size by
          <select value={fields.sizeBy} onChange={(e) => set({ sizeBy: e.target.value as MetricName })}>
            {METRICS.map((m) => <option key={m.id} value={m.id}>{m.label}</option>)}
          </select>
        </label>
        <label>Min {metricName(fields.sizeBy)} <input type="number" min={0} step="any" value={fields.minMetric} onChange={(e) => set({ minMetric: Number(e.target.value) }, true)} /></label>
        <WholeNumberSetting label="Max edges drawn" min={1} max={DRAW_CAP_EDGES} value={fields.edgeCap} onChange={(edgeCap) => set({ edgeCap }, true)} />
        <WholeNumberSetting label="Max nodes drawn" min={1} max={DRAW_CAP_NODES} value={fields.nodeCap} onChange={(nodeCap) => set({ nodeCap }, true)} />
      </fieldset>
      <form className="network-search" onSubmit={search} role="search">
        <label>Find account <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="screen name, display name or user id" dir="auto" /></label>
        <button type="submit">Find</button>{' '}
        <span role="status">
          {/* The query is isolated: an Arabic or Hebrew one must not reorder the sentence around it. */}
          {found && <>{countOf(found.hits, 'drawn account')} match{found.hits === 1 ? 'es' : ''} “<bdi>{found.query}</bdi>”.
            {found.hidden > 0 && ` ${countOf(found.hidden, 'more account')} of the network match${found.hidden === 1 ? 'es' : ''} but ${found.hidden === 1 ? 'is' : 'are'} not drawn (filters or caps below).`}</>}
        </span>
      </form>
      {matches.shown.length > 0 && (
        <ul className="network-matches" aria-label="Matching accounts">
          {/* The label isolates the display name (FSI … PDI) and reads left to right: "مريم @lily57139". */}
          {matches.shown.map((m) => <li key={m.id}><button type="button" onClick={(ev) => { opener.current = ev.currentTarget; setNodeId(m.id); }}>Show <bdi dir="ltr">{m.label}</bdi>{idAfter(m.id)}</button></li>)}
          {matches.total > MATCHES_LISTED && <li className="muted">the first {MATCHES_LISTED}; type more of the name to narrow</li>}
        </ul>
      )}
      {/* A status: a View control changed (Min weight, Max nodes, …), this line is what a screen reader hears of the result. */}
      <p className="network-drawn" data-testid="network-drawn" role="status">
        Drawing {formatCount(view.nodes.length)} of {countOf(model.nodes.length, 'node')} and {formatCount(view.edges.length)} of {countOf(edgeCount(model), 'edge')}
        {drawing ? ` (${drawing.renderer} renderer, ${useFcose ? 'fcose layout' : laidOut?.view === view ? laidOut.layout : 'ForceAtlas2 layout'})` : ''}.
        {omittedText && <> Not drawn: {omittedText}.</>} {sentence(view.notes)}
      </p>
      {(layoutNote || layoutRunning) && (
        <div className="network-layout-status">
          <span role="status">{layoutNote}</span>
          {layoutRunning && <button type="button" ref={cancelLayoutButton} onClick={() => layoutAbort.current?.abort('cancelled by the analyst')}>Cancel layout</button>}
          {/* Cancel layout, pressed from the keyboard, goes with the focus: this button takes both its place and the focus. */}
          {!layoutRunning && layoutNote.startsWith('Layout cancelled') && <button type="button" ref={focusIfLost} onClick={() => setLayoutAttempt((a) => a + 1)}>Run ForceAtlas2 layout again</button>}
        </div>
      )}
      <div className="network-main">
        <div className="network-graph" ref={graph}>
          {drawn && view.nodes.length > 0 ? (
            <GraphCanvas nodes={drawn.nodes} edges={drawn.edges} preset={!useFcose} label={`${KIND_LABELS[model.request.kind]} network graph; the edge table below lists its edges, and its accounts open their details`}
              onReady={setDrawing}
              onNode={(id) => { opener.current = null; setNodeId(id); setEdgeIndex(null); if (!id) setFocused(false); }}
              onEdge={(i) => { opener.current = null; setEdgeIndex(i); if (i !== null) setNodeId(null); }} />
          ) : view.nodes.length === 0 ? <p className="empty-state">Nothing to draw with these settings.</p> : null}
          <Legend communities={communities.slice(0, 16)} />
        </div>
        <aside className="network-side" aria-label="Selection">
          {node && <NodeDetails node={node} dataset={dataset} withId={withIds.has(node.id)} focused={focused} onFocus={() => setFocused((f) => !f)} onClose={closeNode} />}
          {edge && <EdgeDetails edge={edge} model={model} nodes={nodes} withIds={withIds} loadTweets={edgeTweets} onClose={closeEdge} />}
          {!node && !edge && <p className="muted">Click a node or an edge (or choose an edge in the table below) to see its details and the posts behind it.</p>}
        </aside>
      </div>
      {drawing && <ExportBar model={model} view={view} settings={settings} coordination={coordination} drawing={drawing} datasetName={dataset.name} exportView={exportView} />}
      <div className="network-table-tools">
        {/* The button goes with the account's list: focus goes to the table, which now lists all edges. */}
        {tableNode && <button type="button" onClick={() => { setTable({ account: null, page: 0 }); focusInView(edgeTable.current); }}>Show all edges in the table</button>}
        {listedEdges.length > EDGE_ROWS && <Pager page={page} pages={pages} onPage={(p) => setTable((t) => ({ ...t, page: p }))} label="Pages of the edge table" />}
      </div>
      <table className="network-table" data-testid="edge-table" ref={edgeTable} tabIndex={-1}>
        <caption>
          {tableNode ? <>Edges of <bdi dir="ltr">{nodeLabel(tableNode)}</bdi>{idAfter(tableNode.id)} drawn</> : 'Edges drawn'}, {coordination ? 'by q-value then weight' : 'by weight'}
          {listedEdges.length === 0 ? ': none with these settings.'
            : <>: {(page * EDGE_ROWS + 1).toLocaleString('en-US')}–{(page * EDGE_ROWS + pageEdges.length).toLocaleString('en-US')} of {listedEdges.length.toLocaleString('en-US')}{tableEdges.length > pageEdges.length ? ', and the selected edge' : ''}</>}
        </caption>
        <thead><tr>
          <th scope="col">Source</th><th scope="col">Target</th><th scope="col">Weight</th>
          {coordination && <><th scope="col">Expected</th><th scope="col">p</th><th scope="col">q</th><th scope="col">Stable 60 s–1 h</th></>}
          <th scope="col">Details</th>
        </tr></thead>
        <tbody>
          {tableEdges.map((e) => (
            <tr key={e.index} aria-selected={e.index === edgeIndex}>
              {/* Each account opens its details (community, metrics, focus), as a click on its node does: the nodes, from the keyboard. */}
              <td dir="auto">{showAccount(e.source)}{idAfter(e.source)}</td>
              {/* A self-loop (Retweet, Reply and Quote networks keep an account's retweet, reply or quote of itself) says so. */}
              <td dir="auto">{showAccount(e.target)}{idAfter(e.target)}{e.source === e.target && <span className="muted"> (itself)</span>}</td>
              <td>{fmt(e.weight)}</td>
              {coordination && <><td>{fmt(e.expectedWeight, 2)}</td><td>{fmt(e.pValue, 4)}</td><td>{fmt(e.qValue, 4)}</td><td>{e.stable === undefined ? '–' : e.stable ? 'yes' : 'no'}</td></>}
              {/* Named with the edge's direction, after the words it shows (a name that holds them: WCAG 2.5.3). */}
              <td><button type="button" aria-label={`Show edge: ${edgeInWords(e)}`} onClick={(ev) => {
                opener.current = ev.currentTarget;
                // The edge already shown: its details do not change, so they take the focus here (as a newly shown edge's do).
                if (e.index === edgeIndex) focusInView(document.getElementById('edge-title'));
                setEdgeIndex(e.index);
                setNodeId(null);
              }}>Show edge</button></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The running analysis: its phase with the count, rate and time left, or its name and the time spent in it. */
function RunningStatus({ progress, since }: { progress: AnalysisProgress; since: number }) {
  const [now, setNow] = useState(() => performance.now());
  // A phase that counts nothing (Louvain on a million edges can take a minute), or whose time left is
  // not estimated (the window sweep), shows its time ticking: it must not look hung.
  const ticking = !progress.total || progress.etaSeconds === null;
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setNow(performance.now()), 1000);
    return () => clearInterval(timer);
  }, [ticking, since]);
  const seconds = (now - since) / 1000;
  return (<>
    <ThrottledAnnouncer topic={progress.phase}><span data-testid="analysis-progress">{progressText(progress)}</span></ThrottledAnnouncer>{' '}
    {/* Hidden from screen readers: a clock read out every second would drown the phases. */}
    {ticking && seconds >= 1 && <span aria-hidden="true">{formatSeconds(seconds)}</span>}{' '}
    <progress aria-label="Analysis progress" max={progress.total || undefined} value={progress.total ? progress.done : undefined} />
  </>);
}

function Legend({ communities }: { communities: number[] }) {
  if (!communities.length) return null;
  return (
    <ul className="network-legend" aria-label="Community colours">
      {communities.map((c) => (
        <li key={c}><span className="swatch" style={{ backgroundColor: communityColour(c) }} aria-hidden="true" /> Community {c}</li>
      ))}
    </ul>
  );
}

/** The view's notes (kept as they are in export receipts: 'pruned to the top 5000 nodes by degree') as one sentence of the page. */
function sentence(notes: string[]): string {
  if (!notes.length) return '';
  const text = notes.join('; ').replace(/\d{4,}/g, (d) => Number(d).toLocaleString('en-US'));
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** The counters of a result that say why it is empty (emptyNetworkReason). */
function networkCounts(m: NetworkModel): NetworkCounts {
  const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
  const { summary, receipt } = m;
  return {
    kind: m.request.kind, edges: edgeCount(m), tweets: num(summary.tweets) ?? 0, tweetsFiltered: receipt.counts.omitted.tweetsFiltered ?? 0,
    tweetsWithObject: num(summary.tweetsWithObject), unresolved: receipt.counts.omitted.unresolvedTargets, prunedItems: m.prunedItems.length,
    actions: num(summary.actions), candidatePairs: num(summary.candidatePairs), heaviestPairWeight: num(summary.heaviestPairWeight),
    cappedObjects: m.cappedObjects.length, windowSeconds: num(receipt.parameters.windowSeconds), minRepeat: num(receipt.parameters.minRepeat),
  };
}
