import type { ReportModel } from '../../../shared/report/reportModel';

/**
 * Hands a report model to the report page (#/report/<key>) in the same tab: the page is what gets
 * printed (window.print() by the user, page.pdf() by automation). sessionStorage keeps it out of
 * the persistent store and lets a reload of the page still find it.
 */
const PREFIX = 'dw-report:';

export function stashReportModel(model: ReportModel): string {
  const key = `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  sessionStorage.setItem(PREFIX + key, JSON.stringify(model));
  return key;
}

export function loadReportModel(key: string): ReportModel | null {
  const json = sessionStorage.getItem(PREFIX + key);
  return json === null ? null : (JSON.parse(json) as ReportModel);
}

export const reportHref = (key: string): string => `#/report/${encodeURIComponent(key)}`;
