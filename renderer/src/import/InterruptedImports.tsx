import { useEffect, useState } from 'react';
import { utcMinuteText } from '../../../shared/report/reportTimes';
import { db } from '../store/database';
import type { ImportRecord } from '../store/schema';
import { startupSweep } from '../store/startupSweep';
import { dismissInterruptedImport, interruptedImports } from '../store/write/sweepIncompleteImports';

/**
 * Tells the analyst of imports that a crash or a closed window cut short: the start-up sweep has
 * deleted what they wrote, so without this notice their files would just be missing.
 */
export function InterruptedImports() {
  const [imports, setImports] = useState<ImportRecord[]>([]);
  useEffect(() => {
    let live = true;
    void startupSweep()
      .then(() => interruptedImports(db))
      .then((list) => live && setImports(list));
    return () => void (live = false);
  }, []);
  const dismiss = async (id: string) => {
    await dismissInterruptedImport(db, id);
    setImports((list) => list.filter((i) => i.id !== id));
  };
  if (!imports.length) return null;
  return (
    <section className="import-alert" role="alert" aria-label="Interrupted imports">
      {imports.map((i) => (
        <div key={i.id}>
          <p>
            The import of {i.fileNames.map((f, k) => <span key={k}>{k > 0 && ', '}<bdi>{f}</bdi></span>)}, started{' '}
            {utcMinuteText(Math.floor(Date.parse(i.startedAt) / 60_000))}, did not finish: the app closed during it. Nothing of
            it was kept, and the datasets imported before it are intact. Import the files again to add them.
          </p>
          <button type="button" onClick={() => void dismiss(i.id)}>Dismiss</button>
        </div>
      ))}
    </section>
  );
}
