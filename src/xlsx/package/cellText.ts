/**
 * Cell text in SpreadsheetML (ECMA-376 Part 1 §22.9.2.19, ST_Xstring): a character XML 1.0 cannot hold (control
 * characters, a lone surrogate, U+FFFE/U+FFFF) or a carriage return (XML parsers turn it into a line feed) is
 * written `_xHHHH_`, and text that itself looks like such an escape has its underscore escaped as `_x005F_`.
 */

const NEEDS_ESCAPE =
  // eslint-disable-next-line no-control-regex
  /_(?=x[0-9A-Fa-f]{4}_)|[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function encodeCellText(text: string): string {
  return text.replace(
    NEEDS_ESCAPE,
    (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`
  );
}

export function decodeCellText(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16))
  );
}
