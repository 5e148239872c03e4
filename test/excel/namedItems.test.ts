import { runIn } from "./fakeExcel";
import { revertActiveWorkbook, scoreActiveWorkbook } from "./activeWorkbook";
import { FakeContext, FakeSheet, FakeWorkbook, useRequirementSets, OfficeError } from "./fakeExcel";
import { fakeWorkbook, sampleSet, unitGrids } from "./fixtures";

/**
 * workbook.names in the fake (NamedItemCollection / NamedItem as the Office.js reference documents them), and the
 * add-in's use of them: the tool's sheets found by hidden marker names, a person's "TỔNG HỢP" never touched.
 */

useRequirementSets(17);

const set = sampleSet();
const runner = runIn;

async function inBatch<T>(
  book: FakeWorkbook,
  f: (c: Excel.RequestContext) => Promise<T>
): Promise<T> {
  return f(new FakeContext(book).asExcel());
}

describe("the fake's named items", () => {
  test("add, then read back by any case; a formula keeps its =", async () => {
    const book = new FakeWorkbook([{ name: "Xã A", values: [[1]] }]);
    await inBatch(book, async (c) => {
      c.workbook.names.add("_cchc.sheet.summary", "='Xã A'!$A$1").visible = false;
      await c.sync();
      const item = c.workbook.names
        .getItem("_CCHC.SHEET.SUMMARY")
        .load("name,formula,visible,type");
      const items = c.workbook.names.load("items/name,items/formula");
      await c.sync();
      expect([item.name, item.formula, item.visible, item.type]).toEqual([
        "_cchc.sheet.summary",
        "='Xã A'!$A$1",
        false,
        "Range",
      ]);
      expect(items.items.map((i) => i.name)).toEqual(["_cchc.sheet.summary"]);
    });
  });

  test.each<[string, (c: Excel.RequestContext) => void, string]>([
    [
      "a name that exists, in another case",
      (c) => c.workbook.names.add("_CCHC.MARKS", "=1"),
      "ItemAlreadyExists",
    ],
    [
      "a name that reads as a cell reference",
      (c) => c.workbook.names.add("AB12", "=1"),
      "InvalidArgument",
    ],
    ["a name with a space", (c) => c.workbook.names.add("_cchc.tổng hợp", "=1"), "InvalidArgument"],
    [
      "a formula without =",
      (c) => c.workbook.names.add("_cchc.x", "'Xã A'!$A$1"),
      "InvalidArgument",
    ],
    [
      "getItem of a name that does not exist",
      (c) => c.workbook.names.getItem("_cchc.none").load("name"),
      "ItemNotFound",
    ],
  ])("refuses %s", async (_, act, code) => {
    const book = new FakeWorkbook([{ name: "Xã A", values: [[1]] }]);
    book.names.push({ name: "_cchc.marks", formula: "='Xã A'!$A$1", visible: false, comment: "" });
    await inBatch(book, async (c) => {
      act(c);
      await expect(c.sync()).rejects.toMatchObject({ code });
    });
    expect(OfficeError).toBeDefined();
  });

  test("getItemOrNullObject, formula set and delete", async () => {
    const book = new FakeWorkbook([
      { name: "A", values: [[1]] },
      { name: "B", values: [[1]] },
    ]);
    book.names.push({ name: "_cchc.x", formula: "=A!$A$1", visible: true, comment: "" });
    await inBatch(book, async (c) => {
      const none = c.workbook.names.getItemOrNullObject("_cchc.y");
      const some = c.workbook.names.getItemOrNullObject("_cchc.x");
      await c.sync();
      expect([none.isNullObject, some.isNullObject]).toEqual([true, false]);
      some.formula = "=B!$A$1";
      await c.sync();
      expect(book.names[0].formula).toBe("=B!$A$1");
      some.delete();
      await c.sync();
      expect(book.names).toEqual([]);
    });
  });

  test("a sheet deleted leaves its names #REF!; a sheet renamed takes its names along", async () => {
    const book = new FakeWorkbook([
      { name: "Tổng hợp", values: [[1]] },
      { name: "Khác", values: [[1]] },
    ]);
    book.names.push({ name: "_cchc.a", formula: "='Tổng hợp'!$A$1", visible: false, comment: "" });
    book.names.push({ name: "_cchc.b", formula: "=Khác!$A$1", visible: false, comment: "" });
    book.renameSheet("Khác", "Báo cáo riêng");
    expect(book.names[1].formula).toBe("='Báo cáo riêng'!$A$1");
    await inBatch(book, async (c) => {
      c.workbook.worksheets.getItem("Tổng hợp").delete();
      await c.sync();
    });
    expect(book.names[0].formula).toBe("=#REF!");
  });
});

