import { inDatasets } from './datasetNames';
import { ArchiveFormatError } from './detectFormat';
import type { ArchiveHashes, EntryHash } from './parseArchive';

/** A file refused before or while it is read, with the reason. */
export interface RefusedFile {
  fileName: string;
  message: string;
}

export interface SkippedFile {
  fileName: string;
  sha256: string;
  /** Why nothing was added, e.g. already imported into dataset “x”. */
  reason: string;
}

/** Pass 1's word on a file: import it (with its hashes), skip it, or refuse it. */
export type Verdict =
  | { kind: 'parse'; hashes: ArchiveHashes }
  /** Already stored, or chosen twice. */
  | { kind: 'skip'; skipped: SkippedFile }
  /** Pass 1 could not read it (ArchiveFormatError: a corrupt gzip or zip, …), or it holds one CSV twice. */
  | { kind: 'refuse'; refused: RefusedFile };

/**
 * The verdicts on the files of one import, in the order they are chosen (the app's pass 1,
 * hashWorker.ts, and the CLI's inspect): a file chosen twice, a CSV whose content another file of the
 * import holds (a .csv and its .gz, a zip holding it), one stored already (`storedIn`: the dataset
 * names holding each entry, as the app's database knows them; none for the CLI), a zip holding one
 * CSV twice. Each content is imported once, with one receipt.
 */
export class SelectionJudge {
  /** The files judged 'parse': by file SHA-256, and by the SHA-256 of each CSV entry. */
  private readonly chosenFiles = new Set<string>();
  private readonly chosenEntries = new Map<string, string>();

  async judge(fileName: string, hashes: ArchiveHashes | ArchiveFormatError, storedIn: (hashes: ArchiveHashes) => Promise<(string | undefined)[]> = async () => []): Promise<Verdict> {
    if (hashes instanceof ArchiveFormatError) return { kind: 'refuse', refused: { fileName, message: hashes.message } };
    const { sha256 } = hashes;
    if (this.chosenFiles.has(sha256)) return { kind: 'skip', skipped: { fileName, sha256, reason: 'the same file is selected twice' } };
    // Each CSV entry is stored already, chosen earlier in this import (the same content as a .csv and
    // its .gz, or a zip holding it: one source, whose receipt and provenance are kept once), or new.
    // A zip entry holding no row is left out: the parse refuses it on its own, so it is never stored,
    // and two empty parts (the same header, the same bytes) are no CSV held twice.
    const entries = hashes.entries.filter((e) => !e.noRows);
    const stored = await storedIn({ ...hashes, entries });
    const chosen = entries.map((e) => this.chosenEntries.get(e.sha256));
    const known = entries.map((_, i) => stored[i] !== undefined || chosen[i] !== undefined);
    const defined = (xs: (string | undefined)[]) => xs.filter((x): x is string => x !== undefined);
    const names = (xs: (string | undefined)[]) => [...new Set(defined(xs))].join(', ');
    if (known.length > 0 && known.every(Boolean)) {
      const reason = chosen.some((c) => c !== undefined)
        ? `the same CSV content as ${names(chosen)}, chosen in this import (same SHA-256): imported once`
        : `already imported into ${inDatasets(defined(stored))} (same SHA-256): nothing added`;
      return { kind: 'skip', skipped: { fileName, sha256, reason } };
    }
    if (known.some(Boolean)) {
      const old = entries.filter((_, i) => known[i]).map((e) => e.entryName).join(', ');
      const where = [stored.some(Boolean) ? `already imported into ${inDatasets(defined(stored))}` : '', chosen.some(Boolean) ? `the same content as ${names(chosen)}, chosen in this import` : ''].filter(Boolean).join(' or ');
      return { kind: 'refuse', refused: { fileName, message: `${fileName}: its entries ${old} are ${where} (same SHA-256), and its other entries are new. A zip is imported whole: extract the new entries and import them as files.` } };
    }
    // A zip holding one CSV twice under two names: its rows and receipt are one source (entries keyed by content).
    const twice = entries.filter((e, i) => entries.findIndex((f) => f.sha256 === e.sha256) !== i);
    if (twice.length) {
      const first = (e: EntryHash) => entries.find((f) => f.sha256 === e.sha256)!.entryName;
      return { kind: 'refuse', refused: { fileName, message: `${fileName}: ${twice.map((e) => `${e.entryName} has the same content as ${first(e)}`).join('; ')} (same SHA-256). Extract the entries and import each content once.` } };
    }
    this.chosenFiles.add(sha256);
    for (const e of entries) this.chosenEntries.set(e.sha256, e.entryName ? `${fileName} › ${e.entryName}` : fileName);
    return { kind: 'parse', hashes };
  }
}
