/**
 * The evidence report as one HTML document (a string: no DOM needed). Every value from the model is
 * escaped; user text keeps its own script and direction (dir="auto", <bdi> inline); figures are
 * accepted only as base64 PNG/SVG/JPEG data URLs. No inline style or script anywhere, so the page
 * renders under the app's CSP; the look comes from the report stylesheet (print CSS) passed in.
 * Headings: h1 = report, h2 = sections, h3 = items — Chromium builds the PDF outline from them.
 */
import { textDirection } from '../domain/textDirection';
import { escapeHtml as e } from './escapeHtml';
import { inlineSvg } from './inlineSvg';
import { keepHyphensInMarkup } from './keepHyphens';
import { htmlWithIsolatedTokens } from '../domain/textTokens';
import { languageTag } from '../domain/languageTag';
import type { ReportAccountItem, ReportFigure, ReportFindingItem, ReportItem, ReportModel, ReportPageSize, ReportPostItem } from './reportModel';
import { utcInstantText, utcMinuteText, zonedMinuteText } from './reportTimes';
import { evidenceKindLabel } from '../evidence/evidenceKinds';
import { custodyActionLabel } from '../evidence/custodyLog';
import { detailKeyWords, detailPlainWords } from '../evidence/detailWords';
import { visibleText } from '../evidence/visibleJson';
import { countOf } from '../domain/countWords';

export interface ReportDocumentOptions {
  /** Absolute or page-relative URLs of the report stylesheet(s), served from the app's own origin. */
  stylesheets: string[];
  pageSize: ReportPageSize;
}

export function buildReportHtml(model: ReportModel, options: ReportDocumentOptions): string {
  const links = options.stylesheets.map((href) => `<link rel="stylesheet" href="${e(href)}">`).join('');
  return (
    `<!doctype html><html lang="en" class="dw-report-doc"><head><meta charset="utf-8">` +
    `<meta name="color-scheme" content="light">` +
    `<title>${e(reportTitle(model))}</title>${links}</head>` +
    `<body class="dw-report-doc">${buildReportBody(model, options.pageSize)}</body></html>`
  );
}

export const reportTitle = (m: ReportModel): string => `Evidence report: ${m.caseTitle || m.caseId}`;

/**
 * The report article's data-page-size: the print CSS's named page (A4 or Letter). It decides nothing
 * on screen, so the preview switches paper by this attribute alone, without laying the report out again.
 */
export const pageSizeAttribute = (pageSize: ReportPageSize): string => (pageSize === 'Letter' ? 'letter' : 'a4');

/** The report's markup (one <article>), for the standalone document and for the in-app preview. */
export function buildReportBody(m: ReportModel, pageSize: ReportPageSize): string {
  const posts = m.items.filter((i) => i.kind === 'post').length;
  const accounts = m.items.filter((i) => i.kind === 'account').length;
  const findings = m.items.length - posts - accounts;
  const networks = m.figures.filter((f) => f.kind === 'network');
  const charts = m.figures.filter((f) => f.kind === 'chart');
  return keepHyphensInMarkup([
    `<article class="dw-report" data-page-size="${pageSizeAttribute(pageSize)}" lang="en">`,
    cover(m),
    section('summary', 'Summary', paragraphs(m.summary) + `<p>This report cites ${posts} post${posts === 1 ? '' : 's'}, ${accounts} account${accounts === 1 ? '' : 's'} and ${findings} other finding${findings === 1 ? '' : 's'}.</p>`),
    section('method', 'Method and limits', method(m)),
    section('items', `Evidence items (${m.items.length}${m.figures.length ? `; ${m.figures.length} figure${m.figures.length > 1 ? 's' : ''} under Network figures and Charts` : ''})`, m.items.length ? m.items.map((it, i) => itemCard(it, i + 1, m.analystTimeZone)).join('') : '<p>No items.</p>'),
    section('network', 'Network figures', networks.length ? networks.map((f, i) => figure(f, `network${i + 1}`)).join('') : '<p>No network figure is part of this report.</p>'),
    section('charts', 'Charts', charts.length ? charts.map((f, i) => figure(f, `chart${i + 1}`)).join('') : '<p>No chart is part of this report.</p>'),
    section('custody', 'Custody log', custody(m)),
    section('verify', 'How to verify', verify(m)),
    section('hashes', 'Hash appendix', hashes(m)),
    `</article>`,
  ].join('\n'));
}

