import { useSyncExternalStore } from 'react';
import { importSession } from '../import/importSession';
import { hrefFor } from './routes';

/**
 * An import runs on while the analyst uses other views (importSession): the header says so, with a
 * link back to its progress, and when it ends, how. Not shown on the Datasets view, which shows it whole.
 */
export function ImportIndicator({ here }: { here: boolean }) {
  const state = useSyncExternalStore(importSession.subscribe, importSession.getState);
  if (here || state.status === 'idle') return null;
  const p = state.status === 'running' ? state.progress : null;
  const text =
    state.status === 'running' ? `Importing${p && p.totalBytes > 0 ? `: ${Math.floor((100 * p.bytes) / p.totalBytes)}%` : '…'}`
    : state.status === 'deciding' ? 'Import: files were refused, your choice is needed'
    : state.status === 'done' ? 'Import finished'
    : state.status === 'failed' ? 'Import failed'
    : 'Import cancelled';
  // A live region around the link (a role on the link itself would hide its name from assistive technology).
  return (
    <span role="status" className="import-indicator-region">
      <a className="import-indicator" href={hrefFor('datasets')}>{text}</a>
    </span>
  );
}
