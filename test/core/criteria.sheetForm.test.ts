import { readFileSync } from "fs";
import { join } from "path";
import { CriteriaSet } from "../../src/core/criteria/model";
import {
  CRITERIA_SHEET_NAME,
  CriteriaSheetCell,
  criteriaToRows,
  rowsToCriteria,
} from "../../src/core/criteria/sheetForm";
import { CriteriaResult, parseCriteriaJson } from "../../src/core/criteria/validate";
import { CellValue, SheetGrid } from "../../src/core/port";
import { Problem } from "../../src/core/problem";

function okSet(result: CriteriaResult): CriteriaSet {
  if (!result.ok)
    throw new Error("refused: " + result.problems.map((p) => `${p.code} ${p.path}`).join("; "));
  return result.set;
}

function problems(result: CriteriaResult): Problem[] {
  if (result.ok) throw new Error("expected the sheet to be refused");
  return result.problems;
}

const fixture = okSet(
  parseCriteriaJson(readFileSync(join(__dirname, "../fixtures/xa-2025-mau.criteria.json"), "utf8"))
);
const grid = (values: CellValue[][], extra: Partial<SheetGrid> = {}): SheetGrid => ({
  name: CRITERIA_SHEET_NAME,
  values,
  ...extra,
});
const pairs = (r: CriteriaResult) => problems(r).map((p) => [p.code, p.path]);

/** The fixture's rows, and the 0-based index of the header row and of a code's row. */
function fixtureRows(): {
  rows: CriteriaSheetCell[][];
  header: number;
  rowOf: (code: string) => number;
} {
  const rows = criteriaToRows(fixture);
  const header = rows.findIndex((r) => r[0] === "Mã");
  return { rows, header, rowOf: (code) => rows.findIndex((r, i) => i > header && r[0] === code) };
}

describe("criteriaToRows", () => {
  const { rows, header, rowOf } = fixtureRows();

  test("writes labelled settings, the header, one row per node depth-first, then the adjustments", () => {
    expect(rows.slice(0, 8).map((r) => r.slice(0, 3))).toEqual([
      ["Tên bộ tiêu chí", fixture.title, null],
      ["Mã bộ tiêu chí", "xa-2025-mau", null],
      ["Năm", 2025, null],
      ["Loại đơn vị", "Cấp xã", null],
      ["Số chữ số thập phân của chỉ số", 2, null],
      ["Cách làm tròn chỉ số", "Làm tròn", null],
      ["Ngưỡng mặc định (tỷ lệ so với điểm tối đa)", 0.8, null],
      ["Xếp loại (chỉ số từ)", 90, "Xuất sắc"],
    ]);
    expect(rows[header]).toEqual([
      "Mã",
      "Tên",
      "Cấp",
      "Điểm tối đa",
      "Trọng số",
      "Cách chấm",
      "Tham số",
      "Tài liệu kiểm chứng",
      "Nguồn",
      "Được KĐG",
      "Ngưỡng",
    ]);
    expect(rows.slice(header + 1, header + 4).map((r) => r[0])).toEqual(["1", "1.1", "1.1.1"]);
    expect(rows.slice(-3).map((r) => r.slice(0, 6))).toEqual([
      [null, "Điểm thưởng, điểm trừ", null, null, null, null],
      ["T", "Điểm thưởng", null, 2, null, "Điểm thưởng"],
      ["TR", "Điểm trừ", null, 3, null, "Điểm trừ"],
    ]);
    expect(new Set(rows.map((r) => r.length))).toEqual(new Set([11]));
  });

  test("writes rule parameters as readable text with decimal commas", () => {
    expect(rows[rowOf("1.1.2")]).toEqual([
      "1.1.2",
      "Mức độ hoàn thành kế hoạch",
      3,
      2.5,
      null,
      "Theo mức",
      "100%: 2,5; 80%: 1,25; 0%: 0",
      "Có",
      null,
      null,
      null,
    ]);
    expect(rows[rowOf("1.1.1")].slice(5, 7)).toEqual(["Đạt/Không đạt", "trễ hạn 0,5"]);
    expect(rows[rowOf("1.2")].slice(5, 7)).toEqual(["Trừ điểm", "trừ 0,5 mỗi lần"]);
    expect(rows[rowOf("8.1")].slice(5, 8)).toEqual(["Tự do", "bước 0,01", "Không"]);
    expect(rows[rowOf("3.2.2")][9]).toBe("Có");
    expect(rows[rowOf("8")].slice(2, 9)).toEqual([1, 30, null, null, null, null, "Điều tra XHH"]);
  });

  test("writes tier ratios as exact percents, without binary float noise", () => {
    const set: CriteriaSet = {
      ...fixture,
      nodes: [
        {
          code: "1",
          name: "a",
          max: 1,
          rule: {
            kind: "tiers",
            tiers: [
              { from: 1.15, points: 1 },
              { from: 0.29, points: 0.5 },
              { from: 0.07, points: 0.25 },
              { from: 0, points: 0 },
            ],
          },
        },
      ],
    };
    const text = criteriaToRows(set).find((r) => r[0] === "1")?.[6];
    expect(text).toBe("115%: 1; 29%: 0,5; 7%: 0,25; 0%: 0");
    expect(okSet(rowsToCriteria(grid(criteriaToRows(set))))).toStrictEqual(set);
  });
});

