import type { ReportModel } from '../../../shared/report/reportModel';

/**
 * A report model handed to the report page (#/report/<key>) in the same tab by automation (the
 * report benchmark, test/bench/reportRender.ts, stores one under 'dw-report:<key>' in
 * sessionStorage), outside the persistent store. The app itself opens #/report/case/<id>.
 */
const PREFIX = 'dw-report:';

export function loadReportModel(key: string): ReportModel | null {
  const json = sessionStorage.getItem(PREFIX + key);
  return json === null ? null : (JSON.parse(json) as ReportModel);
}
