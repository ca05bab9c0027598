/**
 * Escape text for XML 1.0 content and attribute values. Characters XML 1.0 cannot carry at all
 * (C0 controls except tab/LF/CR, U+FFFE/U+FFFF, lone surrogates) become U+FFFD; CJK, RTL and emoji
 * pass through as UTF-8. In attributes, tab/LF/CR are written as character references so that
 * attribute-value normalisation does not turn them into spaces.
 */
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(s: string): string {
  return s.replace(INVALID, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}
