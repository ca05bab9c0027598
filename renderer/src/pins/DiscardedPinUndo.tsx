import type { Ref } from 'react';

/**
 * What a discarded waiting pin leaves behind: a polite status saying so, and Undo (its handler puts back
 * the same records with restoreWaitingPins). Shared by the Case page's Discard and the pin buttons of
 * Explore and Network. The region is rendered before it speaks, empty while `name` is null (a live region
 * inserted with its words is often not read). `name` names the pin; `compact` keeps only Undo in sight
 * (beside a pin button, which just said what happened), the words still read out.
 */
export function DiscardedPinUndo({ name, onUndo, compact = false, testId, undoRef }: { name: string | null; onUndo: () => void; compact?: boolean; testId?: string; undoRef?: Ref<HTMLButtonElement> }) {
  const Region = compact ? 'span' : 'div';
  const Line = compact ? 'span' : 'p';
  return (
    <Region role="status" data-testid={testId} className={compact ? 'pin-undo' : undefined}>
      {name !== null && (
        <Line>
          <span className={compact ? 'visually-hidden' : undefined}>Pin discarded: <bdi>{name}</bdi>.</span>{' '}
          <button type="button" ref={undoRef} onClick={onUndo} aria-label={`Undo: put back the pin “${name}”`}>Undo</button>
        </Line>
      )}
    </Region>
  );
}
