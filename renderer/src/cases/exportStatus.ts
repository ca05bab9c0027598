/**
 * What the bundle export says while it works, when it ends and when it fails, in words a
 * fact-checker reads (ExportPanel shows them): each step named, file names in “…”, sizes as the
 * Datasets page gives them and counts with their units; never the phase ids or a bare error code.
 */
import { containBidi } from '../../../shared/domain/bidiIsolate';
import { isStorageFull } from '../../../shared/domain/storageFull';
import { countOf, formatBytes } from '../import/formatters';
import type { ExportProgress, ExportResult } from './exportCaseBundle';
import type { ReportPhase } from '../report/reportPhase';

/** The evidence report's steps inside an export: one for each ReportPhase (the compiler says which is missing). */
const REPORT_STEPS: Record<ReportPhase, string> = {
  rendering: 'building it',
  printing: 'printing it',
  attaching: "attaching the bundle's manifest and signatures to it and signing it",
  done: 'printed',
};

/** A file name or path in the app's quotes, isolated: a right-to-left name does not take the words after it into its run. */
const quoted = (name: string) => `“${containBidi(name)}”`;

const ofTotal = (p: ExportProgress) => (p.total > 0 ? `${formatBytes(p.done)} of ${formatBytes(p.total)}` : formatBytes(p.done));

export function exportProgressText(p: ExportProgress): string {
  switch (p.phase) {
    case 'reading sources':
      return p.detail ? `Checking the source files against their import (re-reading and hashing): ${quoted(p.detail)}, ${ofTotal(p)}…` : 'Checking the source files against their import…';
    case 'signing':
      return `Signing the bundle with the key ${p.detail}…`;
    case 'report':
      return `Evidence report: ${REPORT_STEPS[p.detail as ReportPhase] ?? p.detail}…`;
    case 'writing':
      return `Writing the bundle ${quoted(p.detail)}: ${ofTotal(p)}…`;
    case 'done':
      return 'Saved.';
  }
}

/** The lines said once the bundle is saved: where it went, what it holds, and what was selected but left out. */
export function exportDoneText(r: Pick<ExportResult, 'path' | 'bytes' | 'items' | 'sources' | 'notCited'>): string[] {
  // The browser host saves by download and knows only the file's name, not the folder it went to.
  const where = /[\\/]/.test(r.path) ? `to ${quoted(r.path)}` : `as ${quoted(r.path)} in the browser's downloads`;
  const lines = [`Saved the signed bundle ${where} (${countOf(r.bytes, 'byte')}): ${countOf(r.items, 'evidence item')} quoting ${countOf(r.sources, 'source file')}.`];
  if (r.notCited.length) {
    lines.push(`Left out: ${r.notCited.length === 1 ? 'a selected file this case does not cite' : `${r.notCited.length.toLocaleString('en-US')} selected files this case does not cite`}, ${r.notCited.map(quoted).join(', ')}.`);
  }
  return lines;
}

/** The save dialog closed without a place chosen. */
export const EXPORT_NOT_SAVED = 'Export stopped: no place to save the bundle was chosen, so nothing was saved or logged.';

/** Why the export ended without a bundle; a full disk said as such. */
export function exportFailureText(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (isStorageFull(err) || /the disk took no more bytes/.test(message)) {
    return 'Not exported: the disk is full. The part of the bundle written so far was deleted and nothing was logged. Free some space, then export again.';
  }
  return `Not exported, nothing saved: ${message}${/[.?!]$/.test(message) ? '' : '.'}`;
}
