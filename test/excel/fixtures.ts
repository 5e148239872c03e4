import { readFileSync } from "fs";
import { join } from "path";
import { IndexedSet, indexSet } from "../../src/core/criteria/indexed";
import { parseCriteriaJson } from "../../src/core/criteria/validate";
import { templateUnitGrid } from "../../src/core/plan/templateSheet";
import { SheetGrid } from "../../src/core/port";
import { FakeContext, FakeOptions, FakeWorkbook } from "./fakeExcel";

export function sampleSet(): IndexedSet {
  const result = parseCriteriaJson(
    readFileSync(join(__dirname, "../fixtures/xa-2025-mau.criteria.json"), "utf8")
  );
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return indexSet(result.set);
}

/** Template unit sheets (core's templateUnitGrid), self-scored: every leaf its max, with evidence, unit i loses a little. */
export function unitGrids(set: IndexedSet, count: number): SheetGrid[] {
  return Array.from({ length: count }, (_, i) => {
    const name = `Xã ${String(i + 1).padStart(3, "0")}`;
    const grid = templateUnitGrid(set, `UBND ${name}`, name);
    let k = 0;
    for (const line of grid.values) {
      const node = typeof line[0] === "string" ? set.byCode.get(line[0]) : undefined;
      if (!node?.isLeaf || node.source === "survey") continue;
      const lose = k++ === i % 7 && node.rule?.kind !== "binary";
      line[4] = lose ? 0 : node.innerMax;
      line[5] = "QĐ số 12/QĐ-UBND ngày 05/01/2025";
    }
    return grid;
  });
}

export function fakeWorkbook(
  grids: SheetGrid[],
  options: FakeOptions = {}
): { book: FakeWorkbook; context: FakeContext } {
  const book = new FakeWorkbook(grids);
  return { book, context: new FakeContext(book, options) };
}

export const WEB_LIMIT = 5 * 1024 * 1024;
