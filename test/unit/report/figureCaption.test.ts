import { describe, expect, it } from 'vitest';
import { withCaptionBand, withoutCaptionBand } from '../../../shared/report/figureCaption';
import { inlineSvg } from '../../../shared/report/inlineSvg';
import { chartSvg, exportOption } from '../../../renderer/src/charts/chartExport';
import { rhythmHeatmapOption } from '../../../renderer/src/views/explore/rhythmHeatmapOption';
import { caseReportModel } from '../../../renderer/src/report/caseReportModel';
import { buildReportBody } from '../../../shared/report/reportHtml';
import { escapeHtml } from '../../../shared/report/escapeHtml';
import { keepHyphens } from '../../../shared/report/keepHyphens';

const url = (svg: string) => `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
const OPTION = { xAxis: { type: 'category', data: ['香港', 'عربي'] }, yAxis: { type: 'value' }, series: [{ type: 'bar', data: [1, 2] }] } as never;
const CAPTION = 'Dataset “china_082019” (d1); 2019-08-01 to 2019-08-19; time zone Asia/Hong_Kong; source: Disclosure Workbench';
const heightOf = (svg: string) => Number(/<svg\b[^>]*?\bheight="([\d.]+)"/.exec(svg)![1]);
const viewBoxOf = (svg: string) => /<svg\b[^>]*?\bviewBox="([^"]+)"/.exec(svg)![1];

describe('figureCaption: the caption drawn under an exported figure, left out of the report', () => {
  it('an exported chart SVG says what it shows (the file alone, as the bundle holds it); the report draws it without the caption', () => {
    const svg = chartSvg(OPTION, 'Posts per day', CAPTION);
    expect(svg).toContain(`>${CAPTION.replace(/&/g, '&amp;')}</text>`);
    expect(heightOf(svg)).toBeGreaterThan(570);
    const bare = withoutCaptionBand(svg);
    expect(bare).not.toContain(CAPTION);
    expect(bare).not.toContain('figure-caption');
    expect(bare).toContain('>Posts per day</text>'); // the drawing itself is kept
    expect(heightOf(bare)).toBe(570);
    expect(viewBoxOf(bare)).toBe('0 0 1200 570');
    // Both stay inlinable in the report (nothing off the allow-list).
    expect(inlineSvg(url(svg), 'c1')).toContain(CAPTION);
    const inlined = inlineSvg(url(bare), 'c1');
    expect(inlined).not.toBeNull();
    expect(inlined).not.toContain(CAPTION);
  });

  it('a long caption wraps to the width and goes whole; a band needs its mark, its place at the end and its height', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="100" viewBox="0 0 600 100"><rect width="100%" height="100%" fill="#ffffff"/><circle cx="50" cy="50" r="10"/></svg>\n';
    const long = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');
    const banded = withCaptionBand(svg, long, '"Noto Sans", sans-serif');
    expect((banded.match(/<text /g) ?? []).length).toBeGreaterThan(2);
    expect(banded).toContain('word0 ');
    expect(banded).toContain('word29</text>');
    expect(withoutCaptionBand(banded)).toBe(svg);
    expect(withCaptionBand(svg, '  ', 'sans-serif')).toBe(svg); // nothing to say, no band
    // An SVG without the mark (a figure pinned before the band, or any other) is drawn as it is.
    const legacy = svg.replace('</svg>', '<text x="20" y="90">caption drawn the old way</text></svg>');
    expect(withoutCaptionBand(legacy)).toBe(legacy);
    // Not at the end, or a height that does not add up: left as it is.
    const notLast = banded.replace('</svg>', '<circle r="1"/></svg>');
    expect(withoutCaptionBand(notLast)).toBe(notLast);
    const wrongHeight = banded.replace(/height="(\d+)" viewBox/, 'height="999" viewBox').replace(/viewBox="0 0 600 \d+"/, 'viewBox="0 0 600 999"');
    expect(withoutCaptionBand(wrongHeight)).toBe(wrongHeight);
  });

  it('under a narrow drawing the band is 480 wide, not a column of a few words a line; taken off, the drawing has its own width again', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="170" height="120" viewBox="0 0 170 120"><circle cx="50" cy="50" r="10"/></svg>\n';
    const caption = 'Co-retweet (coordination) network · demo · 4 nodes, 3 edges shown · every tweet of the dataset · filtered or hidden: view: significant edges only (q ≤ alpha 0.05); view: edges of weight ≥ 9 only; view: community 2 only';
    const banded = withCaptionBand(svg, caption, 'sans-serif');
    expect(banded).toMatch(/^<svg [^>]*width="480" height="\d+" viewBox="0 0 480 \d+"/);
    expect((banded.match(/<text /g) ?? []).length).toBeLessThanOrEqual(5);
    expect(withoutCaptionBand(banded)).toBe(svg);
  });

  it("a pinned chart's caption is in the report once: in its figcaption, not drawn in its figure", () => {
    const at = '2026-11-28T10:00:00.000Z';
    const svg = chartSvg(OPTION, 'Posts per day', CAPTION);
    const m = caseReportModel({
      caseRecord: { id: 'c1', name: 'Case', createdAt: at, createdBy: 'analyst', notes: '', itemNotes: {}, itemIds: ['p1'] } as never,
      items: [{ id: 'p1', caseId: 'c1', pinnedAt: at, kind: 'chart', datasetId: 'd1', title: 'Posts per day', provenance: [], payload: { title: 'Posts per day', caption: CAPTION, option: {}, svg } }] as never,
      custody: [],
      sources: [],
      author: 'analyst',
      software: { name: 'Disclosure Workbench', version: '0.1.0' },
      analystTimeZone: 'UTC',
      createdAt: new Date(at),
    });
    const html = buildReportBody(m, 'A4');
    // Once as text: the figcaption's (before, the figure drew it too), its hyphens kept on their lines (keepHyphens).
    const printed = keepHyphens(escapeHtml(CAPTION));
    expect(html.split(printed)).toHaveLength(2);
    expect(html).not.toContain(`>${CAPTION}<`);
    expect(html).toContain(`<figcaption><span class="user-text" dir="auto">${printed}</span>`);
    expect(html).toContain('>Posts per day</text>');
  });
});

describe('a chart PNG', () => {
  it("draws the heatmap's colour scale above its caption, not over it (the posting rhythm's scale covered the caption's last line)", async () => {
    const rhythm = Array.from({ length: 7 }, (_, d) => Array.from({ length: 24 }, (_, h) => (d + h) % 4));
    const exported = exportOption(rhythmHeatmapOption(rhythm), 'Posting rhythm', 'Dataset “x”, 2019-06-01 to 2019-06-30 (UTC)') as { visualMap: { bottom: number }; grid: { bottom: number } };
    expect(exported.visualMap.bottom).toBeGreaterThanOrEqual(70); // the caption's band
    expect(exported.grid.bottom).toBeGreaterThan(exported.visualMap.bottom + 20); // the plot above the scale
  });
});
