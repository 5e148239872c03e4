import { areasOfAddress } from "../../src/excel/areaAddress";
import { blocksFromRows, columnBlocks, splitBlock } from "../../src/core/plan/cellBlocks";
import {
  cellValueFrom,
  formulaFrom,
  inputOf,
  isDateFormat,
  sameContent,
} from "../../src/excel/cellCodec";
import { dateToSerial, serialToDate } from "../../src/core/sheet/serialDate";
import { validationRule } from "../../src/excel/validationOps";
import { characterWidthToPoints } from "../../src/excel/sheetOps";
import { decodeSnapshot } from "../../src/excel/snapshot";
import {
  encodeSnapshot,
  Snapshot,
  SNAPSHOT_CHUNK_CHARS,
  SNAPSHOT_FORMAT,
} from "../../src/core/snapshot/snapshot";

describe("cell codec", () => {
  it("writes every non-empty string with the apostrophe prefix, formulas with '=', null as a cleared cell", () => {
    expect(inputOf({ value: "=1+2" })).toBe("'=1+2");
    expect(inputOf({ value: "Tổng điểm" })).toBe("'Tổng điểm");
    expect(inputOf({ value: "" })).toBe("");
    expect(inputOf({ value: null })).toBe("");
    expect(inputOf({ value: 2.5 })).toBe(2.5);
    expect(inputOf({ value: true })).toBe(true);
    expect(inputOf({ formula: "SUM(E6:E9)" })).toBe("=SUM(E6:E9)");
  });

  it("reads error types, dates by number format, empty strings as null; formulas only where they are formulas", () => {
    expect(cellValueFrom("#REF!", "Error")).toEqual({ error: "#REF!" });
    expect(cellValueFrom("", "Empty")).toBeNull();
    expect(cellValueFrom(45658, "Double", "dd/mm/yyyy")).toEqual(new Date(Date.UTC(2025, 0, 1)));
    expect(cellValueFrom(1.1, "Double", "0.00")).toBe(1.1);
    expect(formulaFrom("=A1+1", 3)).toBe("A1+1");
    expect(formulaFrom("=1+2", "=1+2")).toBeUndefined();
    expect(formulaFrom(5, 5)).toBeUndefined();
    expect(serialToDate(dateToSerial(new Date(Date.UTC(2024, 1, 29, 12))))).toEqual(
      new Date(Date.UTC(2024, 1, 29, 12))
    );
    expect(serialToDate(1)).toEqual(new Date(Date.UTC(1900, 0, 1)));
  });

  it("tells date formats from number formats", () => {
    for (const f of ["dd/mm/yyyy", "d-mmm-yy", "[$-42A]dd/mm/yyyy", "h:mm", "[h]:mm:ss", "yyyy"])
      expect([f, isDateFormat(f)]).toEqual([f, true]);
    for (const f of [
      "General",
      "0.00",
      "#,##0",
      '0.0 "điểm"',
      "@",
      "[Red]0.0",
      "0.00E+00",
      undefined,
    ])
      expect([f, isDateFormat(f)]).toEqual([f, false]);
  });

  it("compares re-read formulas entries with what was read, a text's apostrophe or not", () => {
    expect(sameContent("=SUM(A1)", 3, "SUM(A1)")).toBe(true);
    expect(sameContent("=1+2", "=1+2", undefined)).toBe(true);
    expect(sameContent("'=1+2", "=1+2", undefined)).toBe(true);
    expect(sameContent(2.5, 2.5, undefined)).toBe(true);
    expect(sameContent(3, 2.5, undefined)).toBe(false);
    expect(sameContent("", null, undefined)).toBe(true);
    expect(sameContent(45658, new Date(Date.UTC(2025, 0, 1)), undefined)).toBe(true);
    expect(sameContent("#N/A", { error: "#N/A" }, undefined)).toBe(true);
  });
});

describe("addresses and blocks", () => {
  it("strips sheet names, quoted or not, from RangeAreas addresses", () => {
    expect(areasOfAddress("Sheet1!A1:B4, Sheet1!D1:D4")).toEqual(["A1:B4", "D1:D4"]);
    expect(areasOfAddress("'Tổng hợp, 2''s'!$E$5:$E$7, 'Tổng hợp, 2''s'!E9")).toEqual([
      "E5:E7",
      "E9",
    ]);
  });

  it("gathers single-cell writes of a column into one block, bridging short gaps with null, the last write winning", () => {
    const blocks = columnBlocks([
      { sheet: "S", at: "E5", cells: [[{ formula: "SUM(E6:E7)" }]] },
      { sheet: "S", at: "E8", cells: [[{ formula: "SUM(E9)" }]] },
      { sheet: "S", at: "E8", cells: [[{ formula: "SUM(E9:E10)" }]] },
      { sheet: "S", at: "G5", cells: [[{ value: 1 }]] },
      { sheet: "S", at: "E60", cells: [[{ value: 2 }]] },
    ]);
    expect(blocks.map((b) => [b.col, b.top, b.cells.length])).toEqual([
      [5, 5, 4],
      [5, 60, 1],
      [7, 5, 1],
    ]);
    expect(blocks[0].cells).toEqual([
      { formula: "SUM(E6:E7)" },
      null,
      null,
      { formula: "SUM(E9:E10)" },
    ]);
    expect(
      splitBlock(
        { sheet: "S", col: 1, top: 1, cells: Array(100).fill({ value: 1 }) },
        (c) => c.length * 10,
        300
      ).map((b) => [b.top, b.cells.length])
    ).toEqual([
      [1, 25],
      [26, 25],
      [51, 25],
      [76, 25],
    ]);
    expect(
      blocksFromRows("S", [
        [1, null],
        [null, 2],
      ]).map((b) => [b.col, b.top, b.cells])
    ).toEqual([
      [1, 1, [1]],
      [2, 2, [2]],
    ]);
  });
});

