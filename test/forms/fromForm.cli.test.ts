import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { buildForm, FormSpec, STRUCTURAL_RULES } from "../support/formBuilder";
import { cchc, expectPlainStderr, sha256, tempDir } from "../support/cli";
import { toXlsx } from "../support/workbookBuilder";

/** `cchc criteria FORM.xlsx --from-form --out SET.criteria.json`, and the draft checks its own form. */

const FORM: FormSpec = {
  sheet: "Biểu chấm điểm",
  title: "Bộ tiêu chí đánh giá CCHC cấp xã năm 2025",
  twoRowHeader: true,
  rows: [
    { code: "I", name: "Chỉ đạo, điều hành", max: 3 },
    { code: "1", name: "Kế hoạch", max: 1 },
    { code: "2", name: "Thực hiện", max: 2 },
    { code: "a)", name: "Đúng hạn", max: 1 },
    { code: "b)", name: "Đủ nội dung", max: 1 },
    { code: "II", name: "Điều tra xã hội học", max: 5 },
    { code: "3", name: "Mức độ hài lòng", max: 5 },
  ],
  total: 8,
  bonus: { name: "Điểm thưởng", max: 1 },
  penalty: { name: "Điểm trừ", max: 2 },
};


async function formFile(dir: string, spec: FormSpec, other = true): Promise<string> {
  const file = path.join(dir, "bieu-mau.xlsx");
  const notes = { name: "Hướng dẫn", values: [["Điền điểm tự chấm vào cột D"]] };
  writeFileSync(file, await toXlsx(other ? [notes, buildForm(spec)] : [buildForm(spec)]));
  return file;
}

test("a draft from a form, used on that form, reports no structural finding", async () => {
  const dir = tempDir();
  const form = await formFile(dir, FORM);
  const before = sha256(form);
  const out = path.join(dir, "nhap.criteria.json");
  const r = await cchc("criteria", form, "--from-form", "--out", out);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(
    /^Đã ghi: .*nhap\.criteria\.json \(bản nháp từ trang "Biểu chấm điểm"; \d+ mục cần xác nhận/
  );
  expect(sha256(form)).toBe(before);
  const draft = JSON.parse(readFileSync(out, "utf8"));
  expect(draft.nodes.map((n: { code: string }) => n.code)).toEqual(["I", "II"]);
  expect(draft.nodes[0].children[1].children.map((n: { code: string }) => n.code)).toEqual([
    "2.a",
    "2.b",
  ]);
  expect(draft.toConfirm.length).toBeGreaterThan(0);

  const check = await cchc("check", form, "--criteria", out, "--json");
  const report = JSON.parse(check.stdout);
  expect(report.findings.filter((f: { rule: string }) => STRUCTURAL_RULES.includes(f.rule))).toEqual([]);
  expect(report.units[0].max).toBe(8);
});

test("a parent max the form gets wrong: both cells on stderr, the draft still written", async () => {
  const dir = tempDir();
  const spec = { ...FORM, rows: FORM.rows.map((r) => (r.code === "2" ? { ...r, max: 2.5 } : r)) };
  const form = await formFile(dir, spec);
  const out = path.join(dir, "nhap.criteria.json");
  const r = await cchc(
    "criteria",
    form,
    "--from-form",
    "--sheet",
    "Biểu chấm điểm",
    "--out",
    out,
    "--lang",
    "en"
  );
  expect(r.code).toBe(0);
  expect(r.stderr).toBe(
    `${form}: Biểu chấm điểm!C8: The form gives 2 a maximum of 2.5 (cell C8) but its children's maxima add up to 2 (cells C9, C10); the draft uses 2\n`
  );
});

test("a sheet that is not there, or no form at all: one plain line, exit 2", async () => {
  const dir = tempDir();
  const form = await formFile(dir, FORM);
  const out = path.join(dir, "nhap.criteria.json");
  const r = await cchc("criteria", form, "--from-form", "--sheet", "Không có", "--out", out);
  expect(r.code).toBe(2);
  expectPlainStderr(r.stderr);
  expect(r.stderr).toBe(
    `cchc: ${form}: trang "Không có" không có hoặc không có bảng chấm điểm (cột STT/Mã, Tiêu chí, Điểm tối đa)\n`
  );
  const bare = path.join(dir, "trong.xlsx");
  writeFileSync(bare, await toXlsx([{ name: "Hướng dẫn", values: [["Không có bảng"]] }]));
  const r2 = await cchc("criteria", bare, "--from-form", "--out", out, "--lang", "en");
  expect(r2.code).toBe(2);
  expect(r2.stderr).toBe(
    `cchc: ${bare}: no sheet has a scoring table (code, criterion and max columns); name one with --sheet\n`
  );
});

test("--sheet without --from-form is a usage error", async () => {
  const dir = tempDir();
  const r = await cchc(
    "criteria",
    "x.criteria.json",
    "--sheet",
    "A",
    "--out",
    path.join(dir, "y.json")
  );
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("--sheet chỉ dùng cùng --from-form");
});

test("the draft as a sheet: a Cần xác nhận column, and it reads back to the JSON draft's set", async () => {
  const dir = tempDir();
  const form = await formFile(dir, FORM, false);
  const json = path.join(dir, "nhap.criteria.json");
  const xlsx = path.join(dir, "nhap.xlsx");
  expect((await cchc("criteria", form, "--from-form", "--out", json)).code).toBe(0);
  const r = await cchc("criteria", form, "--from-form", "--out", xlsx);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('cột "Cần xác nhận"');

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const ws = wb.getWorksheet("Bộ tiêu chí")!;
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  const header = rows.findIndex((row) => row.includes("Cần xác nhận"));
  expect(header).toBeGreaterThan(0);
  const col = rows[header].indexOf("Cần xác nhận");
  const ofCode = (code: string) => rows.find((row) => row[0] === code)?.[col];
  expect(ofCode("1")).toBe(
    "cách chấm, tài liệu kiểm chứng, được không đánh giá (giá trị mặc định)"
  );
  expect(ofCode("II")).toBe("nguồn điểm (đoán từ tên)");
  expect(ofCode("I")).toBeUndefined();

  const back = path.join(dir, "back.criteria.json");
  const c = await cchc("criteria", xlsx, "--out", back);
  expect(c.stderr).toBe("");
  const { toConfirm, ...set } = JSON.parse(readFileSync(json, "utf8"));
  expect(toConfirm.length).toBeGreaterThan(0);
  expect(JSON.parse(readFileSync(back, "utf8"))).toEqual(set);
});
