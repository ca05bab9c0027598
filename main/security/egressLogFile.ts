import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { EgressLogSchema, type EgressLog } from '../../shared/api/hostApi';

export interface EgressLogFileSystem {
  readFile(path: string): string;
  /** Replaces the file whole (write beside it, then rename), so a crash leaves the old log or the new one. */
  replaceFile(path: string, text: string): void;
  rename(from: string, to: string): void;
}

/** The disk, as the app uses it (and the tests, on a temporary folder). */
export const nodeEgressLogFileSystem: EgressLogFileSystem = {
  readFile: (p) => readFileSync(p, 'utf8'),
  replaceFile: (p, text) => {
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(`${p}.partial`, text);
    renameSync(`${p}.partial`, p);
  },
  rename: renameSync,
};

/**
 * The egress log on disk (userData/egress-log.json), so that a restart does not reset the count an
 * evidence bundle reports. A missing file starts a new log. A file that cannot be read as a log is
 * never silently taken for a zero: it is kept aside, and the new log's note says so and where.
 */
export function egressLogFile(path: string, fs: EgressLogFileSystem, clock: () => Date = () => new Date()) {
  return {
    load(): EgressLog | null {
      let text: string;
      try {
        text = fs.readFile(path);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
      const parsed = parseLog(text);
      if (parsed) return parsed;
      const now = clock().toISOString();
      const aside = `${path}.damaged-${now.replace(/[:.]/g, '-')}`;
      fs.rename(path, aside);
      return { blockedRequests: 0, urls: [], since: now, note: `counting restarted at ${now}: the earlier log could not be read (kept as ${aside})` };
    },
    write(log: EgressLog): void {
      fs.replaceFile(path, `${JSON.stringify(log, null, 2)}\n`);
    },
  };
}

function parseLog(text: string): EgressLog | null {
  try {
    const parsed = EgressLogSchema.safeParse(JSON.parse(text));
    return parsed.success && parsed.data.since ? parsed.data : null;
  } catch {
    return null;
  }
}
