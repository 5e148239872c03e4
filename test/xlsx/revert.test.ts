import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import { indexSet, IndexedSet } from "../../src/core/criteria/indexed";
import { parseCriteriaJson } from "../../src/core/criteria/validate";
import { DomainError } from "../../src/core/errors/domainError";
import { SNAPSHOT_SHEET } from "../../src/core/snapshot/snapshot";
import { loadWorkbookBytes } from "../../src/xlsx/loadWorkbook";
import { readWorkbook } from "../../src/xlsx/readWorkbook";
import { revertXlsx } from "./useCases";
import { scoreXlsx } from "./useCases";
import { SAMPLE, SAMPLE_CRITERIA } from "../support/cli";
import { snapshotOf, withSnapshot, withStoredJson, storedJson } from "../support/undoData";
import { workbookState } from "../support/workbookState";

/** Undo on the .xlsx adapter: the snapshot `score` keeps in its output, and `revertXlsx`. */

function sampleSet(): IndexedSet {
  const r = parseCriteriaJson(readFileSync(SAMPLE_CRITERIA, "utf8"));
  if (!r.ok) throw new Error("sample criteria refused");
  return indexSet(r.set);
}

async function load(bytes: Buffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as never);
  return wb;
}

async function save(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function readOf(bytes: Buffer | Uint8Array) {
  return readWorkbook(await loadWorkbookBytes(new Uint8Array(bytes), { readOnly: true }));
}

async function score(bytes: Buffer | Uint8Array, set = sampleSet()): Promise<Uint8Array> {
  return (await scoreXlsx(new Uint8Array(bytes), await readOf(bytes), set)).bytes;
}

async function revertDone(bytes: Buffer | Uint8Array) {
  const done = await revertXlsx(new Uint8Array(bytes), await readOf(bytes));
  if (!done.bytes) throw new Error(`conflicts: ${JSON.stringify(done.conflicts)}`);
  return done;
}

async function revert(bytes: Buffer | Uint8Array): Promise<Uint8Array> {
  return (await revertDone(bytes)).bytes!;
}

/**
 * The sample as a real office has it: every cell of the unit sheets bordered, italic and filled (one shared
 * style), a rule and a validation of the user's own, and text that looks like a formula in a cell the run
 * overwrites.
 */
async function decoratedSample(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  for (const ws of wb.worksheets) {
    if (ws.name === "Bộ tiêu chí" || ws.name === "Hướng dẫn") continue;
    ws.eachRow((row) =>
      row.eachCell({ includeEmpty: true }, (c) => {
        c.style = {
          border: { top: { style: "thin" } },
          font: { italic: true },
          fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } },
        };
      })
    );
  }
  const an = wb.getWorksheet("An Bình")!;
  an.addConditionalFormatting({
    ref: "C5:C40",
    rules: [
      {
        type: "expression",
        priority: 1,
        formulae: ["C5>10"],
        style: { font: { color: { argb: "FF0000FF" } } },
      },
    ],
  });
  an.getCell("E7").dataValidation = {
    type: "list",
    allowBlank: true,
    formulae: ['"0,0.5,1"'],
    showErrorMessage: true,
    error: "Chọn 0, 0,5 hoặc 1",
  };
  an.getCell("E5").value = "=1+2"; // text, typed where the field subtotal formula goes
  return save(wb);
}