function cover(m: ReportModel): string {
  return (
    `<section class="cover" aria-labelledby="r-title"><p class="kicker">Evidence report · ${e(m.software.name)}</p>` +
    `<h1 id="r-title"><bdi>${e(m.caseTitle || m.caseId)}</bdi></h1>` +
    dl([
      ['Case', text(m.caseId)],
      ['Author', text(m.author)],
      ['Created', e(utcInstantText(m.createdAt))],
      ['Software', e(`${m.software.name} ${m.software.version}`)],
      ['Signer', text(m.signer.principal)],
      ['Signer key fingerprint', `<code class="hash">${e(m.signer.fingerprint)}</code>`],
      ['Signature namespace', code(m.signer.namespace)],
      ['Bundle id', `<code class="hash">${e(m.bundleId)}</code>`],
      ["Bundle", m.hashes.length ? code(`${m.bagName}.zip`) : e(m.bagName)],
    ]) +
    `<p class="note">The bundle id is the SHA-256 of the signed file <code>tagmanifest-sha512.txt</code> in the bundle. ` +
    `Compare the signer key fingerprint with one received separately (phone, letter, website): this report cannot prove who signed it.</p>` +
    `</section>`
  );
}

function method(m: ReportModel): string {
  const params = m.method.parameters.length
    ? table(['Parameter', 'Value'], m.method.parameters.map((p) => [text(p.name), text(p.value)]), 'Analysis parameters')
    : '';
  const sources = m.sources.length
    ? // One column, the SHA-256 on the line under its file: in columns side by side, a name wrapped in three
      // pieces and pdftotext gave its end after the next file's format, row count and hash.
      table(
        ['File · format · rows read (its SHA-256 at import under it)'],
        m.sources.map((s) => [`${text(s.fileName)} · ${text(s.format)} · ${s.rows === null ? 'rows not counted' : `${s.rows} rows read`}`]),
        'Source files',
        'sources-table',
        m.sources.map((s) => `SHA-256 at import <code class="hash">${e(s.sha256)}</code>`),
      )
    : '';
  const limits = m.method.limits.length ? `<h3>Limits</h3><ul class="limits">${m.method.limits.map((l) => `<li>${e(l)}</li>`).join('')}</ul>` : '';
  return paragraphs(m.method.description) + params + limits + sources;
}

function itemCard(it: ReportItem, n: number, zone: string): string {
  const head =
    it.kind === 'post' ? `Item ${n}: post ${e(it.tweetid)}` : it.kind === 'account' ? `Item ${n}: account <bdi>@${e(it.userScreenName)}</bdi>` : `Item ${n}: ${e(evidenceKindLabel(it.findingKind).toLowerCase())} — <bdi>${e(it.title)}</bdi>`;
  const body = it.kind === 'post' ? postBody(it, zone) : it.kind === 'account' ? accountBody(it) : findingBody(it);
  const src = it.source;
  const more =
    (it.sourceRows !== undefined && it.sourceRows > 1 ? ` (first of ${it.sourceRows} source rows)` : '') +
    (src?.deleted ? ' (no longer in this workbench: its dataset was deleted after it was cited; import the file again to export the case)' : '');
  const common: Array<[string, string]> = src
    ? [
        ['Source file', `${text(src.fileName)}, row ${src.row}, byte offset ${src.byteOffset}, ${src.byteLength} bytes${more}`],
        ['Source file SHA-256', `<code class="hash">${e(src.fileSha256)}</code>`],
      ]
    : [['Source file', 'rests on no single source row']];
  // An item with a file of its own in the bundle (a source excerpt, a figure) has its SHA-256; the row is left out otherwise.
  if (it.sha256) common.push(['Item SHA-256', `<code class="hash">${e(it.sha256)}</code>`]);
  common.push(['Item id', code(it.itemId)]);
  if (it.bundlePath) common.push(['In bundle', code(it.bundlePath)]);
  if (it.note) common.push(['Analyst note', `<span class="user-text" dir="auto">${htmlWithIsolatedTokens(it.note, e)}</span>`]);
  if (it.tags?.length) common.push(['Tags', it.tags.map((tag) => `<bdi class="tag">${e(tag)}</bdi>`).join(', ')]);
  return `<section class="card card-${it.kind}" id="item-${n}"><h3>${head}</h3>${body}${dl(common)}</section>`;
}

