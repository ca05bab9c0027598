/**
 * The report page (#/report/<key> for a model handed over by automation, reportHandoff.ts; #/report/case/<id>
 * for a preview of a case before export). It renders alone, without the app's chrome, because it
 * is what gets printed: by the user with window.print() (print CSS hides the toolbar; the footer
 * comes from CSS page-margin boxes, printMarginBoxes.ts), by
 * automation with Chromium's page.pdf(), and in Electron the same HTML goes through 'report:print'.
 * `data-report-ready` on <html> turns true once the whole report is laid out (layoutInSteps.ts) and its fonts have loaded.
 */
import { hrefFor } from '../app/routes';
import { countOf, formatCount, formatSeconds } from '../import/formatters';
import { useEffect, useMemo, useRef, useState } from 'react';
import { APP_NAME } from '../../../shared/appIdentity';
import { buildReportBody, pageSizeAttribute, reportTitle } from '../../../shared/report/reportHtml';
import type { ReportModel, ReportPageSize } from '../../../shared/report/reportModel';
import { appVersion } from '../app/version';
import { readCitedSources } from '../cases/exportCaseBundle';
import { caseItems, getCase, readCustody } from '../cases/caseStore';
import { host } from '../host/host';
import { analystTimeZone } from '../app/analystTimeZone';
import { db } from '../store/database';
import { caseReportModel } from './caseReportModel';
import { loadReportModel } from './reportHandoff';
import { printWithMarginBoxes } from './printMarginBoxes';
import { printReportPdf } from './printReportPdf';
import type { ReportPhase } from './reportPhase';
import { safeFileName } from '../../../shared/domain/fileNames';
import { reportStylesheetUrl } from './reportStylesheet';
import { focusIfLost, focusInView } from '../app/focusIfLost';
import { ThrottledAnnouncer } from '../app/ThrottledAnnouncer';
import { eta } from '../workers/import/progressReporter';
import { layoutInSteps, type LayoutProgress } from './layoutInSteps';

type Loaded = { model: ReportModel } | { error: string } | null;

/** What Save as PDF is doing, in words (the status line says it while a large case prints). */
const SAVE_STEPS: Record<ReportPhase, string> = { rendering: 'building the report', printing: 'printing it', attaching: 'adding its metadata', done: 'choosing where to save it' };

/** A layout shorter than this shows no progress (a small case is laid out before it could be read). */
const PROGRESS_AFTER_SECONDS = 0.5;

/** "Laying out the report: 1,200 of 3,000 items, about 12 s left" (the estimate once it has run a few seconds). */
function layoutText(p: LayoutProgress): string {
  if (!p.total) return 'Laying out the report…';
  const left = eta(p.done, p.total, p.seconds);
  return `Laying out the report: ${formatCount(p.done)} of ${countOf(p.total, 'item')}${left !== null ? `, about ${formatSeconds(left)} left` : '…'}`;
}

/** Counted as the case page counts its evidence: items and figures (pinned charts, networks). */
const readyText = (m: ReportModel, pageSize: ReportPageSize): string =>
  `Ready: ${countOf(m.items.length, 'item')}${m.figures.length ? ` and ${countOf(m.figures.length, 'figure')}` : ''}, ${pageSize}.`;

async function loadFromHash(rest: string[]): Promise<Loaded> {
  if (rest[0] === 'case' && rest[1]) {
    const caseRecord = await getCase(db, rest[1]);
    if (!caseRecord) return { error: `No case with id ${rest[1]}.` };
    const items = await caseItems(db, caseRecord.id);
    // A preview names every cited row, a deleted dataset's too (an export refuses the case until its file is imported again).
    const { found, missing } = await readCitedSources(db, items);
    return {
      model: caseReportModel({
        caseRecord,
        items,
        custody: await readCustody(db, caseRecord.id),
        sources: found,
        missingSources: missing,
        author: caseRecord.createdBy,
        software: { name: APP_NAME, version: appVersion },
        analystTimeZone: analystTimeZone(),
        createdAt: new Date(),
      }),
    };
  }
  const model = rest[0] ? loadReportModel(rest[0]) : null;
  return model ? { model } : { error: 'This report is no longer available in this tab. Open it again from its case.' };
}

