/** An account's id after a name that may pass for another's (lookalikeNames): two accounts never look like one. "user id": a tweet's id may stand on the same line. */
export function LookalikeId({ id }: { id: string }) {
  // dir="ltr": isolated from a right-to-left name beside it, whose direction would misplace the brackets;
  // the space outside it, between the name and the note, whichever side the note is drawn on.
  return (
    <>
      {' '}
      <span className="muted" dir="ltr" title="This name holds invisible characters, mixes scripts or looks like another listed name: the id tells the accounts apart">
        (user id <bdi>{id}</bdi>)
      </span>
    </>
  );
}
