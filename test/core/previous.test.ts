import { comparePrevious } from "../../src/core/previous/compare";
import { lastYearFromWorkbook } from "../../src/core/previous/fromSummaryWorkbook";
import { LastYear } from "../../src/core/previous/lastYear";
import { CellValue, WorkbookRead } from "../../src/core/port";
import { fixtureSet } from "../support/sample";

const set = fixtureSet();

/** A summary sheet as a program that never calculated it leaves it: RANK and LOOKUP cells without results. */
function summaryGrid(rows: [string, string, number][]): WorkbookRead {
  const values: CellValue[][] = [
    ["TỔNG HỢP KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH"],
    ["Bộ tiêu chí năm trước (xa-2024)"],
    [],
    ["STT", "Đơn vị", "Trang tính", "1. Lĩnh vực", "Tổng điểm", "Chỉ số (%)", "Xếp hạng", "Xếp loại", null, "Ngưỡng xếp loại", "Xếp loại"],
    ...rows.map(([name, sheet, index], i) => [i + 1, name, sheet, 1, index, index, null, null]),
  ];
  const bands: [number, string][] = [[0, "Yếu"], [50, "Trung bình"], [70, "Khá"], [80, "Tốt"], [90, "Xuất sắc"]];
  bands.forEach(([min, label], i) => {
    const r = values[4 + i] ?? (values[4 + i] = []);
    while (r.length < 9) r.push(null);
    r[9] = min;
    r[10] = label;
  });
  return { sheets: [{ name: "Tổng hợp", values }] };
}

describe("last year from a summary workbook", () => {
  test("ranks and bands never calculated are worked out from the indexes and the band table", () => {
    const last = lastYearFromWorkbook(summaryGrid([["UBND xã A", "A", 72.5], ["UBND xã B", "B", 91], ["UBND xã C", "C", 72.5], ["UBND xã D", "D", 40]]));
    expect(last.units.map((u) => [u.name, u.rank, u.band])).toEqual([
      ["UBND xã A", 2, "Khá"],
      ["UBND xã B", 1, "Xuất sắc"],
      ["UBND xã C", 2, "Khá"],
      ["UBND xã D", 4, "Yếu"],
    ]);
    expect(last.criteriaSet).toEqual({ id: "xa-2024", title: "Bộ tiêu chí năm trước" });
    expect(last.criteria.depth).toBe("none");
  });

  test("an index cell without a number is refused, naming the row", () => {
    const wb = summaryGrid([["UBND xã A", "A", 72.5]]);
    wb.sheets[0].values[4][5] = null;
    expect(() => lastYearFromWorkbook(wb)).toThrow(/row 5: no index/); //|5/);
  });
});

describe("matching units by name", () => {
  const last = (units: { name: string; sheet?: string; index: number; rank: number }[]): LastYear => ({
    kind: "report",
    criteriaSet: null,
    criteria: { depth: "none", nodes: [] },
    units: units.map((u) => ({ ...u, band: "Khá" })),
  });

  test("case, spacing, punctuation and diacritics do not matter", () => {
    const c = comparePrevious(set, [{ name: "UBND xã Hòa Bình", sheet: "Hòa Bình", index: 80, rank: 1 }], last([{ name: "ubnd  XA hoa-binh", index: 75.5, rank: 3 }]));
    expect(c.units).toEqual([{ index: 75.5, rank: 3, band: "Khá", indexChange: 4.5, rankChange: 2 }]);
    expect(c.notFound).toEqual([]);
  });

  test("two of last year's units with one name: the one on the same sheet, else none", () => {
    const two = last([
      { name: "UBND xã An", sheet: "An (1)", index: 60, rank: 2 },
      { name: "UBND xã An", sheet: "An (2)", index: 70, rank: 1 },
    ]);
    const c = comparePrevious(set, [{ name: "UBND xã An", sheet: "An (2)", index: 71, rank: 1 }, { name: "UBND xã An", sheet: "Khác", index: 50, rank: 2 }], two);
    expect(c.units[0]?.index).toBe(70);
    expect(c.units[1]).toBeNull();
    expect(c.notFound.map((u) => u.sheet)).toEqual(["An (1)"]);
  });
});
