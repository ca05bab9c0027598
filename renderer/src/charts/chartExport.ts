import { host } from '../host/host';
import { echarts, type ChartOption } from './echartsSetup';
import { fromBase64 } from '../../../shared/evidence/bytes';

/**
 * Exports a chart as PNG or SVG with its caption (dataset + filters) drawn under the plot, so a
 * saved image always says what it shows. The export is rendered off screen from the option, not
 * scraped from the on-screen canvas; sliders are dropped, the zoomed range is kept.
 */
const WIDTH = 1200;
const HEIGHT = 640;
const CAPTION_SPACE = 70;

function exportOption(option: ChartOption, title: string, caption: string): ChartOption {
  const o = { ...(option as Record<string, unknown>) };
  const zooms = o.dataZoom as Record<string, unknown>[] | undefined;
  if (zooms) o.dataZoom = zooms.map((z) => ({ ...z, type: 'inside' }));
  o.animation = false;
  o.backgroundColor = '#ffffff';
  o.textStyle = { fontFamily: 'Noto Sans, Noto Emoji, Noto Sans SC, Noto Sans KR, DW CJK Extension, Noto Sans Arabic, Noto Sans Hebrew, sans-serif' };
  o.title = { text: title, left: 16, top: 8, textStyle: { fontSize: 16 } };
  o.graphic = [{ type: 'text', left: 16, bottom: 12, style: { text: wrap(caption, 150), fontSize: 12, fill: '#333', lineHeight: 16 } }];
  const grid = (o.grid ?? {}) as Record<string, unknown>;
  o.grid = { ...grid, top: 56, bottom: CAPTION_SPACE + 40, containLabel: true };
  return o as ChartOption;
}

function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if ((line + ' ' + word).length > width && line) {
      lines.push(line);
      line = word;
    } else line = line ? line + ' ' + word : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

export function chartSvg(option: ChartOption, title: string, caption: string): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: HEIGHT });
  try {
    chart.setOption(exportOption(option, title, caption));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export function chartPng(option: ChartOption, title: string, caption: string): Uint8Array<ArrayBuffer> {
  const div = document.createElement('div');
  const chart = echarts.init(div, null, { renderer: 'canvas', width: WIDTH, height: HEIGHT, devicePixelRatio: 2 });
  try {
    chart.setOption(exportOption(option, title, caption));
    const url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
    return fromBase64(url.slice(url.indexOf(',') + 1));
  } finally {
    chart.dispose();
  }
}

/** Saves bytes through the host (chunked); false when the user cancelled. */
export async function saveBytes(suggestedName: string, mimeType: string, bytes: Uint8Array<ArrayBuffer>): Promise<boolean> {
  const target = await host['save:begin']({ suggestedName, mimeType });
  if (!target.id) return false;
  try {
    const CHUNK = 1 << 20;
    for (let i = 0; i < bytes.length; i += CHUNK) await host['save:write'](target.id, bytes.subarray(i, i + CHUNK));
    await host['save:end'](target.id);
    return true;
  } catch (e) {
    await host['save:abort'](target.id).catch(() => {});
    throw e;
  }
}

/** A file name from a title: letters, digits and ._- only, at most 120 characters, cut between words. */
export function safeFileName(s: string): string {
  const name = s.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/_+/g, '_');
  if (name.length <= 120) return name || 'chart';
  const cut = name.lastIndexOf('_', 120);
  return name.slice(0, cut > 60 ? cut : 120);
}
