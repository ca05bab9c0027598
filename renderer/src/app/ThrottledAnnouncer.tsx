import { useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';

/**
 * A progress line on screen, and what a screen reader is told of it: the line is redrawn up to five
 * times a second, and a live region around it was read out without end (each message takes seconds
 * to speak). The line itself is not live; a hidden live region repeats its text when `topic` (the
 * phase) changes and otherwise at most every `everyMs`.
 */
export function ThrottledAnnouncer({ topic, everyMs = 5000, block = false, children }: { topic: string; everyMs?: number; block?: boolean; children: ReactNode }) {
  const line = useRef<HTMLElement>(null);
  const last = useRef<{ topic: string | null; at: number }>({ topic: null, at: 0 });
  const [said, setSaid] = useState('');
  useLayoutEffect(() => {
    const now = performance.now();
    if (topic === last.current.topic && now - last.current.at < everyMs) return;
    last.current = { topic, at: now };
    setSaid(line.current?.textContent ?? '');
  });
  return (
    <>
      {block ? <div ref={line as RefObject<HTMLDivElement>}>{children}</div> : <span ref={line as RefObject<HTMLSpanElement>}>{children}</span>}
      <span className="visually-hidden" role="status" data-testid="announced">{said}</span>
    </>
  );
}
