/**
 * The cases export's ReportRenderer hook (renderer/src/cases/exportCaseBundle.ts): once the bundle
 * is signed, build the model, print it through the host, attach the manifest, signatures and
 * VERIFY.txt and sign it inside with the report key (CMS). The export then signs the PDF with the
 * analyst's key (signReport, SSHSIG) and adds it at report/evidence-report.pdf.
 * In the browser host there is no programmatic PDF printer: the hook returns null (no report in the
 * bundle) and the user prints the report page instead.
 */
import type { HostApi } from '../../../shared/api/hostApi';
import { APP_NAME } from '../../../shared/appIdentity';
import { bundleAttachments } from '../../../shared/report/finishReportPdf';
import type { ReportPageSize } from '../../../shared/report/reportModel';
import { appVersion } from '../app/version';
import { analystTimeZone } from '../app/analystTimeZone';
import { citedSources, type ReportRenderer } from '../cases/exportCaseBundle';
import type { WorkbenchDb } from '../store/schema';
import { caseReportModel } from './caseReportModel';
import { printReportPdf } from './printReportPdf';
import type { ReportPhase } from './reportPhase';

export function createCaseReportRenderer(opts: {
  db: WorkbenchDb;
  host: HostApi;
  pageSize: ReportPageSize;
  onPhase?: (phase: ReportPhase, detail: string) => void;
}): ReportRenderer {
  return async ({ prepared, caseRecord, items, custody, signing }) => {
    const model = caseReportModel({
      caseRecord,
      items,
      custody,
      sources: await citedSources(opts.db, items),
      prepared,
      author: prepared.principal,
      software: { name: APP_NAME, version: appVersion },
      analystTimeZone: analystTimeZone(),
      // The bundle's time, not the print's (seconds later): the report and provenance.json agree.
      createdAt: new Date(prepared.created),
    });
    return printReportPdf({ host: opts.host, model, pageSize: opts.pageSize, attachments: bundleAttachments(prepared), signing, ...(opts.onPhase ? { onPhase: opts.onPhase } : {}) });
  };
}
