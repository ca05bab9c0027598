import { echarts, type ChartOption } from './echartsSetup';
import { fromBase64 } from '../../../shared/evidence/bytes';
import { withCaptionBand, wrapWords } from '../../../shared/report/figureCaption';
import { CHART_FONT } from '../styles/fontFaces';
import { charactersOf, fontsPendingFor } from '../styles/canvasFonts';

/**
 * Exports a chart as PNG or SVG with its caption (dataset + filters) drawn under the plot, so a
 * saved image always says what it shows. The export is rendered off screen from the option, not
 * scraped from the on-screen canvas; sliders are dropped, the zoomed range is kept (optionAsShown puts
 * the zoom on screen into the option).
 */
const WIDTH = 1200;
const HEIGHT = 640;
const CAPTION_SPACE = 70;

/** `caption` null: no caption drawn and no room left for it (the SVG gets its caption band afterwards). */
export function exportOption(option: ChartOption, title: string, caption: string | null): ChartOption {
  const o = { ...(option as Record<string, unknown>) };
  const zooms = o.dataZoom as Record<string, unknown>[] | undefined;
  if (zooms) o.dataZoom = zooms.map((z) => ({ ...z, type: 'inside' }));
  o.animation = false;
  o.backgroundColor = '#ffffff';
  o.textStyle = { fontFamily: CHART_FONT }; // a graphic's text (the caption) does not inherit it: set there too
  if (title) o.title = { text: title, left: 16, top: 8, textStyle: { fontSize: 16 } };
  else delete o.title;
  if (caption !== null) o.graphic = [{ type: 'text', left: 16, bottom: 12, style: { text: wrapWords(caption, 150).join('\n'), fontSize: 12, fontFamily: CHART_FONT, fill: '#333', lineHeight: 16 } }];
  // A legend goes under the title, not over it (the screen's is at the top, where the export's title is).
  const legendTop = title ? 40 : 8;
  if (o.legend) o.legend = { ...(o.legend as Record<string, unknown>), top: legendTop };
  // A colour scale (the heatmap's) goes over the caption, not on it (the screen's is at the very bottom).
  if (o.visualMap) o.visualMap = { ...(o.visualMap as Record<string, unknown>), bottom: (caption === null ? 0 : CAPTION_SPACE) + 4 };
  const grid = (o.grid ?? {}) as Record<string, unknown>;
  o.grid = { ...grid, top: (o.legend ? legendTop + 40 : title ? 56 : 24), bottom: (caption === null ? 0 : CAPTION_SPACE) + (o.visualMap ? 70 : 40), containLabel: true };
  return o as ChartOption;
}

/**
 * The SVG (exported, and kept by a pin for the bundle and the report): its caption is a marked band
 * under the plot (shared/report/figureCaption.ts), which the report takes off: its <figcaption>
 * prints the caption as text, so it would be said twice. A pin's SVG (`titleInBand`) has its title in
 * the band too, not over the plot: the report's heading says it, and the file alone still does.
 */
export function chartSvg(option: ChartOption, title: string, caption: string, titleInBand = false): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: HEIGHT - CAPTION_SPACE });
  try {
    chart.setOption(exportOption(option, titleInBand ? '' : title, null));
    return withCaptionBand(chart.renderToSVGString(), titleInBand ? `${title} · ${caption}` : caption, CHART_FONT);
  } finally {
    chart.dispose();
  }
}

export async function chartPng(option: ChartOption, title: string, caption: string): Promise<Uint8Array<ArrayBuffer>> {
  const exported = exportOption(option, title, caption);
  await fontsPendingFor(charactersOf(exported), CHART_FONT);
  const div = document.createElement('div');
  const chart = echarts.init(div, null, { renderer: 'canvas', width: WIDTH, height: HEIGHT, devicePixelRatio: 2 });
  try {
    chart.setOption(exported);
    const url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
    return fromBase64(url.slice(url.indexOf(',') + 1));
  } finally {
    chart.dispose();
  }
}
