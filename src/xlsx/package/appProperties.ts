import { REL, Relationships } from "./relationships";
import {
  child,
  children,
  clone,
  createLike,
  insertBefore,
  localName,
  remove,
  removeChildren,
  root,
  setAttr,
  setText,
  textOf,
  type Element,
} from "../xml";
import { XlsxPackage } from "./zipPackage";

/**
 * docProps/app.xml lists the sheets' names (TitlesOfParts) counted by category (HeadingPairs: "Worksheets" — or
 * "Trang tính" in a Vietnamese Excel — then "Named Ranges", …). The worksheets' category is the slice of titles
 * that holds exactly the workbook's worksheet names; where no slice does, the part is left as it is (it is
 * informational: Excel rewrites it on save).
 */

interface Vector {
  vector: Element;
  items: Element[];
}

function vectorOf(parent: Element | undefined): Vector | undefined {
  const vector = parent && children(parent).find((e) => localName(e) === "vector");
  return vector ? { vector, items: children(vector) } : undefined;
}

interface Slice {
  countEl: Element;
  start: number;
  count: number;
}

export class AppProperties {
  private constructor(
    private readonly pkg: XlsxPackage,
    private readonly path: string | undefined
  ) {}

  static async of(pkg: XlsxPackage): Promise<AppProperties> {
    const rel = (await Relationships.of(pkg, "")).ofType(REL.extendedProperties)[0];
    return new AppProperties(pkg, rel?.part && pkg.entry(rel.part));
  }

  private async parts(): Promise<{ titles: Vector; slices: Slice[] } | undefined> {
    if (!this.path) return undefined;
    const doc = await this.pkg.xml(this.path);
    if (!doc) return undefined;
    const top = root(doc);
    const titles = vectorOf(child(top, "TitlesOfParts"));
    const pairs = vectorOf(child(top, "HeadingPairs"));
    if (!titles || !pairs) return undefined;
    const slices: Slice[] = [];
    let start = 0;
    for (let i = 0; i + 1 < pairs.items.length; i += 2) {
      const countEl = children(pairs.items[i + 1])[0];
      const count = Number(countEl ? textOf(countEl) : NaN);
      if (!countEl || !Number.isInteger(count) || count < 0) return undefined;
      slices.push({ countEl, start, count });
      start += count;
    }
    return start === titles.items.length ? { titles, slices } : undefined;
  }

  private async worksheetSlice(
    worksheets: string[]
  ): Promise<{ titles: Vector; slice: Slice } | undefined> {
    const p = await this.parts();
    if (!p) return undefined;
    const want = [...worksheets].sort().join("\u0000");
    const slice = p.slices.find(
      (s) =>
        p.titles.items
          .slice(s.start, s.start + s.count)
          .map(textOf)
          .sort()
          .join("\u0000") === want
    );
    return slice ? { titles: p.titles, slice } : undefined;
  }

  /** `before`: the workbook's worksheet names before `name` was added. */
  async addSheet(before: string[], name: string): Promise<void> {
    const found = await this.worksheetSlice(before);
    if (!found) return;
    const { titles, slice } = found;
    const like = titles.items[0] ?? null;
    const item = like ? shallow(like) : createLike(titles.vector, "lpstr");
    setText(item, name);
    const after = titles.items[slice.start + slice.count] ?? null;
    insertBefore(titles.vector, item, after);
    this.recount(titles, slice, slice.count + 1);
  }

  /** `before`: the workbook's worksheet names, `name` among them. */
  async removeSheet(before: string[], name: string): Promise<void> {
    const found = await this.worksheetSlice(before);
    if (!found) return;
    const { titles, slice } = found;
    const item = titles.items
      .slice(slice.start, slice.start + slice.count)
      .find((e) => textOf(e) === name);
    if (!item) return;
    remove(item);
    this.recount(titles, slice, slice.count - 1);
  }

  private recount(titles: Vector, slice: Slice, count: number): void {
    setText(slice.countEl, String(count));
    setAttr(titles.vector, "size", children(titles.vector).length);
    this.pkg.edited(this.path!);
  }
}

/** A copy of an element without its content. */
function shallow(el: Element): Element {
  const copy = clone(el);
  removeChildren(copy);
  return copy;
}
