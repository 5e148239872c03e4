/**
 * The fake Excel itself: each documented behaviour it models (the comments in test/excel/fake cite the
 * pages and issues), tested through the API the adapter uses, so a fake more lenient than Excel fails here.
 */
import {
  FakeContext,
  FakeExcelHost,
  FakeSheet,
  FakeWorkbook,
  installRequirementSets,
  OfficeError,
} from "./fakeExcel";
import { bytesOf } from "./fake/bytes";

let restore: () => void;
beforeEach(() => (restore = installRequirementSets(17)));
afterEach(() => restore());

function book(...names: string[]): {
  book: FakeWorkbook;
  ctx: FakeContext;
  x: Excel.RequestContext;
} {
  const b = new FakeWorkbook();
  for (const n of names) b.sheets.push(new FakeSheet(n));
  const ctx = new FakeContext(b);
  return { book: b, ctx, x: ctx.asExcel() };
}

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

/** Adds custom rules with these formulas, in this order, over A1:A10 of `sheet`. */
async function addRules(x: Excel.RequestContext, sheet: string, formulas: string[]): Promise<void> {
  for (const f of formulas) {
    const cf = x.workbook.worksheets
      .getItem(sheet)
      .getRange("A1:A10")
      .conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
    cf.custom.rule.formula = f;
  }
  await x.sync();
}

async function ruleList(x: Excel.RequestContext, sheet: string): Promise<[string, string][]> {
  const list = x.workbook.worksheets
    .getItem(sheet)
    .getRange()
    .conditionalFormats.load("items/id,items/customOrNullObject/rule/formula");
  await x.sync();
  return list.items.map((cf) => [cf.id, cf.customOrNullObject.rule.formula]);
}

describe("conditional formats: ids are priorities", () => {
  it("adds each new rule at the top: the ids of the others move down", async () => {
    const { x } = book("S");
    await addRules(x, "S", ["=A1>1", "=A1>2", "=A1>3"]);
    expect(await ruleList(x, "S")).toEqual([
      ["0", "=A1>3"],
      ["1", "=A1>2"],
      ["2", "=A1>1"],
    ]);
  });

  it("a stale id finds another rule after a delete, and past the end fails with ItemNotFound", async () => {
    const { book: b, x } = book("S");
    await addRules(x, "S", ["=A1>1", "=A1>2", "=A1>3"]);
    const formats = () => x.workbook.worksheets.getItem("S").getRange().conditionalFormats;
    // Deleting ids 0 then 1 read before: the second finds what was id 2.
    formats().getItem("0").delete();
    formats().getItem("1").delete();
    await x.sync();
    expect(b.sheet("S").conditionalFormats.map((c) => c.formula)).toEqual(["=A1>2"]);
    formats().getItem("1").delete();
    expect(await codeOf(x.sync())).toBe("ItemNotFound");
  });

  it("deleting from the highest id down deletes the rules read", async () => {
    const { book: b, x } = book("S");
    await addRules(x, "S", ["=A1>1", "=A1>2", "=A1>3"]);
    const formats = () => x.workbook.worksheets.getItem("S").getRange().conditionalFormats;
    formats().getItem("2").delete();
    formats().getItem("0").delete();
    await x.sync();
    expect(b.sheet("S").conditionalFormats.map((c) => c.formula)).toEqual(["=A1>2"]);
  });

  it("a rule marked unreadable makes loading the sheet's rules, or its ranges by id, throw GeneralException", async () => {
    const { book: b, x } = book("S", "T");
    await addRules(x, "S", ["=A1>1", "=A1>2"]);
    await addRules(x, "T", ["=A1>1"]);
    b.sheet("S").conditionalFormats[1].unreadable = true;
    expect(await codeOf(ruleList(x, "S"))).toBe("GeneralException");
    x.workbook.worksheets
      .getItem("S")
      .getRange()
      .conditionalFormats.getItem("1")
      .getRanges()
      .load("address");
    expect(await codeOf(x.sync())).toBe("GeneralException");
    expect(await ruleList(x, "T")).toEqual([["0", "=A1>1"]]);
  });

  it("refuses array constants, unions and intersections in a rule formula, not in strings or sheet names", async () => {
    const { x } = book("S");
    for (const f of [
      '=ISNUMBER(MATCH(TRIM(E7),{"KĐG","KDG"},0))',
      "=SUM((A1,B1))>0",
      "=A1,B1",
      "=SUM(A1:B5 B2:C3)>0",
    ])
      expect([f, await codeOf(addRules(x, "S", [f]))]).toEqual([f, "InvalidArgument"]);
    for (const f of [
      "=ISNUMBER(MATCH(TRIM(E7),_cchc.marks,0))",
      '=AND(E7<>"", E7="{a, b} c d")',
      "='Tổng hợp, 2'!A1 > 0",
      "=IF(A1 > 0, SUM(A1:B2), 0)",
    ])
      expect([f, await codeOf(addRules(x, "S", [f]))]).toEqual([f, undefined]);
  });

  it("refuses a rule formula over 8,192 characters", async () => {
    const { x } = book("S");
    const long = "=" + "A1+".repeat(2731) + "1"; // 8,195 characters
    expect(await codeOf(addRules(x, "S", [long]))).toBe("InvalidArgument");
    expect(await codeOf(addRules(x, "S", ["=" + "1+".repeat(4095) + "1"]))).toBeUndefined(); // 8,192
  });
});