describe("undo on the .xlsx adapter", () => {
  let original: Buffer;
  let once: Uint8Array;
  beforeAll(async () => {
    original = await decoratedSample();
    once = await score(original);
  });

  it("score keeps a snapshot on a veryHidden sheet", async () => {
    const wb = await load(once);
    expect(wb.getWorksheet(SNAPSHOT_SHEET)?.state).toBe("veryHidden");
    expect(wb.getWorksheet("An Bình")!.getCell("E5").formula).toMatch(/^SUM\(/);
  });

  it("revert gives back the workbook as it was: cells, styles, rules, validations, sheets", async () => {
    const back = await revert(once);
    expect(await workbookState(Buffer.from(back), true)).toEqual(
      await workbookState(original, true)
    );
  });

  it("text that looks like a formula comes back as text", async () => {
    const cell = (await load(await revert(once))).getWorksheet("An Bình")!.getCell("E5");
    expect(cell.value).toBe("=1+2");
    expect(cell.formula).toBeUndefined();
  });

  it("score twice, revert once: the first run's workbook, summary sheet and rules included", async () => {
    const twice = await score(once);
    const back = await revert(twice);
    expect(await workbookState(Buffer.from(back))).toEqual(await workbookState(Buffer.from(once)));
    expect((await load(back)).getWorksheet(SNAPSHOT_SHEET)).toBeUndefined();
  });

  it("styling a label does not restyle the cells that shared its style", async () => {
    const before = await workbookState(original);
    const after = await workbookState(once);
    const an = (s: typeof before) =>
      s.find((x) => x.name === "An Bình")!.cells as Record<
        string,
        { style: { bold: boolean; italic: boolean } }
      >;
    const bold = Object.keys(an(after)).filter((k) => an(after)[k].style.bold);
    expect(bold.length).toBe(3); // the total and index labels, and the index itself
    const italic = Object.keys(an(before)).filter((k) => an(before)[k].style.italic);
    expect(italic.length).toBeGreaterThan(100);
    expect(italic.filter((k) => !an(after)[k]?.style.italic)).toEqual([]);
  });

  it("a workbook with no snapshot: nothing to revert", async () => {
    await expect(revertXlsx(new Uint8Array(original), await readOf(original))).rejects.toThrow(
      expect.objectContaining({ code: "nothing-to-revert" })
    );
  });

  it("a damaged snapshot is refused before anything is changed", async () => {
    const json = (await storedJson(once)) as { createdAt: unknown };
    const damaged = await withStoredJson(once, { ...json, createdAt: 5 });
    await expect(revertXlsx(damaged, await readOf(damaged))).rejects.toThrow(DomainError);
    await expect(revertXlsx(damaged, await readOf(damaged))).rejects.toThrow(
      expect.objectContaining({ code: "snapshot-unreadable", params: { reason: "format" } })
    );
  });

  it("a hand-edited snapshot naming a sheet twice, or itself, still undoes each thing once", async () => {
    const snapshot = (await snapshotOf(once))!;
    snapshot.addedSheets.push(...snapshot.addedSheets, SNAPSHOT_SHEET);
    const edited = await withSnapshot(once, snapshot);
    const done = await revertDone(edited);
    expect(done.result!.removedSheets).toEqual(["Tổng hợp", "cchc_du_lieu"]);
    expect(await workbookState(Buffer.from(done.bytes!), true)).toEqual(
      await workbookState(original, true)
    );
  });

  it("a protected sheet the undo would write to: refused, nothing changed", async () => {
    const book = await load(once);
    await book.getWorksheet("Cẩm Hà")!.protect("", {});
    const locked = new Uint8Array(await save(book));
    await expect(revertXlsx(locked, await readOf(locked))).rejects.toThrow(
      expect.objectContaining({ code: "sheet-protected", params: { sheets: "Cẩm Hà", count: 1 } })
    );
  });

  it("text from the workbook is written as text: a unit or criterion named like a formula stays text", async () => {
    const wb = await load(original);
    wb.getWorksheet("An Bình")!.name = '=HYPERLINK("x","y")';
    wb.getWorksheet('=HYPERLINK("x","y")')!.getCell("A2").value =
      'Đơn vị: =HYPERLINK("http://evil.invalid","bấm")';
    const r = parseCriteriaJson(readFileSync(SAMPLE_CRITERIA, "utf8"));
    if (!r.ok) throw new Error("sample criteria refused");
    const leaf = (function find(nodes: { name: string; children?: unknown[] }[]): { name: string } {
      for (const n of nodes) if (!n.children?.length) return n;
      return find(nodes[0].children as never);
    })(r.set.nodes as never);
    leaf.name = "=cmd|' /C calc'!A0";
    const out = await load(await score(await save(wb), indexSet(r.set)));
    const texts: string[] = [];
    for (const ws of out.worksheets)
      ws.eachRow((row) =>
        row.eachCell((c) => {
          // Our formulas name the sheet, quoted ('=HYPERLINK("x","y")'!G5): that is a reference, not code.
          if (c.formula)
            expect(c.formula.replace(/'(?:[^']|'')*'!/g, "")).not.toMatch(/HYPERLINK|cmd|1\+2/);
          else if (typeof c.value === "string") texts.push(c.value);
        })
      );
    expect(texts).toEqual(
      expect.arrayContaining([expect.stringContaining('=HYPERLINK("http://evil.invalid","bấm")')])
    );
    const summary = out.getWorksheet("Tổng hợp")!;
    const summaryTexts: unknown[] = [];
    summary.eachRow((row) => row.eachCell((c) => summaryTexts.push(c.value)));
    expect(summaryTexts.some((v) => typeof v === "string" && v.includes("HYPERLINK"))).toBe(true);
  });

  it("a check of a scored workbook ignores the snapshot sheet", async () => {
    const book = await load(once);
    const grid = readWorkbook(book).sheets.find((s) => s.name === SNAPSHOT_SHEET)!;
    expect(grid.values).toEqual([]);
    expect(grid.visibility).toBe("veryHidden");
  });
});
