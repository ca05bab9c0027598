import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { BrushComponent, DataZoomComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent, VisualMapComponent, GraphicComponent, MarkLineComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

// Only the parts the app draws. Canvas for the screen; SVG (server-side string mode) for export.
echarts.use([BarChart, LineChart, HeatmapChart, BrushComponent, GridComponent, TooltipComponent, DataZoomComponent, LegendComponent, TitleComponent, VisualMapComponent, GraphicComponent, MarkLineComponent, CanvasRenderer, SVGRenderer]);

export { echarts };
export type { EChartsCoreOption as ChartOption } from 'echarts/core';
