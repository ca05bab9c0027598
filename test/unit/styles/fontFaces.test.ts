import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_FONT, APP_SCRIPT_FACES, CHART_FONT, REPORT_FACES } from '../../../renderer/src/styles/fontFaces';
import { repoRoot } from '../../fixtures/paths';
import { SCRIPT_SAMPLES } from '../report/reportCase';

const read = (file: string) => readFileSync(path.join(repoRoot, 'renderer/src', file), 'utf8');
const appCss = read('styles/app.css');
const reportCss = read('report/report.css');
const mainTsx = read('main.tsx');
/** Faces the app declares itself (@font-face over a bundled file), not from @fontsource. */
const ownFaces = [read('styles/cjkExtension.css'), read('styles/flagEmoji.css'), reportCss].join('\n');

/** The face names of a custom property's font list in a stylesheet. */
function customProperty(css: string, name: string): string[] {
  const m = new RegExp(`${name}:\\s*([^;]+);`).exec(css);
  if (!m) throw new Error(`${name} is not set`);
  return m[1]!.split(',').map((f) => f.trim().replace(/^'(.*)'$/, '$1'));
}

/** Where a face comes from: its @fontsource package imported by `importer`, or an @font-face of the app's own. */
function bundled(face: string, importer: string): boolean {
  const pkg = `@fontsource/${face.toLowerCase().replaceAll(' ', '-')}/`;
  return importer.includes(`'${pkg}`) || ownFaces.includes(`font-family: '${face}';`);
}

describe('font faces', () => {
  it('app.css draws with the faces of fontFaces.ts', () => {
    expect(customProperty(appCss, '--dw-script-faces')).toEqual(APP_SCRIPT_FACES);
    expect(APP_FONT).toBe(`"Noto Sans", ${APP_SCRIPT_FACES.map((f) => `"${f}"`).join(', ')}, sans-serif`);
    expect(CHART_FONT).not.toContain('"'); // ECharts writes it into style attributes unescaped
  });

  it('report.css draws with the faces of fontFaces.ts', () => {
    expect(customProperty(reportCss, '--dw-report-font')).toEqual([...REPORT_FACES, 'sans-serif']);
  });

  it('every face named is bundled with the app and the report that name it', () => {
    for (const face of ['Noto Sans', ...APP_SCRIPT_FACES]) expect(bundled(face, mainTsx), face).toBe(true);
    for (const face of REPORT_FACES) expect(bundled(face, reportCss), face).toBe(true);
  });

  it('every script face after Hebrew has a sample word that the report and screen tests draw', () => {
    const afterHebrew = REPORT_FACES.slice(REPORT_FACES.indexOf('Noto Sans Hebrew') + 1);
    expect(afterHebrew.length).toBeGreaterThan(0);
    expect(SCRIPT_SAMPLES.map((s) => s.face).sort()).toEqual([...afterHebrew].sort());
  });
});
