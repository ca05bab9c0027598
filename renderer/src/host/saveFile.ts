import { host } from './host';

/** A file being saved through the host piece by piece (a long export): written, then ended, or aborted (nothing is left). */
export interface FileSave {
  write(bytes: Uint8Array): Promise<void>;
  end(): Promise<{ path: string; bytes: number }>;
  abort(): Promise<void>;
}

/** Up to this many bytes a host call. */
const CHUNK = 1 << 20;

/** Asks where to save (the Electron host's dialog); null when the user cancelled. */
export async function beginSave(suggestedName: string, mimeType: string): Promise<FileSave | null> {
  const { id } = await host['save:begin']({ suggestedName, mimeType });
  if (!id) return null;
  return {
    write: async (bytes) => {
      for (let i = 0; i < bytes.length; i += CHUNK) await host['save:write'](id, bytes.subarray(i, i + CHUNK) as Uint8Array<ArrayBuffer>);
    },
    end: () => host['save:end'](id),
    abort: () => host['save:abort'](id).catch(() => {}),
  };
}

/** Saves bytes through the host (chunked); false when the user cancelled. */
export async function saveBytes(suggestedName: string, mimeType: string, bytes: Uint8Array<ArrayBuffer>): Promise<boolean> {
  const save = await beginSave(suggestedName, mimeType);
  if (!save) return false;
  try {
    await save.write(bytes);
    await save.end();
    return true;
  } catch (e) {
    await save.abort();
    throw e;
  }
}
