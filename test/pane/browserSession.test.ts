import { readFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { checkWorkbook } from "../../src/core/check/checkWorkbook";
import { criteriaFromWorkbook } from "../../src/core/criteria/fromWorkbook";
import { indexSet } from "../../src/core/criteria/indexed";
import { buildReport } from "../../src/core/report/report";
import { loadWorkbookBytes } from "../../src/xlsx/loadWorkbook";
import { readWorkbook } from "../../src/xlsx/readWorkbook";
import {
  createBrowserSession,
  revertedFileName,
  scoredFileName,
} from "../../src/taskpane/modes/browserSession";
import { workbookState } from "../support/workbookState";
import { PANE_VERSION } from "../../src/taskpane/modes/coreViews";
import { projectRoot } from "../support/paths";
import { fixtureSet } from "../support/sample";
import { toXlsx, unitSheet } from "../support/workbookBuilder";

const SAMPLE = path.join(projectRoot(), "examples", "xa-mau-2025.xlsx");
const SAMPLE_CRITERIA = path.join(projectRoot(), "examples", "xa-mau-2025.criteria.json");

describe("browser session (the pane outside Excel)", () => {
  test("checks an .xlsx exactly as core does", async () => {
    const bytes = new Uint8Array(readFileSync(SAMPLE));
    const session = createBrowserSession();
    const outcome = await session.open(bytes, "xa-mau-2025.xlsx", "vi");

    const read = readWorkbook(await loadWorkbookBytes(bytes));
    const own = criteriaFromWorkbook(read, "vi");
    if (!own?.ok) throw new Error("sample criteria refused");
    const set = indexSet(own.set);
    const result = checkWorkbook(set, read, "xa-mau-2025.xlsx");
    expect(outcome.report).toEqual(
      buildReport(set, result.units, result.findings, "vi", PANE_VERSION)
    );
    expect(outcome.criteria).toEqual({
      status: "ok",
      summary: expect.objectContaining({
        id: set.set.id,
        maxTotal: set.maxTotal,
        fields: set.fields.length,
        leaves: set.leaves.length,
        source: { kind: "sheet", sheet: "Bộ tiêu chí" },
      }),
    });
  });

  test("without a criteria sheet asks for one; an imported JSON set is used for the session", async () => {
    const set = fixtureSet();
    const bytes = await toXlsx([unitSheet(set, { sheet: "Xã Thử", unitName: "UBND xã Thử" })]);
    const session = createBrowserSession();
    expect(await session.check("vi")).toEqual({ criteria: { status: "waiting" } });
    const opened = await session.open(new Uint8Array(bytes), "thu.xlsx", "vi");
    expect(opened).toEqual({ criteria: { status: "none" } });

    const refused = await session.importCriteria('{"format":"cchc-criteria/1"', "hong.json", "vi");
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problems.length).toBeGreaterThan(0);

    const accepted = await session.importCriteria(
      readFileSync(SAMPLE_CRITERIA, "utf8"),
      "xa.criteria.json",
      "en"
    );
    expect(accepted.ok).toBe(true);
    if (!accepted.ok) return;
    expect(accepted.check.criteria).toMatchObject({
      status: "ok",
      summary: { source: { kind: "file", name: "xa.criteria.json", writtenToSheet: false } },
    });
    expect(accepted.check.report?.units.map((u) => u.name)).toEqual(["UBND xã Thử"]);
  });

  test("a refused criteria sheet lists its problems", async () => {
    const set = fixtureSet();
    const bytes = await toXlsx([unitSheet(set, { sheet: "Xã Thử" })], undefined, (wb) => {
      const ws = wb.addWorksheet("Bộ tiêu chí");
      ws.getCell("A1").value = "không phải bộ tiêu chí";
    });
    const outcome = await createBrowserSession().open(new Uint8Array(bytes), "x.xlsx", "vi");
    expect(outcome.criteria.status).toBe("refused");
    if (outcome.criteria.status === "refused")
      expect(outcome.criteria.problems.length).toBeGreaterThan(0);
    expect(outcome.report).toBeUndefined();
  });

  test("not an .xlsx: one clear error in the pane's language", async () => {
    const session = createBrowserSession();
    await expect(
      session.open(new TextEncoder().encode("a;b\n1;2\n"), "x.xlsx", "en")
    ).rejects.toThrow(/^not an Excel \.xlsx file \(it looks like CSV\)/);
    await expect(session.open(new Uint8Array(), "x.xlsx", "vi")).rejects.toThrow(
      "tệp rỗng (0 byte)"
    );
  });

  test("scores into new bytes, the same every time, with the summary sheet; the input is untouched", async () => {
    const bytes = new Uint8Array(readFileSync(SAMPLE));
    const copy = bytes.slice();
    const session = createBrowserSession();
    await session.open(bytes, "xa-mau-2025.xlsx", "vi");
    const first = await session.score("vi");
    const second = await session.score("vi");
    expect(first.fileName).toBe("xa-mau-2025-da-cham.xlsx");
    expect(Buffer.from(bytes).equals(Buffer.from(copy))).toBe(true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(first.bytes as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toContain("Tổng hợp");
    expect(second.conflicts).toEqual(first.conflicts);
  });

  test("undoes the last run of a scored file it is given; a file never scored has nothing to undo", async () => {
    const original = readFileSync(SAMPLE);
    const session = createBrowserSession();
    await session.open(new Uint8Array(original), "xa-mau-2025.xlsx", "vi");
    await expect(session.revert("vi")).rejects.toThrow("không có lần chạy nào để hoàn tác");
    await expect(session.revert("en")).rejects.toThrow("there is no run to undo");
    const scored = await session.score("vi");
    await session.open(scored.bytes, scored.fileName, "vi");
    const back = await session.revert("vi");
    expect(back.fileName).toBe("xa-mau-2025-da-cham-hoan-tac.xlsx");
    expect(await workbookState(back.bytes, true)).toEqual(await workbookState(original, true));
  });

  test("scored file names", () => {
    expect(revertedFileName("xa-mau-2025-da-cham.xlsx")).toBe("xa-mau-2025-da-cham-hoan-tac.xlsx");
    expect(scoredFileName("xa-mau-2025.xlsx")).toBe("xa-mau-2025-da-cham.xlsx");
    expect(scoredFileName("Bao cao.XLSX")).toBe("Bao cao-da-cham.xlsx");
    expect(scoredFileName(".xlsx")).toBe("so-tinh-da-cham.xlsx");
  });
});

describe("Kiểm tra bộ tiêu chí in the browser session", () => {
  test("the opened file's criteria sheet: its problems with their cells, none when it is fine or absent", async () => {
    const set = fixtureSet();
    const session = createBrowserSession();
    expect(await session.checkCriteriaSheet("vi")).toEqual({ status: "none" });

    const unit = unitSheet(set, { sheet: "Xã Thử", unitName: "UBND xã Thử" });
    const fine = await toXlsx([unit], set);
    await session.open(new Uint8Array(fine), "tot.xlsx", "vi");
    expect(await session.checkCriteriaSheet("vi")).toEqual({
      status: "ok",
      sheet: "Bộ tiêu chí",
      title: set.set.title,
      leaves: set.leaves.length,
    });

    const broken = await toXlsx([unit], set, (wb) => {
      const ws = wb.getWorksheet("Bộ tiêu chí")!;
      let row = 0;
      ws.eachRow((r, n) => {
        if (r.getCell(1).value === "1.1.2") row = n;
      });
      ws.getCell(row, 6).value = "Theo phần trăm";
    });
    await session.open(new Uint8Array(broken), "hong.xlsx", "en");
    const checked = await session.checkCriteriaSheet("en");
    expect(checked.status).toBe("problems");
    if (checked.status !== "problems") return;
    expect(checked.problems).toEqual([
      expect.objectContaining({ sheet: "Bộ tiêu chí", cell: expect.stringMatching(/^F\d+$/) }),
    ]);
    expect(checked.problems[0].path).toBe(`Bộ tiêu chí!${checked.problems[0].cell}`);
  });
});
