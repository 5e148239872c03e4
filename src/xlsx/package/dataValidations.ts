import type { DataValidation } from "exceljs";
import { isMark } from "../../core/plan/expressions";
import { ValidationWrite } from "../../core/port";
import { a1, Area, columnAreas, parseArea } from "../../core/sheet/address";
import { dateToSerial } from "../../core/sheet/serialDate";
import { SavedValidation } from "../../core/snapshot/snapshot";
import { savedValidationOf, validationOfSaved } from "../validationCodec";
import { contains, overlaps, parseSqref, sqrefOf, subtract } from "./areas";
import { WORKSHEET_ORDER } from "./worksheetOrder";
import {
  append,
  appendNew,
  attr,
  child,
  children,
  createLike,
  descendants,
  ensureChild,
  flag,
  localName,
  remove,
  setAttr,
  setText,
  textOf,
  type Element,
} from "../xml";

/**
 * Data validations of one worksheet (ECMA-376 Part 1 §18.3.1.32), and those Excel 2010+ keeps in the sheet's
 * extLst (`x14:dataValidation`, for lists on other sheets): a cell has at most one. Validating areas first takes
 * them out of any rule that covers them — a rule covering them whole goes, a rule covering more keeps its other
 * areas — then adds ours; `count` always matches, and an emptied container goes. Translation to and from the
 * snapshot's Office.js shape goes through the .xlsx adapter's one codec (validationCodec).
 */

interface Rule {
  el: Element;
  areas: Area[];
  /** The element holding the areas: the `sqref` attribute (main) or an `xm:sqref` child (x14). */
  sqrefEl?: Element;
}

function rulesOf(worksheet: Element): Rule[] {
  const out: Rule[] = [];
  const main = child(worksheet, "dataValidations");
  for (const el of main ? children(main, "dataValidation") : [])
    out.push({ el, areas: parseSqref(attr(el, "sqref") ?? "") });
  const ext = child(worksheet, "extLst");
  for (const el of ext ? descendants(ext, "dataValidation") : []) {
    const sqrefEl = children(el).find((c) => localName(c) === "sqref");
    out.push({ el, areas: parseSqref(sqrefEl ? textOf(sqrefEl) : ""), sqrefEl });
  }
  return out;
}

/** Takes `areas` out of every rule on the sheet. Returns whether anything changed. */
export function clearValidations(worksheet: Element, areas: Area[]): boolean {
  let changed = false;
  for (const rule of rulesOf(worksheet)) {
    if (!rule.areas.some((a) => areas.some((b) => overlaps(a, b)))) continue;
    changed = true;
    const left = subtract(rule.areas, areas);
    if (left.length === 0) {
      const container = rule.el.parent as Element;
      remove(rule.el);
      recount(container);
    } else if (rule.sqrefEl) setText(rule.sqrefEl, sqrefOf(left));
    else setAttr(rule.el, "sqref", sqrefOf(left));
  }
  return changed;
}

function recount(container: Element): void {
  const left = children(container).filter((c) => localName(c) === "dataValidation").length;
  if (left > 0) {
    setAttr(container, "count", left);
    return;
  }
  // An empty container is not allowed (minOccurs 1); an x14 one goes with its ext, and an empty extLst too.
  const ext = container.parent as Element;
  remove(container);
  if (localName(ext) === "ext" && children(ext).length === 0) {
    const extLst = ext.parent as Element;
    remove(ext);
    if (children(extLst).length === 0) remove(extLst);
  }
}

/** One formula text as the codec takes it: a plain number as a number. */
function formulaValue(text: string): string | number {
  return /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text.trim()) ? Number(text) : text;
}

function formulaText(rule: Rule, name: "formula1" | "formula2"): string | undefined {
  const f = children(rule.el).find((c) => localName(c) === name);
  if (!f) return undefined;
  // x14 keeps the formula in an xm:f child.
  const inner = children(f).find((c) => localName(c) === "f");
  return textOf(inner ?? f);
}

/** A rule as the snapshot keeps it. */
function savedOf(rule: Rule): SavedValidation | undefined {
  const el = rule.el;
  const get = (n: string) => attr(el, n);
  const type = get("type") ?? "none";
  const formulae = (["formula1", "formula2"] as const)
    .map((n) => formulaText(rule, n))
    .filter((f): f is string => f !== undefined)
    .map(formulaValue);
  const dv = {
    type: type === "none" ? "any" : type,
    allowBlank: flag(el, "allowBlank"),
    showInputMessage: flag(el, "showInputMessage"),
    showErrorMessage: flag(el, "showErrorMessage"),
    ...(type !== "list" && type !== "custom" && type !== "none"
      ? { operator: get("operator") ?? "between" }
      : {}),
    ...(get("promptTitle") !== undefined ? { promptTitle: get("promptTitle") } : {}),
    ...(get("prompt") !== undefined ? { prompt: get("prompt") } : {}),
    ...(get("errorStyle") !== undefined ? { errorStyle: get("errorStyle") } : {}),
    ...(get("errorTitle") !== undefined ? { errorTitle: get("errorTitle") } : {}),
    ...(get("error") !== undefined ? { error: get("error") } : {}),
    formulae,
  } as unknown as DataValidation;
  const saved = savedValidationOf(dv);
  // showDropDown="1" hides the in-cell arrow (the attribute's meaning is inverted).
  if (saved?.rule.list && flag(el, "showDropDown")) saved.rule.list.inCellDropDown = false;
  return saved;
}

/**
 * What the cells of `areas` were validated with, one entry per distinct rule (none: no `previous`), its cells as
 * runs down each column.
 */
