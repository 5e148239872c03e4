import JSZip from "jszip";
import { WritePlan } from "../../core/port";
import { appendNew, newDocument, root, serializeXml, type Document } from "../xml";
import { CONTENT_TYPES } from "./contentTypes";
import { patchPackage } from "./patchPackage";
import { REL, RELS_NS } from "./relationships";
import { minimalStylesheet } from "./stylesheet";

const SML_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types";
const CT_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
const CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

/**
 * The smallest package Excel opens once it has a sheet (ECMA-376 Part 1 §12.2; Part 2 §9–10): content types, the
 * package's relationship to the workbook, a workbook with one view and no sheet yet, and a stylesheet. Built from
 * XML documents, zipped by jszip; the plan's sheets are then added by the package writer like any others.
 */
export async function emptyPackage(): Promise<Uint8Array> {
  const types = newDocument(CT_NS, "Types");
  const t = root(types);
  appendNew(t, "Default", {
    Extension: "rels",
    ContentType: "application/vnd.openxmlformats-package.relationships+xml",
  });
  appendNew(t, "Default", { Extension: "xml", ContentType: "application/xml" });
  appendNew(t, "Override", { PartName: "/xl/workbook.xml", ContentType: CT_MAIN });
  appendNew(t, "Override", { PartName: "/xl/styles.xml", ContentType: CT_STYLES });

  const rels = (target: string, type: string): Document => {
    const doc = newDocument(RELS_NS, "Relationships");
    appendNew(root(doc), "Relationship", {
      Id: "rId1",
      Type: type,
      Target: target,
    });
    return doc;
  };

  const workbook = newDocument(SML_NS, "workbook", { r: R_NS });
  const w = root(workbook);
  appendNew(appendNew(w, "bookViews"), "workbookView");
  appendNew(w, "sheets");
  appendNew(w, "calcPr", { calcId: 191029 });

  const zip = new JSZip();
  const put = (name: string, doc: Document) => zip.file(name, serializeXml(doc));
  put(CONTENT_TYPES, types);
  put("_rels/.rels", rels("xl/workbook.xml", REL.officeDocument));
  put("xl/workbook.xml", workbook);
  put("xl/_rels/workbook.xml.rels", rels("styles.xml", REL.styles));
  put("xl/styles.xml", minimalStylesheet());
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** A new workbook holding what the plan writes (its sheets, cells, styles, rules, validations and names). */
export async function newWorkbook(plan: WritePlan): Promise<Uint8Array> {
  return patchPackage(await emptyPackage(), { sheets: [] }, plan, { undo: false });
}