describe("data validation limits", () => {
  const dv = (x: Excel.RequestContext) =>
    x.workbook.worksheets.getItem("S").getRange("B2:B5").dataValidation;

  it("refuses titles over 32 characters, an error over 225, a prompt over 255", async () => {
    const { x } = book("S");
    const stop = "Stop" as Excel.DataValidationAlertStyle;
    const cases: [string, () => void][] = [
      [
        "prompt title",
        () => (dv(x).prompt = { showPrompt: true, title: "t".repeat(33), message: "m" }),
      ],
      ["prompt", () => (dv(x).prompt = { showPrompt: true, title: "", message: "m".repeat(256) })],
      [
        "error title",
        () =>
          (dv(x).errorAlert = { showAlert: true, style: stop, title: "t".repeat(33), message: "" }),
      ],
      [
        "error",
        () =>
          (dv(x).errorAlert = {
            showAlert: true,
            style: stop,
            title: "",
            message: "m".repeat(226),
          }),
      ],
    ];
    for (const [what, set] of cases) {
      set();
      expect([what, await codeOf(x.sync())]).toEqual([what, "InvalidArgument"]);
    }
    dv(x).prompt = { showPrompt: true, title: "t".repeat(32), message: "m".repeat(255) };
    dv(x).errorAlert = {
      showAlert: true,
      style: stop,
      title: "t".repeat(32),
      message: "m".repeat(225),
    };
    expect(await codeOf(x.sync())).toBeUndefined();
  });

  it("refuses array constants in a custom formula or a list source formula", async () => {
    const { x } = book("S");
    dv(x).rule = { custom: { formula: "=ISNUMBER(MATCH(B2,{0,0.5,1},0))" } };
    expect(await codeOf(x.sync())).toBe("InvalidArgument");
    dv(x).rule = { list: { inCellDropDown: true, source: "={0,1}" } };
    expect(await codeOf(x.sync())).toBe("InvalidArgument");
    dv(x).rule = { custom: { formula: "=OR(B2=0,B2=0.5,B2=1)" } };
    expect(await codeOf(x.sync())).toBeUndefined();
  });

  it("refuses an inline list over 255 characters and a custom formula over 8,192", async () => {
    const { x } = book("S");
    dv(x).rule = { list: { inCellDropDown: true, source: "1,".repeat(128) } }; // 256
    expect(await codeOf(x.sync())).toBe("InvalidArgument");
    dv(x).rule = { custom: { formula: "=" + "B2+".repeat(2731) + "1" } };
    expect(await codeOf(x.sync())).toBe("InvalidArgument");
    dv(x).rule = { list: { inCellDropDown: true, source: "1,".repeat(127) + "1" } }; // 255
    expect(await codeOf(x.sync())).toBeUndefined();
  });
});

