/**
 * A chosen file whose bytes can no longer be read, said as such. A File is a reference to a file on
 * disk: changed, moved or deleted after it was chosen, Chromium fails its read with a
 * NotReadableError, or a Blob stream with a bare TypeError "network error", which in an offline app
 * reads as if something had gone to the network. Null for any other error.
 */
export function unreadableFileMessage(err: unknown, fileName: string): string | null {
  if (!(err instanceof Error)) return null;
  const unreadable = err.name === 'NotReadableError' || err.name === 'NotFoundError' || (err instanceof TypeError && /network error/i.test(err.message));
  return unreadable ? `${fileName} could not be read: it was changed, moved or deleted on disk after it was chosen. Choose it again.` : null;
}
