import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { numbersBytes, odsBytes, xlsxBytes } from '../fixtures/spreadsheetZips';
import { expect, test } from './fixtures';
import { importFiles, storeSummary, waitForImportDone } from './importHelpers';
import { tempDir } from './importTempFiles';

/** A spreadsheet dropped on import is refused as what it is, told by its content, with what to do. */

const original = 'The archives are published as CSV: import the original CSV files from the platform. With only this file, ';
const rounded = ' A spreadsheet may have rounded long ids: the rows whose ids it damaged are quarantined.';

test('an Excel workbook, one renamed .csv, an .ods and a .numbers are each refused as the spreadsheet they are, with what to do', async ({ page }) => {
  const dir = tempDir();
  const write = (name: string, bytes: Uint8Array): string => {
    writeFileSync(path.join(dir, name), bytes);
    return path.join(dir, name);
  };
  const files = [write('tweets.xlsx', xlsxBytes()), write('تغريدات.csv', xlsxBytes()), write('accounts.ods', odsBytes()), write('tweets.numbers', numbersBytes())];
  await importFiles(page, files);
  await waitForImportDone(page);
  const alert = page.getByRole('alert').filter({ hasText: 'Import failed' });
  await expect(alert).toContainText('Import failed: nothing was added. All 4 files were refused:');
  const excel = `an Excel workbook (.xlsx), not CSV text. ${original}open it in Excel and save each sheet as "CSV UTF-8".${rounded}`;
  await expect(alert.getByRole('list', { name: 'Refused files' }).getByRole('listitem')).toHaveText([
    `tweets.xlsx: ${excel}`,
    `تغريدات.csv: ${excel}`,
    `accounts.ods: an OpenDocument spreadsheet (.ods), not CSV text. ${original}open it in LibreOffice Calc and save each sheet as "Text CSV" with the character set "Unicode (UTF-8)".${rounded}`,
    `tweets.numbers: an Apple iWork document (such as a Numbers spreadsheet), not CSV text. ${original}export it from Numbers with File › Export To › CSV, text encoding "Unicode (UTF-8)".${rounded}`,
  ]);
  expect((await storeSummary(page)).datasets).toHaveLength(0);
});
