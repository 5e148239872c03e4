/**
 * The one XML layer of src/xlsx: parts are parsed by htmlparser2 in XML mode into a domhandler tree and written
 * back without touching entities — an element nobody changed as the very markup it was read from
 * (sourceMarkup.ts), a changed one as dom-serializer spells it. So text and attribute values are kept as
 * written: read through `textOf` and `attr` (which decode them) and set through `setText` and `setAttr` (which
 * escape them, with `entities`). Every change to a tree goes through this folder's helpers: they are what tells
 * an element it no longer matches its markup.
 *
 * The parser does not resolve namespaces. Elements are found by local name under the prefix their parent uses for
 * the part's main namespace — `<x:worksheet xmlns:x=…>` (as the Open XML SDK writes) and the strict namespace
 * work as well as the default one — and new elements take their parent's prefix. Where a namespace matters by
 * its URI (relationship ids, markup compatibility), it is looked up in the `xmlns` attributes in scope.
 *
 * document.ts parses and writes parts (sourceMarkup.ts keeps an unchanged element's markup); nodes.ts finds and
 * moves elements; namespaces.ts looks up URIs; values.ts reads and sets attributes and text (escaping.ts escapes
 * them); sequence.ts places new elements in the schema's order.
 */
export { Document, Element } from "domhandler";
export {
  declarationOf,
  declareUtf8,
  markupOf,
  newDocument,
  parseXml,
  PartError,
  serializeXml,
} from "./document";
export { lookupNamespace, lookupPrefix, MC_NS, namespaceOf, XML_NS } from "./namespaces";
export {
  append,
  child,
  children,
  clone,
  createElement,
  createLike,
  descendants,
  descendantsNamed,
  insertBefore,
  isElement,
  localName,
  prefixOf,
  remove,
  removeChildren,
  removeChildrenWhere,
  root,
} from "./nodes";
export { keptMarkup } from "./sourceMarkup";
export { appendNew, ensureChild, insertInOrder } from "./sequence";
export {
  attr,
  attrNames,
  attrNS,
  flag,
  hasAttr,
  prefixFor,
  removeAttr,
  setAttr,
  setAttrs,
  setText,
  textOf,
} from "./values";
