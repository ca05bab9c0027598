import { countOf } from '../../import/formatters';
import { utcInstantText } from '../../../../shared/report/reportTimes';
import { memo, useCallback, useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { verifyCustody } from '../../../../shared/evidence/custodyLog';
import { evidenceKindLabel } from '../../../../shared/evidence/evidenceKinds';
import { hrefFor } from '../../app/routes';
import { archiveCase, attachPin, attachPins, caseItems, detachPin, EditConflict, getCase, parseTags, readCustody, renameCase, setCaseNotes, setItemNote, setItemTags, tagsText } from '../../cases/caseStore';
import { discardWaitingPin, listUnattachedPins, restoreWaitingPins } from '../../pins/pinApi';
import { sameItem, type PinRecord } from '../../pins/pinTypes';
import { DiscardedPinUndo } from '../../pins/DiscardedPinUndo';
import { db } from '../../store/database';
import { CustodyTable } from './CustodyTable';
import { ExportPanel } from './ExportPanel';
import { KeyPanel } from './KeyPanel';
import { actorOf } from '../../cases/actor';
import { useKeyStatus, useLive } from './useCaseData';
import { storageFailureMessage } from '../../store/diskGuard';
import { draftKeys, readDraft, unsavedList, unsavedTexts } from '../../cases/noteDrafts';
import { caseDraftsElsewhere } from '../../cases/otherWindowsDrafts';

export function CasePage({ caseId }: { caseId: string }) {
  const key = useKeyStatus();
  const actor = actorOf(key);
  const [data] = useLive(async () => {
    const [c, items, custody, loose] = await Promise.all([getCase(db, caseId), caseItems(db, caseId), readCustody(db, caseId), listUnattachedPins(db)]);
    return { c, items, custody, loose, verdict: verifyCustody(custody) };
  }, [caseId]);
  // The Rename form, open with the name typed so far: kept over a view switch or a reload, as notes are (noteDrafts).
  const [newName, keepNewName] = useState<string | null>(() => sessionStorage.getItem(draftKeys.name(caseId)));
  const setNewName = (name: string | null) => {
    if (name === null) sessionStorage.removeItem(draftKeys.name(caseId));
    else sessionStorage.setItem(draftKeys.name(caseId), name);
    keepNewName(name);
  };
  const [confirmArchive, setConfirmArchive] = useState(false);
  // Archive is asking the other windows for their unsaved texts (a moment): not pressed twice meanwhile.
  const [archiving, setArchiving] = useState(false);
  const [error, setError] = useState('');
  // The waiting pins last discarded, offered back (Undo) until the next change on the page; `index` is where they were in the list.
  const [discarded, setDiscarded] = useState<{ pins: PinRecord[]; index: number } | null>(null);
  // The item last removed from the case, said until the next change (it goes back to the waiting pins, where Add takes it again).
  const [removed, setRemoved] = useState<string | null>(null);
  const undoDiscard = useRef<HTMLButtonElement>(null);
  // Keyboard users arrive on the case (after Create case focus was left on the page's body).
  const focused = useRef(false);
  const focusOnce = useCallback((el: HTMLHeadingElement | null) => {
    if (el && !focused.current) {
      focused.current = true;
      el.focus({ preventScroll: true });
    }
  }, []);
  // Add, Discard and Remove take their button away: focus moves to the button now in its place in the same
  // list (or the last one), else to the items heading, instead of falling to the page's body.
  const refocus = useRef<{ action: 'add' | 'remove' | 'discard'; index: number } | null>(null);
  useEffect(() => {
    const r = refocus.current;
    if (!r || !data) return;
    refocus.current = null;
    const buttons = document.querySelectorAll<HTMLElement>(`[data-case-action="${r.action}"]`);
    // The last waiting pin discarded: its Undo, rather than the items heading far above it.
    const none = r.action === 'discard' ? undoDiscard.current : null;
    (buttons[Math.min(r.index, buttons.length - 1)] ?? none ?? document.getElementById('case-items-title'))?.focus();
  }, [data]);
  // Rename and Archive replace their buttons too: focus goes to what takes their place, then back.
  const focusAfter = useRef<'rename' | 'archive' | 'heading' | null>(null);
  const focusTarget = (name: 'rename' | 'archive' | 'heading') => (el: HTMLElement | null) => {
    if (el && focusAfter.current === name) {
      focusAfter.current = null;
      el.focus();
    }
  };
  /** Runs a change; its refusal is shown on the page, and the returned promise still rejects with it. */
  const attempt = (f: () => Promise<void>): Promise<void> => {
    setError('');
    setDiscarded(null);
    setRemoved(null);
    return f().catch((e: Error) => {
      // A text saved over another window's is said beside its box (NoteEditor), not at the page's top.
      if (!(e instanceof EditConflict)) setError(storageFailureMessage(e, 'the change'));
      throw e;
    });
  };
  const act = (f: () => Promise<void>) => () => void attempt(f).catch(() => undefined);

  if (!data) return <p role="status">Loading case…</p>;
  const { c, items, custody, loose, verdict } = data;
  // A waiting pin of an item this case already holds (pinned again for another case) cannot be added here:
  // offering it made its Add fail every time, and made Add every waiting pin add none of the others.
  const inThisCase = (p: PinRecord) => items.some((i) => sameItem(i, p));
  const addable = loose.filter((p) => !inThisCase(p));
  if (!c) {
    return (
      <section aria-labelledby="view-title">
        <h1 id="view-title">Case not found</h1>
        <a href={hrefFor('cases')}>All cases</a>
      </section>
    );
  }
  // Cancelled, a refused name's message goes too: it is not shown again when Rename… is opened again.
  const cancelRename = () => {
    focusAfter.current = 'rename';
    setNewName(null);
    setError('');
  };
  const rename = (e: FormEvent) => {
    e.preventDefault();
    act(async () => {
      await renameCase(db, c.id, newName ?? c.name, actor);
      focusAfter.current = 'rename';
      setNewName(null);
    })();
  };

  return (
    <section aria-labelledby="view-title" className="case-page">
      <p>
        <a href={hrefFor('cases')}>All cases</a> · <a href={`#/report/case/${encodeURIComponent(c.id)}`}>Preview the evidence report</a>
      </p>
      <h1 id="view-title" dir="auto" tabIndex={-1} ref={(el) => { focusOnce(el); focusTarget('heading')(el); }}>{c.name}</h1>
      <p className="muted">
        Case <code>{c.id}</code>, opened {utcInstantText(c.createdAt)} by {c.createdBy}. {c.archived ? 'Archived.' : ''}
      </p>
      <div className="inline-form">
        {/* An archived case's name is read-only, as its notes and tags are (the store refuses a rename too). A form
            open when it was archived in another window stays: its Save says why it is refused, the name typed still in sight. */}
        {newName === null && c.archived ? (
          <span className="muted" tabIndex={-1} ref={focusTarget('rename')}>Archived: the name is read-only</span>
        ) : newName === null ? (
          <button type="button" onClick={() => setNewName(c.name)} ref={focusTarget('rename')}>Rename…</button>
        ) : (
          // Escape is Cancel anywhere in the form (on its buttons too), as in Confirm archiving.
          <form onSubmit={rename} className="inline-form" onKeyDown={(e) => e.key === 'Escape' && cancelRename()}>
            <label htmlFor="rename-case">New name</label>
            <input id="rename-case" value={newName} onChange={(e) => setNewName(e.target.value)} dir="auto" required autoFocus />
            <button type="submit">Save name</button>
            <button type="button" onClick={cancelRename}>Cancel</button>
          </form>
        )}
        {!c.archived && !confirmArchive && <button type="button" onClick={() => setConfirmArchive(true)} ref={focusTarget('archive')}>Archive case…</button>}
        {!c.archived && confirmArchive && (
          <span role="group" aria-label="Confirm archiving" onKeyDown={(e) => {
            if (e.key !== 'Escape') return; // as Keep it open
            focusAfter.current = 'archive';
            setConfirmArchive(false);
          }}>
            Archived for good: the case then takes no new evidence, no item can be removed, and its name, notes and tags can no longer be changed.{' '}
            <button type="button" className="danger" disabled={archiving} aria-busy={archiving} onClick={act(async () => {
              // A note or tags typed and not saved would be read-only once archived: saved first, or left as they are, by the analyst.
              const unsaved = [...(newName !== null && newName.trim() !== c.name ? ['the new name'] : []), ...unsavedTexts(c.id, items)];
              if (unsaved.length) throw new Error(`Not archived: text not saved yet in ${unsavedList(unsaved)}. Save it first, or put back the saved text: once archived, the case’s notes and tags can no longer be changed.`);
              // ...and so would another window's (the browser host's tabs), left typed and unsaveable there.
              setArchiving(true);
              const elsewhere = await caseDraftsElsewhere(c.id).finally(() => setArchiving(false));
              const otherName = elsewhere.get(draftKeys.name(c.id));
              const unsavedElsewhere = [...(otherName !== undefined && otherName.trim() !== c.name ? ['the new name'] : []), ...unsavedTexts(c.id, items, (k) => elsewhere.has(k))];
              if (unsavedElsewhere.length) throw new Error(`Not archived: another window holds text not saved yet in ${unsavedList(unsavedElsewhere)}. Save it there first, or put back the saved text: once archived, the case’s notes and tags can no longer be changed.`);
              focusAfter.current = 'heading';
              await archiveCase(db, c.id, actor);
              setNewName(null);
            })}>Archive</button>{' '}
            {/* The safe choice takes the focus: Enter pressed twice does not archive. */}
            <button type="button" autoFocus onClick={() => { focusAfter.current = 'archive'; setConfirmArchive(false); }}>Keep it open</button>
          </span>
        )}
      </div>
      {error && <p role="alert" className="error">{error}</p>}

      <h2 id="case-notes-title">Case notes</h2>
      {/* Its label is the heading above: a second "Case notes" beside the box would only repeat it. */}
      <NoteEditor what="notes" multiline draftKey={draftKeys.notes(c.id)} label="Case notes" hideLabel value={c.notes ?? ''} archived={!!c.archived} onSave={(notes, base) => attempt(() => setCaseNotes(db, c.id, notes, actor, base))} />

      <h2 id="case-items-title" tabIndex={-1}>Evidence items ({items.length})</h2>
      {/* An archived case takes no evidence: telling the analyst to add some here could not be followed. */}
      {items.length === 0 && <p className="muted" data-testid="case-empty">{c.archived ? 'No evidence items: the case was archived without any, and takes none now.' : 'Nothing pinned yet. Pin accounts, posts, charts or coordination edges in Explore and Network, then add them here.'}</p>}
      {items.length > 0 && (
        <table aria-label="Evidence items">
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Item</th>
              <th scope="col">Source rows</th>
              <th scope="col">Note and tags</th>
              <th scope="col"><span className="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {items.map((p, i) => (
              <ItemRow key={p.id} caseId={c.id} pin={p} index={i} note={c.itemNotes[p.id] ?? ''} tags={tagsText(c.itemTags?.[p.id])} archived={!!c.archived} actor={actor}
                attempt={attempt} onRemoved={() => {
                  refocus.current = { action: 'remove', index: i };
                  setRemoved(p.title);
                }} />
            ))}
          </tbody>
        </table>
      )}
      {/* Present before it speaks (a live region inserted with its words is often not read). */}
      <p role="status" data-testid="remove-status">
        {removed !== null && <>Removed “<bdi>{removed}</bdi>” from the case: it waits under Pinned, not in a case yet, where Add puts it back.</>}
      </p>
      {loose.length > 0 && !c.archived && (
        <>
          <h3>Pinned, not in a case yet ({loose.length})</h3>
          {addable.length > 1 && (
            <p>
              <button type="button" onClick={act(async () => {
                await attachPins(db, c.id, addable.map((p) => p.id), actor);
                refocus.current = { action: 'add', index: 0 };
              })}>Add every waiting pin ({addable.length})</button>
            </p>
          )}
          <ul className="plain-list">
            {loose.map((p) => (
              <li key={p.id}>
                {inThisCase(p) ? <span className="muted" data-testid="already-in-case">Already in this case (pinned again for another case):</span> : (
                  <button type="button" data-case-action="add" onClick={act(async () => {
                    await attachPin(db, c.id, p.id, actor);
                    refocus.current = { action: 'add', index: addable.indexOf(p) };
                  })} aria-label={`Add ${p.title} to this case`}>Add</button>
                )}{' '}
                <span className="muted">{evidenceKindLabel(p.kind)}</span> <span dir="auto">{p.title}</span>{' '}
                <button type="button" data-case-action="discard" onClick={act(async () => {
                  const index = loose.indexOf(p);
                  const pins = await discardWaitingPin({ id: p.id });
                  refocus.current = { action: 'discard', index };
                  if (pins.length) setDiscarded({ pins, index });
                })} aria-label={`Discard ${p.title} (pinned by mistake: in no case yet)`}>Discard</button>
              </li>
            ))}
          </ul>
        </>
      )}
      {/* No timeout: Undo waits for the analyst's next change. */}
      <DiscardedPinUndo testId="discard-status" undoRef={undoDiscard} name={discarded ? discarded.pins[0]!.title : null} onUndo={act(async () => {
        await restoreWaitingPins(discarded!.pins, actor);
        refocus.current = { action: 'discard', index: discarded!.index };
      })} />

      <h2>Custody log</h2>
      {/* Not a live region while intact: every save adds an entry, and its hash read out would drown "Note saved". A break is alerted. */}
      <p role={verdict.ok ? undefined : 'alert'} className={verdict.ok ? 'ok' : 'error'} data-testid="custody-verdict">
        {verdict.ok
          ? `Chain intact: ${countOf(verdict.entries, 'entry', 'entries')}, head ${verdict.head.slice(0, 16)}…`
          : `Chain broken at entry ${verdict.brokenAt}: ${verdict.reason}`}
      </p>
      <CustodyTable entries={custody} brokenAt={verdict.ok ? null : verdict.brokenAt} />

      <ExportPanel caseId={c.id} items={items} />
      <KeyPanel />
    </section>
  );
}