function postBody(p: ReportPostItem, zone: string): string {
  const count = (v: number | null) => (v === null ? 'not in the archive' : String(v));
  return (
    `<blockquote class="post-text user-text" dir="${textDirection(p.text)}"${langAttr(p.tweetLanguage)}>${htmlWithIsolatedTokens(p.text, e)}</blockquote>` +
    dl([
      ['Account', `${nameText(p.userDisplayName, p.userScreenName)} · user id ${code(p.userid)}`],
      ['Time (UTC)', e(utcMinuteText(p.tweetTime))],
      ['Time (analyst zone)', e(zonedMinuteText(p.tweetTime, zone))],
      ['Language (archived)', p.tweetLanguage ? text(p.tweetLanguage) : 'not given'],
      ['Retweet', p.isRetweet === null ? 'not in archive' : p.isRetweet ? 'yes' : 'no'],
      [
        'Engagement as archived',
        !p.engagement
          ? 'not recorded in this pin (see the source row)'
          : Object.values(p.engagement).every((v) => v === null)
            ? 'not in the archive'
            : `replies ${count(p.engagement.replies)} · retweets ${count(p.engagement.retweets)} · likes ${count(p.engagement.likes)} · quotes ${count(p.engagement.quotes)}`
      ],
      ...(p.hashtags.length ? ([['Hashtags', p.hashtags.map((h) => `<bdi>#${e(h)}</bdi>`).join(' ')]] as Array<[string, string]>) : []),
    ])
  );
}

function accountBody(a: ReportAccountItem): string {
  const count = (v: number | null) => (v === null ? 'not available' : String(v));
  return (
    (a.description ? `<blockquote class="account-text user-text" dir="${textDirection(a.description)}">${htmlWithIsolatedTokens(a.description, e)}</blockquote>` : '<p class="muted">No profile description archived.</p>') +
    dl([
      ['Account', `${nameText(a.userDisplayName, a.userScreenName)} · user id ${code(a.userid)}`],
      ['Reported location', a.reportedLocation ? text(a.reportedLocation) : 'not given'],
      ['Created (as archived)', a.accountCreationDate ? e(a.accountCreationDate) : 'not given'],
      ['Account language (archived)', a.accountLanguage ? text(a.accountLanguage) : 'not given'],
      ['Followers / following as archived', `${count(a.followerCount)} / ${count(a.followingCount)}`],
    ])
  );
}

function findingBody(f: ReportFindingItem): string {
  if (!f.fields) return `<pre class="finding-detail user-text" dir="auto">${e(f.detail)}</pre>`;
  // A value may be a post's text (a retweet edge's tweets): in its own direction, its tokens isolated, as post cards are.
  return dl(f.fields.map(([k, v]) => [k, `<span class="user-text finding-value" dir="${textDirection(v)}">${htmlWithIsolatedTokens(v, e)}</span>`]));
}

/** `id`: unique in the report, prefixed to the ids of an inlined SVG. */
function figure(f: ReportFigure, id: string): string {
  const ok = /^data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/]+=*$/.test(f.imageDataUrl);
  const svg = ok ? inlineSvg(f.imageDataUrl, id) : null;
  const img = svg
    ? `<div class="figure-drawing" role="img" aria-label="${e(f.alt)}">${svg}</div>`
    : ok
      ? `<img src="${e(f.imageDataUrl)}" alt="${e(f.alt)}">`
      : `<p class="refused">Figure not shown: only base64 PNG, JPEG or SVG data URLs are embedded.</p>`;
  return (
    `<figure class="figure figure-${f.kind}"><h3>${e(f.title)}</h3>${img}<figcaption>` +
    `<span class="user-text" dir="auto">${e(f.caption)}</span>` +
    `<span class="filtered"><strong>Filtered or hidden:</strong> <span dir="auto">${e(f.filtered || 'nothing')}</span></span>` +
    (f.itemId ? `<span class="figure-item">Item id ${code(f.itemId)}</span>` : '') +
    `</figcaption></figure>`
  );
}

