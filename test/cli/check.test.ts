import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { ROOT, SAMPLE, SAMPLE_CRITERIA, cchc, cchcBinary, expectPlainStderr, sha256 } from "../support/cli";
import { reportProblems } from "../support/reportShape";

const GOLDEN = path.join(ROOT, "test", "golden", "sample-report.json");

describe("cchc check on the bundled sample", () => {
  test("prints the units and findings, exits 1 for error findings, leaves the file alone", async () => {
    const before = sha256(SAMPLE);
    const r = await cchc("check", SAMPLE);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("UBND xã An Bình");
    expect(r.stdout).toMatch(/Phát hiện: \d+ lỗi, \d+ cảnh báo, \d+ thông tin/);
    expect(r.stderr).toBe("");
    expect(sha256(SAMPLE)).toBe(before);
  });

  test("--json follows docs/contracts/report.md and equals the golden report", async () => {
    const r = await cchc("check", SAMPLE, "--json");
    const report = JSON.parse(r.stdout);
    expect(reportProblems(report)).toEqual([]);
    report.tool.version = "<version>";
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(GOLDEN, JSON.stringify(report, null, 2) + "\n");
    expect(report).toEqual(JSON.parse(readFileSync(GOLDEN, "utf8")));
  });

  test("ranks are competition ranks over the run and bands come from the set", async () => {
    const report = JSON.parse((await cchc("check", SAMPLE, "--json")).stdout);
    const byName = Object.fromEntries(report.units.map((u: { name: string; rank: number }) => [u.name, u.rank]));
    expect(byName["UBND xã An Bình"]).toBe(1);
    expect(byName["UBND xã Hòa Lạc"]).toBe(1);
    expect(byName["UBND xã Cẩm Hà"]).toBe(3);
    const counts = report.findings.reduce((c: Record<string, number>, f: { severity: string }) => ({ ...c, [f.severity]: (c[f.severity] ?? 0) + 1 }), {});
    expect(report.counts).toEqual({ error: 0, warning: 0, info: 0, ...counts });
  });

  test("--criteria wins over the workbook's own sheet, and gives the same result for the same set", async () => {
    const own = JSON.parse((await cchc("check", SAMPLE, "--json")).stdout);
    const given = JSON.parse((await cchc("check", SAMPLE, "--json", "--criteria", SAMPLE_CRITERIA)).stdout);
    expect(given.units).toEqual(own.units);
  });

  test("--lang en speaks English", async () => {
    const r = await cchc("check", SAMPLE, "--lang", "en");
    expect(r.stdout).toContain("Findings:");
    expect(r.stdout).toContain("has no evidence document");
    expect(r.stdout).not.toContain("Phát hiện");
  });

  test("findings are sorted by file, sheet, row, rule", async () => {
    const report = JSON.parse((await cchc("check", SAMPLE, "--json")).stdout);
    const sheets = report.findings.map((f: { sheet: string }) => f.sheet);
    expect(sheets).toEqual([...sheets].sort());
  });

  test("the binary exits like the contract says and prints no stack trace", () => {
    const ok = cchcBinary("check", SAMPLE, "--json");
    expect(ok.code).toBe(1);
    expect(JSON.parse(ok.stdout).units).toHaveLength(5);
    expect(ok.stderr).toBe(""); // nothing else either: not V8 refusing the flag the command sets (src/cli/v8Tuning.ts)
    const missing = cchcBinary("check", path.join(ROOT, "no-such-file.xlsx"));
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe("");
    expect(missing.stderr.trim().split("\n")).toEqual([`cchc: ${path.join(ROOT, "no-such-file.xlsx")}: không tìm thấy tệp`]);
    expectPlainStderr(missing.stderr);
    const help = cchcBinary("--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("cchc check");
  });
});
