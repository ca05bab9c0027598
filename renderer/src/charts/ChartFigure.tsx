import { useEffect, useRef, useState, type ReactNode } from 'react';
import { PinButton } from '../pins/PinButton';
import type { EvidenceItemDraft } from '../pins/pinTypes';
import { chartPng, chartSvg } from './chartExport';
import { svgWithFonts } from '../styles/svgWithFonts';
import { APP_FACES, CHART_FONT } from '../styles/fontFaces';
import { charactersOf, fontsPendingFor } from '../styles/canvasFonts';
import { safeFileName } from '../../../shared/domain/fileNames';
import { saveBytes } from '../host/saveFile';
import { echarts, type ChartOption } from './echartsSetup';
import { optionAsShown } from './optionAsShown';

export interface ChartFigureProps {
  id: string;
  title: string;
  /** Names the dataset and the filters in force; shown under the chart and drawn into exports. */
  caption: string;
  /** What the chart leaves out, said with a pinned chart ("Filtered or hidden" in the report): the time filter in force, say. */
  filtered?: string;
  option: ChartOption;
  datasetId: string;
  /** Plain-language summary for screen readers (the chart itself is a picture). */
  summary: string;
  height?: number;
  /** Called with the chart after each setOption, to wire events (e.g. dataZoom). */
  onChart?: (chart: echarts.ECharts) => void;
  children?: ReactNode;
}

/** An echarts chart with its caption, PNG/SVG export through the host, and "Pin to case". */
export function ChartFigure({ id, title, caption, filtered, option, datasetId, summary, height = 280, onChart, children }: ChartFigureProps) {
  const el = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, null, { renderer: 'canvas' });
    chartRef.current = chart;
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    let live = true;
    const draw = () => {
      if (!live) return;
      // Rich-text tooltips draw on the canvas: HTML tooltips would need inline styles the CSP forbids.
      // The app's faces, as the export draws them: echarts' default is the computer's sans-serif.
      chart.setOption({ textStyle: { fontFamily: CHART_FONT }, ...(option as object), tooltip: { renderMode: 'richText', ...((option as { tooltip?: object }).tooltip ?? {}) } }, { notMerge: true });
      onChart?.(chart);
    };
    // Drawn once the faces of its labels are loaded (canvasFonts.ts): at once when they are.
    const pending = fontsPendingFor(charactersOf(option), CHART_FONT);
    if (pending) void pending.then(draw);
    else draw();
    return () => {
      live = false;
    };
  }, [option, onChart]);

  const base = safeFileName(`${title}-${caption}`);
  /** The option, caption and what is left out as on screen: a zoom set with the slider is exported, pinned and said. */
  const shown = () => {
    const s = optionAsShown(option, chartRef.current);
    return { option: s.option, caption: s.zoomed ? `${caption}; ${s.zoomed}` : caption, said: filtered || s.zoomed ? { filtered: [filtered, s.zoomed].filter(Boolean).join('; ') } : {} };
  };
  const exportAs = async (kind: 'png' | 'svg') => {
    try {
      const { option, caption } = shown();
      const bytes = kind === 'png' ? await chartPng(option, title, caption) : new TextEncoder().encode(await svgWithFonts(chartSvg(option, title, caption), APP_FACES));
      const saved = await saveBytes(`${base}.${kind}`, kind === 'png' ? 'image/png' : 'image/svg+xml', bytes);
      setStatus(saved ? `Saved ${kind.toUpperCase()} (${bytes.length.toLocaleString('en')} bytes).` : 'Save cancelled.');
    } catch (e) {
      setStatus(`Export failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  // Titled with its caption (dataset, range, zone): the same chart of two datasets or ranges is told apart in a case.
  const pinItem = () => {
    const { option, caption, said } = shown();
    return { kind: 'chart' as const, datasetId, title: `${title}: ${caption}`, payload: { title, caption, ...said, option }, provenance: [] };
  };
  // The SVG the case keeps (and the report prints) is rendered when the chart is pinned, from what the pin holds.
  const withSvg = (i: EvidenceItemDraft) => {
    const p = i.payload as { caption: string; option: ChartOption };
    return { ...i, payload: { ...p, svg: chartSvg(p.option, title, p.caption, true) } };
  };

  return (
    <figure className="chart-figure" aria-labelledby={`${id}-title`} data-chart={id}>
      <div className="chart-head">
        <h3 id={`${id}-title`}>{title}</h3>
        <div className="chart-actions">
          <button type="button" onClick={() => void exportAs('png')} aria-label={`Export ${title} as PNG`}>PNG</button>
          <button type="button" onClick={() => void exportAs('svg')} aria-label={`Export ${title} as SVG`}>SVG</button>
          {/* Keyed by caption: another range or zone is another chart (PinButton reads its item when it mounts). */}
          <PinButton key={caption} item={pinItem} stored={withSvg} label={title} />
        </div>
      </div>
      {children}
      <div ref={el} className="chart-canvas" role="img" aria-label={`${title}. ${summary}`} style={{ height }} />
      <figcaption className="muted">{caption}</figcaption>
      <p className="muted" role="status" aria-live="polite">{status}</p>
    </figure>
  );
}
