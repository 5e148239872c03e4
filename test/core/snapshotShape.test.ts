import { isSavedCell, isWellFormedSnapshot } from "../../src/core/snapshot/snapshotShape";
import { decodeSnapshot, snapshotPieces } from "../../src/core/snapshot/snapshot";

/** The snapshot's check of what is read back from a workbook (one schema gives it and the Snapshot type). */

type Json = Record<string, any>;

function sample(): Json {
  return {
    format: "cchc-hoan-tac/1",
    createdAt: "2026-12-02T10:00:00.000Z",
    cells: [
      {
        sheet: "Xã A",
        col: 5,
        top: 6,
        cells: ["", { f: "SUM(E7:E9)" }, null, { v: 1.5 }, { e: "#N/A" }],
      },
    ],
    addedSheets: ["Tổng hợp"],
    replacedSheets: [
      {
        name: "Xếp hạng",
        position: 2,
        visibility: "visible",
        rows: [[{ v: "Hạng" }, null]],
        columnWidths: [12, null],
        freezeRows: 1,
      },
    ],
    addedFormats: [{ sheet: "Xã A", formula: "E6<0" }],
    deletedFormats: [
      { sheet: "Xã A", ranges: ["E6:E9"], formula: "E6>2", style: { fill: "#FFC7CE", bold: true } },
    ],
    validations: [
      {
        sheet: "Xã A",
        ranges: ["E6:E9", "G6"],
        previous: {
          rule: { decimal: { operator: "Between", formula1: 0, formula2: "2,5" } },
          ignoreBlanks: null,
          prompt: { showPrompt: true, title: null, message: "Điểm" },
        },
      },
    ],
    styles: [{ sheet: "Xã A", cell: "E6", fill: null, fontColor: "#FF0000", bold: false }],
    written: [
      { sheet: "Xã A", col: 5, top: 6, cells: [{ v: 1 }, { f: "SUM(E7:E9)" }, null, null, null] },
    ],
    sheetMarkers: [{ sheet: "Xã A", marker: "_cchc.undo.1" }],
    names: [{ name: "_cchc.diem", previous: "'Xã A'!$E$6" }, { name: "_cchc.moi" }],
    richText: [{ sheet: "Xã A", cell: "B6", runs: [{ text: "a", font: [["b", { val: "1" }]] }] }],
    arrayFormulas: [{ sheet: "Xã A", ref: "D5:E6", formula: "A1:B2*2" }],
    styleIndexes: [{ sheet: "Xã A", cell: "E6", xf: 12 }],
    emptyNameList: true,
  };
}

const damaged = (change: (s: Json) => void): Json => {
  const s = sample();
  change(s);
  return s;
};

describe("isWellFormedSnapshot", () => {
  test("a snapshot with every part accepted; the older form without the optional parts too", () => {
    expect(isWellFormedSnapshot(sample())).toBe(true);
    const older = sample();
    for (const k of [
      "styles",
      "written",
      "sheetMarkers",
      "names",
      "richText",
      "arrayFormulas",
      "styleIndexes",
      "emptyNameList",
    ])
      delete older[k];
    expect(isWellFormedSnapshot(older)).toBe(true);
  });

  const refused: [string, (s: Json) => void][] = [
    ["another format", (s) => (s.format = "cchc-hoan-tac/2")],
    ["no createdAt", (s) => delete s.createdAt],
    ["cells missing (the written check must not trip over it)", (s) => delete s.cells],
    ["validations missing (the bound must not trip over it)", (s) => delete s.validations],
    ["validations not a list", (s) => (s.validations = {})],
    ["a column off the grid", (s) => (s.cells[0].col = 16_385)],
    ["a block running past the last row", (s) => (s.cells[0].top = 1_048_574)],
    ["a saved cell with two keys", (s) => (s.cells[0].cells[0] = { f: "A1", v: 1 })],
    ["a saved cell with a null value", (s) => (s.cells[0].cells[0] = { v: null })],
    ["a sheet name of 256 characters", (s) => (s.addedSheets[0] = "x".repeat(256))],
    ["a whole-grid validation area", (s) => (s.validations[0].ranges = ["A1:XFD1048576"])],
    [
      "validated areas adding up past the bound",
      (s) => (s.validations[0].ranges = ["A1:J100000", "A1:B1"]),
    ],
    ["a validation rule of an unknown kind", (s) => (s.validations[0].previous.rule = { any: {} })],
    ["written with another block length", (s) => s.written[0].cells.pop()],
    ["written on another sheet", (s) => (s.written[0].sheet = "Xã B")],
    ["written with one block too many", (s) => s.written.push(s.written[0])],
    ["the stored writtenRefs left unexpanded", (s) => (s.writtenRefs = { values: [], blocks: [] })],
    ["a marker that is not an undo name", (s) => (s.sheetMarkers[0].marker = "Print_Area")],
    ["a name outside _cchc.", (s) => (s.names[0].name = "Diem")],
    [
      "a name's previous formula over 8,192 characters",
      (s) => (s.names[0].previous = "1".repeat(8193)),
    ],
    ["a run property that is not one", (s) => (s.richText[0].runs[0].font = [["script", {}]])],
    ["a run property with three parts", (s) => (s.richText[0].runs[0].font = [["b", {}, {}]])],
    ["a run attribute that is not text", (s) => (s.richText[0].runs[0].font = [["b", { val: 1 }]])],
    ["an array formula of one cell", (s) => (s.arrayFormulas[0].ref = "D5")],
    ["a style on an area", (s) => (s.styles[0].cell = "E6:E7")],
    ["a style colour that is not #RRGGBB", (s) => (s.styles[0].fontColor = "red")],
    ["a style flag that is not true/false", (s) => (s.styles[0].bold = "yes")],
    ["a style index past Excel's limit", (s) => (s.styleIndexes[0].xf = 65_536)],
    ["a column width over 255", (s) => (s.replacedSheets[0].columnWidths[0] = 256)],
    ["a visibility Excel does not have", (s) => (s.replacedSheets[0].visibility = "shown")],
  ];
  test.each(refused)("refused: %s", (_, change) => {
    expect(isWellFormedSnapshot(damaged(change))).toBe(false);
  });

  test("not an object at all", () => {
    for (const x of [null, [], "x", 1, undefined]) expect(isWellFormedSnapshot(x)).toBe(false);
  });
});

describe("decodeSnapshot on a malformed snapshot", () => {
  test("gives snapshot-unreadable (format), never another error", () => {
    for (const [, change] of malformedStored()) {
      const error = (() => {
        try {
          decodeSnapshot(snapshotPieces(JSON.stringify(damaged(change))));
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(error).toMatchObject({ code: "snapshot-unreadable", params: { reason: "format" } });
    }
  });
});

function malformedStored(): [string, (s: Json) => void][] {
  return [
    ["no cells", (s) => delete s.cells],
    ["no validations", (s) => delete s.validations],
    ["written of another length", (s) => s.written[0].cells.pop()],
  ];
}

describe("isSavedCell", () => {
  test.each([[""], [{ f: "A1" }], [{ v: "x" }], [{ v: 0 }], [{ v: false }], [{ e: "#REF!" }]])(
    "%j is one",
    (c) => expect(isSavedCell(c)).toBe(true)
  );
  test.each([
    [null],
    ["x"],
    [{}],
    [{ f: 1 }],
    [{ v: null }],
    [{ g: "x" }],
    [{ f: "A1", e: "#N/A" }],
  ])("%j is not", (c) => expect(isSavedCell(c)).toBe(false));
});
