import { useEffect, useRef, useState, type Ref } from 'react';

/** How long typing may pause before the day typed so far is applied. */
const IDLE_MS = 1000;

/**
 * A date field that applies its day when the analyst is done with it (Enter, leaving the field, or a
 * second without typing), not at each keystroke: typing 06202019 passes through days such as
 * 2019-06-02 and 0002-06-20, each of which would be applied, or refused with an alert, on the way.
 * A day that is not applied (the caller refused it) gives way to `value` again.
 */
export function DayInput({ id, value, min, max, onApply, inputRef, refusedBy }: {
  id: string; value: string; min?: string; max?: string; onApply: (day: string) => void; inputRef?: Ref<HTMLInputElement>;
  /** The id of the message refusing the day (or the range it is part of): the field is marked invalid and described by it. */
  refusedBy?: string;
}) {
  const [draft, setDraft] = useState(value);
  const timer = useRef(0);
  const latest = useRef({ value, onApply });
  latest.current = { value, onApply };
  useEffect(() => setDraft(value), [value]);
  useEffect(() => () => clearTimeout(timer.current), []);
  const apply = (day: string) => {
    clearTimeout(timer.current);
    if (day === latest.current.value) return;
    latest.current.onApply(day);
    setDraft(latest.current.value); // kept when refused; replaced by the new value when applied
  };
  return (
    <input
      id={id} ref={inputRef} type="date" value={draft} min={min} max={max} aria-invalid={refusedBy ? true : undefined} aria-describedby={refusedBy}
      onChange={(e) => {
        const day = e.target.value;
        setDraft(day);
        clearTimeout(timer.current);
        timer.current = window.setTimeout(() => apply(day), IDLE_MS);
      }}
      onBlur={(e) => apply(e.currentTarget.value)}
      onKeyDown={(e) => e.key === 'Enter' && apply(e.currentTarget.value)}
    />
  );
}