export function ReportPage({ rest }: { rest: string[] }) {
  const [loaded, setLoaded] = useState<Loaded>(null);
  const [pageSize, setPageSize] = useState<ReportPageSize>('A4');
  const [status, setStatus] = useState('Loading the report…');
  /** The host saves the report as a PDF (the desktop app; a browser only when automation gave it a printer). */
  const [printsPdf, setPrintsPdf] = useState(false);
  const [saving, setSaving] = useState(false);
  /** The layout's progress while it runs; laidOut once the whole report is in the page. */
  const [layout, setLayout] = useState<LayoutProgress | null>(null);
  const [laidOut, setLaidOut] = useState(false);
  /** Cancelled at this progress: nothing is shown until it is laid out again (bumping `attempt`). */
  const [cancelledAt, setCancelledAt] = useState<LayoutProgress | null>(null);
  const [attempt, setAttempt] = useState(0);
  const sheet = useRef<HTMLElement>(null);
  /** The paper chosen now (the markup is built with the paper of its time; a switch changes the article's attribute only). */
  const paper = useRef(pageSize);
  paper.current = pageSize;
  const cancelLayout = useRef<AbortController | null>(null);
  const key = rest.join('/');

  useEffect(() => {
    let live = true;
    setLoaded(null);
    void loadFromHash(rest).then(
      (l) => live && setLoaded(l),
      (err: unknown) => live && setLoaded({ error: String(err) }),
    );
    void host['app:info']().then((i) => live && setPrintsPdf(i.printsReport));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const body = useMemo(() => (loaded && 'model' in loaded ? buildReportBody(loaded.model, paper.current) : ''), [loaded]);

  // A4 or Letter names the print CSS's page and changes nothing on screen: the report is not laid out again.
  const showPaper = () => {
    const article = sheet.current?.querySelector<HTMLElement>(':scope > article.dw-report');
    const value = pageSizeAttribute(paper.current);
    if (article && article.dataset.pageSize !== value) article.dataset.pageSize = value;
  };
  useEffect(() => {
    showPaper();
    if (loaded && 'model' in loaded && document.documentElement.dataset.reportReady === 'true') setStatus(readyText(loaded.model, pageSize));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pageSize]);

  // White page, report title; then wait for layout and fonts before saying "ready".
  useEffect(() => {
    const root = document.documentElement;
    root.classList.add('dw-report-doc');
    return () => {
      root.classList.remove('dw-report-doc');
      delete root.dataset.reportReady;
    };
  }, []);
  useEffect(() => {
    if (!body || !loaded || !('model' in loaded) || !sheet.current) return;
    let live = true;
    const controller = (cancelLayout.current = new AbortController());
    document.title = reportTitle(loaded.model);
    document.documentElement.dataset.reportReady = 'false';
    setLaidOut(false);
    setCancelledAt(null);
    setStatus('Laying out the report…');
    let last: LayoutProgress | null = null;
    // A large case takes seconds to lay out: a batch at a time, its progress said, Cancel answered between batches.
    void layoutInSteps(sheet.current, body, {
      signal: controller.signal,
      onProgress: (p) => {
        if (!live) return;
        showPaper(); // chosen while it was laid out
        setLayout((last = p));
      },
    }).then(
      () => {
        if (!live) return;
        showPaper();
        setLayout(null);
        setLaidOut(true);
        setStatus('Loading fonts…');
        // Arriving on the report, keyboard focus goes to its title (it was on the page's body, or on Cancel), as on every page.
        const title = document.getElementById('r-title');
        if (title) title.tabIndex = -1;
        if (document.activeElement?.closest('.layout-progress')) focusInView(title); // Cancel, about to go
        else focusIfLost(title);
        void document.fonts.ready.then(() => {
          if (!live) return;
          document.documentElement.dataset.reportReady = 'true';
          setStatus(readyText(loaded.model, paper.current));
        });
      },
      (err: unknown) => {
        if (!live) return;
        setLayout(null);
        // Cancelled: no part of the report is left on the page, to be printed as if it were the report.
        if (controller.signal.aborted) {
          sheet.current?.replaceChildren();
          setCancelledAt(last ?? { done: 0, total: loaded.model.items.length, seconds: 0 });
        }
        else setStatus(`Could not lay out the report: ${err instanceof Error ? err.message : String(err)}`);
      },
    );
    return () => {
      live = false;
      controller.abort();
    };
  }, [body, loaded, attempt]);

  const savePdf = async () => {
    if (!loaded || !('model' in loaded) || saving) return;
    const m = loaded.model;
    setSaving(true);
    try {
      const pdf = await printReportPdf({ host, model: m, pageSize, attachments: [], onPhase: (phase) => setStatus(`Saving the PDF: ${SAVE_STEPS[phase]}${phase === 'printing' ? ` (${pageSize})` : ''}…`) });
      // Named by the case, as the analyst knows it (its id told one saved preview from another by nothing a person reads).
      const target = await host['save:begin']({ suggestedName: `${safeFileName(`${m.caseTitle || m.caseId}_evidence-report-preview`)}.pdf`, mimeType: 'application/pdf' });
      if (!target.id) return setStatus('Save cancelled.');
      await host['save:write'](target.id, new Uint8Array(pdf));
      const saved = await host['save:end'](target.id);
      setStatus(`Saved ${saved.path} (${countOf(saved.bytes, 'byte')}).`);
    } catch (err) {
      setStatus(`Could not save the PDF: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="report-page">
      <link rel="stylesheet" href={reportStylesheetUrl()} precedence="report" />
      <div className="report-toolbar" role="region" aria-label="Report controls">
        {rest[0] === 'case' && rest[1] ? <a href={hrefFor('cases', rest[1])}>Back to the case</a> : <a href={hrefFor('cases')}>Back to cases</a>}
        <fieldset>
          <legend>Page size</legend>
          {(['A4', 'Letter'] as const).map((s) => (
            <label key={s}>
              <input type="radio" name="report-page-size" value={s} checked={pageSize === s} onChange={() => setPageSize(s)} /> {s}
            </label>
          ))}
        </fieldset>
        <button type="button" className="primary" onClick={() => loaded && 'model' in loaded && printWithMarginBoxes(loaded.model)} disabled={!laidOut}>
          Print…
        </button>
        {printsPdf && (
          // aria-disabled while it saves, not disabled: a disabled button drops the keyboard focus to the page.
          <button type="button" onClick={() => void savePdf()} disabled={!laidOut} aria-disabled={saving || undefined}>
            Save as PDF
          </button>
        )}
        {layout && layout.seconds >= PROGRESS_AFTER_SECONDS ? (
          <span className="layout-progress">
            <progress aria-label="Report layout progress" max={layout.total || undefined} value={layout.total ? layout.done : undefined} />{' '}
            <ThrottledAnnouncer topic="layout"><span data-progress-line>{layoutText(layout)}</span></ThrottledAnnouncer>{' '}
            <button type="button" onClick={() => cancelLayout.current?.abort()} ref={focusIfLost}>Cancel</button>
          </span>
        ) : cancelledAt ? (
          <span>
            <span role="status">
              Preview cancelled after {formatCount(cancelledAt.done)} of {countOf(cancelledAt.total, 'item')}: no part of the report is shown, so none can be printed.
            </span>{' '}
            <button type="button" onClick={() => setAttempt((n) => n + 1)} ref={focusIfLost}>Lay out the report again</button>
          </span>
        ) : (
          <span className="status" role="status">
            {loaded && 'error' in loaded ? loaded.error : status}
          </span>
        )}
      </div>
      {/* The markup is built by shared/report with every value escaped; layoutInSteps puts it in. */}
      {body && <main className="report-sheet" ref={sheet} />}
    </div>
  );
}
