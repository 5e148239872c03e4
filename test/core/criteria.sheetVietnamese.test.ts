import { readFileSync } from "fs";
import { join } from "path";
import { RULE_KINDS } from "../../src/core/criteria/criteriaSchema";
import { CriteriaSet } from "../../src/core/criteria/model";
import { criteriaToJson } from "../../src/core/criteria/serialize";
import {
  CRITERIA_SHEET_NAME,
  CriteriaSheetCell,
  criteriaToRows,
  rowsToCriteria,
} from "../../src/core/criteria/sheetForm";
import { CHOICES, COLUMNS, foldHeader } from "../../src/core/criteria/sheetLayout";
import { CriteriaResult, parseCriteriaJson } from "../../src/core/criteria/validate";

/**
 * The sheet form is the editor, in Vietnamese (issue 13, item 3): rule kinds, sources and unit types are written
 * as words, read back to the same JSON, and the English codes (and words typed without diacritics, in other case
 * or spacing) still read.
 */

const RULE = COLUMNS.indexOf("rule");
const SOURCE = COLUMNS.indexOf("source");

function okSet(result: CriteriaResult): CriteriaSet {
  if (!result.ok)
    throw new Error("refused: " + result.problems.map((p) => `${p.code} ${p.path}`).join("; "));
  return result.set;
}

const load = (file: string) =>
  okSet(parseCriteriaJson(readFileSync(join(__dirname, "../..", file), "utf8")));
const fixture = load("test/fixtures/xa-2025-mau.criteria.json");
const sample = load("examples/xa-mau-2025.criteria.json");

/** A set with every rule kind and both sources, for a given unit type. */
function everyKind(unitType: string | undefined): CriteriaSet {
  return okSet(
    parseCriteriaJson(
      JSON.stringify({
        format: "cchc-criteria/1",
        id: "moi-loai",
        title: "Mọi cách chấm",
        ...(unitType !== undefined ? { unitType } : {}),
        nodes: [
          {
            code: "1",
            name: "Lĩnh vực tự chấm",
            source: "self",
            children: [
              { code: "1.1", name: "Đạt", max: 2, rule: { kind: "binary", late: 1 } },
              { code: "1.2", name: "Không trễ", max: 1, rule: { kind: "binary" } },
              {
                code: "1.3",
                name: "Mức",
                max: 3,
                rule: {
                  kind: "tiers",
                  tiers: [
                    { from: 0.9, points: 3 },
                    { from: 0.5, points: 1.5 },
                    { from: 0, points: 0 },
                  ],
                },
              },
              { code: "1.4", name: "Trừ", max: 2, rule: { kind: "deduction", step: 0.5 } },
              { code: "1.5", name: "Tỷ lệ", max: 4, rule: { kind: "ratio" } },
              { code: "1.6", name: "Tự do", max: 1, rule: { kind: "manual", step: 0.25 } },
              { code: "1.7", name: "Tự do, không bước", max: 1, rule: { kind: "manual" } },
              { code: "1.8", name: "Không quy tắc", max: 1 },
            ],
          },
          {
            code: "2",
            name: "Điều tra",
            source: "survey",
            children: [{ code: "2.1", name: "Hài lòng", max: 5, rule: { kind: "manual" } }],
          },
        ],
        adjustments: [
          { code: "T", name: "Thưởng", kind: "bonus", max: 1 },
          { code: "TR", name: "Trừ", kind: "penalty", max: 1 },
        ],
      })
    )
  );
}

const sheet = (values: CriteriaSheetCell[][]) => ({ name: CRITERIA_SHEET_NAME, values });
const header = (rows: CriteriaSheetCell[][]) => rows.findIndex((r) => r[0] === "Mã");
const rowOf = (rows: CriteriaSheetCell[][], code: string) =>
  rows.findIndex((r, i) => i > header(rows) && r[0] === code);

/** The rows with every cell of `col` below the header (node rows only) passed through `change`. */
function changeColumn(
  rows: CriteriaSheetCell[][],
  col: number,
  change: (v: string) => string
): CriteriaSheetCell[][] {
  const section = rows.findIndex((r) => r[1] === "Điểm thưởng, điểm trừ");
  return rows.map((r, i) =>
    i > header(rows) && (section < 0 || i < section) && typeof r[col] === "string"
      ? r.map((v, c) => (c === col ? change(v as string) : v))
      : r
  );
}

describe("the sheet form writes its choices in Vietnamese", () => {
  const set = everyKind("commune");
  const rows = criteriaToRows(set);

  test("rule kinds", () => {
    const kinds = ["1.1", "1.3", "1.4", "1.5", "1.6"].map((c) => rows[rowOf(rows, c)][RULE]);
    expect(kinds).toEqual(["Đạt/Không đạt", "Theo mức", "Trừ điểm", "Tỷ lệ", "Tự do"]);
    expect(rows[rowOf(rows, "1.8")][RULE]).toBeNull();
  });

  test("sources", () => {
    expect([rows[rowOf(rows, "1")][SOURCE], rows[rowOf(rows, "2")][SOURCE]]).toEqual([
      "Tự chấm",
      "Điều tra XHH",
    ]);
  });

  test.each([
    ["commune", "Cấp xã"],
    ["district", "Cấp huyện"],
    ["department", "Sở, ngành"],
    // Free text in the set: kept as it is.
    ["Cấp tỉnh", "Cấp tỉnh"],
    ["constructor", "constructor"],
  ])("unit type %s is written %s", (code, word) => {
    const written = criteriaToRows(everyKind(code)).find((r) => r[0] === "Loại đơn vị");
    expect(written?.[1]).toBe(word);
  });

  test("no English code is left in a column of choices", () => {
    const codes = new Set(["binary", "tiers", "deduction", "ratio", "manual", "self", "survey"]);
    const found = rows.flatMap((r) => [r[RULE], r[SOURCE]]).filter((v) => codes.has(String(v)));
    expect(found).toEqual([]);
  });
});

