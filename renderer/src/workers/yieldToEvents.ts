/**
 * Resolves after the thread's queued tasks have had their turn. Long work that awaits it now and then
 * lets messages in: a cancel or a newer query (search), the hashing thread's reply (import: a parse
 * loop that never gave way kept that reply waiting ~15 s behind the file's reads).
 */
export const yieldToEvents = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
