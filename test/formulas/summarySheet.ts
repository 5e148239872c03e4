import { IndexedSet } from "../../src/core/criteria/indexed";
import { Report, ReportUnit } from "../../src/core/report/report";
import { cellText, isErrorText } from "../support/libreoffice";

/**
 * Reads the recalculated "Tổng hợp" table by its header texts (not by the plan's column arithmetic) and lists
 * every unit whose field values, total, index, rank or band differ from the report's. Points are compared to
 * 1e-6 (the report rounds points to 6 decimals: a weighted field's 6.428571… is reported as 6.428571), the
 * index and rank to 1e-9, the band exactly.
 */
export function summaryMismatches(grid: string[][], set: IndexedSet, report: Report, sourceOf: (u: ReportUnit) => string): string[] {
  const out: string[] = [];
  const headerIdx = grid.findIndex((r) => r.includes("Xếp hạng") && r.includes("Chỉ số (%)"));
  if (headerIdx < 0) return ["Tổng hợp: no header row with Xếp hạng and Chỉ số (%)"];
  const header = grid[headerIdx];
  const colOf = (text: string) => {
    const i = header.findIndex((h) => h.normalize("NFC") === text.normalize("NFC"));
    if (i < 0) throw new Error(`Tổng hợp: no column "${text}" (has ${header.filter(Boolean).join(" | ")})`);
    return i + 1;
  };
  const col = {
    unit: colOf("Đơn vị"),
    source: colOf("Trang tính"),
    total: colOf("Tổng điểm"),
    index: colOf("Chỉ số (%)"),
    rank: colOf("Xếp hạng"),
    band: colOf("Xếp loại"),
    fields: new Map(set.fields.map((f) => [f.code, colOf(`${f.code}. ${f.name}`)])),
  };

  // The table: rows after the header until the first row without a unit name.
  const rows: number[] = [];
  for (let r = headerIdx + 2; cellText(grid, r, col.unit) !== ""; r++) rows.push(r);
  if (rows.length !== report.units.length) out.push(`Tổng hợp: ${rows.length} unit rows, the report has ${report.units.length} units`);

  const num = (what: string, row: number, c: number, want: number, tolerance = 1e-9) => {
    const got = cellText(grid, row, c);
    if (got.trim() === "" || isErrorText(got) || !(Math.abs(Number(got) - want) <= tolerance)) out.push(`Tổng hợp row ${row} ${what}: LibreOffice ${JSON.stringify(got)}, core ${want}`);
  };
  for (const u of report.units) {
    const source = sourceOf(u).normalize("NFC");
    const matches = rows.filter((r) => cellText(grid, r, col.source).normalize("NFC") === source);
    if (matches.length !== 1) {
      out.push(`Tổng hợp: ${matches.length} rows for ${source}`);
      continue;
    }
    const row = matches[0];
    const who = `${source}`;
    if (cellText(grid, row, col.unit) !== u.name) out.push(`Tổng hợp row ${row}: name ${JSON.stringify(cellText(grid, row, col.unit))}, core ${JSON.stringify(u.name)}`);
    for (const f of u.fields) num(`${who} field ${f.code}`, row, col.fields.get(f.code)!, f.appraised ?? f.self, 1e-6);
    const fin = u.appraised ?? u.self;
    num(`${who} Tổng điểm`, row, col.total, fin + u.bonus - u.penalty, 1e-6);
    num(`${who} Chỉ số (%)`, row, col.index, u.index);
    num(`${who} Xếp hạng`, row, col.rank, u.rank);
    const band = cellText(grid, row, col.band);
    if (band !== u.band) out.push(`Tổng hợp row ${row} ${who} Xếp loại: LibreOffice ${JSON.stringify(band)}, core ${JSON.stringify(u.band)}`);
  }
  return out;
}
