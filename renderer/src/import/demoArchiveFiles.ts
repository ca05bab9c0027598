import { createDemoArchive, DEMO_TWEETS_FILE, DEMO_USERS_FILE } from '../../../shared/archive/demo/demoArchive';

/** The demo archive the app opens: its size and seed. */
export const DEMO_TWEETS = 20_000;
export const DEMO_SEED = 1;

export const isDemoFileName = (name: string): boolean => name === DEMO_USERS_FILE || name === DEMO_TWEETS_FILE;

/**
 * The app's demo archive as its two files, generated again byte for byte. The demo is generated
 * while it is imported and never saved, and an evidence bundle quotes its sources' bytes: an export
 * citing the demo needs its files from here (they are checked against the SHA-256 taken at import).
 */
export async function demoArchiveFiles(): Promise<File[]> {
  const archive = createDemoArchive({ tweets: DEMO_TWEETS, seed: DEMO_SEED });
  const file = async (name: string, chunks: AsyncGenerator<string>) => {
    const parts: string[] = [];
    for await (const c of chunks) parts.push(c);
    return new File(parts, name, { type: 'text/csv' });
  };
  return [await file(DEMO_USERS_FILE, archive.usersCsv()), await file(DEMO_TWEETS_FILE, archive.tweetsCsv())];
}
