import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { rankUnits, UnitResult } from "../../src/core/check/checkWorkbook";
import { buildReport } from "../../src/core/report/report";
import { checkRead } from "../../src/core/usecases/check";
import type { ConsolidateOptions, PickedFile, ReplaceView } from "../../src/taskpane/session";
import { consolidateInBrowser } from "../../src/taskpane/modes/consolidateBrowser";
import { loadWorkbookBytes, readWorkbook } from "../../src/xlsx/xlsxFilePort";
import { randomUnit } from "../formulas/generate";
import { summaryMismatches } from "../formulas/summarySheet";
import { recalculate, sheetOf } from "../support/libreoffice";
import { mulberry32 } from "../support/random";
import { fixtureSet } from "../support/sample";
import { toXlsx, unitSheet } from "../support/workbookBuilder";

/**
 * "Tổng hợp nhiều sổ" in the browser mode, run in Node: the unit sheets of the picked files are copied into one
 * package with their styles, scored, and the "Tổng hợp" LibreOffice recalculates gives the core's ranks.
 */
const SET = fixtureSet();
const UNITS = [
  { sheet: "Xã An Bình", name: "UBND xã An Bình" },
  { sheet: "Xã Tân Lập", name: "UBND xã Tân Lập" },
  { sheet: "Phường 1", name: "UBND Phường 1" },
];

async function unitFile(i: number, seed: number, u = UNITS[i]): Promise<PickedFile> {
  const spec = randomUnit(SET, mulberry32(seed), { sheet: u.sheet, unitName: u.name, rounds: (i % 3) as 0 | 1 | 2, naShare: 0.2 });
  const bytes = await toXlsx([unitSheet(SET, spec)], SET, (wb) => {
    const c = wb.getWorksheet(u.sheet)!.getCell("A1");
    c.font = { bold: true, italic: true, color: { argb: "FFC00000" } };
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
    c.border = { bottom: { style: "thin" } };
  });
  return { name: `don-vi-${i + 1}.xlsx`, bytes: new Uint8Array(bytes) };
}

function options(over: Partial<ConsolidateOptions> = {}): ConsolidateOptions & { asked: ReplaceView[][] } {
  const asked: ReplaceView[][] = [];
  return {
    asked,
    onProgress: () => undefined,
    signal: new AbortController().signal,
    confirmReplace: async (units) => {
      asked.push(units);
      return true;
    },
    confirmTyped: async () => true,
    ...over,
  };
}

let files: PickedFile[] = [];
beforeAll(async () => {
  files = await Promise.all(UNITS.map((_, i) => unitFile(i, 300 + i)));
});

it("a new workbook of every unit sheet (styles kept) whose Tổng hợp LibreOffice recalculates to the core's ranks", async () => {
  const outcome = await consolidateInBrowser({}, files, "vi", options());
  expect(outcome.status).toBe("done");
  if (outcome.status !== "done") return;
  expect(outcome.download!.fileName).toBe("tong-hop.xlsx");
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(outcome.download!.bytes) as unknown as ArrayBuffer);
  expect(book.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["Bộ tiêu chí", ...UNITS.map((u) => u.sheet), "Tổng hợp"]));
  const a1 = book.getWorksheet(UNITS[0].sheet)!.getCell("A1");
  expect([a1.font?.bold, a1.font?.italic, a1.font?.color?.argb]).toEqual([true, true, "FFC00000"]);
  expect((a1.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFF2CC");
  expect(a1.border?.bottom?.style).toBe("thin");

  const units: UnitResult[] = [];
  for (const f of files) units.push(...checkRead(readWorkbook(await loadWorkbookBytes(f.bytes, { readOnly: true })), { given: SET, lang: "vi" }).check.units);
  rankUnits(SET, units);
  const report = buildReport(SET, units, [], "vi", "test");
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "cchc-consolidate-browser-"));
  const file = path.join(dir, "tong-hop.xlsx");
  await fs.writeFile(file, outcome.download!.bytes);
  const sheets = await recalculate(file);
  expect(summaryMismatches(sheetOf(sheets, "Tổng hợp"), SET, report, (u) => u.sheet)).toEqual([]);
  // Every file's findings keep their file's name.
  expect(outcome.check.report!.findings.every((f) => f.file === undefined || files.some((x) => x.name === f.file))).toBe(true);
}, 120_000);

