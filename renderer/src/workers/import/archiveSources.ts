import { createDemoArchive, DEMO_TWEETS_FILE, DEMO_USERS_FILE } from '../../../../shared/archive/demo/demoArchive';
import type { ArchiveSource } from '../../../../shared/archive/parseArchive';

export interface SizedSource extends ArchiveSource {
  /** Size in bytes when known before reading (a File), else 0. */
  knownSize: number;
  /** The file itself, when there is one (the hashing thread reads it directly). */
  file?: File;
}

export const fileSource = (file: File): SizedSource => ({ name: file.name, knownSize: file.size, file, open: () => file.stream() });

/** The demo archive's users and tweets files, generated on the fly (three times: header, hashing, parsing) and never held whole. */
export function demoSources(tweets: number, seed: number): SizedSource[] {
  const archive = createDemoArchive({ tweets, seed });
  const stream = (chunks: () => AsyncGenerator<string>): ReadableStream<Uint8Array> => {
    const encoder = new TextEncoder();
    let it: AsyncGenerator<string> | undefined;
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        it ??= chunks();
        const r = await it.next();
        if (r.done) controller.close();
        else controller.enqueue(encoder.encode(r.value));
      },
      async cancel() {
        await it?.return(undefined);
      },
    });
  };
  return [
    { name: DEMO_USERS_FILE, knownSize: 0, open: () => stream(() => archive.usersCsv(1 << 18)) },
    { name: DEMO_TWEETS_FILE, knownSize: 0, open: () => stream(() => archive.tweetsCsv(1 << 18)) },
  ];
}

/** A dataset name from file names: 'china_082019_1_users_csv_hashed.csv' → 'china_082019_1'. */
export function datasetNameFor(names: string[]): string {
  const base = (names[0] ?? 'dataset').replace(/\.(csv|gz|zip|txt)$/gi, '').replace(/\.(csv|gz|zip|txt)$/gi, '');
  const stem = base.replace(/_?(users|tweets)?_csv_(un)?hashed.*$/i, '').replace(/_(users|tweets)$/i, '');
  return names.length > 1 && stem === base ? `${stem} (+${names.length - 1})` : stem || base;
}
