import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { ReportWithPrevious } from "../../src/core/previous/reportWithPrevious";
import { Report, ReportUnit } from "../../src/core/report/report";
import { cellText, recalculateAll, SheetValues, sheetOf } from "../support/libreoffice";
import { writeSeasons } from "../support/previousYear";
import { fixtureSet } from "../support/sample";
import { cchcJson, rowWith } from "./expected";
import { summaryMismatches } from "./summarySheet";

/**
 * `cchc summary --previous LAST`: the "Tổng hợp" gains last year's index and rank as values and the changes as
 * formulas beside this year's. Recalculated by LibreOffice, the ranks and bands are still the core's, the
 * changes are the report's, and a typed-over index moves its rank and both changes.
 */

type PreviousUnit = ReportWithPrevious["units"][number];
let report: ReportWithPrevious;
let sheets: SheetValues;
let tampered: SheetValues;
let dir = "";
let moved: PreviousUnit;
const source = (u: ReportUnit) => `${u.file} › ${u.sheet}`;
const HEAD = { index: "Chỉ số (%)", rank: "Xếp hạng", prevIndex: "Chỉ số năm trước", indexChange: "Thay đổi chỉ số", prevRank: "Hạng năm trước", rankChange: "Thay đổi hạng" };

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "cchc-formulas-previous-"));
  const seasons = await writeSeasons(dir, 7);
  const last = path.join(dir, "nam-truoc.xlsx");
  await cchcJson("summary", ...seasons.lastYear, "--out", last);
  const out = path.join(dir, "tong-hop.xlsx");
  report = ((await cchcJson("summary", ...seasons.thisYear, "--out", out, "--previous", last))) as unknown as ReportWithPrevious;

  // The lowest-ranked unit with last year's figures, its index typed over as 99.5.
  moved = [...report.units].filter((u) => u.previous).sort((a, b) => b.rank - a.rank)[0];
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(out);
  const ws = book.getWorksheet("Tổng hợp")!;
  const indexCol = (ws.getRow(4).values as unknown[]).indexOf(HEAD.index);
  ws.eachRow((row) => {
    if (row.getCell(3).value === source(moved)) row.getCell(indexCol).value = 99.5;
  });
  const edited = path.join(dir, "tong-hop-sua.xlsx");
  await book.xlsx.writeFile(edited);
  const all = await recalculateAll([out, edited]);
  sheets = all.get(out)!;
  tampered = all.get(edited)!;
}, 240_000);

afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

function columns(grid: string[][]) {
  const header = grid.findIndex((r) => r.includes(HEAD.rank) && r.includes(HEAD.prevRank));
  const col = (h: string) => grid[header].indexOf(h) + 1;
  return { header, source: col("Trang tính"), ...Object.fromEntries(Object.entries(HEAD).map(([k, h]) => [k, col(h)])) } as Record<keyof typeof HEAD | "header" | "source", number>;
}

describe("Tổng hợp with last year's columns, recalculated by LibreOffice", () => {
  test("every column is found, and some units were not found last year", () => {
    const c = columns(sheetOf(sheets, "Tổng hợp"));
    expect(c.header).toBeGreaterThanOrEqual(0);
    for (const k of Object.keys(HEAD) as (keyof typeof HEAD)[]) expect(c[k]).toBeGreaterThan(0);
    expect(report.units.some((u) => u.previous === null)).toBe(true);
    expect(report.units.some((u) => u.previous && u.previous.rankChange !== 0)).toBe(true);
  });

  test("ranks, bands, fields, totals and indexes are still the core's", () => {
    expect(summaryMismatches(sheetOf(sheets, "Tổng hợp"), fixtureSet(), report as unknown as Report, source)).toEqual([]);
  });

  test("last year's index and rank, and both changes, are the report's (empty for a unit not found)", () => {
    const grid = sheetOf(sheets, "Tổng hợp");
    const c = columns(grid);
    const problems: string[] = [];
    for (const u of report.units) {
      const row = rowWith(grid, c.source, source(u))!;
      const got = [c.prevIndex, c.indexChange, c.prevRank, c.rankChange].map((k) => cellText(grid, row, k));
      if (!u.previous) {
        if (got.some((x) => x !== "")) problems.push(`${source(u)}: ${JSON.stringify(got)} for a unit not found`);
        continue;
      }
      const want = [u.previous.index, u.previous.indexChange, u.previous.rank, u.previous.rankChange];
      got.forEach((x, i) => {
        if (x === "" || !(Math.abs(Number(x) - want[i]) <= 1e-9)) problems.push(`${source(u)} ${Object.values(HEAD)[i + 2]}: LibreOffice ${x}, core ${want[i]}`);
      });
    }
    expect(problems).toEqual([]);
  });

  test("the changes are live: an index typed over as 99.5 ranks first, and its changes and everyone's rank change follow", () => {
    const grid = sheetOf(tampered, "Tổng hợp");
    const c = columns(grid);
    const row = rowWith(grid, c.source, source(moved))!;
    const p = moved.previous!;
    expect([cellText(grid, row, c.rank), Number(cellText(grid, row, c.indexChange)), cellText(grid, row, c.rankChange)]).toEqual(["1", expect.closeTo(99.5 - p.index, 9), String(p.rank - 1)]);
    const others = report.units.filter((u) => u !== moved && u.previous);
    expect(others.map((u) => cellText(grid, rowWith(grid, c.source, source(u))!, c.rankChange))).toEqual(others.map((u) => String(u.previous!.rank - (u.rank + 1))));
  });
});
