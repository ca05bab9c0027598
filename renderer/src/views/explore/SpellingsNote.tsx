import type { FoldedCount } from '../../../../shared/domain/foldedCounts';
import { containBidi } from '../../../../shared/domain/bidiIsolate';
import { countOf } from '../../import/formatters';

/** After a folded row (#HongKong for #hongkong and #HONGKONG too): how many other spellings it sums, each with its count in the tooltip and for screen readers. */
export function SpellingsNote({ row, prefix = '' }: { row: FoldedCount; prefix?: string }) {
  if (row.spellings.length < 2) return null;
  const each = row.spellings.map(([s, n]) => `${prefix}${containBidi(s)} ${n.toLocaleString('en')}`).join(', ');
  // dir="ltr" isolates the note: in a right-to-left cell its '+' and digit were drawn after the word ("spelling 1+").
  // The space stays outside it, between the note and the word, whichever side the note is drawn on.
  return (
    <>
      {' '}
      <span className="muted" dir="ltr" title={`Counted together (letter case and width ignored): ${each}`} data-testid="spellings">
        {`+${countOf(row.spellings.length - 1, 'spelling')}`}<span className="visually-hidden">: {each}</span>
      </span>
    </>
  );
}
