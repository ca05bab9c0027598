import { useEffect, useRef } from 'react';
import { hrefFor } from '../../app/routes';
import type { MetricName, NetNode } from '../../network/networkModel';
import { METRICS } from '../../network/networkModel';
import { fmt } from './format';
import { closeOnEscape } from './closeOnEscape';
import { focusInView } from '../../app/focusIfLost';
import { LookalikeId } from '../explore/LookalikeId';
import { rememberDataset, useExploreData } from '../explore/exploreData';
import { accountPinItem } from '../explore/accountPinItem';
import { PinButton } from '../../pins/PinButton';
import type { DatasetRecord } from '../../store/schema';
import { containBidi } from '../../../../shared/domain/bidiIsolate';

/** An account of the network: names as archived, community, metrics, and its page in Explore. */
/** withId: the account's name may pass for another shown (accountsNeedingIds): its heading carries its id. */
/** onClose: Escape within the details closes them (the view puts the focus back where they were opened from). */
/** dataset: the network's, where its account page opens (Explore shows the dataset it remembers) and whose account row a pin quotes. */
export function NodeDetails({ node, dataset, withId, focused, onFocus, onClose }: { node: NetNode; dataset: DatasetRecord; withId: boolean; focused: boolean; onFocus: () => void; onClose?: () => void }) {
  // Keyboard users land on the details (a match chosen under Find, a node clicked), as for an edge.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => focusInView(heading.current), [node.id]);
  return (
    <section className="network-details" aria-labelledby="node-title" data-testid="node-details"
      onKeyDown={closeOnEscape(onClose)}>
      <h2 id="node-title" tabIndex={-1} ref={heading}><bdi>{node.displayName || node.screenName}</bdi>{withId && !node.id.startsWith('@') && <LookalikeId id={node.id} />}</h2>
      <dl className="network-facts">
        <dt>Screen name</dt><dd dir="auto">@{node.screenName}</dd>
        <dt>User id</dt><dd><code>{node.id}</code></dd>
        {node.external && (<><dt>External</dt><dd>not an account of this archive</dd></>)}
        <dt>Posts analysed</dt><dd>{fmt(node.posts)}</dd>
        <dt>Community</dt><dd>{node.community < 0 ? 'none' : node.community}</dd>
        {METRICS.map((m) => (<FactRow key={m.id} label={m.label} value={node[m.id as MetricName]} />))}
      </dl>
      <p>
        {/* In the network's dataset: Explore opened on another one showed that one's account of this id (its tweets there), or none. */}
        {!node.external && <a href={hrefFor('explore', 'account', node.id)} onClick={() => rememberDataset(dataset)}>Open account page</a>}{' '}
        <button type="button" onClick={onFocus} aria-pressed={focused}>{focused ? 'Show whole graph' : 'Focus neighbourhood'}</button>
        {!node.external && <>{' '}<AccountPin key={node.id} dataset={dataset} userid={node.id} label={`account @${containBidi(node.screenName)}`} /></>}
      </p>
    </section>
  );
}

/** Pin to case, as on the account's page (the same item, provenance and Undo): shown once the dataset's accounts are read. */
function AccountPin({ dataset, userid, label }: { dataset: DatasetRecord; userid: string; label: string }) {
  const { data, error } = useExploreData(dataset);
  if (error) return <span role="alert">Pin unavailable: {error}</span>;
  return data ? <PinButton item={() => accountPinItem(data, userid)} label={label} /> : <span role="status" className="muted">Reading the account to pin…</span>;
}

function FactRow({ label, value }: { label: string; value: number }) {
  return (<><dt>{label}</dt><dd>{fmt(value, 4)}</dd></>);
}