describe("the add-in finds its sheets by their hidden names", () => {
  test("beside a person's TỔNG HỢP: ours is 'Tổng hợp (2)', marked by hidden names; theirs is untouched", async () => {
    const { book, context } = fakeWorkbook(unitGrids(set, 2));
    const mine = FakeSheet.fromGrid({
      name: "TỔNG HỢP",
      values: [["Báo cáo riêng của văn phòng"]],
    });
    book.sheets.push(mine);
    const before = mine.contents();
    const outcome = await scoreActiveWorkbook({ criteria: set, run: runner(context) });
    expect(outcome.status).toBe("written");
    expect(book.sheet("TỔNG HỢP").contents()).toEqual(before);
    expect(book.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Xã 001", "Visible"],
      ["Xã 002", "Visible"],
      ["TỔNG HỢP", "Visible"],
      ["cchc_hoan_tac", "VeryHidden"],
      ["Tổng hợp (2)", "Visible"],
      ["cchc_du_lieu", "VeryHidden"],
    ]);
    const names = Object.fromEntries(book.names.map((n) => [n.name, n.formula]));
    expect(names).toMatchObject({
      "_cchc.sheet.summary": "='Tổng hợp (2)'!$A$1",
      "_cchc.sheet.data": "='cchc_du_lieu'!$A$1",
      "_cchc.sheet.undo": "='cchc_hoan_tac'!$A$1",
      "_cchc.undo.1": "='Xã 001'!$A$1",
      "_cchc.marks": expect.stringMatching(/^='cchc_du_lieu'!\$A\$2:\$A\$\d+$/),
    });
    expect(book.names.every((n) => !n.visible)).toBe(true);
    // The dropdowns read the data sheet through the names.
    const sources = [...book.sheet("Xã 001").validations.values()]
      .map((v) => v.rule?.list?.source)
      .filter(Boolean);
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.every((s) => /^=_cchc\.list\.\d+$/.test(String(s)))).toBe(true);
  });

  test("revert removes the sheets and names a run added", async () => {
    const { book, context } = fakeWorkbook(unitGrids(set, 2));
    const before = JSON.stringify(book.state());
    await scoreActiveWorkbook({ criteria: set, run: runner(context) });
    expect(book.names.length).toBeGreaterThan(4);
    await revertActiveWorkbook({ run: runner(context) });
    expect(JSON.stringify(book.state())).toBe(before);
    expect(book.names).toEqual([]);
  });

  test("our summary renamed by the person is rebuilt under its new name on the next run; revert puts the names back", async () => {
    const { book, context } = fakeWorkbook(unitGrids(set, 2));
    await scoreActiveWorkbook({ criteria: set, run: runner(context) });
    book.renameSheet("Tổng hợp", "Kết quả");
    // The summary chart is not part of the snapshot (revert leaves it out, as runCommand.test.ts notes).
    const withoutUndo = () =>
      (book.state() as { name: string }[])
        .filter((s) => s.name !== "cchc_hoan_tac")
        .map((s) => ({ ...s, charts: [] }));
    const renamed = JSON.stringify(withoutUndo());
    const names = book.names.filter((n) => n.name !== "_cchc.sheet.undo").map((n) => ({ ...n }));
    await scoreActiveWorkbook({ criteria: set, run: runner(context) });
    expect(book.sheets.map((s) => s.name).filter((n) => /Tổng hợp|Kết quả/.test(n))).toEqual([
      "Kết quả",
    ]);
    expect(book.findName("_cchc.sheet.summary")?.formula).toBe("='Kết quả'!$A$1");
    await revertActiveWorkbook({ run: runner(context) });
    expect(JSON.stringify(withoutUndo())).toBe(renamed);
    // Undo goes back one run: the undo sheet, there before this run, stays emptied, with its marker.
    expect(book.sheet("cchc_hoan_tac").contents()).toEqual({});
    expect(book.names.filter((n) => n.name !== "_cchc.sheet.undo")).toEqual(names);
    expect(book.findName("_cchc.sheet.undo")?.formula).toBe("='cchc_hoan_tac'!$A$1");
  });
});
