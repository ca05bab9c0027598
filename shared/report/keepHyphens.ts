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
/** A hyphen right before a digit is left out: no line breaks there anyway ('2019-08-01', Unicode line breaking rule LB25). */
const HYPHEN_RUN = new RegExp(String.raw`-+(?:[ \u00A0]+${NEXT}|(?![0-9])${NEXT})\p{M}*`, 'gu');

export const keepHyphens = (escaped: string): string => escaped.replace(HYPHEN_RUN, (run) => `<span class="keep">${run}</span>`);
