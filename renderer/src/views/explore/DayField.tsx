import { useEffect, useId, useRef, useState, type Ref } from 'react';
import { DAY_FORMAT, dayProblem } from '../../../../shared/domain/isoDay';
import { Field } from './Field';

/** How long typing may pause before a whole day typed is applied. */
const IDLE_MS = 1000;

/**
 * The app's one date field: a UTC day typed as the app writes days everywhere, yyyy-mm-dd. A text
 * field, not <input type="date">, which shows and takes the system locale's order (04/01/2019 in
 * en-US is 1 April, elsewhere 4 January). Its accessible name says the format and that days are UTC.
 *
 * The day is applied when the analyst is done with it (Enter, leaving the field, or a second without
 * typing once it is a whole day), not at each keystroke; Enter on a text that is not a day does not send the form. `onApply` gets the text as typed; a text
 * that is not a day (2019-02-30, 04/01/2019) is also said here, under the field, and stays in it to
 * be corrected. A day that is not applied (the caller refused it) gives way to `value` again.
 *
 * Beside it, a calendar button opens the browser's own date picker (an <input type="date"> kept out
 * of sight and out of the tab order, only as the picker's anchor): a day picked there is written into
 * the text field as yyyy-mm-dd and applied at once. The picker's days are calendar days, read as UTC
 * like the field's.
 */
export function DayField({ label, value, onApply, className = 'filter', inputRef, refusedBy, describedBy }: {
  label: string; value: string; onApply: (text: string) => void; className?: string; inputRef?: Ref<HTMLInputElement>;
  /** The id of the caller's message refusing the day (or the range it is part of): the field is marked invalid and described by it. */
  refusedBy?: string;
  /** The id of a note the field is described by in any case (e.g. "To included"). */
  describedBy?: string;
}) {
  const [draft, setDraft] = useState(value);
  const [problem, setProblem] = useState(() => dayProblem(value));
  const problemId = useId();
  const timer = useRef(0);
  const pickerRef = useRef<HTMLInputElement>(null);
  const latest = useRef({ value, onApply });
  latest.current = { value, onApply };
  useEffect(() => {
    setDraft(value);
    setProblem(dayProblem(value));
  }, [value]);
  useEffect(() => () => clearTimeout(timer.current), []);
  const apply = (text: string) => {
    clearTimeout(timer.current);
    const day = text.trim();
    const wrong = dayProblem(day);
    setProblem(wrong);
    if (day === latest.current.value) return;
    latest.current.onApply(day);
    if (!wrong) setDraft(latest.current.value); // kept when refused; replaced by the new value when applied
  };
  const invalid = Boolean(problem || refusedBy);
  const openPicker = () => {
    const picker = pickerRef.current;
    if (!picker) return;
    picker.value = dayProblem(draft.trim()) ? '' : draft.trim(); // the picker opens on the day in the field
    try {
      picker.showPicker();
    } catch {
      // No picker here (e.g. no user gesture): the text field still takes the day typed.
    }
  };
  return (
    <Field label={label} className={className}>
      {(id) => (
        <>
          <input
            id={id} ref={inputRef} type="text" inputMode="numeric" autoComplete="off" spellCheck={false} size={10} placeholder={DAY_FORMAT}
            aria-label={`${label.trim()} (${DAY_FORMAT}, UTC)`} value={draft} aria-invalid={invalid || undefined}
            aria-describedby={[describedBy, problem ? problemId : undefined, refusedBy].filter(Boolean).join(' ') || undefined}
            onChange={(e) => {
              const text = e.target.value;
              setDraft(text);
              setProblem('');
              clearTimeout(timer.current);
              // Only a whole day (or an emptied field) is applied on a pause: a half-typed one waits for Enter or Tab.
              if (!dayProblem(text.trim())) timer.current = window.setTimeout(() => apply(text), IDLE_MS);
            }}
            onBlur={(e) => apply(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              apply(e.currentTarget.value);
              // A day that is not one is said here, under the field: its form is not sent too (two alerts for one mistake).
              if (dayProblem(e.currentTarget.value.trim())) e.preventDefault();
            }}
          />
          <span className="day-picker">
            <button type="button" aria-label={`Pick ${label.trim()} on a calendar`} title={`Pick ${label.trim()} on a calendar`} onClick={openPicker}>
              <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
                <rect x="1.5" y="2.5" width="13" height="12" rx="1.5" fill="none" stroke="currentColor" />
                <path d="M1.5 6h13M5 1v3M11 1v3" stroke="currentColor" />
              </svg>
            </button>
            <input
              ref={pickerRef} type="date" tabIndex={-1} aria-hidden="true" data-testid="day-picker"
              onChange={(e) => {
                const day = e.currentTarget.value;
                if (!day) return;
                setDraft(day);
                apply(day);
              }}
            />
          </span>
          {problem && <span role="alert" className="error day-problem" id={problemId}>{problem}</span>}
        </>
      )}
    </Field>
  );
}
