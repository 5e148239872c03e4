import { appendNew, attr, children, remove, root, type Document } from "../xml";
import { XlsxPackage } from "./zipPackage";

/** `[Content_Types].xml` (ECMA-376 Part 2 §10.1.2): Default by extension, Override by part name. */

export const CONTENT_TYPES = "[Content_Types].xml";
export const CT = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
} as const;

export class ContentTypes {
  private constructor(private readonly doc: Document) {}

  static async of(pkg: XlsxPackage): Promise<ContentTypes> {
    const doc = await pkg.xml(CONTENT_TYPES);
    if (!doc) throw new Error(`${CONTENT_TYPES} is missing`);
    return new ContentTypes(doc);
  }

  /** The content type of a part ("xl/workbook.xml" or "/xl/workbook.xml"). */
  typeOf(part: string): string | undefined {
    const name = "/" + part.replace(/^\//, "");
    const top = root(this.doc);
    const o = children(top, "Override").find(
      (e) => (attr(e, "PartName") ?? "").toLowerCase() === name.toLowerCase()
    );
    if (o) return attr(o, "ContentType");
    const ext = name.slice(name.lastIndexOf(".") + 1).toLowerCase();
    const d = children(top, "Default").find(
      (e) => (attr(e, "Extension") ?? "").toLowerCase() === ext
    );
    return d && attr(d, "ContentType");
  }

  addOverride(pkg: XlsxPackage, part: string, type: string): void {
    this.removeOverride(pkg, part);
    appendNew(root(this.doc), "Override", {
      PartName: "/" + part.replace(/^\//, ""),
      ContentType: type,
    });
    pkg.edited(CONTENT_TYPES);
  }

  removeOverride(pkg: XlsxPackage, part: string): void {
    const name = ("/" + part.replace(/^\//, "")).toLowerCase();
    for (const o of children(root(this.doc), "Override"))
      if ((attr(o, "PartName") ?? "").toLowerCase() === name) {
        remove(o);
        pkg.edited(CONTENT_TYPES);
      }
  }
}
