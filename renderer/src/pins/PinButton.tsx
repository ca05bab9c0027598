import { useState } from 'react';
import { pinToCase, type EvidenceItemDraft } from './pinApi';

/** "Pin to case" for any item; says when it is done. `label` names the item for screen readers. */
export function PinButton({ item, label }: { item: () => EvidenceItemDraft; label: string }) {
  const [pinned, setPinned] = useState(false);
  return (
    <button type="button" className="pin-button" aria-label={`${pinned ? "Pinned" : "Pin to case"}: ${label}`} aria-pressed={pinned}
      onClick={() => void pinToCase(item()).then(() => setPinned(true))}>
      {pinned ? 'Pinned' : 'Pin to case'}
    </button>
  );
}
