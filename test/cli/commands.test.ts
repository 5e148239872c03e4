import ExcelJS from "exceljs";
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { SNAPSHOT_SHEET } from "../../src/core/snapshot/snapshot";
import { SAMPLE, SAMPLE_CRITERIA, cchc, expectPlainStderr, sha256, tempDir } from "../support/cli";
import { workbookState } from "../support/workbookState";
import { DOMParser, XMLSerializer } from "@xmldom/xmldom";
import { errorLine } from "../../src/core/errors/domainError";
import { editPart, sheetPart } from "../support/badInputs";
import { snapshotOf } from "../support/undoData";

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Everything a run could duplicate, counted. */
async function footprint(file: string) {
  const wb = await load(file);
  return wb.worksheets.map((ws) => {
    const cfs = (ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings.length;
    const dvs = Object.keys((ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model).length;
    let formulas = 0;
    let cells = 0;
    ws.eachRow((row) =>
      row.eachCell((c) => {
        cells++;
        if (c.formula) formulas++;
      }),
    );
    return { name: ws.name, cfs, dvs, formulas, cells, rows: ws.rowCount };
  });
}

describe("cchc score", () => {
  test("writes formulas, highlights and the summary to a new file; the input is unchanged", async () => {
    const dir = tempDir();
    const out = path.join(dir, "scored.xlsx");
    const before = sha256(SAMPLE);
    const r = await cchc("score", SAMPLE, "--out", out);
    expect(r.code).toBe(1);
    expect(sha256(SAMPLE)).toBe(before);
    const wb = await load(out);
    expect(wb.worksheets.map((w) => w.name)).toContain("Tổng hợp");
    const an = wb.getWorksheet("An Bình")!;
    const field1 = an.getCell("E5");
    expect(an.getCell("A5").value).toBe("1");
    expect(field1.formula).toMatch(/^SUM\(/);
    const cf = (an as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings;
    expect(cf.length).toBeGreaterThanOrEqual(2);
    expect(r.stderr).toContain("Bình Minh!E34"); // the typed subtotal replaced by a formula is named
  });

  test("a run on its own output gives the same workbook (idempotent)", async () => {
    const dir = tempDir();
    const once = path.join(dir, "once.xlsx");
    const twice = path.join(dir, "twice.xlsx");
    await cchc("score", SAMPLE, "--out", once);
    await cchc("score", once, "--out", twice);
    // The undo snapshot records each run, so it differs; there is still exactly one.
    const withoutSnapshot = async (f: string) => (await footprint(f)).filter((s) => s.name !== SNAPSHOT_SHEET);
    expect(await withoutSnapshot(twice)).toEqual(await withoutSnapshot(once));
    expect(await workbookState(readFileSync(twice))).toEqual(await workbookState(readFileSync(once)));
    expect((await footprint(twice)).filter((s) => s.name === SNAPSHOT_SHEET)).toHaveLength(1);
  });

  test("refuses --out equal to the input unless --in-place, which replaces it whole", async () => {
    const dir = tempDir();
    const copy = path.join(dir, "copy.xlsx");
    copyFileSync(SAMPLE, copy);
    const before = sha256(copy);
    const refused = await cchc("score", copy, "--out", copy);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("--in-place");
    expect(sha256(copy)).toBe(before);
    const done = await cchc("score", copy, "--out", copy, "--in-place");
    expect(done.code).toBe(1);
    expect(sha256(copy)).not.toBe(before);
    expect((await load(copy)).getWorksheet("Tổng hợp")).toBeDefined();
  });

  test("a protected unit sheet: says so and writes nothing", async () => {
    const dir = tempDir();
    const prot = path.join(dir, "protected.xlsx");
    const wb = await load(SAMPLE);
    await wb.getWorksheet("Cẩm Hà")!.protect("", {});
    await wb.xlsx.writeFile(prot);
    const out = path.join(dir, "out.xlsx");
    const r = await cchc("score", prot, "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Cẩm Hà");
    expect(existsSync(out)).toBe(false);
    expectPlainStderr(r.stderr);
  });
});

describe("cchc revert", () => {
  test("undoes score: the workbook as it was, the snapshot gone; a second revert has nothing to undo", async () => {
    const dir = tempDir();
    const scored = path.join(dir, "scored.xlsx");
    const back = path.join(dir, "back.xlsx");
    await cchc("score", SAMPLE, "--out", scored);
    const before = sha256(scored);
    const r = await cchc("revert", scored, "--out", back);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Đã hoàn tác lần chạy lúc .*: trả lại \d+ ô; bỏ trang Tổng hợp/);
    expect(sha256(scored)).toBe(before);
    expect(await workbookState(readFileSync(back), true)).toEqual(await workbookState(readFileSync(SAMPLE), true));
    const again = await cchc("revert", back, "--out", path.join(dir, "again.xlsx"), "--lang", "en");
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`cchc: ${back}: there is no run to undo (the workbook holds no undo data from cchc or the add-in)\n`);
    expect(existsSync(path.join(dir, "again.xlsx"))).toBe(false);
  });

  test("--out equal to the input is refused without --in-place; with it the file is replaced whole", async () => {
    const dir = tempDir();
    const file = path.join(dir, "scored.xlsx");
    await cchc("score", SAMPLE, "--out", file);
    const before = sha256(file);
    const refused = await cchc("revert", file, "--out", file);
    expect(refused.code).toBe(2);
    expect(sha256(file)).toBe(before);
    const done = await cchc("revert", file, "--out", file, "--in-place");
    expect(done.code).toBe(0);
    expect(await workbookState(readFileSync(file), true)).toEqual(await workbookState(readFileSync(SAMPLE), true));
  });

  test("a protected sheet: says so, writes nothing", async () => {
    const dir = tempDir();
    const scored = path.join(dir, "scored.xlsx");
    await cchc("score", SAMPLE, "--out", scored);
    const wb = await load(scored);
    await wb.getWorksheet("An Bình")!.protect("", {});
    await wb.xlsx.writeFile(scored);
    const out = path.join(dir, "out.xlsx");
    const r = await cchc("revert", scored, "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("An Bình");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
    expectPlainStderr(r.stderr);
  });
});

/** The .xlsx with one cell of a sheet set to a number, as a person typing over it would leave it. */
async function withNumberTyped(file: string, sheet: string, cell: string, n: number): Promise<void> {
  const bytes = readFileSync(file);
  const part = await sheetPart(bytes, sheet);
  writeFileSync(
    file,
    await editPart(bytes, part, (xml) => {
      const doc = new DOMParser().parseFromString(xml, "text/xml");
      const cs = doc.getElementsByTagName("c");
      let found = 0;
      for (let i = 0; i < cs.length; i++)
        if (cs[i].getAttribute("r") === cell) {
          const c = cs[i];
          while (c.firstChild) c.removeChild(c.firstChild);
          c.removeAttribute("t");
          const v = doc.createElementNS(c.namespaceURI, "v");
          v.appendChild(doc.createTextNode(String(n)));
          c.appendChild(v);
          found++;
        }
      if (found !== 1) throw new Error(`${sheet}!${cell} not in ${part}`);
      return new XMLSerializer().serializeToString(doc);
    }),
  );
}

describe("cchc revert after the person edited the scored workbook", () => {
  /** A formula cell the run wrote on the first unit sheet, from the run's own record. */
  async function aWrittenFormula(scored: string) {
    const snapshot = (await snapshotOf(new Uint8Array(readFileSync(scored))))!;
    for (const b of snapshot.written!)
      for (const [i, c] of b.cells.entries())
        if (c !== null && typeof c === "object" && "f" in c) return { sheet: b.sheet, cell: `${String.fromCharCode(64 + b.col)}${b.top + i}`, formula: c.f };
    throw new Error("the run wrote no formula");
  }

  /** Workbook state without one cell, to compare everything else. */
  async function stateWithout(bytes: Buffer, sheet: string, cell: string) {
    const state = (await workbookState(bytes)) as { name: string; cells: Record<string, unknown> }[];
    delete state.find((s) => s.name === sheet)!.cells[cell];
    return state;
  }

  test("a cell typed over since the run: listed (sheet, cell, what the run wrote, what is there now), nothing written, exit 2", async () => {
    const dir = tempDir();
    const scored = path.join(dir, "scored.xlsx");
    expect((await cchc("score", SAMPLE, "--out", scored)).code).toBe(1);
    const { sheet, cell, formula } = await aWrittenFormula(scored);
    await withNumberTyped(scored, sheet, cell, 7);
    const before = sha256(scored);
    const out = path.join(dir, "back.xlsx");
    const r = await cchc("revert", scored, "--out", out, "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `cchc: ${scored}: '${sheet}'!${cell}: the run wrote ${JSON.stringify("=" + formula)}, now "7"\n` +
        `cchc: ${scored}: ${errorLine("revert-conflicts", { count: 1 }, "en")}\n`,
    );
    expect(r.stdout).toBe("");
    expect(existsSync(out)).toBe(false);
    expect(sha256(scored)).toBe(before);
    expectPlainStderr(r.stderr);
  });

  test("--skip-conflicts: restores everything else, leaves the edited cell as the person typed it and lists it", async () => {
    const dir = tempDir();
    const scored = path.join(dir, "scored.xlsx");
    await cchc("score", SAMPLE, "--out", scored);
    const { sheet, cell } = await aWrittenFormula(scored);
    await withNumberTyped(scored, sheet, cell, 7);
    const out = path.join(dir, "back.xlsx");
    const r = await cchc("revert", scored, "--out", out, "--skip-conflicts");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain(`Để nguyên (đã bị sửa sau lần chạy):\n  '${sheet}'!${cell}: lần chạy đã ghi `);
    const back = await load(out);
    expect(back.getWorksheet(sheet)!.getCell(cell).value).toBe(7);
    expect(back.getWorksheet(SNAPSHOT_SHEET)).toBeUndefined();
    expect(await stateWithout(readFileSync(out), sheet, cell)).toEqual(await stateWithout(readFileSync(SAMPLE), sheet, cell));
  });
});

describe("cchc template", () => {
  test("a blank workbook per unit: criteria sheet, formulas, validation; unit names stay text", async () => {
    const dir = tempDir();
    const out = path.join(dir, "blank.xlsx");
    const r = await cchc("template", "--criteria", SAMPLE_CRITERIA, "--units", 'Xã A;=1+2;=HYPERLINK("http://x","y")', "--out", out);
    expect(r.code).toBe(0);
    const wb = await load(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Bộ tiêu chí", "Xã A", "=1+2", '=HYPERLINK("http   x","y")', "Tổng hợp", "cchc_du_lieu"]);
    const unit = wb.getWorksheet("=1+2")!;
    expect(unit.getCell("A2").value).toBe("Đơn vị: =1+2");
    const names = [] as unknown[];
    wb.getWorksheet("Tổng hợp")!.getColumn(2).eachCell((c) => names.push(c.value));
    expect(names).toEqual(expect.arrayContaining(["=1+2", '=HYPERLINK("http://x","y")']));
    wb.getWorksheet("Tổng hợp")!.getColumn(2).eachCell((c) => expect(c.formula).toBeUndefined());
    const dv = unit.getCell("E7").dataValidation;
    expect(dv?.type).toBe("list");
    const check = await cchc("check", out, "--json");
    const report = JSON.parse(check.stdout);
    expect(report.units.map((u: { name: string }) => u.name)).toEqual(["Xã A", "=1+2", '=HYPERLINK("http://x","y")']);
    expect(report.counts.error).toBe(0);
  });
});

describe("cchc criteria", () => {
  test("JSON → sheet → JSON gives the same set", async () => {
    const dir = tempDir();
    const sheet = path.join(dir, "set.xlsx");
    const back = path.join(dir, "set.criteria.json");
    expect((await cchc("criteria", SAMPLE_CRITERIA, "--out", sheet)).code).toBe(0);
    expect((await cchc("criteria", sheet, "--out", back)).code).toBe(0);
    const again = path.join(dir, "again.criteria.json");
    expect((await cchc("criteria", back, "--out", again)).code).toBe(0);
    expect(readFileSync(again, "utf8")).toBe(readFileSync(back, "utf8"));
    expect(JSON.parse(readFileSync(back, "utf8")).nodes.length).toBe(8);
  });

  test("a refused set: exit 2, one line per problem with its path, nothing written", async () => {
    const dir = tempDir();
    const bad = path.join(dir, "bad.criteria.json");
    const set = JSON.parse(readFileSync(SAMPLE_CRITERIA, "utf8"));
    set.nodes[0].children[1].max = 0;
    set.nodes[1].code = "1";
    set.extra = true;
    writeFileSync(bad, JSON.stringify(set));
    const out = path.join(dir, "out.xlsx");
    const r = await cchc("criteria", bad, "--out", out);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split("\n");
    expect(lines.length).toBeGreaterThanOrEqual(4);
    expect(lines.every((l) => l.startsWith(`cchc: ${bad}:`))).toBe(true);
    expect(r.stderr).toContain("extra");
    expect(existsSync(out)).toBe(false);
  });
});

describe("cchc summary", () => {
  test("units of several files ranked together; JSON report; summary workbook", async () => {
    const dir = tempDir();
    const other = path.join(dir, "khac.xlsx");
    const tmpl = await cchc("template", "--criteria", SAMPLE_CRITERIA, "--units", "Xã Mới", "--out", other);
    expect(tmpl.code).toBe(0);
    const out = path.join(dir, "tong-hop.xlsx");
    const r = await cchc("summary", SAMPLE, other, "--out", out, "--json");
    expect([0, 1]).toContain(r.code);
    const report = JSON.parse(r.stdout);
    expect(report.units).toHaveLength(6);
    expect(report.units.find((u: { name: string }) => u.name === "Xã Mới").rank).toBe(6);
    expect(report.units.map((u: { file: string }) => u.file)).toContain("khac.xlsx");
    const wb = await load(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Tổng hợp"]);
  });
});

describe("arguments", () => {
  test.each([
    [["frobnicate"], "lệnh không có"],
    [["check"], "ít nhất một tệp"],
    [["score", SAMPLE], "--out"],
    [["check", SAMPLE, "--bogus"], "--bogus"],
    [["check", SAMPLE, "--lang", "fr"], "--lang"],
    [["template", "--criteria", SAMPLE_CRITERIA, "--out", "x.xlsx"], "--units"],
  ])("%j → exit 2 with a plain line", async (args, text) => {
    const r = await cchc(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(text);
    expect(r.stdout).toBe("");
    expectPlainStderr(r.stderr);
  });
});
