import { useEffect, useRef, useState } from 'react';

/** How long typing in a number field must pause before the view is built with what was typed. */
export const TYPING_PAUSE_MS = 400;

/**
 * A view's settings as its fields show them (`shown`) and as the view is built from them (`applied`).
 * A number typed into a field applies once typing pauses (`set(patch, true)`): each keystroke built
 * and laid out the view again (typing 5000 drew 5, 50 and 500 nodes first, and clearing Min weight to
 * type a new one drew every edge). A choice from a list or a box applies at once, with any typing
 * still pending.
 */
export function usePausedSettings<T extends object>(initial: () => T): { shown: T; applied: T; set: (patch: Partial<T>, typed?: boolean) => void } {
  const [shown, setShown] = useState(initial);
  const [applied, setApplied] = useState(shown);
  const latest = useRef(shown);
  const pause = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(pause.current), []);
  const set = (patch: Partial<T>, typed = false) => {
    const next = { ...latest.current, ...patch };
    latest.current = next;
    setShown(next);
    clearTimeout(pause.current);
    if (typed) pause.current = setTimeout(() => setApplied(next), TYPING_PAUSE_MS);
    else setApplied(next);
  };
  return { shown, applied, set };
}
