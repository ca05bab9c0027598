import type { ChartOption, echarts } from './echartsSetup';

type Zoom = { startValue?: unknown; endValue?: unknown; start?: unknown; end?: unknown };

/**
 * A chart's option as the analyst sees it. Echarts keeps a zoom set with the slider or the wheel in
 * the chart, not in the option the view gave it; exports and pins are drawn from the option, so
 * without this they showed every category whatever the screen showed. The zoom on screen is put into
 * each dataZoom of the option and, where it narrows the category axis more than the option itself
 * did, said in words (`zoomed`, for the caption: what an export or pin leaves out).
 */
export function optionAsShown(option: ChartOption, chart: echarts.ECharts | null): { option: ChartOption; zoomed?: string } {
  const zooms = (option as { dataZoom?: Zoom[] }).dataZoom;
  const live = (chart?.getOption() as { dataZoom?: Zoom[] } | undefined)?.dataZoom?.[0];
  const axis = (option as { xAxis?: { type?: string; data?: unknown[] } }).xAxis;
  const categories = axis?.type === 'category' && Array.isArray(axis.data) ? axis.data : undefined;
  if (!zooms?.length || !live || !categories?.length) return { option };
  const last = categories.length - 1;
  const index = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isInteger(v) ? Math.min(last, Math.max(0, v)) : fallback);
  const start = index(live.startValue, 0);
  const end = index(live.endValue, last);
  const declaredStart = index(zooms[0]!.startValue, 0);
  const declaredEnd = index(zooms[0]!.endValue, last);
  const shown = { ...(option as object), dataZoom: zooms.map(({ start: _s, end: _e, ...z }) => ({ ...z, startValue: start, endValue: end })) } as ChartOption;
  if (start === declaredStart && end === declaredEnd) return { option: shown };
  return { option: shown, zoomed: `zoomed to ${String(categories[start])} – ${String(categories[end])} of ${String(categories[0])} – ${String(categories[last])}` };
}
