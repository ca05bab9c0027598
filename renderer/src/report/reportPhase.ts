/**
 * The steps of printing the evidence report (printReportPdf), in its own module so that the words
 * said for them (exportStatus.ts, ReportPage.tsx) are typed against it without pulling in the
 * report's printer and stylesheet.
 */
export type ReportPhase = 'rendering' | 'printing' | 'attaching' | 'done';
