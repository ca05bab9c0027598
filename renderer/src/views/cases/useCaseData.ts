import { useCallback, useEffect, useState } from 'react';
import type { KeyStatus } from '../../../../shared/api/hostApi';
import { CASES_CHANGED } from '../../cases/caseStore';
import { PINS_CHANGED } from '../../pins/pinApi';
import { crossWindowEvent } from '../../store/crossWindowEvent';
import { host } from '../../host/host';

/** Re-runs `load` whenever cases, custody, pins or the key change, in this window or another. */
export function useLive<T>(load: () => Promise<T>, deps: unknown[]): [T | undefined, () => void] {
  const [value, setValue] = useState<T>();
  const [tick, setTick] = useState(0);
  const refresh = useCallback(() => setTick((t) => t + 1), []);
  useEffect(() => {
    let live = true;
    load().then((v) => live && setValue(v), (e) => console.warn(e));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  useEffect(() => {
    window.addEventListener(CASES_CHANGED, refresh);
    window.addEventListener(PINS_CHANGED, refresh);
    window.addEventListener(KEYS_CHANGED, refresh);
    return () => {
      window.removeEventListener(CASES_CHANGED, refresh);
      window.removeEventListener(PINS_CHANGED, refresh);
      window.removeEventListener(KEYS_CHANGED, refresh);
    };
  }, [refresh]);
  return [value, refresh];
}

/** The analyst's key was created, imported or rotated, in this window or another. */
export const KEYS_CHANGED = 'dw:keys-changed';
export const announceKeysChanged = crossWindowEvent(KEYS_CHANGED);

export function useKeyStatus(): KeyStatus | undefined {
  return useLive(() => host['keys:status'](), [])[0];
}
