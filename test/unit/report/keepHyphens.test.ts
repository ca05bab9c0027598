import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../shared/report/escapeHtml';
import { keepHyphens } from '../../../shared/report/keepHyphens';
import { buildReportBody } from '../../../shared/report/reportHtml';
import { repoRoot } from '../../fixtures/paths';
import { buildReportCase } from './reportCase';

const reportCss = readFileSync(path.join(repoRoot, 'renderer/src/report/report.css'), 'utf8');
/** The markup without the spans keepHyphens adds: the text as escaped. */
const unwrapped = (html: string) => html.replace(/<span class="keep">([^<]*)<\/span>/g, '$1');

describe('no line of the report ends at a hyphen (pdftotext drops a hyphen that ends a line)', () => {
  it('keeps each hyphen-minus on one line with what follows it, up to the next visible character; the text unchanged', () => {
    expect(keepHyphens('по-немецки')).toBe('по<span class="keep">-н</span>емецки');
    expect(keepHyphens('театре  -  Воздушные')).toBe('театре  <span class="keep">-  В</span>оздушные');
    expect(keepHyphens('a--b')).toBe('a<span class="keep">--b</span>');
    expect(keepHyphens(escapeHtml('x-<y>'))).toBe('x<span class="keep">-&lt;</span>y&gt;');
    expect(keepHyphens('a-😀b')).toBe('a<span class="keep">-😀</span>b'); // a whole code point
    // Before a digit too (Chromium breaks there: a bundle path's …13548-367.csv came back as …13548367.csv).
    expect(keepHyphens('row-102_bytes-13548-367.csv')).toBe('row<span class="keep">-1</span>02_bytes<span class="keep">-1</span>3548<span class="keep">-3</span>67.csv');
    expect(keepHyphens('SHA-256')).toBe('SHA<span class="keep">-2</span>56');
    // Nothing to keep at a typed line break or the end.
    for (const s of ['foo-', 'a-\nb']) expect(keepHyphens(s)).toBe(s);
  });

  it('a real post whose "по-немецки" pdftotext returned as "понемецки" (wrapped after its hyphen) has that hyphen kept', async () => {
    const rc = await buildReportCase(3);
    const post = rc.items.find((i) => i.kind === 'post' && i.text.includes('по-немецки'));
    expect(post).toBeDefined(); // the IRA 2018 excerpt's first tweet
    const body = buildReportBody(rc.model, 'A4');
    expect(body).toContain('по<span class="keep">-н</span>емецки');
    expect(body).not.toMatch(/по-немецки/);
    // The text around the spans is the model's.
    expect(unwrapped(body)).toContain(escapeHtml('по-немецки'));
  });

  it('report.css: a kept run does not wrap; a word longer than its line breaks (else Chromium shrinks every page to fit it, or cuts it)', () => {
    expect(reportCss).toMatch(/\.dw-report \.keep \{ text-wrap-mode: nowrap; font-variant-ligatures: no-common-ligatures; \}/);
    const root = /\n\.dw-report \{([^}]*)\}/.exec(reportCss)![1]!;
    expect(root).toMatch(/overflow-wrap: break-word;/);
  });

  it("every hyphen of the report's text is kept, the fixed prose's too (the verify section's report-signing-certificate.der.sig came back as reportsigning-…)", async () => {
    const rc = await buildReportCase(7);
    const body = buildReportBody(rc.model, 'A4');
    // The text between tags, less inline figures (SVG: no spans there) and the kept runs themselves.
    const text = body.replace(/<svg[^]*?<\/svg>/g, '').replace(/<span class="keep">[^<]*<\/span>/g, '').replace(/<[^>]*>/g, '\n');
    const loose = text.split('\n').filter((line) => /-+[ \u00A0]*[^\s]/u.test(line));
    expect(loose).toEqual([]);
    expect(body).toContain('report<span class="keep">-s</span>igning<span class="keep">-c</span>ertificate.der.sig');
  });
});
