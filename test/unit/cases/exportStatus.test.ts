import { describe, expect, it } from 'vitest';
import { EXPORT_NOT_SAVED, exportDoneText, exportFailureText, exportProgressText } from '../../../renderer/src/cases/exportStatus';

/** The bundle export's status lines, as a fact-checker reads them: steps in words, names in “…”, counts with units. */
describe('exportStatus', () => {
  it('names each step in words, with the file and its bytes done of the total (it showed the phase ids: "reading sources: hashing x.csv")', () => {
    expect(exportProgressText({ phase: 'reading sources', done: 12_582_912, total: 629_145_600, detail: 'china_082019_tweets.csv' })).toBe(
      'Checking the source files against their import (re-reading and hashing): “china_082019_tweets.csv”, 12 MB of 600 MB…',
    );
    expect(exportProgressText({ phase: 'signing', done: 0, total: 0, detail: 'SHA256:abc' })).toBe('Signing the bundle with the key SHA256:abc…');
    expect(exportProgressText({ phase: 'report', done: 0, total: 0, detail: 'printing' })).toBe('Evidence report: printing it…');
    expect(exportProgressText({ phase: 'writing', done: 3_355_443, total: 5_242_880, detail: 'Case_20261206T031500Z.zip' })).toBe('Writing the bundle “Case_20261206T031500Z.zip”: 3.2 MB of 5.0 MB…');
  });

  it('says where the bundle went, what it holds with thousands separators, and which selected files were left out', () => {
    expect(exportDoneText({ path: '/home/analyst/Case.zip', bytes: 1_234_567, items: 1, sources: 1, notCited: [] })).toEqual([
      'Saved the signed bundle to “/home/analyst/Case.zip” (1,234,567 bytes): 1 evidence item quoting 1 source file.',
    ]);
    expect(exportDoneText({ path: 'Case.zip', bytes: 2048, items: 1200, sources: 2, notCited: ['a.csv', 'b.csv.gz'] })).toEqual([
      "Saved the signed bundle as “Case.zip” in the browser's downloads (2,048 bytes): 1,200 evidence items quoting 2 source files.",
      'Left out: 2 selected files this case does not cite, “a.csv”, “b.csv.gz”.',
    ]);
    // A name holding a bidi control is isolated inside the quotes (it cannot reorder the sentence).
    expect(exportDoneText({ path: 'C:\\cases\\x\u202Ey.zip', bytes: 1, items: 2, sources: 1, notCited: [] })[0]).toBe(
      'Saved the signed bundle to “\u2068C:\\cases\\x\u202Ey.zip\u2069” (1 byte): 2 evidence items quoting 1 source file.',
    );
    expect(EXPORT_NOT_SAVED).toBe('Export stopped: no place to save the bundle was chosen, so nothing was saved or logged.');
  });

  it('says a full disk as such (the desktop save service\'s and Node\'s errors), and any other failure after “Not exported”', () => {
    const full = 'Not exported: the disk is full. The part of the bundle written so far was deleted and nothing was logged. Free some space, then export again.';
    expect(exportFailureText(new Error("Error invoking remote method 'save:write': Error: /home/a/Case.zip.partial: the disk took no more bytes (is it full?)"))).toBe(full);
    expect(exportFailureText(new Error('ENOSPC: no space left on device, write'))).toBe(full);
    expect(exportFailureText(new Error('wrong passphrase, or the key envelope was altered (AES-GCM authentication failed)'))).toBe(
      'Not exported, nothing saved: wrong passphrase, or the key envelope was altered (AES-GCM authentication failed).',
    );
    expect(exportFailureText(new Error('x.csv could not be read: it was changed, moved or deleted on disk after it was chosen. Choose it again.'))).toBe(
      'Not exported, nothing saved: x.csv could not be read: it was changed, moved or deleted on disk after it was chosen. Choose it again.',
    );
  });
});
