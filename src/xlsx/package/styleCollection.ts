import { append, child, children, ensureChild, markupOf, setAttr, type Element } from "../xml";
import { STYLESHEET_ORDER } from "./stylesheetSchema";

const keyOf = markupOf;

/**
 * One list of the stylesheet (cellXfs, fonts, …): its entries read once, appended to in step. Entries are only
 * appended, so no index moves; an entry identical to one already there (same markup) is reused.
 */
export class StyleCollection {
  private keys?: Map<string, number>;
  private list?: Element;
  private entries?: Element[];
  constructor(
    private readonly top: Element,
    private readonly name: (typeof STYLESHEET_ORDER)[number],
    private readonly item: string
  ) {}
  private container(): Element {
    return (this.list ??= ensureChild(this.top, this.name, STYLESHEET_ORDER));
  }
  items(): Element[] {
    if (this.entries) return this.entries;
    const list = child(this.top, this.name);
    return (this.entries = list ? children(list, this.item) : []);
  }
  at(i: number): Element | undefined {
    return this.items()[i];
  }
  /** The index of an entry equal to `el`, appending it if there is none. */
  findOrAppend(el: Element): { index: number; added: boolean } {
    if (!this.keys) {
      this.keys = new Map();
      this.items().forEach((e, i) => {
        const k = keyOf(e);
        if (!this.keys!.has(k)) this.keys!.set(k, i);
      });
    }
    const k = keyOf(el);
    const found = this.keys.get(k);
    if (found !== undefined) return { index: found, added: false };
    const index = this.items().length;
    const list = this.container();
    append(list, el);
    this.entries!.push(el);
    setAttr(list, "count", index + 1);
    this.keys.set(k, index);
    return { index, added: true };
  }
}
