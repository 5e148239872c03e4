import { decodeXML, escapeUTF8 } from "entities";

/**
 * Attribute values and text as the parser keeps them (written, not decoded) and as they read: decoded when
 * read, escaped when set, with `entities`.
 */

/** XML 1.0 §3.3.3: a literal tab, line feed or carriage return in an attribute value reads as a space. */
export function decodeAttr(raw: string): string {
  if (raw.indexOf("&") < 0 && !/[\t\n\r]/.test(raw)) return raw;
  return decodeXML(raw.replace(/\r\n|[\t\n\r]/g, " "));
}

/** The characters encodeAttr changes (entities' escapeUTF8 escapes `"&'<>`). */
const ATTR_SPECIAL = /["&'<>\t\n\r]/;

/** What `decodeAttr` reads back as the same value: markup characters and the whitespace it would fold. */
export function encodeAttr(value: string): string {
  if (!ATTR_SPECIAL.test(value)) return value; // most values (numbers, cell references): nothing to escape
  return escapeUTF8(value).replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** XML 1.0 §2.11: line ends read as line feeds. */
export function decodeText(raw: string): string {
  if (raw.indexOf("&") < 0 && raw.indexOf("\r") < 0) return raw;
  return decodeXML(raw.replace(/\r\n?/g, "\n"));
}

/**
 * XML 1.0 §2.4: in text only `&` and `<` must be escaped, and `>` where it would close "]]>"; quotes stand as they
 * are, as Excel writes them (`<f>IF(A1="",0,1)</f>`), which keeps formulas and the undo sheet's JSON at their size.
 */
const TEXT_SPECIAL = /[&<>\r]/g;
const TEXT_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  "\r": "&#13;",
};

export function encodeText(value: string): string {
  return value.replace(TEXT_SPECIAL, (c) => TEXT_ESCAPES[c]);
}
