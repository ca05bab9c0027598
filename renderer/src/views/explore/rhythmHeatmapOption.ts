import type { ChartOption } from '../../charts/echartsSetup';
import { countOf } from '../../import/formatters';
import { WEEKDAYS } from './timeBuckets';

/**
 * The posting rhythm (tweets per weekday and hour, rhythmInZone) as a heatmap: its hour axis named
 * and its colour scale labelled from 0 to the busiest hour's count, so the shades can be read on
 * screen, in an export and in a pin alike (the Overview's and an account's).
 */
export function rhythmHeatmapOption(rhythm: readonly (readonly number[])[]): ChartOption {
  const max = Math.max(1, ...rhythm.flat());
  return {
    grid: { left: 8, right: 24, top: 8, bottom: 72, containLabel: true },
    xAxis: { type: 'category', data: Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0')), name: 'hour', nameLocation: 'middle', nameGap: 26 },
    yAxis: { type: 'category', data: [...WEEKDAYS] },
    visualMap: { min: 0, max, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, text: [countOf(max, 'tweet'), '0'] },
    series: [{ type: 'heatmap', name: 'tweets', data: rhythm.flatMap((row, wd) => row.map((n, h) => [h, wd, n])) }],
    tooltip: {},
  };
}
