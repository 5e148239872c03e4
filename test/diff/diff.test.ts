import { writeFileSync } from "fs";
import * as path from "path";
import { IndexedSet } from "../../src/core/criteria/indexed";
import { CellValue } from "../../src/core/port";
import { a1 } from "../../src/core/sheet/address";
import { cchc, expectPlainStderr, tempDir } from "../support/cli";
import { mulberry32, pick } from "../support/random";
import { fixtureSet } from "../support/sample";
import { BuiltSheet, toXlsx, unitSheet, UnitSpec } from "../support/workbookBuilder";

/**
 * `cchc diff` against an oracle that knows nothing of the diff's reading: two versions of generated unit sheets,
 * the second with random edits in the cells the contract names; every cell whose value differs between the two
 * grids, at a criterion's row, is a change, and nothing else is.
 */

const set: IndexedSet = fixtureSet();
const dir = tempDir();

/** Builder column key → the contract's column (and round). */
const CONTRACT_COLUMN: Record<string, { column: string; round?: number }> = {
  self: { column: "self" },
  appraised: { column: "appraised" },
  appraised1: { column: "appraised", round: 1 },
  appraised2: { column: "appraised", round: 2 },
  ratio: { column: "ratio" },
  evidence: { column: "evidence" },
  explain: { column: "note" },
  note: { column: "note" },
};

const SPECS: UnitSpec[] = [
  { sheet: "An Bình", unitName: "UBND xã An Bình", appraisalRounds: 2, bonus: 0.5 },
  { sheet: "Bình Minh", unitName: "UBND xã Bình Minh", appraisalRounds: 1, leaves: { "7.1": { self: 3.5, appraised: [2], note: "Tỷ lệ 85%" } } },
  { sheet: "Cẩm Hà", unitName: "UBND xã Cẩm Hà", appraisalRounds: 0 },
];

interface Expected {
  sheet: string;
  criterion: string;
  column: string;
  round?: number;
  cell: string;
  before: unknown;
  after: unknown;
}

function copy(s: BuiltSheet): BuiltSheet {
  return { ...s, values: s.values.map((r) => [...r]) };
}

function get(s: BuiltSheet, row: number, col: number): CellValue {
  return s.values[row - 1]?.[col - 1] ?? null;
}

function set_(s: BuiltSheet, row: number, col: number, v: CellValue): void {
  const r = s.values[row - 1];
  while (r.length < col) r.push(null);
  r[col - 1] = v;
}

/** Random edits: on leaves any contract column; on parents only evidence and notes (their scores are sums). */
function edit(base: BuiltSheet, seed: number, count: number): BuiltSheet {
  const r = mulberry32(seed);
  const out = copy(base);
  const scoreKeys = Object.keys(CONTRACT_COLUMN).filter((k) => base.columns[k] !== undefined);
  for (let i = 0; i < count; i++) {
    const node = pick(r, set.nodes);
    const row = base.rowOf.get(node.code)!;
    const keys = node.isLeaf ? scoreKeys : scoreKeys.filter((k) => ["evidence", "explain", "note"].includes(k));
    const key = pick(r, keys);
    const col = base.columns[key];
    const was = get(out, row, col);
    const next: CellValue =
      key === "evidence" || key === "note" || key === "explain"
        ? pick(r, [null, `Văn bản số ${seed}-${i}`, "Đã bổ sung"])
        : key === "ratio"
          ? pick(r, [null, 0.9, 0.75, "80%"])
          : pick(r, [null, 0, 0.5, node.innerMax, "KĐG", "1,5"]);
    if (next !== was) set_(out, row, col, next);
  }
  return out;
}

/** The oracle: every differing cell of a node row in a contract column. */
function expectedChanges(before: BuiltSheet, after: BuiltSheet, unit: string): Expected[] {
  const out: Expected[] = [];
  const norm = (v: CellValue) => (v === undefined ? null : v);
  for (const node of set.nodes) {
    const row = after.rowOf.get(node.code)!;
    for (const [key, c] of Object.entries(CONTRACT_COLUMN)) {
      const col = after.columns[key];
      if (col === undefined) continue;
      const b = norm(get(before, row, col));
      const a = norm(get(after, row, col));
      if (b === a) continue;
      out.push({ sheet: after.name, criterion: node.code, column: c.column, ...(c.round ? { round: c.round } : {}), cell: a1(row, col), before: b, after: a, unit } as Expected);
    }
  }
  return out;
}

