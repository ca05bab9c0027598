/**
 * The report as a finished PDF: HTML (shared/report) → the host's Chromium printer ('report:print')
 * → pdf-lib attachments, metadata and, given the report key, the signature inside (CMS). The caller
 * signs the result too (PreparedBundle.signReport, SSHSIG).
 */
import type { HostApi } from '../../../shared/api/hostApi';
import { finishReportPdf, type ReportAttachment, type ReportSigning } from '../../../shared/report/finishReportPdf';
import { footerTemplate, headerTemplate } from '../../../shared/report/printTemplates';
import { buildReportHtml } from '../../../shared/report/reportHtml';
import type { ReportModel, ReportPageSize } from '../../../shared/report/reportModel';
import { reportStylesheetUrl } from './reportStylesheet';
import { countOf } from '../../../shared/domain/countWords';
import type { ReportPhase } from './reportPhase';

export async function printReportPdf(opts: {
  host: HostApi;
  model: ReportModel;
  pageSize: ReportPageSize;
  attachments: ReportAttachment[];
  /** The report key (a bundle's report is signed inside; the report page's Save as PDF is not). */
  signing?: ReportSigning;
  onPhase?: (phase: ReportPhase, detail: string) => void;
}): Promise<Uint8Array> {
  const phase = opts.onPhase ?? (() => {});
  phase('rendering', countOf(opts.model.items.length, 'item'));
  const html = buildReportHtml(opts.model, { stylesheets: [reportStylesheetUrl()], pageSize: opts.pageSize });
  phase('printing', `${opts.pageSize}, ${Math.round(html.length / 1024)} KB of HTML`);
  const pdf = await opts.host['report:print']({ html, pageSize: opts.pageSize, headerTemplate: headerTemplate(opts.model), footerTemplate: footerTemplate(opts.model) });
  phase('attaching', `${opts.attachments.map((a) => a.name).join(', ')}${opts.signing ? '; signing inside (CMS)' : ''}`);
  const finished = await finishReportPdf(pdf, opts.model, opts.attachments, opts.signing);
  phase('done', `${Math.round(finished.length / 1024)} KB`);
  return finished;
}
