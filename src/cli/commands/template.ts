import { checkWorkbook } from "../../core/check/checkWorkbook";
import { CRITERIA_SHEET } from "../../core/check/sheetNames";
import { criteriaSheetPlan } from "../../core/criteria/sheetPlan";
import { IndexedSet } from "../../core/criteria/indexed";
import { CellWrite, RangeWrite, SheetGrid, WritePlan } from "../../core/port";
import { sheetNameFor, templateUnitGrid, TEMPLATE_HEADER_ROW } from "../../core/plan/templateSheet";
import { mergePlans, planScoreWorkbook } from "../../core/plan/workbookPlan";
import { newWorkbook } from "../../xlsx/xlsxFilePort";
import { writeAtomically } from "../atomicWrite";
import { CommandContext } from "../io";
import { OutTarget } from "../outputPath";

/** A blank scoring workbook: the criteria sheet, one sheet per unit, and every formula, format and validation. */
export async function templateCommand(
  opts: { criteria: IndexedSet; units: string[]; out: OutTarget },
  ctx: CommandContext
): Promise<number> {
  const set = opts.criteria;
  const taken = new Set<string>([CRITERIA_SHEET.toLowerCase(), "tổng hợp"]);
  const grids: SheetGrid[] = opts.units.map((u) =>
    templateUnitGrid(set, u, sheetNameFor(u, taken))
  );
  const content: WritePlan = {
    sheets: [
      ...grids.map((g) => ({
        name: g.name,
        owned: true as const,
        columnWidths: [8, 48, 10, 12, 11, 30, 11, 28],
        freezeRows: TEMPLATE_HEADER_ROW,
      })),
    ],
    ranges: grids.map((g) => gridWrite(g)),
    styles: grids.flatMap((g) => [
      { sheet: g.name, range: "A1", style: { bold: true } },
      {
        sheet: g.name,
        range: `A${TEMPLATE_HEADER_ROW}:H${TEMPLATE_HEADER_ROW}`,
        style: { bold: true, wrap: true, fill: "#DDEBF7", align: "center" as const },
      },
      ...set.nodes
        .filter((n) => !n.isLeaf)
        .map((n) => ({
          sheet: g.name,
          range: `A${TEMPLATE_HEADER_ROW + 1 + n.order}:H${TEMPLATE_HEADER_ROW + 1 + n.order}`,
          style: { bold: true },
        })),
    ]),
    conditionalFormats: [],
    validations: [],
    names: [],
  };
  const result = checkWorkbook(set, { sheets: grids }, undefined);
  const scored = planScoreWorkbook(set, { sheets: grids }, result.units);
  const criteria = criteriaSheetPlan(set.set, CRITERIA_SHEET);
  await writeAtomically(opts.out, await newWorkbook(mergePlans([criteria, content, scored.plan])));
  ctx.io.out(
    ctx.lang === "en"
      ? `Written: ${opts.out.given} (${grids.length} units)\n`
      : `Đã ghi: ${opts.out.given} (${grids.length} đơn vị)\n`
  );
  return 0;
}

/** Cell contents as typed values; codes like "1.10" are written as text so Excel keeps their zero. */
function gridWrite(g: SheetGrid): RangeWrite {
  const width = Math.max(...g.values.map((r) => r.length));
  const cells: CellWrite[][] = g.values.map((r) =>
    Array.from({ length: width }, (_, i) => {
      const v = r[i] ?? null;
      return { value: v instanceof Date || (typeof v === "object" && v !== null) ? null : v };
    })
  );
  return { sheet: g.name, at: "A1", cells };
}
