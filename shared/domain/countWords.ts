/** Counts in words, as the app, the CLI and the report say them: "1,234", "1 account", "2 accounts". */

export const formatCount = (n: number): string => n.toLocaleString('en-US');

/** A count with its noun. */
export const countOf = (n: number, noun: string, nouns = `${noun}s`): string => `${formatCount(n)} ${n === 1 ? noun : nouns}`;
