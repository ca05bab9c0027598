/**
 * Why an interaction network left interactions out without an edge (its receipt's
 * `unresolvedTargets`), in words for its kind ("3 quotes of tweets not in the archive"): each kind loses a link for its own reason.
 */
export function unresolvedTargetsText(kind: string, n: number): string {
  const count = n.toLocaleString('en-US');
  const one = n === 1;
  switch (kind.replace(/^network:/, '')) {
    case 'retweet':
      return `${count} retweet${one ? '' : 's'} naming no retweeted account (no retweet_userid, or 0, and no "RT @name:")`;
    case 'mention':
      return `${count} mention${one ? '' : 's'} whose account id the archive gives as 0 (not resolved by the platform)`;
    case 'reply':
      return `${count} repl${one ? 'y' : 'ies'} to tweets not in the archive, with no account id given (or 0)`;
    case 'quote':
      return `${count} quote${one ? '' : 's'} of tweets not in the archive`;
    default:
      return `${count} link${one ? '' : 's'} to accounts or tweets not in the archive`;
  }
}
