import { useId, type ReactNode } from 'react';

/**
 * A labelled form control. The label is tied by id rather than by wrapping, so a select's accessible
 * name is its label alone (a wrapping label would also contain the option texts).
 */
export function Field({ label, className = 'filter', children }: { label: ReactNode; className?: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}
