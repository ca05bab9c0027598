/**
 * A spreadsheet given for an archive: an Excel workbook, an OpenDocument spreadsheet, an Apple iWork
 * document, named as what it is, with what to do. A zip-based one is told by its entries as
 * openArchive reads them (an OpenDocument file by its `mimetype` entry), an old binary one by its
 * first bytes (detectFormat.ts), never by the file's name: a workbook renamed .csv is named a workbook.
 */

/** The text an OpenDocument spreadsheet's first entry, `mimetype`, holds. */
export const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

/** What a spreadsheet is, and what to do with it: where the data should come from, and how to save it as CSV when only the spreadsheet is at hand. */
export const spreadsheetRefusal = (what: string, saveAs: string): string =>
  `${what}, not CSV text. The archives are published as CSV: import the original CSV files from the platform. With only this file, ${saveAs}. ` +
  'A spreadsheet may have rounded long ids: the rows whose ids it damaged are quarantined.';

/**
 * What a zip with no .csv entry is and what to do, when it is a spreadsheet (to follow `<file name>: `);
 * undefined for any other zip. `mimetype`: the text of its `mimetype` entry, if it has one.
 */
export function spreadsheetInZip(entryNames: readonly string[], mimetype: string | undefined): string | undefined {
  const has = (name: string): boolean => entryNames.includes(name);
  if (has('[Content_Types].xml') && (has('xl/workbook.xml') || has('xl/workbook.bin'))) {
    return spreadsheetRefusal(`an Excel workbook (${has('xl/workbook.bin') ? '.xlsb' : '.xlsx'})`, 'open it in Excel and save each sheet as "CSV UTF-8"');
  }
  if (mimetype?.trim() === ODS_MIMETYPE) {
    return spreadsheetRefusal('an OpenDocument spreadsheet (.ods)', 'open it in LibreOffice Calc and save each sheet as "Text CSV" with the character set "Unicode (UTF-8)"');
  }
  if (entryNames.some((n) => n === 'Index.zip' || /^Index\/[^/]+\.iwa$/.test(n))) {
    return spreadsheetRefusal('an Apple iWork document (such as a Numbers spreadsheet)', 'export it from Numbers with File › Export To › CSV, text encoding "Unicode (UTF-8)"');
  }
  return undefined;
}

/** OpenDocument kinds other than a spreadsheet, by the end of their `mimetype`. */
const OPEN_DOCUMENT_KINDS: Record<string, string> = {
  text: 'an OpenDocument text document (.odt)',
  presentation: 'an OpenDocument presentation (.odp)',
  graphics: 'an OpenDocument drawing (.odg)',
};

/**
 * What a zip with no .csv entry is when it is an office document that holds no table to save as
 * CSV (a Word or PowerPoint file, an OpenDocument text): named, so the analyst looks for the right
 * file (to follow `<file name>: `); undefined for any other zip.
 */
export function documentInZip(entryNames: readonly string[], mimetype: string | undefined): string | undefined {
  // Office Open XML: the package's parts under word/ or ppt/ (word/document.xml, ppt/presentation.xml).
  const officePart = (folder: string): boolean => entryNames.includes('[Content_Types].xml') && entryNames.some((n) => n.startsWith(folder));
  const openDocument = mimetype?.trim().match(/^application\/vnd\.oasis\.opendocument\.([a-z-]+)$/)?.[1];
  const what = officePart('word/') ? 'a Word document (.docx)'
    : officePart('ppt/') ? 'a PowerPoint presentation (.pptx)'
    : openDocument ? (OPEN_DOCUMENT_KINDS[openDocument] ?? `an OpenDocument file (${openDocument})`)
    : undefined;
  return what && `${what}, not CSV text. The archives are published as CSV: import the original CSV files from the platform.`;
}