export function previousValidations(
  worksheet: Element,
  sheet: string,
  areas: Area[]
): { sheet: string; ranges: string[]; previous?: SavedValidation }[] {
  const rules = rulesOf(worksheet).filter((r) =>
    r.areas.some((a) => areas.some((b) => overlaps(a, b)))
  );
  const saved = new Map<Rule, SavedValidation | undefined>(rules.map((r) => [r, savedOf(r)]));
  // The group key of each rule's saved form, made once per rule rather than once per cell.
  const keys = new Map<Rule | undefined, string>([[undefined, JSON.stringify(null)]]);
  for (const [r, v] of saved) keys.set(r, JSON.stringify(v ?? null));
  const groups = new Map<string, { previous?: SavedValidation; cols: Map<number, number[]> }>();
  for (const area of areas)
    for (let c = area.left; c <= area.right; c++)
      for (let r = area.top; r <= area.bottom; r++) {
        const rule = rules.find((x) => x.areas.some((a) => contains(a, r, c)));
        const previous = rule ? saved.get(rule) : undefined;
        const key = keys.get(rule)!;
        let g = groups.get(key);
        if (!g) groups.set(key, (g = { previous, cols: new Map() }));
        const rows = g.cols.get(c) ?? [];
        g.cols.set(c, rows);
        rows.push(r);
      }
  return [...groups.values()].map((g) => ({
    sheet,
    ranges: [...g.cols].sort((x, y) => x[0] - y[0]).flatMap(([c, rows]) => columnAreas(c, rows)),
    ...(g.previous ? { previous: g.previous } : {}),
  }));
}

interface RuleSpec {
  attrs: Record<string, string | undefined>;
  formula1?: string;
  formula2?: string;
}

function addRule(worksheet: Element, spec: RuleSpec, areas: Area[]): void {
  const container = ensureChild(worksheet, "dataValidations", WORKSHEET_ORDER);
  const el = createLike(container, "dataValidation");
  for (const [k, v] of Object.entries(spec.attrs)) if (v !== undefined) setAttr(el, k, v);
  setAttr(el, "sqref", sqrefOf(areas));
  if (spec.formula1 !== undefined) setText(appendNew(el, "formula1"), spec.formula1);
  if (spec.formula2 !== undefined) setText(appendNew(el, "formula2"), spec.formula2);
  append(container, el);
  setAttr(container, "count", String(Number(attr(container, "count") ?? 0) + 1));
}

/** Our validation over its areas (cleared of other rules first by the caller). */
export function addPlannedValidation(worksheet: Element, v: ValidationWrite): void {
  const areas = v.ranges.map(parseArea);
  const attrs = {
    allowBlank: "1",
    showInputMessage: v.prompt ? "1" : undefined,
    showErrorMessage: "1",
    ...(v.prompt ? { prompt: v.prompt } : {}),
    ...(v.error ? { error: v.error } : {}),
  };
  if (v.kind === "list") {
    const formula1 =
      v.source ?? `"${v.values.map((x) => String(x).replace(/"/g, '""')).join(",")}"`;
    // ST_DataValidationErrorStyle: "stop" is the default, left out as Excel does.
    const errorStyle = v.alert === "warning" ? "warning" : undefined;
    addRule(worksheet, { attrs: { type: "list", errorStyle, ...attrs }, formula1 }, areas);
  } else if (v.orText?.length) {
    // A custom formula is relative to its area's top-left cell: one rule per area keeps that plain.
    for (const area of areas) {
      const ref = a1(area.top, area.left);
      const formula1 = `OR(AND(ISNUMBER(${ref}),${ref}>=${v.min},${ref}<=${v.max}),${isMark(ref)})`;
      addRule(worksheet, { attrs: { type: "custom", ...attrs }, formula1 }, [area]);
    }
  } else
    addRule(
      worksheet,
      {
        attrs: { type: "decimal", operator: "between", ...attrs },
        formula1: String(v.min),
        formula2: String(v.max),
      },
      areas
    );
}

function formulaOut(f: unknown): string {
  if (f instanceof Date) return String(dateToSerial(f));
  return String(f);
}

/** A saved (previous) rule put back over its areas. */
export function addSavedValidation(
  worksheet: Element,
  saved: SavedValidation,
  ranges: string[]
): void {
  const dv = validationOfSaved(saved) as DataValidation & {
    promptTitle?: string;
    errorTitle?: string;
    errorStyle?: string;
  };
  const type = (dv.type as string) === "any" ? undefined : dv.type;
  const f = dv.formulae ?? [];
  addRule(
    worksheet,
    {
      attrs: {
        type,
        errorStyle: dv.errorStyle && dv.errorStyle !== "stop" ? dv.errorStyle : undefined,
        operator:
          type && type !== "list" && type !== "custom" && dv.operator !== "between"
            ? dv.operator
            : undefined,
        allowBlank: dv.allowBlank ? "1" : undefined,
        showDropDown: saved.rule.list?.inCellDropDown === false ? "1" : undefined,
        showInputMessage: dv.showInputMessage ? "1" : undefined,
        showErrorMessage: dv.showErrorMessage ? "1" : undefined,
        errorTitle: dv.errorTitle || undefined,
        error: dv.error || undefined,
        promptTitle: dv.promptTitle || undefined,
        prompt: dv.prompt || undefined,
      },
      ...(f.length > 0 ? { formula1: formulaOut(f[0]) } : {}),
      ...(f.length > 1 ? { formula2: formulaOut(f[1]) } : {}),
    },
    ranges.map(parseArea)
  );
}
