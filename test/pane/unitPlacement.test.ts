import { sheetNameKey } from "../../src/core/owned/sheetNames";
import { freeSheetName, placeUnits } from "../../src/taskpane/modes/unitPlacement";

describe("where consolidated units' sheets go", () => {
  it("a unit already there (same name, any case or diacritics; or same sheet) replaces its sheet", () => {
    const out = placeUnits(
      ["Bộ tiêu chí", "Xã A", "Sheet B"],
      [
        { sheet: "Xã A", name: "UBND xã An" },
        { sheet: "Sheet B", name: "UBND xã Bình" },
      ],
      [
        { file: "1.xlsx", sheet: "Trang 1", name: "ubnd XA AN" },
        { file: "2.xlsx", sheet: "Sheet B", name: "UBND xã Bình Mới" },
      ]
    );
    expect(out.placements).toEqual([
      { file: "1.xlsx", from: "Trang 1", to: "Xã A", name: "ubnd XA AN", replaces: "Xã A" },
      { file: "2.xlsx", from: "Sheet B", to: "Sheet B", name: "UBND xã Bình Mới", replaces: "Sheet B" },
    ]);
  });

  it("a new unit whose sheet name is taken gets the first free name; of two picked files for a unit the later wins", () => {
    const out = placeUnits(
      ["Đơn vị", "Đơn vị (2)"],
      [],
      [
        { file: "1.xlsx", sheet: "Đơn vị", name: "Xã A" },
        { file: "2.xlsx", sheet: "Đơn vị", name: "Xã B" },
        { file: "3.xlsx", sheet: "Đơn vị", name: "xã a" },
      ]
    );
    expect(out.placements.map((p) => [p.file, p.to])).toEqual([
      ["2.xlsx", "Đơn vị (3)"],
      ["3.xlsx", "Đơn vị (4)"],
    ]);
    expect(out.superseded.map((u) => u.file)).toEqual(["1.xlsx"]);
  });

  it("free names stay within Excel's 31 characters", () => {
    const long = "Ủy ban nhân dân xã Hòa Lạc mới thành lập";
    const name = freeSheetName(long.slice(0, 31), new Set([sheetNameKey(long.slice(0, 31))]));
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name.endsWith(" (2)")).toBe(true);
  });
});