function custody(m: ReportModel): string {
  if (!m.custody.length) return '<p>The custody log is empty.</p>';
  const check = m.custodyCheck;
  return (
    `<p>Hash-chained: each entry's hash covers the entry and the previous entry's hash (metadata/custody.jsonl).</p>` +
    (!check
      ? ''
      : check.ok
        ? `<p class="custody-check">Chain checked when this report was made: intact, ${e(countOf(check.entries, 'entry', 'entries'))}.</p>`
        : `<p class="custody-check refused">Chain broken at entry ${check.brokenAt}: ${e(check.reason)}. The entries are printed as stored: from entry ${check.brokenAt} on, the log cannot be relied on.</p>`) +
    table(
      ['#', 'At (UTC)', 'Actor', 'Action', 'Detail'],
      m.custody.map((c) => [String(c.seq), e(utcInstantText(c.at)), text(c.actor), e(custodyActionLabel(c.action)), detailHtml(c.detail)]),
      'Entries in log order', // the section's heading names the log
      'custody-table',
      // The entry hash on a full-width line under its entry: 64 hex on one line need more than a column beside the detail has.
      m.custody.map((c) => `Entry hash <code class="hash">${e(c.hash)}</code>`),
    )
  );
}

/**
 * A custody entry's detail as the case page shows it (CustodyTable): an object as a key/value list,
 * its keys in words, a list as a numbered list, every value exact, with invisible format characters
 * written as \uXXXX (as the log's JSON escapes them).
 */
function detailHtml(value: unknown): string {
  const plain = detailPlainWords(value);
  if (plain !== null) return plain;
  if (typeof value === 'string') return `<span class="detail" dir="auto">${wholeHashes(e(visibleText(value)))}</span>`;
  if (Array.isArray(value)) return value.length ? `<ol class="detail-list">${value.map((v) => `<li>${detailHtml(v)}</li>`).join('')}</ol>` : 'none';
  const entries = Object.entries(value as Record<string, unknown>);
  if (!entries.length) return 'none';
  return `<dl class="detail-fields">${entries.map(([k, v]) => `<dt>${e(detailKeyWords(visibleText(k)))}</dt><dd>${detailHtml(v)}</dd>`).join('')}</dl>`;
}

/**
 * A SHA-256 named in a custody entry's detail (a source file's at import, a cited row's file, an
 * earlier bundle's id) kept on one line, as the entry hashes are: wrapped anywhere with the rest of
 * the detail it came back from pdftotext in pieces, and a search for the hex sha256sum prints missed it.
 */
const wholeHashes = (escaped: string): string => escaped.replace(/(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])/g, (h) => `<code class="hash">${h}</code>`);

