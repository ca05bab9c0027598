import { describe, expect, it } from 'vitest';
import { inlineSvg } from '../../../shared/report/inlineSvg';
import { chartSvg } from '../../../renderer/src/charts/chartExport';

const url = (svg: string) => `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

describe('inlineSvg: a figure drawn inline, with the report fonts', () => {
  it("inlines an exported chart (ECharts' hover stylesheet dropped), its ids and references prefixed", () => {
    const svg = chartSvg({ xAxis: { type: 'category', data: ['香港', 'عربي', '🐝'] }, yAxis: { type: 'value' }, series: [{ type: 'bar', data: [1, 2, 3] }] } as never, 'Posts 香港🐝', 'caption عربي');
    const out = inlineSvg(url(`<?xml version="1.0"?>\n${svg}`), 'chart1')!;
    expect(out).not.toBeNull();
    expect(out.startsWith('<svg ')).toBe(true);
    expect(out).not.toContain('<style');
    for (const label of ['香港', 'عربي', 'Posts 香港🐝', 'caption عربي']) expect(out).toContain(`>${label}</text>`);
  });

  it('writes the figure again: ids and the url(#…) pointing at them prefixed, style declarations as attributes, interaction attributes dropped', () => {
    const out = inlineSvg(url('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><defs><clipPath id="c0"><rect width=\'5\'/></clipPath></defs><g clip-path="url(#c0)" class="zr0" pointer-events="visible"><text style="font-size:12px;font-family:Noto Sans, sans-serif;" x="1">a &amp; b &gt; c 香港</text></g></svg>'), 'network2');
    expect(out).toBe('<svg xmlns="http://www.w3.org/2000/svg"><defs><clipPath id="network2-c0"><rect width="5"/></clipPath></defs><g clip-path="url(#network2-c0)"><text font-size="12px" font-family="Noto Sans, sans-serif" x="1">a &amp; b &gt; c 香港</text></g></svg>');
    // The network figure's font list, quoted as svgFromDrawing writes it.
    expect(inlineSvg(url('<svg xmlns="http://www.w3.org/2000/svg" font-family="&quot;Noto Sans&quot;, sans-serif"><text>a</text></svg>'), 'n')).toBe('<svg xmlns="http://www.w3.org/2000/svg" font-family="&quot;Noto Sans&quot;, sans-serif"><text>a</text></svg>');
  });

  it('keeps as an image anything that could run, load or link, and what is not SVG', () => {
    for (const bad of [
      '<svg><script>alert(1)</script></svg>',
      '<svg onload="alert(1)"></svg>',
      '<svg><foreignObject><div/></foreignObject></svg>',
      '<svg><image href="http://example.org/x.png"/></svg>',
      '<svg><use href="http://example.org/x.svg#a"/></svg>',
      '<svg><rect fill="url(http://example.org/p)"/></svg>',
      '<svg><style>text { fill: red }</style></svg>',
      '<svg><a href="#x"><text>t</text></a></svg>',
      '<!DOCTYPE svg [<!ENTITY x "y">]><svg>&x;</svg>',
      '<html><svg></svg></html>',
      // Found by QA against the first, regex-based check: HTML in the figure, unquoted or glued attributes, escapes, a refresh.
      '<svg><g><p>text</p></g></svg>',
      '<svg><text>a</text><img src="x"/></svg>',
      '<svg><meta http-equiv="refresh" content="1;url=http://evil.example/"/></svg>',
      '<svg><feImage href=http://example.org/x.png /></svg>',
      '<svg><use href="#a"/></svg>',
      '<svg><rect x="1"onclick="alert(1)"/></svg>',
      '<svg><rect/onmouseover="alert(1)"/></svg>',
      '<svg><rect fill="u\\72l(http://example.org/p)"/></svg>',
      '<svg><rect style="fill:url(http://example.org/p)"/></svg>',
      '<svg><rect style="behavior:url(#x)"/></svg>',
      '<svg><rect fill="url(#a&#41;url(http://example.org/p)"/></svg>',
      '<svg><rect fill="&#x75;rl(http://example.org/p)"/></svg>',
      '<svg><text>&nbsp;</text></svg>',
      '<svg><!-- c --></svg>',
      '<svg></svg><svg></svg>',
      '<svg><text>a</text></svg>trailing',
      '<svg><g></svg></g>',
    ]) expect(inlineSvg(url(bad), 'f1'), bad).toBeNull();
    expect(inlineSvg('data:image/png;base64,iVBORw0KGgo=', 'f1')).toBeNull();
    expect(inlineSvg(`data:image/svg+xml;base64,${Buffer.from([0x3c, 0x73, 0x76, 0x67, 0xff]).toString('base64')}`, 'f1')).toBeNull();
  });
});