const key = (c: Expected) => `${c.sheet}|${c.criterion}|${c.column}|${c.round ?? ""}|${c.cell}`;
const sorted = (xs: Expected[]) => [...xs].sort((x, y) => key(x).localeCompare(key(y)));

async function write(name: string, sheets: BuiltSheet[]): Promise<string> {
  const file = path.join(dir, name);
  writeFileSync(file, await toXlsx(sheets, set));
  return file;
}

describe("cchc diff finds exactly the cells changed", () => {
  const bases = SPECS.map((s) => unitSheet(set, s));

  test.each([1, 2, 3, 4, 5])("seed %i: random edits in scores, each appraisal round, ratio, evidence and notes", async (seed) => {
    const edited = bases.map((b, i) => edit(b, seed * 10 + i, 12));
    const oldFile = await write(`old-${seed}.xlsx`, bases);
    const newFile = await write(`new-${seed}.xlsx`, edited);
    const expected = bases.flatMap((b, i) => expectedChanges(b, edited[i], SPECS[i].unitName!));
    expect(expected.length).toBeGreaterThan(10);

    const r = await cchc("diff", oldFile, newFile, "--json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.tool.name).toBe("cchc");
    expect(sorted(report.changes)).toEqual(sorted(expected));
    expect(report.unitsOnlyBefore).toEqual([]);
    expect(report.unitsOnlyAfter).toEqual([]);
    expect(report.criteriaOnlyBefore).toEqual([]);
    expect(report.criteriaOnlyAfter).toEqual([]);

    // Each unit's figures before and after are what `cchc check` computes for that version.
    const checkOld = JSON.parse((await cchc("check", oldFile, "--json")).stdout);
    const checkNew = JSON.parse((await cchc("check", newFile, "--json")).stdout);
    const figures = (u: { self: number; appraised: number | null; index: number }) => ({ self: u.self, appraised: u.appraised, index: u.index });
    expect(report.units).toEqual(
      checkNew.units.map((u: { sheet: string; name: string; self: number; appraised: number | null; index: number }, i: number) => ({
        sheet: u.sheet,
        name: u.name,
        before: figures(checkOld.units[i]),
        after: figures(u),
      }))
    );
  });

  test("the second appraisal round filled in: only round 2 cells, each with its round", async () => {
    const round2 = copy(bases[0]);
    const col = bases[0].columns.appraised2;
    const leaves = set.leaves.slice(0, 4);
    for (const l of leaves) set_(round2, bases[0].rowOf.get(l.code)!, col, l.innerMax);
    const r = await cchc("diff", await write("r1.xlsx", [bases[0]]), await write("r2.xlsx", [round2]), "--json");
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.changes).toEqual(
      leaves.map((l) => ({ sheet: "An Bình", unit: "UBND xã An Bình", criterion: l.code, column: "appraised", round: 2, cell: a1(bases[0].rowOf.get(l.code)!, col), before: null, after: l.innerMax }))
    );
  });

  test("one appraisal column: changes carry no round", async () => {
    const changed = copy(bases[1]);
    const row = bases[1].rowOf.get("7.1")!;
    set_(changed, row, bases[1].columns.appraised, 3);
    const r = await cchc("diff", await write("a1.xlsx", [bases[1]]), await write("a2.xlsx", [changed]), "--json");
    expect(JSON.parse(r.stdout).changes).toEqual([{ sheet: "Bình Minh", unit: "UBND xã Bình Minh", criterion: "7.1", column: "appraised", cell: a1(row, bases[1].columns.appraised), before: 2, after: 3 }]);
  });

  test("the same workbook written twice: nothing changed, exit 0, every unit's figures equal", async () => {
    const a = await write("same-a.xlsx", bases);
    const b = await write("same-b.xlsx", bases.map((s) => unitSheet(set, SPECS[bases.indexOf(s)])));
    const r = await cchc("diff", a, b, "--json");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.changes).toEqual([]);
    expect(report.units).toHaveLength(3);
    for (const u of report.units) expect(u.after).toEqual(u.before);
    const text = await cchc("diff", a, b, "--lang", "en");
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("Nothing changed.");
    expect((await cchc("diff", a, b)).stdout).toContain("Không có thay đổi nào.");
  });

  test("units and criteria in one version only are listed, and count as a change", async () => {
    const old = [bases[0], bases[1]];
    const omitted = unitSheet(set, { ...SPECS[0], omit: ["7.6"] });
    const now = [omitted, bases[2]];
    const r = await cchc("diff", await write("u-old.xlsx", old), await write("u-new.xlsx", now), "--json");
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.unitsOnlyBefore.map((u: { sheet: string }) => u.sheet)).toEqual(["Bình Minh"]);
    expect(report.unitsOnlyAfter.map((u: { sheet: string }) => u.sheet)).toEqual(["Cẩm Hà"]);
    expect(report.criteriaOnlyBefore).toEqual([{ sheet: "An Bình", unit: "UBND xã An Bình", criterion: "7.6", cell: a1(bases[0].rowOf.get("7.6")!, 1) }]);
    expect(report.criteriaOnlyAfter).toEqual([]);
    // The rows below the omitted one moved up: their cells are matched by code, not by address, so unchanged.
    expect(report.changes).toEqual([]);
    const text = await cchc("diff", path.join(dir, "u-old.xlsx"), path.join(dir, "u-new.xlsx"));
    expect(text.stdout).toContain("Đơn vị chỉ có ở bản cũ");
    expect(text.stdout).toContain("tiêu chí chỉ có ở bản cũ: 7.6");
  });

  test("text output names the unit, the criterion, the column, the cell and both values, vi and en", async () => {
    const changed = copy(bases[0]);
    const row = bases[0].rowOf.get("1.2")!;
    set_(changed, row, bases[0].columns.self, 0.5);
    const [a, b] = [await write("t-old.xlsx", [bases[0]]), await write("t-new.xlsx", [changed])];
    const vi = await cchc("diff", a, b);
    expect(vi.code).toBe(1);
    const was = get(bases[0], row, bases[0].columns.self) as number;
    expect(vi.stdout).toContain(`Tiêu chí 1.2, Điểm tự chấm, ${a1(row, bases[0].columns.self)}: ${String(was).replace(".", ",")} → 0,5`);
    expect(vi.stdout).toMatch(/Tự chấm [\d,]+ → [\d,]+; Thẩm định [\d,]+ \(không đổi\)/);
    const en = await cchc("diff", a, b, "--lang", "en");
    expect(en.stdout).toContain(`Criterion 1.2, Self-score, ${a1(row, bases[0].columns.self)}: ${was} → 0.5`);
    expect(en.stdout).toContain("In all: 1 changed cell in 1 unit.");
  });
});