/**
 * One evidence item's row, memoised: a change to one item (or the case's log) re-renders that row,
 * not the hundreds of others with their two editors each (a 670-item case froze ~1 s per change).
 * Its props are compared by value: the page reloads the case after every change, so the pins are new
 * objects each time.
 */
const ItemRow = memo(
  function ItemRow({ caseId, pin: p, note, tags, archived, actor, attempt, onRemoved }: {
    caseId: string; pin: PinRecord; index: number; note: string; tags: string; archived: boolean; actor: string;
    attempt: (f: () => Promise<void>) => Promise<void>; onRemoved: () => void;
  }) {
    return (
      <tr>
        <td>{evidenceKindLabel(p.kind)}</td>
        <td dir="auto">{p.title}</td>
        <td>
          {p.provenance.map((v) => (
            <div key={`${v.fileSha256}:${v.byteOffset}`} className="mono">
              row {v.row} · bytes {v.byteOffset}+{v.byteLength} · {v.fileSha256.slice(0, 12)}…
            </div>
          ))}
        </td>
        <td>
          {/* Labelled on screen ("Note", "Tags (comma-separated)"); the item's title, said with them, tells one row's boxes from another's. */}
          <NoteEditor draftKey={draftKeys.note(caseId, p.id)} archived={archived} label={<>Note<span className="visually-hidden"> on <bdi>{p.title}</bdi></span></>} value={note} onSave={(v, base) => attempt(() => setItemNote(db, caseId, p.id, v, actor, base))} />
          <NoteEditor what="tags" draftKey={draftKeys.tags(caseId, p.id)} archived={archived} label={<>Tags<span className="visually-hidden"> of <bdi>{p.title}</bdi></span> (comma-separated)</>} value={tags}
            normalise={(v) => tagsText(parseTags(v))} onSave={(v, base) => attempt(() => setItemTags(db, caseId, p.id, parseTags(v), actor, base))} />
        </td>
        <td>
          {!archived && <button type="button" data-case-action="remove" onClick={() => void attempt(async () => {
            await detachPin(db, caseId, p.id, actor);
            onRemoved();
          }).catch(() => undefined)} aria-label={`Remove ${p.title} from the case`}>Remove</button>}
        </td>
      </tr>
    );
  },
  (a, b) => a.caseId === b.caseId && a.pin.id === b.pin.id && a.pin.title === b.pin.title && a.index === b.index && a.note === b.note && a.tags === b.tags && a.archived === b.archived && a.actor === b.actor,
);