describe("rowsToCriteria reads what people type", () => {
  test("headers and labels in NFD, other case and spacing", () => {
    const { rows, header } = fixtureRows();
    const mangle = (c: CriteriaSheetCell) =>
      typeof c === "string" ? "  " + c.normalize("NFD").toUpperCase().replace(/ /g, "  ") + " " : c;
    // The header row, and the labels (not the values) of the settings rows.
    const changed = rows.map((r, i) =>
      i === header ? r.map(mangle) : i < header ? r.map((c, col) => (col === 0 ? mangle(c) : c)) : r
    );
    expect(changed[header][3]).not.toBe("Điểm tối đa");
    expect(okSet(rowsToCriteria(grid(changed)))).toStrictEqual(fixture);
  });

  test("English headers", () => {
    const { rows, header } = fixtureRows();
    rows[header] = [
      "Code",
      "Name",
      "Level",
      "Max",
      "Weight",
      "Rule",
      "Params",
      "Evidence",
      "Source",
      "Not applicable allowed",
      "Threshold",
    ];
    expect(okSet(rowsToCriteria(grid(rows)))).toStrictEqual(fixture);
  });

  test("numbers as text with a decimal comma or dot, and parameters with dots", () => {
    const { rows, header } = fixtureRows();
    const changed = rows.map((r, i) =>
      i > header
        ? r.map((c, col) =>
            col === 3 && typeof c === "number"
              ? String(c).replace(".", ",")
              : col === 6 && typeof c === "string"
                ? c.replace(/,/g, ".")
                : c
          )
        : r
    );
    expect(changed.some((r) => r[3] === "2,5")).toBe(true);
    expect(changed.some((r) => r[6] === "100%: 2.5; 80%: 1.25; 0%: 0")).toBe(true);
    expect(okSet(rowsToCriteria(grid(changed)))).toStrictEqual(fixture);
  });

  test("settings given as text: threshold in percent, mode in English, year as text", () => {
    const { rows } = fixtureRows();
    rows[2][1] = "2025";
    rows[5][1] = "truncate";
    rows[6][1] = "75%";
    const set = okSet(rowsToCriteria(grid(rows)));
    expect([set.year, set.rounding.mode, set.threshold]).toEqual([2025, "truncate", 0.75]);
  });

  test("without a level column the tree comes from the codes, Roman fields included", () => {
    const set = okSet(
      rowsToCriteria(
        grid([
          ["Tên bộ tiêu chí", "Thử"],
          ["Mã bộ tiêu chí", "thu"],
          [],
          ["STT", "Nội dung", "Điểm tối đa", "Cách chấm", "Tham số", "TLKC"],
          ["I.", "Lĩnh vực I", 4.5],
          ["1", "Tiêu chí 1", "3"],
          ["1.1", "a", "1,5", "binary", "trễ hạn 0,75", "x"],
          ["1.2.", "b", 1.5, "Theo mức", "≥ 100%: 1,5; 50 %: 0.75; 0%: 0"],
          ["2", "Tiêu chí 2", 1.5, "ratio"],
          ["II", "Lĩnh vực II", null],
          ["3", "c", 2, "deduction", "trừ 0,5"],
          [null, "Tổng cộng", 6.5],
        ])
      )
    );
    const shape = (nodes: CriteriaSet["nodes"]): unknown =>
      nodes.map((n) => (n.children ? [n.code, shape(n.children)] : n.code));
    expect(shape(set.nodes)).toEqual([
      ["I.", [["1", ["1.1", "1.2."]], "2"]],
      ["II", ["3"]],
    ]);
    expect(set.nodes[0].children?.[0].children?.[0]).toEqual({
      code: "1.1",
      name: "a",
      max: 1.5,
      rule: { kind: "binary", late: 0.75 },
      evidence: true,
    });
    expect(set.nodes[0].children?.[0].children?.[1].rule).toEqual({
      kind: "tiers",
      tiers: [
        { from: 1, points: 1.5 },
        { from: 0.5, points: 0.75 },
        { from: 0, points: 0 },
      ],
    });
    expect(set.nodes[1].children?.[0].rule).toEqual({ kind: "deduction", step: 0.5 });
    expect(set.nodes.map((n) => n.max)).toEqual([4.5, 2]);
  });

  test("codes kept as numbers keep the decimals their number format shows", () => {
    const values: CellValue[][] = [
      ["Tên bộ tiêu chí", "Thử"],
      ["Mã bộ tiêu chí", "thu"],
      ["Mã", "Tên", "Điểm tối đa", "Cách chấm"],
      [1, "Lĩnh vực", null],
      [1.1, "a", 1, "binary"],
      [1.1, "b", 1, "binary"],
    ];
    const formats = values.map((r, i) => (i === 4 ? ["0.0"] : i === 5 ? ["0.00"] : []));
    const set = okSet(rowsToCriteria(grid(values, { numberFormats: formats })));
    expect(set.nodes[0].children?.map((n) => n.code)).toEqual(["1.1", "1.10"]);
    expect(pairs(rowsToCriteria(grid(values)))).toEqual([["duplicate-code", "Bộ tiêu chí!A6"]]);
  });
});

