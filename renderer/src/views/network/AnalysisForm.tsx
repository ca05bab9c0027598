import { useId, useMemo, useState } from 'react';
import { COORDINATION_DEFAULTS } from '../../../../shared/graph/coordination/detectCoordination';
import type { DatasetRecord } from '../../store/schema';
import { isCoordinationKind, KIND_LABELS, type AnalysisKind, type AnalysisRequest } from '../../network/networkModel';
import { dayToMinute } from './format';
import { dayOfMinute } from '../explore/timeBuckets';
import { DayField } from '../explore/DayField';
import { dayProblem } from '../../../../shared/domain/isoDay';
import { focusIfLost } from '../../app/focusIfLost';
import { COORDINATION_RANGES, leastAccepted, parameterProblems, smallestAlpha, type CoordinationParameters, type ParameterProblem } from '../../../../shared/graph/coordination/parameterProblems';
import { rememberedDataset, useExploreData } from '../explore/exploreData';
import { tweetLanguagesOf } from '../explore/tweetLanguages';
import { chosenValue, optionValue } from '../explore/emptyOption';
import { datasetOptionLabel } from '../datasetOptionLabel';

const KINDS = Object.keys(KIND_LABELS) as AnalysisKind[];

/** A refusal in words and the fields it is about: a coordination parameter, or the From and To days. */
type Problem = { fields: readonly (ParameterProblem['field'] | 'from' | 'to')[]; text: string };

/** Before a first build: the dataset open in Explore (the one the analyst is studying), else the newest. */
const defaultDataset = (datasets: DatasetRecord[]): string =>
  datasets.find((d) => d.id === rememberedDataset())?.id ?? datasets[datasets.length - 1]?.id ?? '';

