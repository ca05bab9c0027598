import { useEffect, useRef, useState } from 'react';
import { CASES_CHANGED } from '../cases/caseStore';
import { db } from '../store/database';
import { DiscardedPinUndo } from './DiscardedPinUndo';
import { discardWaitingPin, PINS_CHANGED, pinToCase, restoreWaitingPins, type EvidenceItemDraft } from './pinApi';
import { sameItem, type PinRecord } from './pinTypes';
import { storageFailureMessage } from '../store/diskGuard';
import { currentActor } from '../cases/actor';

/** Where an item is pinned already: nowhere, waiting for a case, or in these cases. */
type PinPlace = { kind: 'none' } | { kind: 'loose' } | { kind: 'in-case'; cases: string[] };

/** Every pin and case name, read once for all the buttons on a page and again when pins or cases change. */
let stored: Promise<{ pins: PinRecord[]; caseNames: Map<string, string> }> | null = null;
const forget = () => void (stored = null);
window.addEventListener(PINS_CHANGED, forget);
window.addEventListener(CASES_CHANGED, forget);
const readStored = () =>
  (stored ??= Promise.all([db.pins.toArray(), db.cases.toArray()]).then(([pins, cases]) => ({ pins, caseNames: new Map(cases.map((c) => [c.id, c.name])) })));

async function placeOf(item: EvidenceItemDraft): Promise<PinPlace> {
  const { pins, caseNames } = await readStored();
  const same = pins.filter((p) => p.datasetId === item.datasetId && sameItem(p, item));
  if (same.some((p) => !p.caseId)) return { kind: 'loose' };
  const cases = same.map((p) => caseNames.get(p.caseId!)).filter((n): n is string => n !== undefined);
  return cases.length ? { kind: 'in-case', cases } : { kind: 'none' };
}

/**
 * "Pin to case" for any item; says when it is pinned already, waiting for a case (pressed again, it
 * takes the waiting pin back, with an Undo beside it that puts back the same pin until pins or cases
 * change next) or in one (pinning it again then gives a pin for another case). `label` names the item for screen readers. `stored`
 * adds what the pin keeps beyond what identifies the item, made only when it is pinned (a chart's
 * SVG: rendering it at every check of the button's state would be wasted).
 */
export function PinButton({ item, label, stored = (i) => i }: { item: () => EvidenceItemDraft; label: string; stored?: (item: EvidenceItemDraft) => EvidenceItemDraft | Promise<EvidenceItemDraft> }) {
  // Known for the item of this label, else not read yet: the button waits, disabled, rather than offer
  // "Pin to case" for an item pinned already (and then flip to "Pinned").
  const [known, setKnown] = useState<{ label: string; place: PinPlace } | null>(null);
  const place = known?.label === label ? known.place : null;
  const setPlace = (p: PinPlace) => setKnown({ label, place: p });
  const [error, setError] = useState('');
  // The waiting pins this button just took back, as they were (their ids, which a case's note and tags
  // name, and the content stored with them), for Undo: kept for the item of this label, until the next change.
  const [discarded, setDiscarded] = useState<{ label: string; pins: PinRecord[] } | null>(null);
  const undoable = discarded?.label === label ? discarded.pins : null;
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    let live = true;
    // A change of pins or cases (here or in another window) ends the Undo: putting back a pin then could
    // take the place of a waiting pin made or taken out of a case since. This button's own take-back
    // announces its change before it offers Undo.
    const update = () => {
      setDiscarded(null);
      void placeOf(item()).then((p) => live && setKnown({ label, place: p }), () => {});
    };
    update();
    window.addEventListener(PINS_CHANGED, update);
    window.addEventListener(CASES_CHANGED, update);
    return () => {
      live = false;
      window.removeEventListener(PINS_CHANGED, update);
      window.removeEventListener(CASES_CHANGED, update);
    };
    // The item is read when the button mounts (and when pins change), not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [label]);
  if (!place) {
    // As wide as "Pin to case" (its text kept, unseen): no jump when the state is known.
    return (
      <>
        <button type="button" className="pin-button" disabled aria-busy="true" aria-label={`Checking whether it is pinned: ${label}`}>
          <span style={{ visibility: 'hidden' }}>Pin to case</span>
        </button>
      </>
    );
  }
  const text = place.kind === 'loose' ? 'Pinned' : place.kind === 'in-case' ? `In case “${place.cases.join('”, “')}”: pin again` : 'Pin to case';
  return (
    <>
      {/* A toggle while the pin waits for a case: pressed again, it takes the pin back (a pin in a case is the case's). */}
      <button type="button" ref={button} className="pin-button" aria-label={`${text}: ${label}`} title={place.kind === 'in-case' ? text : place.kind === 'loose' ? 'Pinned, waiting for a case: press again to take it back' : undefined} aria-pressed={place.kind === 'loose'}
        onClick={(e) => {
          setError('');
          // A double click's second click (detail 2) is not a second press: it would take back the pin the first made.
          if (place.kind === 'loose' && e.detail > 1) return;
          if (place.kind === 'loose') {
            // item() inside the chain: a throw (a chart being redrawn) is said beside the button, not lost in the click.
            void Promise.resolve().then(item).then(discardWaitingPin).then((pins) => {
              setPlace({ kind: 'none' });
              if (pins.length) setDiscarded({ label, pins });
            }, (e: unknown) => setError(`Not taken back: ${storageFailureMessage(e, 'the change')}`));
            return;
          }
          setDiscarded(null);
          void Promise.resolve().then(item).then(stored).then((i) => pinToCase(i)).then(() => setPlace({ kind: 'loose' }), (e: unknown) => setError(`Not pinned: ${storageFailureMessage(e, 'the pin')}`));
        }}>
        {place.kind === 'in-case' ? (
          // Each case name in <bdi>: two right-to-left names, or one beside the quotes, must not interleave.
          <>In case {place.cases.map((c, i) => <span key={i}>{i ? ', ' : ''}“<bdi>{c}</bdi>”</span>)}: pin again</>
        ) : (
          text
        )}
      </button>
      {/* Only beside a pin that waits, or was just taken back: a table of pin buttons has no empty live region a row. */}
      {(place.kind === 'loose' || undoable) && (
        <DiscardedPinUndo compact name={undoable ? label : null} onUndo={() => {
          setError('');
          // Who a custody entry names, should putting it back join a case's note onto it (restoreWaitingPins).
          void currentActor().then((actor) => restoreWaitingPins(undoable!, actor)).then(() => {
            setDiscarded(null);
            setPlace({ kind: 'loose' });
            // Undo goes with its button: focus goes back to the pin button, not to the page's body.
            button.current?.focus();
          }, (e: unknown) => setError(`Not put back: ${storageFailureMessage(e, 'the pin')}`));
        }} />
      )}
      {error && <span role="alert" className="error"> {error}</span>}
    </>
  );
}
