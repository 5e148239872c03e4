import { decodeCellText } from "./cellText";
import { RichRun } from "./cellContent";
import { REL } from "./relationships";
import { WorkbookPart } from "./workbookPart";
import { attr, attrNames, child, children, localName, root, textOf, type Element } from "../xml";
import { XlsxPackage } from "./zipPackage";

/**
 * Reading what a cell holds as text: the shared string table (xl/sharedStrings.xml, read only — the writer never
 * changes it) and inline strings, plain or as rich text runs (ECMA-376 Part 1 §18.4).
 */
export class SharedStrings {
  private items?: Element[];

  constructor(
    private readonly pkg: XlsxPackage,
    private readonly wb: WorkbookPart
  ) {}

  async item(index: number): Promise<Element | undefined> {
    return (await this.all())[index];
  }

  /** Every `<si>` of the table, in order (none when the package has no table). */
  async all(): Promise<readonly Element[]> {
    if (!this.items) {
      const rel = this.wb.rels.ofType(REL.sharedStrings)[0];
      const doc = rel?.part ? await this.pkg.xml(rel.part) : undefined;
      this.items = doc ? children(root(doc), "si") : [];
    }
    return this.items;
  }
}

/** The text of a `<si>` or `<is>`: its `<t>`, or its runs' `<t>`s joined (phonetic runs left out). */
export function stringText(si: Element): string {
  const t = child(si, "t");
  if (t) return decodeCellText(textOf(t));
  return children(si, "r")
    .map((r) => {
      const rt = child(r, "t");
      return rt ? decodeCellText(textOf(rt)) : "";
    })
    .join("");
}

/** The runs of a rich `<si>` or `<is>`; undefined for plain text. */
export function richRuns(si: Element): RichRun[] | undefined {
  const runs = children(si, "r");
  if (!runs.length) return undefined;
  return runs.map((r) => {
    const t = child(r, "t");
    const rPr = child(r, "rPr");
    const font = rPr
      ? children(rPr).map((p): [string, Record<string, string>] => {
          const attrs: Record<string, string> = {};
          for (const name of attrNames(p)) attrs[name] = attr(p, name)!;
          return [localName(p), attrs];
        })
      : [];
    return { text: t ? decodeCellText(textOf(t)) : "", ...(font.length ? { font } : {}) };
  });
}

/** A cell's string element: its inline `<is>`, or its shared string's `<si>`. */
export async function stringOfCell(
  c: Element,
  strings: SharedStrings
): Promise<Element | undefined> {
  return attr(c, "t") === "s" ? stringElementOf(c, await strings.all()) : stringElementOf(c, []);
}

/** stringOfCell with the shared string table already at hand (`strings.all()`): a cell at a time, no waiting. */
export function stringElementOf(c: Element, table: readonly Element[]): Element | undefined {
  const t = attr(c, "t");
  if (t === "inlineStr") return child(c, "is");
  if (t === "s") {
    const v = child(c, "v");
    const i = v ? Number(textOf(v)) : NaN;
    return Number.isInteger(i) ? table[i] : undefined;
  }
  return undefined;
}
