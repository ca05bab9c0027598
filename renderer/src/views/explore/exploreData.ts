import { useEffect, useState } from 'react';
import { isHashedId } from '../../../../shared/domain/ids';
import { DATASETS_CHANGED } from '../../store/datasetsChanged';
import { listDatasets, readAccounts, readAggregates } from '../../store/read/datasetReader';
import { db } from '../../store/database';
import type { AccountActivity, AccountRecord, DatasetRecord, ImportAggregates } from '../../store/schema';
import { isRandomLookingHandle } from './randomHandle';
import { resolveScreenNames } from '../../store/read/resolveScreenNames';
import { ScreenNames } from '../../../../shared/domain/screenNames';

/** One row of the accounts table: the archived account joined with its activity. */
export interface AccountRow {
  account: AccountRecord;
  hashed: boolean;
  randomHandle: boolean;
  activity: AccountActivity | undefined;
  mainClient: string;
}

/** Tweets per day it tweeted on (a busy automated account posts dozens a day); null for imports that did not record days. */
export const perActiveDay = (r: AccountRow): number | null => (r.activity?.days?.length ? r.activity.tweets / r.activity.days.length : null);
/** perActiveDay to one decimal, as the table shows it and its "at least" filter compares it (1.27 shows 1.3 and passes ≥ 1.3). */
export const perActiveDayShown = (r: AccountRow): number | null => {
  const v = perActiveDay(r);
  return v === null ? null : Number(v.toFixed(1));
};

export interface ExploreData {
  dataset: DatasetRecord;
  aggregates: ImportAggregates | undefined;
  accounts: AccountRow[];
  byId: Map<string, AccountRow>;
  /** Screen name -> account, by the rule every view shares (shared/domain/screenNames.ts). */
  names: ScreenNames;
}

function mainOf(counts: Record<string, number> | undefined): string {
  let best = '';
  let n = -1;
  for (const k in counts) if (counts[k]! > n || (counts[k] === n && k < best)) [best, n] = [k, counts[k]!];
  return best;
}

const cache = new Map<string, Promise<ExploreData>>();

/** Loads (once per dataset and committed-import list) the aggregates and accounts every explore view uses. */
export function loadExploreData(dataset: DatasetRecord): Promise<ExploreData> {
  const key = dataset.id + '\n' + dataset.committedImports.join(',');
  let p = cache.get(key);
  if (!p) {
    p = (async () => {
      const [stored, records] = await Promise.all([readAggregates(db, dataset.id), readAccounts(db, dataset.id)]);
      const names = new ScreenNames(records);
      const aggregates = stored && resolveScreenNames(stored, names);
      const accounts = records.map((account): AccountRow => {
        const hashed = isHashedId(account.userid);
        const activity = aggregates?.accountActivity[account.userid];
        return { account, hashed, randomHandle: isRandomLookingHandle(account.userScreenName, hashed || isHashedId(account.userScreenName)), activity, mainClient: mainOf(activity?.clients) };
      });
      return { dataset, aggregates, accounts, byId: new Map(accounts.map((a) => [a.account.userid, a])), names };
    })();
    cache.set(key, p);
  }
  return p;
}

export function useDatasets(): DatasetRecord[] | null {
  const [list, setList] = useState<DatasetRecord[] | null>(null);
  useEffect(() => {
    let live = true;
    const load = () => void listDatasets(db).then((l) => live && setList(l));
    load();
    // Imports and deletions, in this window or another, are announced (store/datasetsChanged.ts); a focus also re-reads (cheap: one small table).
    window.addEventListener('focus', load);
    window.addEventListener(DATASETS_CHANGED, load);
    return () => {
      live = false;
      window.removeEventListener('focus', load);
      window.removeEventListener(DATASETS_CHANGED, load);
    };
  }, []);
  return list;
}

export function useExploreData(dataset: DatasetRecord | undefined): { data: ExploreData | null; error: string } {
  const [data, setData] = useState<ExploreData | null>(null);
  const [error, setError] = useState('');
  // Keyed by id + committed imports: a re-read dataset list with the same content keeps the data.
  const key = dataset ? dataset.id + '\n' + dataset.committedImports.join(',') : '';
  useEffect(() => {
    let live = true;
    setData((d) => (d && dataset && d.dataset.id === dataset.id && d.dataset.committedImports.join(',') === dataset.committedImports.join(',') ? d : null));
    if (dataset) loadExploreData(dataset).then((d) => live && setData(d), (e: unknown) => live && setError(String(e)));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` names the dataset state that matters
  }, [key]);
  return { data, error };
}

const DATASET_KEY = 'dw.explore.dataset';
const DATASET_NAME_KEY = 'dw.explore.datasetName';
export const rememberedDataset = () => localStorage.getItem(DATASET_KEY) ?? '';
/** The remembered dataset's name, so Explore can say which dataset is gone when it was deleted. */
export const rememberedDatasetName = () => localStorage.getItem(DATASET_NAME_KEY) ?? '';
export const rememberDataset = (dataset: { id: string; name: string }) => {
  localStorage.setItem(DATASET_KEY, dataset.id);
  localStorage.setItem(DATASET_NAME_KEY, dataset.name);
};
