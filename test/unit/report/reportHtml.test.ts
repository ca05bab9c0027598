import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sha256 } from '@noble/hashes/sha2.js';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../shared/report/escapeHtml';
import { keepHyphens, keepHyphensInMarkup } from '../../../shared/report/keepHyphens';
import { htmlWithIsolatedTokens } from '../../../shared/domain/textTokens';
import { bundleAttachments, finishReportPdf } from '../../../shared/report/finishReportPdf';
import { footerTemplate, headerTemplate } from '../../../shared/report/printTemplates';
import { buildReportBody, buildReportHtml } from '../../../shared/report/reportHtml';
import type { ReportModel, ReportPostItem } from '../../../shared/report/reportModel';
import { utcMinuteText, zonedMinuteText } from '../../../shared/report/reportTimes';
import { buildReportCase, HEBREW_NOTE, type ReportCase } from './reportCase';

/** Text content as the report prints it: escaped, each hyphen kept on the line of what follows it. */
const printed = (s: string) => keepHyphens(escapeHtml(s));

let rc: ReportCase;
let html: string;
beforeAll(async () => {
  rc = await buildReportCase(7);
  html = buildReportHtml(rc.model, { stylesheets: ['http://127.0.0.1/assets/report-x.css'], pageSize: 'A4' });
});

