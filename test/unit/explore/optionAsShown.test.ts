import { describe, expect, it } from 'vitest';
import { optionAsShown } from '../../../renderer/src/charts/optionAsShown';
import type { ChartOption, echarts } from '../../../renderer/src/charts/echartsSetup';

const DAYS = ['2019-03-01', '2019-03-02', '2019-03-03', '2019-03-04', '2019-03-05'];
const option = (zoom: Record<string, unknown> = {}) =>
  ({ xAxis: { type: 'category', data: DAYS }, yAxis: { type: 'value' }, dataZoom: [{ type: 'inside', ...zoom }, { type: 'slider', bottom: 8, ...zoom }], series: [{ type: 'bar', data: [1, 2, 3, 4, 5] }] }) as ChartOption;
/** A chart as echarts keeps it: its zoom, set with the slider or the wheel, in its own option. */
const chartZoomedTo = (startValue: number, endValue: number) => ({ getOption: () => ({ dataZoom: [{ startValue, endValue, start: 25, end: 75 }] }) }) as unknown as echarts.ECharts;

describe('a chart exported or pinned as shown', () => {
  it('keeps the zoom set on screen and says which categories it shows of which', () => {
    const shown = optionAsShown(option(), chartZoomedTo(1, 3));
    expect((shown.option as { dataZoom: unknown[] }).dataZoom).toEqual([{ type: 'inside', startValue: 1, endValue: 3 }, { type: 'slider', bottom: 8, startValue: 1, endValue: 3 }]);
    expect(shown.zoomed).toBe('zoomed to 2019-03-02 – 2019-03-04 of 2019-03-01 – 2019-03-05');
  });
  it('says nothing when the screen shows what the option asked for (every day, or the time filter\'s days)', () => {
    expect(optionAsShown(option(), chartZoomedTo(0, 4)).zoomed).toBeUndefined();
    expect(optionAsShown(option({ startValue: 1, endValue: 3 }), chartZoomedTo(1, 3)).zoomed).toBeUndefined();
  });
  it('leaves an option without a zoom or a category axis, or a chart not drawn yet, as it is', () => {
    const plain = { xAxis: { type: 'category', data: DAYS }, series: [] } as ChartOption;
    expect(optionAsShown(plain, chartZoomedTo(1, 3)).option).toBe(plain);
    expect(optionAsShown(option(), null).option).toEqual(option());
  });
});
