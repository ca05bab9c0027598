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
 * typing once it is a whole day), not at each keystroke. `onApply` gets the text as typed; a text
 * that is not a day (2019-02-30, 04/01/2019) is also said here, under the field, and stays in it to
 * be corrected. A day that is not applied (the caller refused it) gives way to `value` again.
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
            onKeyDown={(e) => e.key === 'Enter' && apply(e.currentTarget.value)}
          />
          {problem && <span role="alert" className="error day-problem" id={problemId}>{problem}</span>}
        </>
      )}
    </Field>
  );
}
