/**
 * A spreadsheet dropped for an archive is refused as what it is, told by its content (never its name),
 * with what to do: an Excel workbook (.xlsx) was "the zip file contains no .csv entry (it holds
 * '[Content_Types].xml', '_rels/.rels' …)" before it was named, an .ods or .numbers was never named.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLooksLikeText } from '../../../shared/archive/detectFormat';
import { parseArchive } from '../../../shared/archive/parseArchive';
import { repoRoot } from '../../fixtures/paths';
import { docxBytes, numbersBytes, odsBytes, odtBytes, xlsxBytes } from '../../fixtures/spreadsheetZips';
import { bytesSource } from './helpers';

const refusal = (name: string, bytes: Uint8Array): Promise<string> =>
  parseArchive(bytesSource(name, bytes, 97)).then(
    () => 'read',
    (e: Error) => e.message,
  );
const original = 'The archives are published as CSV: import the original CSV files from the platform. With only this file, ';
const rounded = ' A spreadsheet may have rounded long ids: the rows whose ids it damaged are quarantined.';
const aDocument = (what: string): string => `${what}, not CSV text. The archives are published as CSV: import the original CSV files from the platform.`;

describe('a spreadsheet given for an archive', () => {
  it('an Excel workbook is named so, with what to do, whatever its name (.xlsx, or renamed .csv or .zip)', async () => {
    const said = `an Excel workbook (.xlsx), not CSV text. ${original}open it in Excel and save each sheet as "CSV UTF-8".${rounded}`;
    for (const name of ['tweets.xlsx', 'tweets.csv', 'tweets.zip', 'tweets']) expect(await refusal(name, xlsxBytes())).toBe(`${name}: ${said}`);
  });

  it('an OpenDocument spreadsheet (.ods) is told by its mimetype entry, renamed or not; another OpenDocument file is not called a spreadsheet', async () => {
    const said = `an OpenDocument spreadsheet (.ods), not CSV text. ${original}open it in LibreOffice Calc and save each sheet as "Text CSV" with the character set "Unicode (UTF-8)".${rounded}`;
    expect(await refusal('tweets.ods', odsBytes())).toBe(`tweets.ods: ${said}`);
    expect(await refusal('tweets.csv', odsBytes())).toBe(`tweets.csv: ${said}`);
    expect(await refusal('notes.ods', odtBytes())).toBe(`notes.ods: ${aDocument('an OpenDocument text document (.odt)')}`);
  });

  it('a Word document (.docx) or an OpenDocument text is named as one, renamed or not, and is not called a spreadsheet', async () => {
    for (const name of ['report.docx', 'tweets.csv']) expect(await refusal(name, docxBytes())).toBe(`${name}: ${aDocument('a Word document (.docx)')}`);
    expect(await refusal('notes.odt', odtBytes())).toBe(`notes.odt: ${aDocument('an OpenDocument text document (.odt)')}`);
  });

  it('an Apple Numbers (iWork) document is named, with Numbers\' export', async () => {
    expect(await refusal('tweets.numbers', numbersBytes())).toBe(
      `tweets.numbers: an Apple iWork document (such as a Numbers spreadsheet), not CSV text. ${original}export it from Numbers with File › Export To › CSV, text encoding "Unicode (UTF-8)".${rounded}`,
    );
  });

  it('an old binary Excel workbook (.xls) says the same', () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]);
    expect(() => checkLooksLikeText(xls, 'book.csv')).toThrow(
      `book.csv: an old binary Office document (such as an Excel .xls workbook), not CSV text. ${original}open it in a spreadsheet and save each sheet as "CSV UTF-8".${rounded}`,
    );
  });

  it('the CLI says it too, for a workbook renamed .csv', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'dw-sheet-')), 'tweets.csv');
    writeFileSync(file, xlsxBytes());
    const r = spawnSync('npx', ['tsx', 'main/cli/index.ts', 'inspect', file, '--json'], { cwd: repoRoot, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).files[0]).toMatchObject({ ok: false, error: expect.stringMatching(/^tweets\.csv: an Excel workbook \(\.xlsx\), not CSV text\. /) });
    expect(r.stderr).toBe(`error: ${file}: an Excel workbook (.xlsx), not CSV text. ${original}open it in Excel and save each sheet as "CSV UTF-8".${rounded}\n`);
  });
});