describe("rowsToCriteria problems point at cells", () => {
  test("a bad max, unreadable parameters and a duplicate code, each at its cell and in row order", () => {
    const { rows, rowOf } = fixtureRows();
    const maxRow = rowOf("1.3");
    const paramsRow = rowOf("1.4");
    const dupRow = rowOf("2.2");
    rows[maxRow][3] = "một";
    rows[paramsRow][6] = "cao: 1,5; thấp: 0";
    rows[dupRow][0] = "2.1";
    const found = problems(rowsToCriteria(grid(rows)));
    expect(found.map((p) => [p.code, p.path])).toEqual([
      ["invalid-type", `Bộ tiêu chí!D${maxRow + 1}`],
      ["sheet-params", `Bộ tiêu chí!G${paramsRow + 1}`],
      ["duplicate-code", `Bộ tiêu chí!A${dupRow + 1}`],
    ]);
    expect(found[2].params.first).toBe(`Bộ tiêu chí!A${dupRow}`);
    expect(found[2].message).toBe(`Mã "2.1" bị trùng (đã dùng ở Bộ tiêu chí!A${dupRow})`);
    expect(found[1].message).toContain('"100%: 2,5; 80%: 1,25; 0%: 0"');
  });

  test("settings problems point at the value cell", () => {
    const { rows } = fixtureRows();
    rows[1][1] = null;
    rows[6][1] = "rất cao";
    rows[9][1] = 80;
    expect(pairs(rowsToCriteria(grid(rows)))).toEqual([
      ["required", "Bộ tiêu chí!B2"],
      ["invalid-type", "Bộ tiêu chí!B7"],
      ["bands-not-distinct", "Bộ tiêu chí!B10"],
    ]);
  });

  test("a level that skips a step, a row without code, a child without parent", () => {
    const { rows, rowOf } = fixtureRows();
    const levelRow = rowOf("1.2");
    rows[levelRow][2] = 5;
    const noCode = rowOf("1.3");
    rows[noCode][0] = null;
    const orphan = rowOf("2.5");
    rows[orphan][0] = "9.1";
    rows[orphan][2] = null;
    const found = problems(rowsToCriteria(grid(rows), "en"));
    expect(found.map((p) => [p.code, p.path])).toEqual(
      expect.arrayContaining([
        ["sheet-level", `Bộ tiêu chí!C${levelRow + 1}`],
        ["sheet-row-no-code", `Bộ tiêu chí!A${noCode + 1}`],
        ["sheet-no-parent", `Bộ tiêu chí!A${orphan + 1}`],
      ])
    );
    expect(found.find((p) => p.code === "sheet-no-parent")?.message).toBe(
      'Parent "9" of 9.1 is not on any row above'
    );
  });

  test("a sheet without the header row is refused with one problem", () => {
    const result = rowsToCriteria(
      grid([
        ["Tên bộ tiêu chí", "Thử"],
        ["Mã", "Tên"],
        ["1", "a"],
      ])
    );
    expect(pairs(result)).toEqual([["sheet-no-header", "Bộ tiêu chí"]]);
  });

  test("a ratio rule with parameters is refused", () => {
    const { rows, rowOf } = fixtureRows();
    const r = rowOf("1.3");
    rows[r][5] = "ratio";
    rows[r][6] = "bước 0,5";
    expect(pairs(rowsToCriteria(grid(rows)))).toEqual([["sheet-params", `Bộ tiêu chí!G${r + 1}`]]);
  });
});