describe("reads over 5,000,000 cells", () => {
  it("throw RangeExceedsLimit, or give null where the host does that", async () => {
    const { book: b, x } = book("S");
    b.sheet("S").put(1_000_000, 6, { value: 1 }); // used range A1:F1000000 would be 6M cells
    b.sheet("S").put(1, 1, { value: 1 });
    x.workbook.worksheets.getItem("S").getUsedRangeOrNullObject(true).load("values");
    expect(await codeOf(x.sync())).toBe("RangeExceedsLimit");
    const nulls = new FakeContext(b, { overLimitRead: "null" }).asExcel();
    const range = nulls.workbook.worksheets.getItem("S").getRange("A1:F1000000").load("values");
    await nulls.sync();
    expect(range.values).toBeNull();
    const fits = x.workbook.worksheets.getItem("S").getRange("A1:F1000000").load("rowCount");
    await x.sync();
    expect(fits.rowCount).toBe(1_000_000); // the limit is on cell data, not on the range's size
  });
});

describe("cell edit mode and Excel.run(options, batch)", () => {
  it("fails a batch while the person edits a cell, unless the run asked to wait: then it runs after", async () => {
    const b = new FakeWorkbook([{ name: "S", values: [[1]] }]);
    const host = new FakeExcelHost(b);
    b.startCellEdit();
    const write = (c: Excel.RequestContext) => {
      c.workbook.worksheets.getItem("S").getRange("A1").values = [[2]];
      return c.sync();
    };
    expect(await codeOf(host.run(write))).toBe("InvalidOperationInCellEditMode");
    expect(b.sheet("S").cell(1, 1)?.value).toBe(1);
    let done = false;
    const waiting = host.run({ delayForCellEdit: true }, write).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(done).toBe(false);
    b.endCellEdit();
    await waiting;
    expect(b.sheet("S").cell(1, 1)?.value).toBe(2);
    expect(host.runOptions).toEqual([undefined, { delayForCellEdit: true }]);
  });

  it("install() makes the global Excel.run this host's", async () => {
    const b = new FakeWorkbook([{ name: "S", values: [[1]] }]);
    const host = new FakeExcelHost(b);
    const put = host.install();
    try {
      const names = await Excel.run(async (c) => {
        const list = c.workbook.worksheets.load("items/name");
        await c.sync();
        return list.items.map((s) => s.name);
      });
      expect(names).toEqual(["S"]);
      expect(host.syncs).toBe(1);
    } finally {
      put();
    }
  });
});

describe("workbook structure protection", () => {
  it("shows in workbook.protection.protected and refuses adding, deleting, moving and hiding sheets", async () => {
    const { book: b, x } = book("A", "B");
    b.structureProtected = true;
    x.workbook.load("protection/protected");
    await x.sync();
    expect(x.workbook.protection.protected).toBe(true);
    const sheets = x.workbook.worksheets;
    const attempts: [string, () => void][] = [
      ["add", () => sheets.add("C")],
      ["delete", () => sheets.getItem("B").delete()],
      ["move", () => (sheets.getItem("B").position = 0)],
      ["hide", () => (sheets.getItem("B").visibility = "Hidden" as Excel.SheetVisibility)],
    ];
    for (const [what, attempt] of attempts) {
      attempt();
      expect([what, await codeOf(x.sync())]).toEqual([what, "AccessDenied"]);
    }
    expect(b.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["A", "Visible"],
      ["B", "Visible"],
    ]);
    // Cells can still be written.
    sheets.getItem("B").getRange("A1").values = [[1]];
    expect(await codeOf(x.sync())).toBeUndefined();
  });
});