const SAVED_WORDS = { note: ['Save note', 'Note saved'], tags: ['Save tags', 'Tags saved'], notes: ['Save case notes', 'Case notes saved'] } as const;


/**
 * A note (an item's note or tags, or the case's notes, several lines), saved with its button or Enter
 * (Ctrl+Enter where Enter starts a line). A draft not saved yet is marked and kept for the browsing
 * session (sessionStorage), so a reload does not lose it; saving it (or typing it back to the saved
 * text) drops the draft.
 */
function NoteEditor({ draftKey, label, hideLabel = false, value, onSave, what = 'note', multiline = false, normalise = (v) => v, archived = false }: {
  draftKey: string;
  /** The case is archived: the text is read-only (still selectable, a draft kept from before still shown), and says why. */
  archived?: boolean;
  /** The box's <label>, shown before it (`hideLabel`: for screen readers only, where a heading above already says it). */
  label: ReactNode; hideLabel?: boolean;
  value: string; onSave: (v: string, base: string) => Promise<void>; what?: keyof typeof SAVED_WORDS; multiline?: boolean;
  /** The text as it will be stored (tags "a, b," as "a, b"). */
  normalise?: (v: string) => string;
}) {
  // A draft kept across a reload comes back with the stored text it was begun from.
  const [kept] = useState(() => readDraft(draftKey, value));
  const [draft, setDraft] = useState(kept.draft);
  const [saved, setSaved] = useState(false);
  /** Saving was refused: the text changed in another window meanwhile (EditConflict's words). */
  const [conflict, setConflict] = useState('');
  const input = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const pendingId = useId();
  const inputId = useId();
  const archivedId = useId();
  const describedBy = [draft !== value && pendingId, archived && archivedId].filter(Boolean).join(' ') || undefined;
  const [saveWord, savedWord] = SAVED_WORDS[what];
  // The stored text the analyst began editing from: saving over a text changed since (another window) is refused once (EditConflict).
  const base = useRef(kept.base);
  useEffect(() => {
    if (draft === value) base.current = value;
  }, [draft, value]);
  // Saved, the text shows as stored (tags "a,b" come back as "a, b"); unedited, it follows the stored
  // text (changed in another window); an unsaved draft is never replaced.
  useEffect(() => {
    if (saved || draft === base.current) setDraft(value);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new stored value resets the draft
  }, [value]);
  useEffect(() => {
    if (draft === value) sessionStorage.removeItem(draftKey);
    else sessionStorage.setItem(draftKey, JSON.stringify({ draft, base: base.current }));
  }, [draft, value, draftKey]);
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (archived) return; // Enter in a read-only box
        // Shown as it will be stored: a text that stores as it is now ("a, b," over "a, b") changes nothing,
        // and left as typed it stayed "not saved yet" for good, its Save doing nothing.
        const text = normalise(draft);
        setDraft(text);
        setSaved(true);
        setConflict('');
        onSave(text, base.current).catch((err: unknown) => {
          setSaved(false); // the draft stays: a stored text arriving now must not replace it
          if (err instanceof EditConflict) {
            base.current = err.current;
            setConflict(err.message);
          }
        });
        // The button is disabled once the note is saved: focus goes back to the note, not to the page's body.
        input.current?.focus();
      }}
    >
      <label htmlFor={inputId} className={hideLabel ? 'visually-hidden' : undefined}>{label}</label>
      {multiline ? (
        <textarea ref={input} id={inputId} aria-describedby={describedBy} readOnly={archived} value={draft} rows={4} cols={80} dir="auto"
          onChange={(e) => { setDraft(e.target.value); setSaved(false); }}
          onKeyDown={(e) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && e.currentTarget.form?.requestSubmit()} />
      ) : (
        <input ref={input} id={inputId} aria-describedby={describedBy} readOnly={archived} value={draft} onChange={(e) => { setDraft(e.target.value); setSaved(false); }} dir="auto" />
      )}
      {!archived && <button type="submit" disabled={draft === value}>{saveWord}</button>}
      {/* Present before it speaks: a live region inserted with its words is often not read. */}
      <span role="status" className="muted">{saved && draft === value ? savedWord : ''}</span>
      {draft !== value && <span className="muted" id={pendingId}>not saved yet</span>}
      {archived && <span className="muted" id={archivedId}>Archived: read-only</span>}
      {conflict && <span role="alert" className="error">{conflict}</span>}
    </form>
  );
}