it("into an open workbook: a unit already there is replaced after asking, declined leaves nothing to download", async () => {
  const first = await consolidateInBrowser({}, files.slice(0, 2), "vi", options());
  if (first.status !== "done") throw new Error("not consolidated");
  const bytes = first.download!.bytes;
  const read = readWorkbook(await loadWorkbookBytes(bytes, { readOnly: true }));
  const newer = { ...(await unitFile(1, 999)), name: "moi.xlsx" };
  const base = { bytes, read, fileName: "huyen.xlsx" };
  expect((await consolidateInBrowser(base, [newer], "vi", options({ confirmReplace: async () => false }))).status).toBe("declined");
  const yes = options();
  const done = await consolidateInBrowser(base, [newer, files[2]], "vi", yes);
  expect(yes.asked).toEqual([[{ unit: UNITS[1].name, sheet: UNITS[1].sheet, file: "moi.xlsx" }]]);
  if (done.status !== "done") throw new Error("not consolidated");
  expect([done.added, done.replaced, done.download!.fileName]).toEqual([1, 1, "huyen-tong-hop.xlsx"]);
  const after = readWorkbook(await loadWorkbookBytes(done.download!.bytes, { readOnly: true }));
  expect(after.sheets.filter((s) => s.name.startsWith(UNITS[1].sheet)).map((s) => s.name)).toEqual([UNITS[1].sheet]);
  expect(done.check.report!.units.map((u) => u.sheet).sort()).toEqual(UNITS.map((u) => u.sheet).sort());
}, 60_000);

it("cancelled while copying: nothing to download", async () => {
  const controller = new AbortController();
  const outcome = await consolidateInBrowser({}, files, "vi", options({
    signal: controller.signal,
    onProgress: (p) => {
      if (p.phase === "copying" && p.done === 1) controller.abort();
    },
  }));
  expect(outcome.status).toBe("cancelled");
}, 60_000);

it("a sheet copied under a new name is scored there, with the same figures as a fresh check of the download", async () => {
  // Two units on sheets of the same name: the second is copied under a free name. The score takes each file's
  // unit checks rather than checking the copies again; a check of the downloaded workbook must agree.
  const twin = { ...(await unitFile(0, 777, { sheet: UNITS[0].sheet, name: "UBND xã An Bình Mới" })), name: "twin.xlsx" };
  const outcome = await consolidateInBrowser({}, [files[0], twin, files[1]], "vi", options());
  if (outcome.status !== "done") throw new Error("not consolidated");
  const report = outcome.check.report!;
  const renamed = report.units.find((u) => u.name === "UBND xã An Bình Mới")!.sheet;
  expect(renamed).not.toBe(UNITS[0].sheet);
  const fresh = checkRead(readWorkbook(await loadWorkbookBytes(outcome.download!.bytes, { readOnly: true })), { given: SET, lang: "vi" });
  const figures = (units: { sheet: string; name: string; self: number; index: number; rank: number }[]) =>
    units.map((u) => [u.sheet, u.name, u.self, u.index, u.rank].join("|")).sort();
  expect(figures(report.units)).toEqual(
    figures(fresh.check.units.map((u) => ({ sheet: u.sheet, name: u.name, self: u.scores.self, index: u.scores.index, rank: u.rank })))
  );
  // The renamed copy got its formulas: its index row exists in the written workbook.
  expect(fresh.check.units.find((u) => u.sheet === renamed)!.check.unit.indexRow).toBeDefined();
  // Its findings carry its new name, never the name it had in its file.
  const twinFindings = report.findings.filter((f) => f.file === "twin.xlsx");
  expect(twinFindings.length).toBeGreaterThan(0);
  expect(twinFindings.every((f) => f.sheet === undefined || f.sheet === renamed)).toBe(true);
}, 60_000);
