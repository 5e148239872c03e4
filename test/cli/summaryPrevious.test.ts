import { existsSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { cchc, expectPlainStderr, tempDir } from "../support/cli";
import { GONE, LAST_YEAR_CHANGES, UNITS, writeSeasons } from "../support/previousYear";

/**
 * `cchc summary … --previous LAST` from each kind of LAST: last year's `check --json`, `summary --json`, and the
 * summary workbook `summary --out` wrote. Every unit gets last year's figures (matched by a name typed otherwise)
 * and the changes; the criteria that changed between the sets are listed, at the depth LAST shows them.
 */

interface Unit {
  file: string;
  sheet: string;
  name: string;
  index: number;
  rank: number;
  band: string;
  fields: { code: string; max: number }[];
  previous?: { index: number; rank: number; band: string; indexChange: number; rankChange: number } | null;
}
interface Run {
  units: Unit[];
  previous?: { file: string; kind: string; criteriaCompared: string; criteriaChanges: { code: string; change: string; before: number | null; after: number | null }[]; unitsNotFound: { name: string }[] };
}

const dir = tempDir();
let lastSummary: Run;
let lastCheck: Run;
const LAST = { check: path.join(dir, "nam-truoc-check.json"), summary: path.join(dir, "nam-truoc-summary.json"), workbook: path.join(dir, "nam-truoc-tong-hop.xlsx") };
let thisYear: string[] = [];
const runs = new Map<string, Run>();

beforeAll(async () => {
  const seasons = await writeSeasons(dir);
  thisYear = seasons.thisYear;
  const s = await cchc("summary", ...seasons.lastYear, "--out", LAST.workbook, "--json");
  expect([0, 1]).toContain(s.code);
  writeFileSync(LAST.summary, s.stdout);
  lastSummary = JSON.parse(s.stdout);
  const c = await cchc("check", ...seasons.lastYear, "--json");
  writeFileSync(LAST.check, c.stdout);
  lastCheck = JSON.parse(c.stdout);
  for (const [kind, file] of Object.entries(LAST)) {
    const r = await cchc("summary", ...thisYear, "--out", path.join(dir, `tong-hop-${kind}.xlsx`), "--json", "--previous", file);
    expect(r.stderr).toBe("");
    expect([0, 1]).toContain(r.code);
    runs.set(kind, JSON.parse(r.stdout));
  }
}, 120_000);

describe.each(["check", "summary", "workbook"] as const)("--previous from last year's %s", (kind) => {
  test("every unit found last year has last year's index, rank and band, and the changes; the new unit has null", () => {
    const run = runs.get(kind)!;
    const last = kind === "check" ? lastCheck : lastSummary;
    expect(run.units).toHaveLength(UNITS.length);
    for (const spec of UNITS) {
      const u = run.units.find((x) => x.name === spec.name)!;
      if (!spec.lastYear) {
        expect(u.previous).toBeNull();
        continue;
      }
      // Last year's files hold the units with a last-year name, in UNITS order.
      const file = `nam-truoc-${UNITS.filter((x) => x.lastYear).indexOf(spec) + 1}.xlsx`;
      const then = last.units.find((x) => x.file === file)!;
      expect(then).toBeDefined();
      expect(u.previous).toEqual({ index: then.index, rank: then.rank, band: then.band, indexChange: expect.any(Number), rankChange: then.rank - u.rank });
      expect(u.previous!.indexChange).toBeCloseTo(u.index - then.index, 9);
    }
  });

  test("last year's unit not found this year is listed", () => {
    expect(runs.get(kind)!.previous!.unitsNotFound.map((u) => u.name)).toEqual([GONE]);
  });

  test("the criteria that changed are listed at the depth LAST shows them", () => {
    const p = runs.get(kind)!.previous!;
    const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
    if (kind === "workbook") {
      expect(p.criteriaCompared).toBe("leaves");
      expect([...p.criteriaChanges].sort(byCode)).toEqual([...LAST_YEAR_CHANGES.leaves].sort(byCode));
    } else {
      expect(p.criteriaCompared).toBe("fields");
      const lastFields = lastSummary.units[0].fields;
      const nowFields = runs.get(kind)!.units[0].fields;
      expect([...p.criteriaChanges].sort(byCode)).toEqual(
        LAST_YEAR_CHANGES.fields.map((code) => ({ code, change: "max", before: lastFields.find((f) => f.code === code)!.max, after: nowFields.find((f) => f.code === code)!.max }))
      );
    }
  });
});

test("last year's names are spelled otherwise than this year's (case, spacing, diacritics)", () => {
  const differ = lastSummary.units.filter((u) => !UNITS.some((x) => x.name === u.name));
  expect(differ.length).toBeGreaterThanOrEqual(4);
});

test("last year's ranks differ from this year's for some unit, so the rank change is exercised", () => {
  const changes = runs.get("workbook")!.units.flatMap((u) => (u.previous ? [u.previous.rankChange] : []));
  expect(changes.some((c) => c !== 0)).toBe(true);
});

test("text output: last year beside this year, the unit not found, the criteria that changed (vi and en)", async () => {
  const vi = await cchc("summary", ...thisYear, "--out", path.join(dir, "t-vi.xlsx"), "--previous", LAST.workbook);
  expect(vi.stdout).toContain(`So với năm trước (${LAST.workbook}):`);
  expect(vi.stdout).toContain(`Đơn vị năm trước không có trong năm nay: ${GONE}`);
  expect(vi.stdout).toContain("7.6: thêm (2)");
  expect(vi.stdout).toContain("4.4: bỏ (2)");
  expect(vi.stdout).toContain("1.1.1: đổi điểm tối đa 1,5 → 1");
  expect(vi.stdout).toMatch(/UBND xã Mới Lập\s+[\d,]+\s+không có năm trước/);
  const en = await cchc("summary", ...thisYear, "--out", path.join(dir, "t-en.xlsx"), "--previous", LAST.check, "--lang", "en");
  expect(en.stdout).toContain("Last year's report lists fields only, not their leaves: only the fields are compared.");
  expect(en.stdout).toContain("not found last year");
});

test("a report without the criteria: said so, in the JSON and the text", async () => {
  const stripped = path.join(dir, "khong-tieu-chi.json");
  writeFileSync(stripped, JSON.stringify({ ...lastCheck, units: lastCheck.units.map(({ fields: _f, ...u }) => u) }));
  const r = await cchc("summary", ...thisYear, "--out", path.join(dir, "t-none.xlsx"), "--json", "--previous", stripped);
  const run: Run = JSON.parse(r.stdout);
  expect(run.previous!.criteriaCompared).toBe("none");
  expect(run.previous!.criteriaChanges).toEqual([]);
  expect(run.units.filter((u) => u.previous).length).toBe(UNITS.filter((u) => u.lastYear).length);
  const text = await cchc("summary", ...thisYear, "--out", path.join(dir, "t-none2.xlsx"), "--previous", stripped);
  expect(text.stdout).toContain("Tệp năm trước không có bộ tiêu chí");
});

test("without --previous the report has no previous fields", async () => {
  const r = await cchc("summary", ...thisYear, "--out", path.join(dir, "t-plain.xlsx"), "--json");
  const run: Run = JSON.parse(r.stdout);
  expect(run.previous).toBeUndefined();
  expect(run.units.every((u) => !("previous" in u))).toBe(true);
});

describe("a LAST that is not one: exit 2, a plain line naming it, nothing written", () => {
  test.each([
    ["a JSON that is not a report", "khac.json", JSON.stringify({ hello: 1 }), "không phải báo cáo --json"],
    ["text that is not JSON", "hong.json", "{ not json", "không phải báo cáo --json"],
  ])("%s", async (_what, name, content, message) => {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    const out = path.join(dir, `never-${name}.xlsx`);
    const r = await cchc("summary", ...thisYear, "--out", out, "--previous", file);
    expect(r.code).toBe(2);
    expect(r.stderr.startsWith(`cchc: ${file}: ${message}`)).toBe(true);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expectPlainStderr(r.stderr);
    expect(existsSync(out)).toBe(false);
  });

  test("a unit workbook (no Tổng hợp)", async () => {
    const out = path.join(dir, "never-unit.xlsx");
    const r = await cchc("summary", ...thisYear, "--out", out, "--previous", thisYear[0]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`cchc: ${thisYear[0]}: không phải báo cáo --json của cchc check/summary hay sổ tổng hợp do cchc ghi (không có trang "Tổng hợp" / no "Tổng hợp" sheet)`);
    expect(existsSync(out)).toBe(false);
  });

  test("a missing file", async () => {
    const r = await cchc("summary", ...thisYear, "--out", path.join(dir, "never-missing.xlsx"), "--previous", path.join(dir, "khong-co.json"));
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`cchc: ${path.join(dir, "khong-co.json")}: không tìm thấy tệp`);
  });

  test("--out naming LAST is refused before anything is read", async () => {
    const before = readFileSync(LAST.workbook);
    const r = await cchc("summary", ...thisYear, "--out", LAST.workbook, "--previous", LAST.workbook);
    expect(r.code).toBe(2);
    expect(readFileSync(LAST.workbook).equals(before)).toBe(true);
  });
});