/** Dataset, kind, filter and coordination parameters: everything the analysis worker needs. */
export function AnalysisForm({ datasets, running, onRun, onCancel, onInvalid, last, shown = false }: {
  datasets: DatasetRecord[]; running: boolean; onRun: (r: AnalysisRequest) => void; onCancel: () => void;
  /** The form refused its values (its own alert says why): an earlier run's failure is no longer the news. */
  onInvalid?: () => void;
  /** The request last run (back on the view): the form starts from it. */
  last?: AnalysisRequest | null;
  /** Whether a network is shown below (one built before stays while the form refuses its values). */
  shown?: boolean;
}) {
  const [datasetId, setDatasetId] = useState(last?.datasetId ?? defaultDataset(datasets));
  const [kind, setKind] = useState<AnalysisKind>(last?.kind ?? 'coretweet');
  const f = last?.filter;
  const [from, setFrom] = useState(f?.fromMinute !== undefined ? dayOfMinute(f.fromMinute) : '');
  // toMinute is exclusive (the day after the To day): the To day holds the minute before it.
  const [to, setTo] = useState(f?.toMinute !== undefined ? dayOfMinute(f.toMinute - 1) : '');
  // The option chosen: '' for any language, optionValue('') for tweets with none.
  const [language, setLanguage] = useState(f?.language !== undefined ? optionValue(f.language) : '');
  const [accounts, setAccounts] = useState(f?.userids?.join(' ') ?? '');
  const c = last?.coordination;
  const [windowSeconds, setWindow] = useState<number>(c?.windowSeconds ?? COORDINATION_DEFAULTS.windowSeconds);
  const [minRepeat, setMinRepeat] = useState<number>(c?.minRepeat ?? COORDINATION_DEFAULTS.minRepeat);
  const [alpha, setAlpha] = useState<number>(c?.alpha ?? COORDINATION_DEFAULTS.alpha);
  const [replicates, setReplicates] = useState<number>(c?.replicates ?? COORDINATION_DEFAULTS.replicates);
  const [sweep, setSweep] = useState(c?.sweep ?? true);
  const [problems, setProblems] = useState<Problem[]>([]);
  const problemsId = useId();
  /** A refused field is marked invalid and described by the alert that says why, while it is shown. */
  const refusedBy = (field: Problem['fields'][number]) => (problems.some((p) => p.fields.includes(field)) ? problemsId : undefined);
  const invalidity = (field: Problem['fields'][number]) => (refusedBy(field) ? { 'aria-invalid': true, 'aria-describedby': problemsId } : {});
  const coord = isCoordinationKind(kind);
  const dataset = datasets.some((d) => d.id === datasetId) ? datasetId : defaultDataset(datasets);
  // The tweet languages of the dataset, as Search offers them (“(empty)” for tweets with none): a
  // language is chosen, never typed, so the filter and the summary carry the code as archived.
  const { data } = useExploreData(datasets.find((d) => d.id === dataset));
  const languages = useMemo(() => tweetLanguagesOf(data?.aggregates), [data]);
  // Until they are read, a language chosen before (the last build's) stays offered; one the dataset lacks is no choice.
  const offered = data ? languages : language ? [chosenValue(language)!] : [];
  const chosenLanguage = offered.map(optionValue).find((o) => o.toLowerCase() === language.toLowerCase()) ?? '';

  const params: CoordinationParameters = { windowSeconds, minRepeat, alpha, replicates };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const found: Problem[] = [
      ...(coord ? parameterProblems(params).map(({ field, text }) => ({ fields: [field], text })) : []),
      ...([['From day', from, 'from'], ['To day', to, 'to']] as const).filter(([, day]) => dayProblem(day)).map(([label, day, field]) => ({ fields: [field], text: `${label}: ${dayProblem(day)}` })),
      ...(!dayProblem(from) && !dayProblem(to) && from && to && to < from ? [{ fields: ['from', 'to'] as const, text: 'The To day is before the From day: no tweet can match.' }] : []),
    ];
    setProblems(found);
    if (found.length) return onInvalid?.();
    const userids = accounts.split(/[\s,]+/).filter(Boolean);
    onRun({
      datasetId: dataset, kind,
      filter: { fromMinute: dayToMinute(from), toMinute: dayToMinute(to, 1), language: chosenValue(chosenLanguage), userids },
      coordination: { windowSeconds, minRepeat, alpha, replicates, seed: COORDINATION_DEFAULTS.seed, sweep },
    });
  };

  return (
    <form className="network-form" onSubmit={submit} aria-label="Network analysis" noValidate>
      <label>Dataset
        <select value={dataset} onChange={(e) => setDatasetId(e.target.value)}>
          {datasets.map((d) => <option key={d.id} value={d.id}>{datasetOptionLabel(d)}</option>)}
        </select>
      </label>
      <label>Network kind
        <select value={kind} onChange={(e) => setKind(e.target.value as AnalysisKind)}>
          {KINDS.map((k) => <option key={k} value={k}>{KIND_LABELS[k]}</option>)}
        </select>
      </label>
      <fieldset>
        <legend>Filter (UTC)</legend>
        <DayField label="From day" className="day-field" value={from} onApply={setFrom} refusedBy={refusedBy('from')} />
        <DayField label="To day (inclusive)" className="day-field" value={to} onApply={setTo} refusedBy={refusedBy('to')} />
        <label>Tweet language <select value={chosenLanguage} onChange={(e) => setLanguage(e.target.value)}><option value="">any</option>{offered.map((l) => <option key={l} value={optionValue(l)}>{l || '(empty)'}</option>)}</select></label>
        <label>Only accounts (user ids or @names) <input type="text" value={accounts} placeholder="all" onChange={(e) => setAccounts(e.target.value)} /></label>
      </fieldset>
      {coord && (
        <fieldset>
          <legend>Coordination parameters</legend>
          <label>Window Δt (seconds) <input type="number" {...rangeAttributes('windowSeconds', params)} value={windowSeconds} {...invalidity('windowSeconds')} onChange={(e) => setWindow(Number(e.target.value))} /></label>
          <label>Minimum repeats <input type="number" {...rangeAttributes('minRepeat', params)} value={minRepeat} {...invalidity('minRepeat')} onChange={(e) => setMinRepeat(Number(e.target.value))} /></label>
          <label>FDR alpha <input type="number" {...rangeAttributes('alpha', params)} value={alpha} {...invalidity('alpha')} onChange={(e) => setAlpha(Number(e.target.value))} /></label>
          <label>Null-model replicates <input type="number" {...rangeAttributes('replicates', params)} value={replicates} {...invalidity('replicates')} onChange={(e) => setReplicates(Number(e.target.value))} /></label>
          <label><input type="checkbox" checked={sweep} onChange={(e) => setSweep(e.target.checked)} /> Window sweep 10 s … 1 h</label>
          <p className="muted" role="note">tweet_time has minute precision: two posts in the same minute have Δt 0 s, in adjacent minutes 60 s, so any window under 60 s means “same minute”.</p>
        </fieldset>
      )}
      {problems.length > 0 && (
        <div role="alert" className="error" id={problemsId}>
          {/* An earlier result stays on the page (nothing lost), but no longer matches the form: said. */}
          <p>Not built{shown ? ' (the network shown below is the one built before, with the settings its summary names)' : ''}:</p>
          <ul>{problems.map((p) => <li key={p.text}>{p.text}</li>)}</ul>
        </div>
      )}
      <div className="network-actions">
        <button type="submit" disabled={running || !dataset}>Build network</button>
        {running && <button type="button" onClick={onCancel} ref={focusIfLost}>Cancel</button>}
      </div>
    </form>
  );
}

/**
 * A field's min, max and step from the one rule the form checks on Build (COORDINATION_RANGES), for
 * the spinner (the rule itself is checked on Build). Its min is the least value Build accepts with the
 * other fields as they are (leastAccepted): ↓ stops at a valid value, never at alpha 0 (which is not
 * above 0) nor at replicates too few for the alpha. Alpha steps 'any', so that every alpha typed stays
 * valid in the browser's eyes too; with replicates out of range, it stops where the default replicates would.
 */
function rangeAttributes(field: keyof CoordinationParameters, p: CoordinationParameters): { min: number; max?: number; step: number | 'any' } {
  const r = COORDINATION_RANGES[field];
  const min = leastAccepted(field, p) ?? (field === 'alpha' ? smallestAlpha(COORDINATION_DEFAULTS.replicates) : r.min);
  return { min, ...(r.max === undefined ? {} : { max: r.max }), step: r.integer ? 1 : 'any' };
}
