import { runIn } from "./fakeExcel";
import {
  CriteriaMissingError,
  CriteriaRefusedError,
  ExcelAddinError,
  ExcelErrorCode,
  HostTooOldError,
  NothingToRevertError,
  officeErrorCode,
  ProtectedSheetsError,
  SheetHiddenError,
  SnapshotUnreadableError,
  StructureProtectedError,
  TypedCellsNotConfirmedError,
  WorkbookChangedError,
} from "../../src/excel/errors";
import { checkActiveWorkbook } from "../../src/excel/runCommand";
import { useRequirementSets, OfficeError } from "./fakeExcel";
import { fakeWorkbook, sampleSet, unitGrids } from "./fixtures";

const conflict = { sheet: "Xã 001", cell: "E5", value: "9", formula: "SUM(E6:E9)" };
const problem = { code: "required", path: "id", message: "Thiếu id", params: {} };

/** One of each, with what its message must name. */
const ALL: [ExcelAddinError, ExcelErrorCode, string[]][] = [
  [new ProtectedSheetsError(["Xã 002", "Tổng hợp"]), "sheets-protected", ["Xã 002, Tổng hợp"]],
  [
    new WorkbookChangedError([
      { sheet: "Xã 002", cell: "E7" },
      { sheet: "Xã 003", cell: "" },
    ]),
    "workbook-changed",
    ["Xã 002!E7, Xã 003"],
  ],
  [new NothingToRevertError(), "nothing-to-revert", []],
  [new SnapshotUnreadableError("length"), "snapshot-unreadable", ["length"]],
  [new HostTooOldError("1.13"), "host-too-old", ["1.13"]],
  [new CriteriaMissingError(), "criteria-missing", ["Bộ tiêu chí"]],
  [new CriteriaRefusedError([problem], "Criteria"), "criteria-refused", ['"Criteria"', "(1 "]],
  [new TypedCellsNotConfirmedError([conflict]), "typed-cells-not-confirmed", ["1 "]],
  [new StructureProtectedError(), "structure-protected", ["Protect Workbook"]],
  [new SheetHiddenError("Xã 002"), "sheet-hidden", ['"Xã 002"', "Unhide"]],
];

describe("the adapter's errors", () => {
  it.each(ALL.map((row) => [row[0].name, ...row] as const))(
    "%s has a stable code and says itself in Vietnamese and English",
    (_name, error, code, named) => {
      expect(error).toBeInstanceOf(Error);
      expect(error.code).toBe(code);
      expect(error.message).toBe(error.messageFor("vi"));
      const en = error.messageFor("en");
      expect(en).not.toBe(error.message);
      expect(en).not.toMatch(/hãy|chưa|lỗi|sổ tính/i);
      for (const text of named) {
        expect(error.message).toContain(text);
        expect(en).toContain(text);
      }
      // The params it was made from, for whoever wants to word it differently.
      expect(JSON.parse(JSON.stringify(error.params))).toEqual(error.params);
    }
  );

  it("names at most ten changed cells", () => {
    const cells = Array.from({ length: 12 }, (_, i) => ({ sheet: "Xã 001", cell: `E${i + 1}` }));
    const error = new WorkbookChangedError(cells);
    expect(error.params).toEqual({
      cells: cells
        .slice(0, 10)
        .map((c) => `Xã 001!${c.cell}`)
        .join(", "),
      count: 12,
    });
    expect(error.messageFor("en")).toContain("E10, …");
    expect(error.message).not.toContain("E11");
  });

  it("keeps its own code apart from Office.js error codes", () => {
    expect(officeErrorCode(new OfficeError("ItemNotFound", "x"))).toBe("ItemNotFound");
    expect(officeErrorCode(new HostTooOldError("1.9"))).toBeUndefined();
  });
});

describe("a refused criteria sheet", () => {
  useRequirementSets(17);

  const set = sampleSet();
  const runner = runIn;

  it.each(["Criteria", "Bộ tiêu chí", "bo tieu chi"])("is named as found: %s", async (name) => {
    const criteria = {
      name,
      values: [
        ["Mã", "Tên"],
        ["x", 1],
      ],
    };
    const { context } = fakeWorkbook([criteria, ...unitGrids(set, 1)]);
    const error = await checkActiveWorkbook({ lang: "en", run: runner(context) }).catch(
      (e: unknown) => e
    );
    expect(error).toBeInstanceOf(CriteriaRefusedError);
    expect((error as CriteriaRefusedError).sheet).toBe(name);
    expect((error as CriteriaRefusedError).problems.length).toBeGreaterThan(0);
    expect((error as CriteriaRefusedError).messageFor("en")).toContain(`sheet "${name}"`);
  });
});