describe("the Vietnamese sheet form reads back to the same JSON", () => {
  const cases: [string, CriteriaSet][] = [
    ["the test fixture", fixture],
    ["the example set", sample],
    ...["commune", "district", "department", "Cấp tỉnh", undefined].map(
      (u): [string, CriteriaSet] => [`every rule kind and source, unit type ${u}`, everyKind(u)]
    ),
  ];
  test.each(cases)("%s", (_name, set) => {
    const back = okSet(rowsToCriteria(sheet(criteriaToRows(set))));
    expect(criteriaToJson(back)).toBe(criteriaToJson(set));
  });
});

describe("English codes and typed variants still read", () => {
  const set = everyKind("department");
  const rows = criteriaToRows(set);
  const back = (values: CriteriaSheetCell[][]) =>
    criteriaToJson(okSet(rowsToCriteria(sheet(values))));
  const english: Record<string, string> = {
    "Đạt/Không đạt": "binary",
    "Theo mức": "tiers",
    "Trừ điểm": "deduction",
    "Tỷ lệ": "ratio",
    "Tự do": "manual",
    "Tự chấm": "self",
    "Điều tra XHH": "survey",
  };

  test("the codes the sheet wrote before (binary, tiers, …, self, survey, department)", () => {
    let values = changeColumn(rows, RULE, (v) => english[v] ?? v);
    values = changeColumn(values, SOURCE, (v) => english[v] ?? v);
    values = values.map((r) => (r[0] === "Loại đơn vị" ? [r[0], "department"] : r));
    expect(values.flat()).toContain("ratio");
    expect(back(values)).toBe(criteriaToJson(set));
  });

  test("without diacritics, in other case and spacing", () => {
    const mangle = (v: string) =>
      v
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
        .replace(/[đĐ]/g, "d")
        .toUpperCase()
        .replace("/", " / ")
        .replace(/ /g, "  ");
    let values = changeColumn(rows, RULE, mangle);
    values = changeColumn(values, SOURCE, mangle);
    values = values.map((r) => (r[0] === "Loại đơn vị" ? [r[0], "so  nganh"] : r));
    expect(values[rowOf(values, "1.1")][RULE]).toBe("DAT  /  KHONG  DAT");
    expect(back(values)).toBe(criteriaToJson(set));
  });

  test("other words people use: Theo tỉ lệ, Chấm tự do, Điều tra xã hội học, UBND cấp xã", () => {
    const other: Record<string, string> = {
      "Tỷ lệ": "Theo tỉ lệ",
      "Tự do": "Chấm tự do",
      "Điều tra XHH": "Điều tra xã hội học",
    };
    let values = changeColumn(rows, RULE, (v) => other[v] ?? v);
    values = changeColumn(values, SOURCE, (v) => other[v] ?? v);
    values = values.map((r) => (r[0] === "Loại đơn vị" ? [r[0], "UBND cấp xã"] : r));
    expect(okSet(rowsToCriteria(sheet(values)))).toStrictEqual({ ...set, unitType: "commune" });
  });

  test("a word the table does not know is refused at its cell, with the kinds the set accepts", () => {
    const r = rowOf(rows, "1.5");
    const values = rows.map((row, i) =>
      i === r ? row.map((v, c) => (c === RULE ? "Theo phần trăm" : v)) : row
    );
    const result = rowsToCriteria(sheet(values));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.code, p.path])).toEqual([
      ["invalid-value", `${CRITERIA_SHEET_NAME}!F${r + 1}`],
    ]);
  });
});

describe("the table of words", () => {
  test("no two choices of one list fold to the same words", () => {
    for (const [list, choices] of Object.entries(CHOICES)) {
      const seen = new Map<string, string>();
      for (const [choice, words] of Object.entries<string[]>(choices))
        for (const w of words) {
          const folded = foldHeader(w);
          expect([list, folded, seen.get(folded) ?? choice]).toEqual([list, folded, choice]);
          seen.set(folded, choice);
        }
    }
  });

  test("every rule kind of the set has its words, its English code among them", () => {
    expect(Object.keys(CHOICES.rule).sort()).toEqual([...RULE_KINDS].sort());
    for (const [kind, words] of Object.entries<string[]>(CHOICES.rule))
      expect(words).toContain(kind);
  });
});

describe("the reader's problems carry the cell they came from", () => {
  test("each problem has its sheet and cell, the same as its path says; a sheet-wide one only the sheet", () => {
    const set = everyKind("commune");
    const rows = criteriaToRows(set);
    const r = rowOf(rows, "1.4");
    const broken = rows.map((row, i) =>
      i === r ? row.map((v, c) => (c === RULE ? "Theo phần trăm" : c === 3 ? -1 : v)) : row
    );
    broken[2] = ["Năm", "năm nay"];
    const result = rowsToCriteria(sheet(broken));
    if (result.ok) throw new Error("expected problems");
    expect(result.problems.length).toBeGreaterThanOrEqual(3);
    for (const p of result.problems) expect(`${p.at?.sheet}!${p.at?.cell}`).toBe(p.path);
    expect(result.problems.map((p) => p.at?.cell)).toEqual(
      expect.arrayContaining(["B3", `D${r + 1}`, `F${r + 1}`])
    );
    const none = rowsToCriteria(sheet([["Tên bộ tiêu chí", "x"]]));
    expect(!none.ok && none.problems.map((p) => p.at)).toEqual([{ sheet: CRITERIA_SHEET_NAME }]);
  });
});