describe("sheets", () => {
  it("cannot be activated, nor a range selected on them, while hidden or veryHidden", async () => {
    const { book: b, x } = book("A", "B", "C");
    b.sheet("B").visibility = "Hidden";
    b.sheet("C").visibility = "VeryHidden";
    for (const name of ["B", "C"]) {
      x.workbook.worksheets.getItem(name).activate();
      expect(await codeOf(x.sync())).toBe("InvalidOperation");
      x.workbook.worksheets.getItem(name).getRange("A1").select();
      expect(await codeOf(x.sync())).toBe("InvalidOperation");
    }
    expect(b.activeSheet).toBeUndefined();
  });

  it("are named without regard to case: adding 'Tổng hợp' beside 'TỔNG HỢP' fails with ItemAlreadyExists", async () => {
    const { book: b, x } = book("TỔNG HỢP");
    x.workbook.worksheets.add("Tổng hợp");
    expect(await codeOf(x.sync())).toBe("ItemAlreadyExists");
    const found = x.workbook.worksheets.getItem("tổng hợp").load("name");
    await x.sync();
    expect(found.name).toBe("TỔNG HỢP");
    for (const bad of ["", "a".repeat(32), "a/b", "'x", "x'", "History"]) {
      x.workbook.worksheets.add(bad);
      expect([bad, await codeOf(x.sync())]).toEqual([bad, "InvalidArgument"]);
    }
    expect(b.sheets).toHaveLength(1);
  });
});

describe("frozen panes", () => {
  it("freeze rows on a host with ExcelApi 1.7, and fail with ApiNotFound on one without", async () => {
    const { book: b, x } = book("A");
    x.workbook.worksheets.getItem("A").freezePanes.freezeRows(3);
    await x.sync();
    expect(b.sheet("A").frozenRows).toBe(3);
    restore();
    restore = installRequirementSets(6);
    x.workbook.worksheets.getItem("A").freezePanes.unfreeze();
    expect(await codeOf(x.sync())).toBe("ApiNotFound");
    x.workbook.worksheets.getItem("A").freezePanes.freezeRows(1);
    expect(await codeOf(x.sync())).toBe("ApiNotFound");
    expect(b.sheet("A").frozenRows).toBe(3);
  });
});

describe("cells", () => {
  it("keep a formula entered into a Text-formatted ('@') cell as text", async () => {
    const { book: b, x } = book("S");
    b.sheet("S").put(1, 1, { value: null, numberFormat: "@" });
    const range = x.workbook.worksheets.getItem("S").getRange("A1:A2");
    range.formulas = [["=1+2"], ["=1+2"]];
    await x.sync();
    expect(b.sheet("S").cell(1, 1)).toEqual({ value: "=1+2", numberFormat: "@" });
    expect(b.sheet("S").cell(2, 1)).toEqual({ value: null, formula: "=1+2" });
  });

  it("refuse a formula over 8,192 characters", async () => {
    const { x } = book("S");
    x.workbook.worksheets.getItem("S").getRange("A1").formulas = [["=" + "1+".repeat(4096)]];
    expect(await codeOf(x.sync())).toBe("FormulaLengthExceedsLimit");
  });
});

