import { useEffect, useRef, useSyncExternalStore } from 'react';
import { importSession } from './importSession';

export type { ImportState } from './importSession';

/** The app's import (importSession) as React state; `onFinished` runs when an import ends. */
export function useImportWorker(onFinished: () => void) {
  const s = importSession;
  const state = useSyncExternalStore(s.subscribe, s.getState);
  const finished = useRef(onFinished);
  finished.current = onFinished;
  useEffect(() => s.onFinished(() => finished.current()), [s]);
  return { state, start: s.start, cancel: s.cancel, decide: s.decide, dismiss: s.dismiss };
}
