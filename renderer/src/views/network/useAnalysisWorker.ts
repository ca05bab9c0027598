import { useSyncExternalStore } from 'react';
import { analysisSession } from './analysisSession';

export type { AnalysisState } from './analysisSession';

/** The app's network analysis (analysisSession), as React state. */
export function useAnalysisWorker() {
  const s = analysisSession;
  const state = useSyncExternalStore(s.subscribe, s.getState);
  return { state, request: s.request, run: s.run, cancel: s.cancel, exportView: s.exportView, edgeTweets: s.edgeTweets };
}
