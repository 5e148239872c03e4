import { UnitCheck } from "../check/checkUnit";
import { allowedValues } from "../criteria/allowedScores";
import { IndexedNode } from "../criteria/indexed";
import { VALIDATION_ERROR_MAX_CHARS, VALIDATION_PROMPT_MAX_CHARS } from "../excelRules/limits";
import { NOT_APPLICABLE_MARKS } from "../facts/scoreCell";
import { ValidationWrite } from "../port";
import { columnAreas } from "../sheet/address";
import { Columns } from "../sheet/layout";
import { formatPoints } from "../text/numbers";
import { clippedList } from "./clippedList";
import { DataSheetPlan } from "./dataSheet";

/** A unit sheet's data validations: each leaf's score cells get its dropdown or its range of points. */

/** A dropdown shows this many items at most before it scrolls: longer lists get a decimal range instead. */
const DROPDOWN_MAX_ITEMS = 30;

/** The items of a leaf's dropdown (its allowed scores, and "KĐG" where it may be not applicable), if it gets one. */
export function dropdownValues(node: IndexedNode): (number | string)[] | undefined {
  const allowed = allowedValues(node.rule, node.innerMax);
  if (!allowed || allowed.length > DROPDOWN_MAX_ITEMS) return undefined;
  return [...allowed, ...(node.mayBeNotApplicable ? [NOT_APPLICABLE_MARKS[0]] : [])];
}

export function validations(
  check: UnitCheck,
  cols: Columns,
  data: DataSheetPlan
): ValidationWrite[] {
  const out: ValidationWrite[] = [];
  const sheet = check.unit.sheet;
  const groups = new Map<string, { node: IndexedNode; cells: number[]; survey: boolean }>();
  for (const r of check.rows) {
    const n = r.node;
    if (!n.isLeaf) continue;
    const key = validationKey(n);
    const g = groups.get(key) ?? { node: n, cells: [], survey: n.source === "survey" };
    g.cells.push(r.row);
    groups.set(key, g);
  }
  for (const { node, cells, survey } of groups.values()) {
    const scoreCols = [...(survey ? [] : [cols.self!]), ...cols.appraised];
    const ranges = scoreCols.flatMap((c) => columnAreas(c, cells));
    if (!ranges.length) continue;
    const marks = node.mayBeNotApplicable ? [NOT_APPLICABLE_MARKS[0]] : [];
    const values = dropdownValues(node);
    if (values) {
      const shown = values
        .filter((v): v is number => typeof v === "number")
        .map((v) => formatPoints(v, "vi"));
      out.push({
        sheet,
        ranges,
        kind: "list",
        values,
        source: data.listFor(values),
        prompt: clippedList(
          "Các mức điểm: ",
          shown,
          marks.length ? "; KĐG (không đánh giá)" : "",
          VALIDATION_PROMPT_MAX_CHARS
        ),
        error: clippedList(
          "Điểm không hợp lệ. Các mức được phép: ",
          shown,
          "",
          VALIDATION_ERROR_MAX_CHARS
        ),
      });
    } else {
      out.push({
        sheet,
        ranges,
        kind: "decimal",
        min: 0,
        max: node.innerMax,
        ...(marks.length ? { orText: marks } : {}),
        prompt: `Điểm từ 0 đến ${formatPoints(node.innerMax, "vi")}`,
        error: `Điểm phải từ 0 đến ${formatPoints(node.innerMax, "vi")}`,
      });
    }
  }
  return out;
}

/**
 * Leaves whose cells take the same validation share one: the key is what the validation shows and allows (the
 * dropdown's items, or the decimal range and its marks) and whether the self-score column takes it, not the
 * criterion's rule, so two criteria with the same levels written differently get one entry over both ranges.
 * A set's nodes serve every unit sheet: each node's key is made once, not once per leaf of every unit.
 */
const validationKeys = new WeakMap<IndexedNode, string>();

function validationKey(n: IndexedNode): string {
  let key = validationKeys.get(n);
  if (key === undefined) {
    const shows = dropdownValues(n) ?? ["decimal", n.innerMax, n.mayBeNotApplicable];
    key = JSON.stringify([shows, n.source === "survey"]);
    validationKeys.set(n, key);
  }
  return key;
}
