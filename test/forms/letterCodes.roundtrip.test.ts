import ExcelJS from "exceljs";
import { writeFileSync } from "fs";
import * as path from "path";
import { cchc, tempDir } from "../support/cli";

/**
 * Issue 13, item 2: a set whose sub-items are lettered as real sets write them ("a)", "b)") goes through
 * template → a filled sheet → check, and the total is what was typed.
 */

const LETTER_SET = {
  format: "cchc-criteria/1",
  id: "chu-cai",
  title: "Bộ tiêu chí có mục chữ cái",
  nodes: [
    {
      code: "1",
      name: "Chỉ đạo, điều hành",
      children: [
        { code: "1.1", name: "Kế hoạch CCHC", max: 10, rule: { kind: "manual", step: 0.25 } },
        {
          code: "1.2",
          name: "Thực hiện kế hoạch",
          children: [
            { code: "a)", name: "Đúng hạn", max: 20, rule: { kind: "manual", step: 0.25 } },
            { code: "b)", name: "Đủ nội dung", max: 20, rule: { kind: "manual", step: 0.25 } },
          ],
        },
      ],
    },
    {
      code: "2",
      name: "Cải cách thủ tục hành chính",
      children: [
        {
          code: "2.1",
          name: "Công khai thủ tục",
          children: [
            { code: "a.", name: "Trên cổng", max: 25, rule: { kind: "manual", step: 0.25 } },
            {
              code: "(b)",
              name: "Tại bộ phận một cửa",
              max: 25,
              rule: { kind: "manual", step: 0.25 },
            },
          ],
        },
      ],
    },
  ],
};

/** Types a self-score on every leaf row of the unit sheet, as a unit would. */
async function fill(file: string, scores: number[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets.find((w) => w.name !== "Bộ tiêu chí")!;
  let header = 0;
  let selfCol = 0;
  let maxCol = 0;
  ws.eachRow((row, r) => {
    row.eachCell((cell, c) => {
      const t = String(cell.value ?? "");
      if (/tự chấm/i.test(t) && !header) ((header = r), (selfCol = c));
      if (/tối đa/i.test(t)) maxCol = c;
    });
  });
  const leafRows: number[] = [];
  ws.eachRow((row, r) => {
    if (r <= header) return;
    const self = row.getCell(selfCol);
    // Leaves are the rows whose self cell is empty (parents carry a subtotal formula).
    if (typeof row.getCell(maxCol).value === "number" && self.value === null) leafRows.push(r);
  });
  expect(leafRows).toHaveLength(scores.length);
  leafRows.forEach((r, i) => (ws.getRow(r).getCell(selfCol).value = scores[i]));
  await wb.xlsx.writeFile(file);
}

test("a letter-coded set: template, filled sheet, check gives the typed total", async () => {
  const dir = tempDir();
  const setFile = path.join(dir, "chu-cai.criteria.json");
  writeFileSync(setFile, JSON.stringify(LETTER_SET));
  const book = path.join(dir, "book.xlsx");
  const t = await cchc("template", "--criteria", setFile, "--units", "Xã A", "--out", book);
  expect(t.stderr).toBe("");
  expect(t.code).toBe(0);
  await fill(book, [10, 20, 20, 20, 20]);
  const r = await cchc("check", book, "--criteria", setFile, "--json");
  const report = JSON.parse(r.stdout);
  const unit = report.units[0];
  expect(unit.self).toBe(90);
  expect(unit.index).toBe(90);
  expect(unit.band).toBe("Xuất sắc");
  const structural = [
    "missing-criterion",
    "unknown-criterion",
    "duplicate-criterion",
    "max-mismatch",
  ];
  expect(report.findings.filter((f: { rule: string }) => structural.includes(f.rule))).toEqual([]);
});
