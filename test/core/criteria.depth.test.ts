import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { CellValue } from "../../src/core/port";
import { rowsToCriteria } from "../../src/core/criteria/sheetForm";
import { MAX_DEPTH, parseCriteriaJson } from "../../src/core/criteria/validate";
import { cchc, expectPlainStderr, tempDir } from "../support/cli";
import { FIXTURE } from "../support/sample";
import { toXlsx } from "../support/workbookBuilder";

/**
 * Criteria nested beyond any real set (CCHC sets go three or four levels deep) are refused with a plain problem,
 * in the JSON form and the sheet form alike, instead of running the stack out (2,000 levels did: "lỗi nội bộ:
 * Maximum call stack size exceeded").
 */

/** The fixture set with one more field, a chain `levels` deep ending in a leaf worth 1. */
function deepSet(levels: number): Record<string, unknown> {
  const set = JSON.parse(readFileSync(FIXTURE, "utf8"));
  let code = "9";
  const top: Record<string, unknown> = { code, name: "Lĩnh vực sâu" };
  let node = top;
  for (let i = 1; i < levels; i++) {
    code += ".1";
    const child: Record<string, unknown> = { code, name: `Cấp ${i + 1}` };
    node.children = [child];
    node = child;
  }
  node.max = 1;
  set.nodes.push(top);
  return set;
}

/** The same set in its sheet form: the codes say where each row sits. */
function deepSheet(levels: number): CellValue[][] {
  const rows: CellValue[][] = [["Mã bộ tiêu chí", "sau"], ["Tên bộ tiêu chí", "Bộ sâu"], [], ["Mã", "Tên", "Cấp", "Điểm tối đa"]];
  let code = "9";
  for (let i = 1; i <= levels; i++) {
    rows.push([code, `Cấp ${i}`, i, i === levels ? 1 : null]);
    code += ".1";
  }
  return rows;
}

test(`${MAX_DEPTH} levels are accepted; one more is refused at the node that goes too deep`, () => {
  expect(parseCriteriaJson(JSON.stringify(deepSet(MAX_DEPTH))).ok).toBe(true);
  const r = parseCriteriaJson(JSON.stringify(deepSet(MAX_DEPTH + 1)));
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.problems.map((p) => p.code)).toEqual(["too-deep"]);
  expect(r.problems[0].path).toBe("nodes[8]" + ".children[0]".repeat(MAX_DEPTH));
  expect(r.problems[0].message).toContain(`tối đa ${MAX_DEPTH} cấp`);
});

test("2,000 levels in JSON: refused with plain problems, no stack overflow", () => {
  const r = parseCriteriaJson(JSON.stringify(deepSet(2000)), "en");
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.problems.map((p) => p.code)).toEqual(["too-deep"]);
});

test("2,000 levels in the sheet form: refused, pointing at the row", () => {
  const r = rowsToCriteria({ name: "Bộ tiêu chí", values: deepSheet(2000) });
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.problems.map((p) => p.code)).toEqual(["too-deep"]);
  expect(r.problems[0].path).toContain(`A${4 + MAX_DEPTH + 1}`);
});

test("through the command line: one plain line per problem, naming the file", async () => {
  const dir = tempDir();
  const json = path.join(dir, "sau.criteria.json");
  writeFileSync(json, JSON.stringify(deepSet(2000)));
  const r = await cchc("check", path.join(dir, "khong-can.xlsx"), "--criteria", json);
  expect(r.code).toBe(2);
  expectPlainStderr(r.stderr);
  expect(r.stderr).not.toMatch(/lỗi nội bộ|internal error/);
  expect(r.stderr.split("\n").filter(Boolean)).toEqual([`cchc: ${json}: bộ tiêu chí bị từ chối (1 lỗi)`, expect.stringMatching(new RegExp(`^cchc: ${json.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: nodes\\[8\\].*: .*tối đa ${MAX_DEPTH} cấp`))]);

  const book = path.join(dir, "sau.xlsx");
  writeFileSync(book, await toXlsx([{ name: "Bộ tiêu chí", values: deepSheet(2000) }]));
  const s = await cchc("check", book);
  expect(s.code).toBe(2);
  expectPlainStderr(s.stderr);
  expect(s.stderr).not.toMatch(/lỗi nội bộ|internal error/);
  expect(s.stderr).toContain(`cchc: ${book}: bộ tiêu chí bị từ chối (1 lỗi)`);
});
