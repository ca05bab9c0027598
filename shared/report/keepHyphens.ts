/**
 * poppler's pdftotext (in its default mode, the one a fact-checker runs) takes a line that ends in a
 * hyphen-minus for a word the layout hyphenated: it drops the hyphen and joins the next line on. A
 * cited post's "по-немецки" wrapped after its hyphen came back as "понемецки". So the report never
 * lets a line end at a hyphen: each run of hyphen-minus is kept on one line with what follows it up to
 * the next visible character (a span that does not wrap, .keep in report.css). The text is unchanged.
 * A hyphen right before a line break typed in the text is left alone: that line ends there anyway.
 * `escaped`: text already escaped for HTML (escapeHtml), holding no markup.
 */
const NEXT = String.raw`(?:&(?:amp|lt|gt|quot|#39);|[^\s&<])`;
/**
 * A hyphen before a digit too: Chromium does break there (a bundle path's row-102_bytes-13548-367.csv
 * came back as …13548367.csv, a bag name's 4d23-8b01 as 4d238b01).
 */
const HYPHEN_RUN = new RegExp(String.raw`-+(?:[ \u00A0]+)?${NEXT}\p{M}*`, 'gu');

export const keepHyphens = (escaped: string): string => escaped.replace(HYPHEN_RUN, (run) => `<span class="keep">${run}</span>`);

/**
 * keepHyphens over all the text of the report's markup, the one place the report keeps its hyphens:
 * cited text, fixed prose, labels and dates alike ("SHA-256", "2018-10-05"; the verify section's
 * report-signing-certificate.der.sig came back as reportsigning-…). Tags and inline figures (a span
 * inside an SVG is not drawn; their text is placed, never wrapped) are left as they are.
 */
export const keepHyphensInMarkup = (html: string): string => html.replace(/<svg[^]*?<\/svg>|<[^>]*>|[^<]+/g, (m) => (m.startsWith('<') ? m : keepHyphens(m)));
