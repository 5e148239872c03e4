// The add-in manifest for a given address: every URL of the development manifest (https://localhost:3000/…)
// moved under the release's base URL, through a W3C DOM (@xmldom/xmldom), so that only attribute values
// and element texts that are URLs change, and the file stays what the schema and Office expect.

"use strict";

const { DOMParser, XMLSerializer } = require("@xmldom/xmldom");

const DEV_URL = "https://localhost:3000/";
const ELEMENT = 1;
const TEXT = 3;
const COMMENT = 8;

/** Parses XML; throws xmldom's ParseError (with line and column) on a malformed file. */
function parseXml(xml) {
  return new DOMParser({
    onError(level, message) {
      if (level !== "warning") throw new Error(message);
    },
  }).parseFromString(xml, "application/xml");
}

function* nodes(node) {
  yield node;
  for (let child = node.firstChild; child; child = child.nextSibling) yield* nodes(child);
}

/**
 * The manifest with every URL starting with `from` moved to start with `to` instead. Comments that mention
 * `from` describe the development manifest: they are dropped, and `note` (when given) is put as a comment
 * before the root element.
 */
function rewriteManifest(xml, { from = DEV_URL, to, note }) {
  const doc = parseXml(xml);
  const move = (value) => (value.startsWith(from) ? to + value.slice(from.length) : value);
  const stale = [];
  for (const node of nodes(doc)) {
    if (node.nodeType === ELEMENT) {
      for (const attr of Array.from(node.attributes)) {
        const moved = move(attr.value);
        if (moved !== attr.value) node.setAttribute(attr.name, moved);
      }
    } else if (node.nodeType === TEXT && node.parentNode && node.parentNode.nodeType === ELEMENT) {
      const text = node.data.trim();
      if (text.startsWith(from)) node.data = node.data.replace(text, move(text));
    } else if (node.nodeType === COMMENT && node.data.includes(from)) {
      stale.push(node);
    }
  }
  for (const comment of stale) {
    const before = comment.previousSibling;
    if (before && before.nodeType === TEXT && before.data.trim() === "")
      before.parentNode.removeChild(before);
    comment.parentNode.removeChild(comment);
  }
  if (note) {
    const root = doc.documentElement;
    doc.insertBefore(doc.createComment(` ${note} `), root);
    doc.insertBefore(doc.createTextNode("\n"), root);
  }
  return new XMLSerializer().serializeToString(doc);
}

/**
 * Every URL the manifest holds (attribute values and element texts that start with http: or https:; namespace
 * declarations are names, not addresses), with the element that holds it.
 */
function manifestUrls(xml) {
  const urls = [];
  for (const node of nodes(parseXml(xml))) {
    if (node.nodeType === ELEMENT) {
      for (const attr of Array.from(node.attributes)) {
        const namespaceDeclaration = attr.name === "xmlns" || attr.prefix === "xmlns";
        if (!namespaceDeclaration && /^https?:/i.test(attr.value))
          urls.push({ url: attr.value, element: node.localName });
      }
    } else if (node.nodeType === TEXT && /^https?:/i.test(node.data.trim())) {
      urls.push({ url: node.data.trim(), element: node.parentNode.localName });
    }
  }
  return urls;
}

/** The text of the first element with this local name (e.g. "Version"), or undefined. */
function elementText(xml, localName) {
  for (const node of nodes(parseXml(xml))) {
    if (node.nodeType === ELEMENT && node.localName === localName) return node.textContent.trim();
  }
  return undefined;
}

/** The manifest with the text of its (first) `localName` element replaced. */
function setElementText(xml, localName, text) {
  const doc = parseXml(xml);
  for (const node of nodes(doc)) {
    if (node.nodeType === ELEMENT && node.localName === localName) {
      node.textContent = text;
      return new XMLSerializer().serializeToString(doc);
    }
  }
  throw new Error(`the manifest has no ${localName} element`);
}

module.exports = { DEV_URL, parseXml, rewriteManifest, manifestUrls, elementText, setElementText };
