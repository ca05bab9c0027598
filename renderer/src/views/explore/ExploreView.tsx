import { datasetOptionLabel } from '../datasetOptionLabel';
import { useEffect, useMemo, useState } from 'react';
import { hrefFor } from '../../app/routes';
import { AccountPage } from './AccountPage';
import { AccountElsewhere } from './AccountElsewhere';
import { AccountsTable } from './AccountsTable';
import { rememberDataset, rememberedDataset, rememberedDatasetName, useDatasets, useExploreData } from './exploreData';
import { Field } from './Field';
import { Overview } from './Overview';
import { SearchView } from './SearchView';
import { searchLinkFields } from './searchLink';
import './explore.css';

const TABS = [
  { id: 'overview', label: 'Overview', path: [] as string[] },
  { id: 'accounts', label: 'Accounts', path: ['accounts'] },
  { id: 'search', label: 'Search', path: ['search'] },
] as const;

/** #/explore (overview), #/explore/accounts, #/explore/account/<userid>, #/explore/search[/<field>/<value>…] (searchLink.ts). */
export function ExploreView({ rest }: { rest: string[] }) {
  const datasets = useDatasets();
  // The dataset Explore showed last, read once: shown again, or, if it has been deleted since,
  // Explore says so instead of silently showing another one.
  const [remembered] = useState(() => ({ id: rememberedDataset(), name: rememberedDatasetName() }));
  const [chosen, setChosen] = useState(remembered.id);
  const dataset = useMemo(() => datasets?.find((d) => d.id === chosen) ?? datasets?.[datasets.length - 1], [datasets, chosen]);
  useEffect(() => {
    if (dataset) rememberDataset(dataset);
  }, [dataset]);
  const gone = datasets !== null && remembered.id !== '' && !datasets.some((d) => d.id === remembered.id);
  const { data, error } = useExploreData(dataset);
  const sub = rest[0] ?? 'overview';
  const tab = sub === 'account' ? 'accounts' : sub;

  if (datasets === null) return <p role="status">Loading datasets…</p>;
  if (datasets.length === 0)
    return (
      <section aria-labelledby="view-title">
        <h1 id="view-title">Explore</h1>
        <p>No dataset yet. <a href={hrefFor('datasets')}>Import an archive</a> first.</p>
      </section>
    );

  return (
    <section aria-labelledby="view-title" className="explore">
      <div className="explore-head">
        <h1 id="view-title">Explore{dataset ? `: ${dataset.name}` : ''}</h1>
        {datasets.length > 1 && (
          <Field label="Dataset " className="inline-field">
            {(id) => (
              <select id={id} value={dataset?.id ?? ''} onChange={(e) => setChosen(e.target.value)}>
                {datasets.map((d) => <option key={d.id} value={d.id}>{datasetOptionLabel(d)}</option>)}
              </select>
            )}
          </Field>
        )}
        <nav aria-label="Explore sections">
          <ul className="tab-list">
            {TABS.map((t) => (
              <li key={t.id}><a href={hrefFor('explore', ...t.path)} aria-current={tab === t.id ? 'page' : undefined}>{t.label}</a></li>
            ))}
          </ul>
        </nav>
      </div>
      {gone && dataset && chosen === remembered.id && (
        <p className="muted" role="status">
          {remembered.name ? `“${remembered.name}”, the dataset you explored last,` : 'The dataset you explored last'} is no longer in this workbench (deleted). Showing the newest dataset, “{dataset.name}”.
        </p>
      )}
      {error && <p className="error" role="alert">{error}</p>}
      {!data ? <p role="status">Loading {dataset?.name}…</p> : (
        <>
          {/* Keyed by dataset: another dataset starts each view afresh (a search, its pin or a filter never carry over). */}
          {sub === 'overview' && <Overview key={data.dataset.id} data={data} />}
          {sub === 'accounts' && <AccountsTable key={data.dataset.id} data={data} />}
          {sub === 'account' && rest[1] && (
            <AccountPage key={data.dataset.id} data={data} userid={rest[1]} missing={<AccountElsewhere userid={rest[1]} dataset={data.dataset} datasets={datasets} choose={setChosen} />} />
          )}
          {sub === 'search' && <SearchView key={data.dataset.id + '\n' + rest.slice(1).join('\n')} data={data} given={searchLinkFields(rest.slice(1))} />}
          {/* A hand-edited or cut link says what is wrong, not an empty page. */}
          {sub === 'account' && !rest[1] && <p role="alert">This link names no account: open one from the <a href={hrefFor('explore', 'accounts')}>Accounts</a> table.</p>}
          {!['overview', 'accounts', 'account', 'search'].includes(sub) && <p role="alert">Explore has no section “{sub}”: choose one of the tabs above.</p>}
        </>
      )}
    </section>
  );
}
