import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { Report } from "../../src/core/report/report";
import { recalculateAll, SheetValues, sheetOf } from "../support/libreoffice";
import { toXlsx } from "../support/workbookBuilder";
import { workbookState } from "../support/workbookState";
import { randomSheets } from "./cases";
import { cchc, cchcJson, coreCheck } from "./expected";
import { ROUND_SET } from "./generate";
import { summaryMismatches } from "./summarySheet";

/**
 * A person's own sheets named like the tool's — "TỔNG HỢP" and a visible "CCHC_HOAN_TAC" — are never written to
 * (before the fix `cchc score` stopped with "lỗi nội bộ: Worksheet name already exists"): the tool's summary takes
 * a free name, a second run finds it again by its marker, and revert leaves the person's sheets as they were.
 */

let dir = "";
let input = "";
let first = "";
let second = "";
let reverted = "";
let report: Report;
let recalculated: SheetValues;

const PERSON_SUMMARY = "TỔNG HỢP";
const PERSON_UNDO = "CCHC_HOAN_TAC";

async function sheetNames(file: string): Promise<{ name: string; state: string }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((ws) => ({ name: ws.name, state: ws.state }));
}

async function stateOf(file: string, names: string[]) {
  return (await workbookState(await fs.readFile(file))).filter((s) => names.includes(s.name));
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "cchc-formulas-owned-"));
  input = path.join(dir, "cua-nguoi-dung.xlsx");
  await fs.writeFile(
    input,
    await toXlsx(randomSheets(ROUND_SET, 5, 3), ROUND_SET, (wb) => {
      const mine = wb.addWorksheet(PERSON_SUMMARY);
      mine.getCell("A1").value = "Báo cáo riêng của văn phòng";
      mine.getCell("B2").value = { formula: "1+1", result: 2 };
      wb.addWorksheet(PERSON_UNDO).getCell("A1").value = "ghi chép";
    })
  );
  first = path.join(dir, "lan-1.xlsx");
  second = path.join(dir, "lan-2.xlsx");
  reverted = path.join(dir, "hoan-tac.xlsx");
  report = await cchcJson("score", input, "--out", first);
  await cchcJson("score", first, "--out", second);
  const undo = await cchc("revert", first, "--out", reverted);
  if (undo.code !== 0) throw new Error(`cchc revert exited ${undo.code}: ${undo.err}`);
  recalculated = (await recalculateAll([first])).get(first)!;
}, 180_000);

afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe("a person's sheets named like the tool's", () => {
  test("are not written to: the tool's summary and undo sheets take free names", async () => {
    expect(await stateOf(first, [PERSON_SUMMARY, PERSON_UNDO])).toEqual(await stateOf(input, [PERSON_SUMMARY, PERSON_UNDO]));
    const names = await sheetNames(first);
    expect(names.filter((s) => s.state === "visible").map((s) => s.name)).toContain("Tổng hợp (2)");
    expect(names.filter((s) => s.state === "veryHidden").map((s) => s.name).sort()).toEqual(["cchc_du_lieu", "cchc_hoan_tac_2"]);
  });

  test("the free-named summary holds the core's figures once recalculated", async () => {
    const core = await coreCheck(input);
    expect(summaryMismatches(sheetOf(recalculated, "Tổng hợp (2)"), core.set, report, (u) => u.sheet)).toEqual([]);
  });

  test("a second run finds the tool's sheets by their markers: the same sheets, the person's untouched", async () => {
    expect(await sheetNames(second)).toEqual(await sheetNames(first));
    expect(await stateOf(second, [PERSON_SUMMARY, PERSON_UNDO])).toEqual(await stateOf(input, [PERSON_SUMMARY, PERSON_UNDO]));
  });

  test("revert removes the tool's sheets and names and leaves the person's", async () => {
    expect(await workbookState(await fs.readFile(reverted))).toEqual(await workbookState(await fs.readFile(input)));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(reverted);
    expect(wb.definedNames.model.filter((n) => n.name.startsWith("_cchc."))).toEqual([]);
  });
});
