import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { UnitResult } from "../../src/core/check/checkWorkbook";
import { IndexedSet } from "../../src/core/criteria/indexed";
import { criteriaToJson } from "../../src/core/criteria/serialize";
import { Report } from "../../src/core/report/report";
import { recalculateAll, SheetValues, sheetOf } from "../support/libreoffice";
import { groupedSet, withGroupCell } from "../support/sample";
import { toXlsx, unitSheet } from "../support/workbookBuilder";
import { cchcJson, coreCheck, unitSheetMismatches } from "./expected";
import { prng, randomUnit } from "./generate";
import { summaryMismatches } from "./summarySheet";

/**
 * Units of a kind the set does not assess on some criteria (issue 13 item 4): `cchc score` writes formulas that
 * read the sheet's "Nhóm đơn vị" cell; LibreOffice recalculates them; every subtotal, total, index and the
 * "Tổng hợp" figures equal the core's, whose denominator leaves out what the group is not assessed on.
 */

const set = groupedSet();
let dir = "";
let report: Report;
let units: UnitResult[];
let checkedSet: IndexedSet;
let sheets: SheetValues;

/** Each sheet: a random unit (scores typed in the skipped criteria too), then its group cell as `group` says. */
const CASES: {
  sheet: string;
  rounds: 0 | 1 | 2;
  group?: string;
  separate?: boolean;
  omit?: string[];
}[] = [
  { sheet: "Không TTHC", rounds: 1, group: "Xã không có TTHC" },
  { sheet: "Không TTHC, bỏ hàng", rounds: 0, group: "khong-tthc", omit: ["3"] },
  { sheet: "Chưa DVC", rounds: 2, group: "XÃ CHƯA CÓ DỊCH VỤ CÔNG TRỰC TUYẾN", separate: true },
  { sheet: "Nhóm lạ", rounds: 1, group: "Xã vùng cao" },
  { sheet: "Nhãn trống", rounds: 2, group: "", separate: true },
  { sheet: "Không nhóm", rounds: 1 },
];

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "cchc-formulas-groups-"));
  const r = prng(71);
  const grids = CASES.map((c) => {
    const spec = randomUnit(set, r, { sheet: c.sheet, rounds: c.rounds, titleRows: 3 });
    const grid = unitSheet(set, { ...spec, ...(c.omit ? { omit: c.omit } : {}) });
    if (c.group !== undefined) withGroupCell(grid.values, c.group, c.separate);
    return grid;
  });
  const input = path.join(dir, "nhom.xlsx");
  await fs.writeFile(input, await toXlsx(grids));
  const criteria = path.join(dir, "nhom.criteria.json");
  await fs.writeFile(criteria, criteriaToJson(set.set));
  const output = path.join(dir, "nhom.scored.xlsx");
  report = await cchcJson("score", input, "--criteria", criteria, "--out", output);
  ({ set: checkedSet, units } = await coreCheck(input, criteria));
  sheets = (await recalculateAll([output])).get(output)!;
}, 180_000);

afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe("unit groups, scored and recalculated by LibreOffice", () => {
  test("the cases hold what they claim: three units in a group, three in none", () => {
    const max = (sheet: string) => units.find((u) => u.sheet === sheet)!.scores.maxApplicable;
    const field3 = set.fields.find((f) => f.code === "3")!.innerMax;
    expect(max("Không TTHC")).toBeLessThanOrEqual(set.maxTotal - field3 + 1e-9);
    expect(max("Không TTHC, bỏ hàng")).toBeLessThanOrEqual(set.maxTotal - field3 + 1e-9);
    expect(max("Chưa DVC")).toBeLessThan(set.maxTotal);
    const rules = report.findings.map((f) => `${f.sheet} ${f.rule}`);
    expect(rules).toContain("Nhóm lạ unit-group-unknown");
    expect(rules).toContain("Không TTHC not-assessed-scored");
  });

  test("every parent subtotal (self and each round), total row and index equals the core's", () => {
    expect(units).toHaveLength(CASES.length);
    expect(units.flatMap((u) => unitSheetMismatches(checkedSet, report, sheets, u))).toEqual([]);
  });

  test("Tổng hợp shows the core's figures for every unit", () => {
    expect(
      summaryMismatches(sheetOf(sheets, "Tổng hợp"), checkedSet, report, (u) => u.sheet)
    ).toEqual([]);
  });
});