describe("validation rules", () => {
  it("lists come from the data sheet by name; text marks go through a custom formula over the named marks", () => {
    expect(
      validationRule({
        sheet: "S",
        ranges: ["E7:E9", "G7:G9"],
        kind: "list",
        values: [0, 1.25, 2.5, "KĐG"],
        source: "_cchc.list.1",
      })
    ).toEqual({ list: { inCellDropDown: true, source: "=_cchc.list.1" } });
    expect(validationRule({ sheet: "S", ranges: ["E7"], kind: "decimal", min: 0, max: 2 })).toEqual(
      { decimal: { formula1: 0, formula2: 2, operator: "Between" } }
    );
    const custom = validationRule({
      sheet: "S",
      ranges: ["E7:E9"],
      kind: "decimal",
      min: 0,
      max: 2,
      orText: ["KĐG"],
    });
    expect(custom.custom?.formula).toBe(
      "=OR(AND(ISNUMBER(E7),E7>=0,E7<=2),ISNUMBER(MATCH(TRIM(E7),_cchc.marks,0)))"
    );
    // Items holding commas or quotes, or passing 255 characters inline, no longer need an array constant.
    const odd = validationRule({
      sheet: "S",
      ranges: ["E7"],
      kind: "list",
      values: ["a,b", 1],
      source: "_cchc.list.2",
    });
    expect(odd).toEqual({ list: { inCellDropDown: true, source: "=_cchc.list.2" } });
  });

  it("sets column widths in points from character widths", () => {
    expect(characterWidthToPoints(10)).toBe(56.25);
  });
});

describe("undo snapshot encoding", () => {
  const snapshot = (text: string): Snapshot => ({
    format: SNAPSHOT_FORMAT,
    createdAt: "2025-01-01T00:00:00.000Z",
    cells: [{ sheet: "Xã 😀", col: 5, top: 5, cells: [{ f: "SUM(E6:E9)" }, null, "", { v: text }] }],
    addedSheets: ["Tổng hợp"],
    replacedSheets: [],
    addedFormats: [],
    deletedFormats: [],
    validations: [],
    names: [],
  });

  it("splits into pieces of at most 30,000 characters, never inside a surrogate pair, and reads back the same", () => {
    const big = snapshot("😀".repeat(40_000));
    const pieces = encodeSnapshot(big);
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.every((p) => p.length <= SNAPSHOT_CHUNK_CHARS)).toBe(true);
    expect(pieces.slice(1).every((p) => !/^[\uDC00-\uDFFF]/.test(p))).toBe(true);
    expect(decodeSnapshot(pieces)).toEqual(big);
  });

  it("refuses a damaged snapshot", () => {
    const pieces = encodeSnapshot(snapshot("=1+2"));
    expect(() => decodeSnapshot(["{}", ...pieces.slice(1)])).toThrow(/format/);
    expect(() => decodeSnapshot([pieces[0], pieces[1].slice(1)])).toThrow(/length/);
  });

  it("refuses a snapshot whose addresses leave Excel's grid or whose validations would cover the whole sheet", () => {
    const bad: Partial<Snapshot>[] = [
      { cells: [{ sheet: "S", col: 16_385, top: 1, cells: [""] }] },
      { cells: [{ sheet: "S", col: 1, top: 1_048_576, cells: ["", ""] }] },
      { cells: [{ sheet: "S", col: 1, top: 1, cells: [{ v: 1, f: "A1" } as never] }] },
      { validations: [{ sheet: "S", ranges: ["A1:XFD1048576"] }] },
      { validations: [{ sheet: "S", ranges: ["E5; DROP"] }] },
      { styles: [{ sheet: "S", cell: "A0" }] },
      { replacedSheets: [{ name: "", position: 0, visibility: "visible", rows: [] }] },
    ];
    for (const change of bad)
      expect(() => decodeSnapshot(encodeSnapshot({ ...snapshot("x"), ...change }))).toThrow(/format/);
  });
});
