import { DomainError, DomainErrorCode, sheetProtected } from "../../src/core/errors/domainError";
import { officeErrorCode, workbookChanged } from "../../src/excel/errors";
import { checkActiveWorkbook } from "./activeWorkbook";
import { runIn, useRequirementSets, OfficeError } from "./fakeExcel";
import { fakeWorkbook, sampleSet, unitGrids } from "./fixtures";

const conflict = { sheet: "Xã 001", cell: "E5", value: "9", formula: "SUM(E6:E9)" };
const problem = { code: "required", path: "id", message: "Thiếu id", params: {} };

/** One of each the add-in says, with what its message must name. */
const ALL: [DomainError, DomainErrorCode, string[]][] = [
  [sheetProtected(["Xã 002", "Tổng hợp"]), "sheet-protected", ["Xã 002, Tổng hợp"]],
  [
    workbookChanged([
      { sheet: "Xã 002", cell: "E7" },
      { sheet: "Xã 003", cell: "" },
    ]),
    "workbook-changed",
    ["Xã 002!E7, Xã 003"],
  ],
  [new DomainError("nothing-to-revert"), "nothing-to-revert", []],
  [new DomainError("snapshot-unreadable", { reason: "length" }), "snapshot-unreadable", ["length"]],
  [new DomainError("host-too-old", { version: "1.13" }), "host-too-old", ["1.13"]],
  [new DomainError("no-criteria"), "no-criteria", ["Bộ tiêu chí"]],
  [
    new DomainError("criteria-refused", { count: 1, sheet: "Criteria", problems: [problem] }),
    "criteria-refused",
    ['"Criteria"', "(1 "],
  ],
  [
    new DomainError("typed-cells-not-confirmed", { count: 1, conflicts: [conflict] }),
    "typed-cells-not-confirmed",
    ["1 "],
  ],
  [new DomainError("structure-protected"), "structure-protected", ["Protect Workbook"]],
  [new DomainError("sheet-hidden", { sheet: "Xã 002" }), "sheet-hidden", ['"Xã 002"', "Unhide"]],
];

describe("the adapter's errors", () => {
  it.each(ALL.map((row) => [row[1], ...row] as const))(
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
    const error = workbookChanged(cells);
    expect(error.params).toEqual({
      changed: cells,
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
    expect(officeErrorCode(new DomainError("host-too-old", { version: "1.9" }))).toBeUndefined();
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
    expect(DomainError.is(error, "criteria-refused")).toBe(true);
    const refused = error as DomainError<"criteria-refused">;
    expect(refused.params.sheet).toBe(name);
    expect(refused.params.problems?.length).toBeGreaterThan(0);
    expect(refused.messageFor("en")).toContain(`sheet "${name}"`);
  });
});
