/** An account's id after a name that may pass for another's (lookalikeNames): two accounts never look like one. */
export function LookalikeId({ id }: { id: string }) {
  return (
    <span className="muted" title="This name holds invisible characters, mixes scripts or looks like another listed name: the id tells the accounts apart">
      {' '}(id <bdi>{id}</bdi>)
    </span>
  );
}
