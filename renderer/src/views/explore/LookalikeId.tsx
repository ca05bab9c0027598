/** An account's id after a name that may pass for another's (lookalikeNames): two accounts never look like one. "user id": a tweet's id may stand on the same line. */
export function LookalikeId({ id, tail }: { id: string; tail?: number }) {
  // dir="ltr": isolated from a right-to-left name beside it, whose direction would misplace the brackets;
  // the space outside it, between the name and the note, whichever side the note is drawn on.
  // `tail`: in a one-line cell cut at its end, only the id's last characters, which tell 1000000004
  // from 1000000005 where the cut would keep "(user id 10000…" for both; the whole id is the note's title.
  const cut = tail !== undefined && id.length > tail + 1;
  return (
    <>
      {' '}
      <span className="muted" dir="ltr" title={`${cut ? `user id ${id}: ` : ''}This name holds invisible characters, mixes scripts or looks like another listed name: the id tells the accounts apart`}>
        (user id <bdi>{cut ? `…${id.slice(-tail)}` : id}</bdi>)
      </span>
    </>
  );
}