function verify(m: ReportModel): string {
  if (m.preview) {
    return (
      `<p>This is a preview of the case, not a signed report: it has no bundle id, no signature and no attachments, and proves nothing by itself. ` +
      `The report exported with the case's evidence bundle carries the signed tag manifest, its signatures and the bundle's VERIFY.txt, and is signed itself (<code>signatures/evidence-report.pdf.sig</code>) and bound to its bundle (<code>report/evidence-report.sha256</code>, signed).</p>`
    );
  }
  return (
    `<p>Signer key fingerprint: <code class="hash">${e(m.signer.fingerprint)}</code>. Bundle id: <code class="hash">${e(m.bundleId)}</code>.</p>` +
    `<p>This PDF carries the signed tag manifest, its signatures and these instructions as attachments. They vouch for the bundle, not for this PDF: ` +
    `whoever holds them can put them into any PDF. This PDF's own text is vouched for twice. With the bundle: <code>signatures/evidence-report.pdf.sig</code> over this PDF, ` +
    `and <code>report/evidence-report.sha256</code> (signed) naming this PDF's SHA-256 and the bundle id (step 6 below). Received alone: it is signed inside (CMS), ` +
    `so <code>pdfsig</code> must print "Signature is Valid." and "Total document signed", by a certificate whose OU is "SSH key" and the signer key fingerprint above; ` +
    `the attached <code>report-signing-certificate.der.sig</code> is the analyst's SSH signature over the attached certificate, and step 6 checks that this one signed the PDF (pdfsig shows only the names a certificate gives, which anyone can copy). ` +
    `Disclosure Workbench checks all of it for a PDF given alone (its Verify page, or <code>npm run cli -- verify REPORT.pdf</code>). ` +
    `Quote right-to-left text (Arabic, Persian, Hebrew, Syriac, Thaana) from the bundle's <code>data/</code> files, not from this PDF's text layer: text extraction (<code>pdftotext</code>) gives its runs in the order they are drawn. ` +
    `The instructions below are VERIFY.txt of the bundle. ` +
    `Long lines are wrapped to fit the page, at any character: copy commands from VERIFY.txt (attached to this PDF: <code>pdfdetach -saveall</code>, and in the bundle), not from the print.</p>` +
    `<pre class="verify-text">${e(m.verifyText)}</pre>`
  );
}

function hashes(m: ReportModel): string {
  return (
    `<p>SHA-256 of every file the signature and the signed manifests cover (the SHA-512 values are in the bundle's manifests). ` +
    `Bundle id (SHA-256 of tagmanifest-sha512.txt): <code class="hash">${e(m.bundleId)}</code>.</p>` +
    // The SHA-256 on the line under its file: side by side, a wrapped path came back from pdftotext in two pieces, the hash between them.
    table(['File, its SHA-256 under it'], m.hashes.map((h) => [code(h.path)]), 'File hashes', 'hash-table', m.hashes.map((h) => `<code class="hash">${e(h.sha256)}</code>`))
  );
}

// ——— small builders ———

const section = (id: string, title: string, body: string) => `<section class="section section-${id}" aria-labelledby="s-${id}"><h2 id="s-${id}">${e(title)}</h2>${body}</section>`;

/** User-supplied text: isolated, in its own direction. */
const text = (s: string) => `<bdi>${e(s)}</bdi>`;

/** A path, id or name as code (its hyphens kept as all the report's are, by keepHyphensInMarkup: a cited row's row-1_bytes-513-725.csv came back as …513725.csv). */
const code = (s: string) => `<code>${e(s)}</code>`;

/** "Name (@screen)", leaving out what the pin does not hold (a post pinned from a network edge names no account). */
const nameText = (display: string, screen: string) =>
  [display && `<bdi class="user-name">${e(display)}</bdi>`, screen && `(<bdi>@${e(screen)}</bdi>)`].filter(Boolean).join(' ') || 'name not recorded in this pin';

const langAttr = (lang: string) => {
  const tag = languageTag(lang);
  return tag ? ` lang="${e(tag)}"` : '';
};

function paragraphs(s: string): string {
  return s
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p class="user-text" dir="auto">${e(p)}</p>`)
    .join('');
}

function dl(rows: Array<[string, string]>): string {
  // Long dotted keys ('parameters.nullModel.description') wrap after their dots, not over the value.
  return `<dl class="facts">${rows.map(([k, v]) => `<dt>${e(k).replace(/\./g, '.<wbr>')}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

/** `lines`: a full-width line under each row (the row and its line one <tbody>, kept on one page). */
function table(head: string[], rows: string[][], caption: string, cls = '', lines?: string[]): string {
  const row = (r: string[]) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  const body = lines
    ? rows.map((r, i) => `<tbody>${row(r)}<tr class="line"><td colspan="${head.length}">${lines[i] ?? ''}</td></tr></tbody>`).join('')
    : `<tbody>${rows.map(row).join('')}</tbody>`;
  return `<table${cls ? ` class="${cls}"` : ''}><caption>${e(caption)}</caption><thead><tr>${head.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead>${body}</table>`;
}
