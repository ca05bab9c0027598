import { useEffect, useId, useState } from 'react';
import { inRange } from '../../../../shared/domain/numberRange';

/**
 * A whole-number view setting typed freely: applied while it is a whole number from `min` to `max`;
 * otherwise the field is marked invalid and says why, and the view keeps its last value. (Clamping
 * each keystroke turned a cleared field into 1, so typing 500 gave 1500.)
 */
export function WholeNumberSetting({ label, value, min, max, onChange }: {
  label: string; value: number; min: number; max: number; onChange: (n: number) => void;
}) {
  const [text, setText] = useState(String(value));
  useEffect(() => setText((t) => (Number(t) === value && t.trim() !== '' ? t : String(value))), [value]);
  const valid = (s: string) => s.trim() !== '' && inRange(Number(s), { min, max, integer: true });
  const problemId = useId();
  const ok = valid(text);
  return (
    <>
      <label>{label} <input type="number" min={min} max={max} step={1} value={text}
        {...(ok ? {} : { 'aria-invalid': true, 'aria-describedby': problemId })}
        onChange={(e) => {
          setText(e.target.value);
          if (valid(e.target.value)) onChange(Number(e.target.value));
        }} /></label>
      {/* A status, not an alert: a field cleared to type a new value is invalid for a moment, and must not interrupt. */}
      {!ok && <span id={problemId} role="status" className="error">{label} must be a whole number from {min.toLocaleString('en-US')} to {max.toLocaleString('en-US')}: the view keeps {value.toLocaleString('en-US')}.</span>}
    </>
  );
}
