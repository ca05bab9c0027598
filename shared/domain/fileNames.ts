import { JOINING_SCRIPT } from './visibleText';

/**
 * A name (a dataset's, a case's, a chart's title) made into a file or folder name: one rule for the
 * app's exported files (safeFileName) and an evidence bundle's source folders (caseBundleInput.ts).
 */

/**
 * The name's letters, digits and '._-' in NFC, with their combining marks (accents, Devanagari vowel
 * signs and virama, Arabic harakat, Hebrew points, Thai vowel and tone marks); any other run (spaces,
 * / \ : * ? " < > |, control and bidi characters, emoji) becomes one `replacement`. A mark that follows
 * no letter or digit (on a space, an emoji, '.', or first) goes with it. A zero-width non-joiner or
 * joiner between two letters of a script that spells words with it (JOINING_SCRIPT: Persian می‌خواهم,
 * Devanagari क्‍ष) is kept, as the name writes it; any other (in a Latin name, in an emoji sequence, at
 * an edge, two together) is replaced like the rest.
 */
export function nameCharacters(name: string, replacement: string): string {
  return name
    .normalize('NFC')
    .replace(/(?<![\p{L}\p{M}\p{N}])\p{M}+/gu, '')
    .replace(/[^\p{L}\p{M}\p{N}._-]+/gu, (run, at: number, whole: string) => (keptJoiner(run, at, whole) ? run : replacement));
}

/** Whether `run` (at `at` in `whole`) is one zero-width non-joiner or joiner between two letters or marks of a script that uses it. */
function keptJoiner(run: string, at: number, whole: string): boolean {
  if (run !== '\u200c' && run !== '\u200d') return false;
  const before = /[^]$/u.exec(whole.slice(0, at))?.[0] ?? '';
  const after = /^[^]/u.exec(whole.slice(at + 1))?.[0] ?? '';
  return JOINING_SCRIPT.test(before) && JOINING_SCRIPT.test(after);
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The longest start of `name` that `fits`, cut between user-perceived characters (never between a letter and its marks, nor inside an emoji). */
export function graphemePrefix(name: string, fits: (prefix: string) => boolean): string {
  let out = '';
  for (const { segment } of graphemes.segment(name)) {
    if (!fits(out + segment)) break;
    out += segment;
  }
  return out;
}

const utf8Length = (s: string): number => new TextEncoder().encode(s).length;

/**
 * Longest base name, in UTF-8 bytes (a Latin title keeps the 120 characters it had): file systems
 * allow 255 bytes (ext4, APFS) or 255 UTF-16 units (NTFS; a name never has more units than UTF-8
 * bytes), and the callers add to it (".receipt.json", the browser's " (1)").
 */
export const FILE_NAME_BYTES = 120;

/** Names Windows keeps for devices, whatever the extension: CON.csv cannot be created. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;

/**
 * A base name for an exported file (CSV, chart image, network export, report PDF) from a title, safe
 * on Windows, macOS and Linux: nameCharacters with '_' for each other run; no '_' or '.' at either
 * end (a leading '.' hides the file, Windows drops a trailing one), nor a joiner or '-' at the end
 * (`search-👩‍👩‍👧‍👦` was `search-`); not a
 * Windows device name; at most FILE_NAME_BYTES UTF-8 bytes, cut between words where one ends past
 * half of that, else between characters.
 */
export function safeFileName(title: string): string {
  const trim = (s: string): string => s.replace(/^[._]+/, '').replace(/[._\u200c\u200d-]+$/u, '');
  const name = trim(nameCharacters(title, '_').replace(/_+/g, '_'));
  let cut = graphemePrefix(name, (prefix) => utf8Length(prefix) <= FILE_NAME_BYTES);
  if (cut.length < name.length) {
    const wordEnd = cut.lastIndexOf('_');
    if (wordEnd > 0 && utf8Length(cut.slice(0, wordEnd)) > FILE_NAME_BYTES / 2) cut = cut.slice(0, wordEnd);
  }
  const safe = trim(cut) || 'export';
  return safe.replace(WINDOWS_DEVICE, '$1_$2');
}
