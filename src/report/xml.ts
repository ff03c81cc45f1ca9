/**
 * Characters XML 1.0 forbids even as character references: C0 controls other than tab, LF and CR,
 * U+FFFE/U+FFFF, and unpaired surrogates. They are written as visible `\uXXXX` text instead.
 */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function replaceForbidden(text: string): string {
  return text.replace(FORBIDDEN, (char) => `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** Escapes element text. CR is a reference so parsers do not fold CRLF into LF. */
export function escapeXmlText(text: string): string {
  return replaceForbidden(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Escapes a double-quoted attribute value; tab, LF and CR are references so attribute normalisation keeps them. */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}