describe('report HTML: every field of the model is printed', () => {
  it('cover: case, author, date, software version, signer fingerprint, bundle id', () => {
    const m = rc.model;
    expect(m.bundleId).toMatch(/^[0-9a-f]{64}$/);
    expect(m.signer.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    // The text as escaped, without the spans that keep each hyphen on the line of what follows it.
    const plain = html.replace(/<span class="keep">([^<]*)<\/span>/g, '$1');
    for (const s of [m.caseId, m.caseTitle, escapeHtml(m.author), '2026-11-28 12:00:00 UTC', 'Disclosure Workbench 0.1.0', m.signer.fingerprint, m.bundleId, m.signer.namespace, `${m.bagName}.zip`]) {
      expect(plain).toContain(s);
    }
  });

  it('summary: paragraphs at blank lines, each paragraph\'s own line breaks kept (the case notes as typed)', () => {
    const body = buildReportHtml({ ...rc.model, summary: 'Intro.\n\nLine 1\n=HYPERLINK("x")\n  indented <b>\n\n\nLast' }, { stylesheets: [], pageSize: 'A4' });
    expect(body).toContain('<p class="user-text" dir="auto">Intro.</p><p class="user-text" dir="auto">Line 1\n=HYPERLINK(&quot;x&quot;)\n  indented &lt;b&gt;</p><p class="user-text" dir="auto">Last</p>');
  });

  it('one card per item with exact text, ids as strings, UTC and zone time, source row/offset, hashes, engagement', () => {
    const cards = html.match(/<section class="card card-(post|account)"/g) ?? [];
    expect(cards).toHaveLength(rc.items.length);
    for (const it of rc.items) {
      if (it.kind === 'finding' || !it.source) throw new Error('the case cites posts and accounts only');
      // A post's @mentions, #hashtags and URLs are isolated (<bdi>), its text otherwise exact.
      expect(html).toContain(htmlWithIsolatedTokens(it.kind === 'post' ? it.text : it.description, printed));
      expect(html).toContain(`row ${it.source.row}, byte offset ${it.source.byteOffset}, ${it.source.byteLength} bytes`);
      expect(html).toContain(it.sha256);
      expect(html).toContain(it.source.fileSha256);
      expect(html).toContain(it.userid);
      if (it.kind === 'post') {
        expect(html).toContain(`post ${it.tweetid}`);
        expect(html).toContain(printed(utcMinuteText(it.tweetTime)));
        expect(html).toContain(printed(zonedMinuteText(it.tweetTime, 'Asia/Hong_Kong')));
      }
    }
    const first = rc.items[0] as ReportPostItem;
    // The real first tweet of the China set: CJK text, an 19-digit id, a known minute.
    expect(first.tweetid).toBe('1048217422006640640');
    expect(html).toContain('香港特區政府5日宣布加強全港滅鼠防鼠行動');
    expect(first.engagement!.likes).toBeNull(); // the 14-column projection has no counts
    expect(html).toContain('Engagement as archived</dt><dd>not in the archive<');
    expect(html).toContain(escapeHtml(HEBREW_NOTE));
  });

  it('method with stated limits, sources, figures with what was filtered, custody, verify page, hash appendix', () => {
    const m = rc.model;
    for (const l of m.method.limits) expect(html).toContain(printed(l));
    expect(html).toContain('minute');
    for (const s of m.sources) expect(html).toContain(s.sha256);
    // Each table is named once, by its caption (a heading above it printed the name twice).
    for (const name of ['Source files', 'Analysis parameters', 'Custody log', 'Entries in log order', 'File hashes']) expect(html.split(name)).toHaveLength(2);
    expect(html.match(/<figure class="figure figure-network">/g)).toHaveLength(1);
    expect(html.match(/<figure class="figure figure-chart">/g)).toHaveLength(1);
    expect(html).toContain(printed(m.figures[0]!.filtered));
    for (const c of m.custody) expect(html).toContain(c.hash);
    // Each entry's action and detail in words, as the case page shows them; the values exact.
    expect(html).toContain('<td>Case created</td>');
    expect(html).toContain('<td>Dataset files recorded</td>');
    expect(html).toContain(keepHyphensInMarkup(`<dt>Files</dt><dd><ol class="detail-list"><li><dl class="detail-fields"><dt>Name</dt><dd><span class="detail" dir="auto">${escapeHtml(rc.model.sources[0]!.fileName)}</span></dd><dt>Entry</dt><dd>none</dd><dt>SHA-256</dt>`));
    expect(html).not.toContain('{&quot;');
    expect(html).toContain(printed(m.verifyText.split('\n')[0]!));
    expect(m.hashes.map((h) => h.path)).toContain('tagmanifest-sha512.txt');
    for (const h of m.hashes) expect(html).toContain(h.sha256);
    // Headings for the PDF outline: one h1, the sections as h2.
    expect(html.match(/<h1/g)).toHaveLength(1);
    expect(html.match(/<h2 /g)).toHaveLength(8);
  });
});

describe('report HTML: custody details', () => {
  it('an entry\'s detail as keys in words and exact values: lists numbered, invisible format characters escaped, markup escaped', () => {
    const m = structuredClone(rc.model);
    m.custody = [{ seq: 1, at: '2026-11-28T10:00:00.000Z', actor: 'a@b', action: 'note', hash: 'f'.repeat(64), detail: { pinId: 'p1', note: 'exe.\u202Egnp <b>', items: [3, true, null, ''], sha256AtImport: 'a'.repeat(64) } }];
    const body = buildReportBody(m, 'A4');
    expect(body).toContain('<td>Item note set</td>');
    expect(body).toContain('<dt>Pin id</dt><dd><span class="detail" dir="auto">p1</span></dd>');
    expect(body).toContain('<dt>Note</dt><dd><span class="detail" dir="auto">exe.\\u202egnp &lt;b&gt;</span></dd>');
    expect(body).toContain('<dt>Items</dt><dd><ol class="detail-list"><li>3</li><li>yes</li><li>none</li><li>(empty)</li></ol></dd>');
    // A SHA-256 in a detail stays on one line (searchable in the PDF's text).
    expect(body).toContain(keepHyphensInMarkup(`<dt>SHA-256 at import</dt><dd><span class="detail" dir="auto"><code class="hash">${'a'.repeat(64)}</code></span></dd>`));
  });
});

describe('report HTML: escaping, CSP and bidi', () => {
  const hostile = (): ReportModel => {
    const m = structuredClone(rc.model);
    const p = m.items[0] as ReportPostItem;
    p.text = '<script>alert(1)</script><img src=x onerror="alert(2)"> & \'q\'';
    p.userScreenName = '"><b>x</b>';
    m.caseTitle = '</title><script>bad()</script>';
    m.figures[0]!.imageDataUrl = 'javascript:alert(3)';
    m.figures[1]!.imageDataUrl = 'data:text/html;base64,PHNjcmlwdD4=';
    return m;
  };

  it("an item's tags are printed, each isolated and escaped", () => {
    const tagged = buildReportBody({ ...rc.model, items: rc.model.items.map((it, i) => (i === 0 ? { ...it, tags: ['a&b', 'هونغ كونغ'] } : it)) }, 'A4');
    expect(tagged).toContain('<bdi class="tag">a&amp;b</bdi>, <bdi class="tag">هونغ كونغ</bdi>');
    expect(html).not.toContain('class="tag"');
  });

  it('a preview says it is not a signed report and claims no attachments', () => {
    const preview = buildReportHtml({ ...rc.model, preview: true }, { stylesheets: [], pageSize: 'A4' });
    expect(preview).toContain('This is a preview of the case, not a signed report');
    expect(preview).not.toContain('This PDF carries the signed tag manifest');
    expect(html).toContain('This PDF carries the signed tag manifest');
  });

  it('escapes every value: no markup from data survives', () => {
    const out = buildReportHtml(hostile(), { stylesheets: ['a"b.css'], pageSize: 'Letter' });
    expect(out).not.toMatch(/<script/i);
    expect(out).not.toContain('<img src=x');
    expect(out).not.toContain('<b>x</b>');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(2)&quot;&gt; &amp; &#39;q&#39;');
    expect(out).toContain('href="a&quot;b.css"');
    expect(out).not.toContain('javascript:');
    expect(out).not.toContain('data:text/html');
    expect(out.match(/Figure not shown/g)).toHaveLength(2);
    expect(out).toContain('data-page-size="letter"');
  });

  it('renders under the CSP: no inline style or script, no event handler attribute', () => {
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).not.toMatch(/<script|<style/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('user text keeps its own direction: dir="auto" on blocks (a post: its first letter outside RT, tokens), <bdi> inline, lang from the archive', () => {
    const arabic = rc.items.find((i) => i.kind === 'account')!;
    expect(arabic.kind === 'account' && /[\u0600-\u06FF]/.test(arabic.description)).toBe(true);
    // A profile description as a post: its first letter's direction, @mentions and #hashtags isolated ("@1lMI1", not "1lMI1@").
    const desc = htmlWithIsolatedTokens(arabic.kind === 'account' ? arabic.description : '', printed);
    expect(desc).toContain('<bdi>@1lMI1</bdi>');
    expect(html).toContain(`<blockquote class="account-text user-text" dir="rtl">${desc}</blockquote>`);
    expect(html).toContain(`<blockquote class="post-text user-text" dir="ltr" lang="zh">`);
    expect(html).toContain(`<bdi>@${escapeHtml(arabic.userScreenName)}</bdi>`);
    expect(html).toContain(`<span class="user-text" dir="auto">${escapeHtml(HEBREW_NOTE)}</span>`);
  });

  it('body alone (the in-app preview) is the same article', () => {
    expect(html).toContain(buildReportBody(rc.model, 'A4'));
  });

  it('header and footer carry fingerprint, case, bundle id and Chromium page counters', () => {
    expect(headerTemplate(rc.model)).toContain(rc.model.signer.fingerprint);
    const f = footerTemplate(rc.model);
    expect(f).toContain(`${rc.model.caseId} · bundle ${rc.model.bundleId}`);
    expect(f).toContain('<span class="pageNumber"></span>/<span class="totalPages"></span>');
  });
});

describe('finishReportPdf (pdf-lib): attachments and metadata, checked with poppler', () => {
  it('pdfdetach lists the tag manifest, its signatures, allowed_signers and VERIFY.txt; pdfinfo shows the metadata', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    const finished = await finishReportPdf(await doc.save(), rc.model, bundleAttachments(rc.prepared));
    const dir = mkdtempSync(path.join(tmpdir(), 'dw-report-'));
    try {
      const file = path.join(dir, 'r.pdf');
      writeFileSync(file, finished);
      const list = execFileSync('pdfdetach', ['-list', file], { encoding: 'utf8' });
      expect(list).toContain('5 embedded files');
      for (const n of ['tagmanifest-sha512.txt', 'tagmanifest-sha512.txt.sig', 'tagmanifest-sha512.txt.minisig', 'allowed_signers', 'VERIFY.txt']) expect(list).toContain(`: ${n}\n`);
      const n = /(\d+): tagmanifest-sha512\.txt\n/.exec(list)![1]!;
      execFileSync('pdfdetach', ['-save', n, '-o', path.join(dir, 'tm.txt'), file]);
      const tm = new Uint8Array(readFileSync(path.join(dir, 'tm.txt')));
      expect(Buffer.from(sha256(tm)).toString('hex')).toBe(rc.model.bundleId);
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      expect(info).toContain(`Title:           Evidence report: ${rc.model.caseTitle}`);
      expect(info).toContain(`Author:          ${rc.model.author}`);
      expect(info).toContain(rc.model.bundleId);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
