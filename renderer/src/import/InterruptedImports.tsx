import { useEffect, useState } from 'react';
import { focusPageHeading } from '../app/focusIfLost';
import { utcInstantMinuteText } from '../../../shared/report/reportTimes';
import { db } from '../store/database';
import type { ImportRecord } from '../store/schema';
import { getDataset } from '../store/read/datasetReader';
import { DATASETS_CHANGED } from '../store/datasetsChanged';
import { startupSweep } from '../store/startupSweep';
import { dismissInterruptedImport, interruptedImports } from '../store/write/sweepIncompleteImports';

/**
 * Tells the analyst of imports that a crash or a closed window cut short: the start-up sweep has
 * deleted what they wrote, so without this notice their files would just be missing.
 */
export function InterruptedImports({ imported }: { imported?: string[] }) {
  const [imports, setImports] = useState<(ImportRecord & { into?: string })[]>([]);
  useEffect(() => {
    let live = true;
    const load = () =>
      void startupSweep()
        .then(() => interruptedImports(db))
        // The dataset it was adding to, when that exists (else it was to become a new dataset).
        .then((list) => Promise.all(list.map(async (i) => ({ ...i, into: (await getDataset(db, i.datasetId))?.name }))))
        .then((list) => live && setImports(list));
    load();
    // A sweep after start-up (an import whose page was reloaded or closed while this one ran) shows here too.
    window.addEventListener(DATASETS_CHANGED, load);
    return () => {
      live = false;
      window.removeEventListener(DATASETS_CHANGED, load);
    };
  }, []);
  const dismiss = async (id: string, refocus = false) => {
    await dismissInterruptedImport(db, id);
    setImports((list) => list.filter((i) => i.id !== id));
    // The button is gone with its notice: focus goes to the page's heading, not to its body.
    if (refocus) focusPageHeading();
  };
  // Once an import has read every file of an interrupted one (imported or found already stored), its notice has done its work.
  const importedKey = imported?.join('\n');
  useEffect(() => {
    if (!imported) return;
    const done = new Set(imported);
    for (const i of imports) if (i.fileNames.every((f) => done.has(f))) void dismiss(i.id);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on each new import outcome only
  }, [importedKey]);
  if (!imports.length) return null;
  return (
    <section className="import-alert" role="alert" aria-label="Interrupted imports">
      {imports.map((i) => (
        <div key={i.id}>
          <p>
            The import of {i.fileNames.map((f, k) => <span key={k}>{k > 0 && ', '}<bdi>{f}</bdi></span>)}
            {i.into !== undefined ? <> into dataset “<bdi>{i.into}</bdi>”</> : ' as a new dataset'}, started{' '}
            {utcInstantMinuteText(i.startedAt)}, did not finish: the app closed during it. Nothing of
            it was kept, and the datasets imported before it are intact. Import the files again to add them.
          </p>
          <button type="button" onClick={() => void dismiss(i.id, true)}>Dismiss</button>
        </div>
      ))}
    </section>
  );
}
