import type { FoldedCount } from '../../../../shared/domain/foldedCounts';
import { Fragment } from 'react';
import { countOf } from '../../import/formatters';

/**
 * After a folded row (#HongKong for #hongkong and #HONGKONG too; hashtags fold as Search's hashtag
 * filter compares them, so a row's link finds the tweets of every spelling it sums): how many other spellings it sums,
 * as a disclosure that opens the list of spellings with their counts. A native <details> so keyboard
 * and screen-reader users reach it as a mouse user does (a tooltip they could not); closed, it is one
 * line of the cell, and opened, the list takes a line of its own below the word.
 */
export function SpellingsNote({ row, prefix = '', ignored = 'as Search matches them: letter case, width, Chinese script forms, Greek accents, Arabic letter forms and marks, Hebrew points and joiners ignored' }: { row: FoldedCount; prefix?: string; ignored?: string }) {
  if (row.spellings.length < 2) return null;
  // Each spelling in a <bdi> of its own: a right-to-left one (#مثال) is laid out as in its cell, and
  // its count and the comma stay after it in the left-to-right list, not drawn inside the Arabic.
  // A no-break space before the count: the list wraps between spellings, never a count onto the line after its spelling.
  const each = row.spellings.map(([s, n], i) => (
    <Fragment key={s}>{i > 0 && ', '}<bdi>{prefix}{s}</bdi>{`\u00a0${n.toLocaleString('en')}`}</Fragment>
  ));
  // dir="ltr" isolates the note: in a right-to-left cell its '+' and digit were drawn after the word ("spelling 1+").
  // The space stays outside it, between the note and the word, whichever side the note is drawn on.
  return (
    <>
      {' '}
      <details className="spellings" dir="ltr" data-testid="spellings">
        <summary className="muted">{`+${countOf(row.spellings.length - 1, 'spelling')}`}</summary>
        <span className="spellings-list">Counted together ({ignored}): {each}</span>
      </details>
    </>
  );
}
