/**
 * The fake Excel's whole-row insert and delete (test/excel/fake/rowShift.ts, which cites the pages it follows):
 * what a person's inserting or deleting rows does to cells, formats, rules, names and every reference, so undo
 * can be tested against a workbook changed after the run.
 */
import { FakeContext, FakeWorkbook, useRequirementSets, OfficeError } from "./fakeExcel";

useRequirementSets(17);

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e
  );
  return error instanceof OfficeError
    ? error.code
    : error === undefined
      ? undefined
      : String(error);
}

describe("rows inserted and deleted (Range.insert / Range.delete, whole rows)", () => {
  function sample(): { book: FakeWorkbook; x: Excel.RequestContext } {
    const b = new FakeWorkbook([
      {
        name: "Xã A",
        values: [["Tiêu đề"], [null], [1], [2], [null]],
        formulas: [[null], [null], [null], [null], ["SUM(A3:A4)+$A$3"]],
      },
      { name: "Tổng hợp", values: [[null]], formulas: [["'Xã A'!A5*2+SUM('Xã A'!A1:A4)+B1"]] },
    ]);
    const s = b.sheet("Xã A");
    s.styles.set("5,1", { bold: true });
    s.validations.set("4,1", { ignoreBlanks: true });
    s.merges = ["A1:B1", "A4:B4"];
    s.conditionalFormats = [{ formula: "=A3>$A$4", ranges: ["A3:A4"], fill: "#FF0000" }];
    b.names.push({ name: "_cchc.undo.1", formula: "='Xã A'!$A$4", visible: false, comment: "" });
    return { book: b, x: new FakeContext(b).asExcel() };
  }

  it("insert: the cells below move with their formats, and every reference follows the cells it pointed at", async () => {
    const { book: b, x } = sample();
    x.workbook.worksheets
      .getItem("Xã A")
      .getRange("2:3")
      .insert("Down" as Excel.InsertShiftDirection);
    await x.sync();
    const s = b.sheet("Xã A");
    expect(s.contents()).toEqual({ A1: '"Tiêu đề"', A5: "1", A6: "2", A7: "=SUM(A5:A6)+$A$5" });
    expect(b.sheet("Tổng hợp").contents()).toEqual({
      A1: "='Xã A'!A7*2+SUM('Xã A'!A1:A6)+B1",
    });
    expect([...s.styles.keys()]).toEqual(["7,1"]);
    expect([...s.validations.keys()]).toEqual(["6,1"]);
    expect(s.merges).toEqual(["A1:B1", "A6:B6"]);
    expect(s.conditionalFormats[0]).toMatchObject({ formula: "=A5>$A$6", ranges: ["A5:A6"] });
    expect(b.names[0].formula).toBe("='Xã A'!$A$6");
  });

  it("delete: references to deleted cells become #REF!, ranges across the deletion shrink", async () => {
    const { book: b, x } = sample();
    x.workbook.worksheets
      .getItem("Xã A")
      .getRange("3:3")
      .delete("Up" as Excel.DeleteShiftDirection);
    await x.sync();
    const s = b.sheet("Xã A");
    expect(s.contents()).toEqual({ A1: '"Tiêu đề"', A3: "2", A4: "=SUM(A3:A3)+#REF!" });
    expect(b.sheet("Tổng hợp").contents()).toEqual({
      A1: "='Xã A'!A4*2+SUM('Xã A'!A1:A3)+B1",
    });
    expect(b.names[0].formula).toBe("='Xã A'!$A$3");
  });

  it("is refused on a protected sheet, and models only whole rows", async () => {
    const { book: b, x } = sample();
    b.sheet("Xã A").protected = true;
    x.workbook.worksheets
      .getItem("Xã A")
      .getRange("2:2")
      .insert("Down" as Excel.InsertShiftDirection);
    expect(await codeOf(x.sync())).toBe("AccessDenied");
    const y = new FakeContext(b).asExcel();
    y.workbook.worksheets
      .getItem("Xã A")
      .getRange("A2")
      .insert("Down" as Excel.InsertShiftDirection);
    expect(await codeOf(y.sync())).toMatch(/whole rows/);
  });
});