describe("change events", () => {
  async function writeAndCollect(maxMinor: number): Promise<unknown[]> {
    restore();
    restore = installRequirementSets(maxMinor);
    const { book: b, x } = book("S");
    const seen: unknown[] = [];
    x.workbook.worksheets.onChanged.add(async (e) => void seen.push(e));
    x.workbook.worksheets.onAdded.add(async (e) => void seen.push(e));
    await x.sync();
    x.workbook.worksheets.getItem("S").getRange("B2:C3").values = [
      [1, 2],
      [3, 4],
    ];
    x.workbook.worksheets.add("T");
    await x.sync();
    expect(seen).toEqual([]); // delivered after the sync returned
    await b.deliverEvents();
    await b.userEdits("S", "A1", 5);
    return seen;
  }

  it("fire for the add-in's own writes, after the sync, with triggerSource where ExcelApi 1.14 is supported", async () => {
    const seen = await writeAndCollect(14);
    expect(seen).toEqual([
      expect.objectContaining({ type: "WorksheetAdded" }),
      expect.objectContaining({ address: "B2:C3", triggerSource: "ThisLocalAddin" }),
      expect.objectContaining({ address: "A1", triggerSource: "Unknown" }),
    ]);
  });

  it("carry no triggerSource on hosts before ExcelApi 1.14", async () => {
    const seen = (await writeAndCollect(13)) as Record<string, unknown>[];
    expect(seen).toHaveLength(3);
    expect(seen.some((e) => "triggerSource" in e)).toBe(false);
  });
});

describe("calculation", () => {
  it("application.calculate is one call for every open workbook; worksheet.calculate names its sheet", async () => {
    const { book: b, x } = book("A", "B");
    x.application.calculate("Full" as Excel.CalculationType);
    x.workbook.worksheets.getItem("B").calculate(true);
    await x.sync();
    expect(b.calculations).toEqual([
      { scope: "application", type: "Full" },
      { scope: "worksheet", sheet: "B", markAllDirty: true },
    ]);
  });
});

describe("payload sizes", () => {
  it("are counted as the UTF-8 length of the JSON sent, without building it", () => {
    const samples: unknown[] = [
      null,
      0,
      -1.5e-7,
      1e21,
      NaN,
      true,
      "",
      'Tổng hợp "x" \\ \n\t\u0001 😀',
      [1, undefined, "a", null, [[]]],
      { a: 1, b: undefined, 'k"ey': ["x", { c: false }], d: () => 1 },
      [{ toJSON: () => "j" }],
      "\ud800x",
    ];
    for (const s of samples)
      expect([s, bytesOf(s)]).toEqual([s, Buffer.byteLength(JSON.stringify(s ?? null), "utf8")]);
  });
});

describe("APIs a test tells the fake this host lacks, the active sheet and sheet ids", () => {
  it("a refused API fails at its sync with its code (ApiNotFound by default); the calls before it stay done", async () => {
    const { book: b, x } = book("S");
    b.refuse("charts.add");
    const ws = x.workbook.worksheets.getItem("S");
    ws.getRange("A1").values = [[1]];
    ws.charts.add(
      "BarClustered" as Excel.ChartType,
      ws.getRange("A1"),
      "Columns" as Excel.ChartSeriesBy
    );
    ws.getRange("A2").values = [[2]];
    expect(await codeOf(x.sync())).toBe("ApiNotFound");
    expect(b.sheet("S").contents()).toEqual({ A1: "1" });
    b.refuse("worksheet.activate", "GeneralException");
    x.workbook.worksheets.getItem("S").activate();
    expect(await codeOf(x.sync())).toBe("GeneralException");
  });

  it("getActiveWorksheet gives the sheet last activated, else the first visible one; ids stay with their sheet", async () => {
    const { book: b, x } = book("A", "B");
    b.sheet("A").visibility = "Hidden";
    const first = x.workbook.worksheets.getActiveWorksheet().load("name, id");
    await x.sync();
    expect(first.name).toBe("B");
    expect(first.id).toBe(b.sheet("B").id);
    x.workbook.worksheets.getItem("B").getRange("A1").select();
    b.sheet("A").visibility = "Visible";
    x.workbook.worksheets.getItem("A").activate();
    const active = x.workbook.worksheets.getActiveWorksheet().load("name");
    await x.sync();
    expect(active.name).toBe("A");
  });
});