describe("cchc diff: could not compare → exit 2, one plain line naming the file", () => {
  test("a missing file", async () => {
    const ok = await write("ok.xlsx", [unitSheet(set, SPECS[0])]);
    const r = await cchc("diff", ok, path.join(dir, "missing.xlsx"));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toEqual([`cchc: ${path.join(dir, "missing.xlsx")}: không tìm thấy tệp`]);
  });

  test("two bad files: a line for each", async () => {
    const bad = path.join(dir, "bad.xlsx");
    writeFileSync(bad, "not a workbook");
    const r = await cchc("diff", bad, path.join(dir, "missing.xlsx"), "--lang", "en");
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^cchc: ${bad.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: `));
    expect(lines[1]).toContain("missing.xlsx: file not found");
    expectPlainStderr(r.stderr);
  });

  test("a workbook without unit sheets", async () => {
    const ok = await write("ok2.xlsx", [unitSheet(set, SPECS[0])]);
    const empty = path.join(dir, "empty.xlsx");
    writeFileSync(empty, await toXlsx([{ name: "Ghi chú", values: [["chỉ có ghi chú"]] }], set));
    const r = await cchc("diff", ok, empty);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`cchc: ${empty}: sổ tính không có trang chấm điểm nào của đơn vị để so sánh`);
  });

  test("no criteria set in either file nor --criteria", async () => {
    const a = path.join(dir, "nocrit-a.xlsx");
    writeFileSync(a, await toXlsx([unitSheet(set, SPECS[0])]));
    const r = await cchc("diff", a, a);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cchc: ${a}: không có bộ tiêu chí`);
  });

  test("one file or three: a usage line", async () => {
    for (const args of [["diff", "a.xlsx"], ["diff", "a.xlsx", "b.xlsx", "c.xlsx"]]) {
      const r = await cchc(...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("cchc diff cần đúng hai tệp");
    }
  });
});
