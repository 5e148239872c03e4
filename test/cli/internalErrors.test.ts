import { copyFileSync, existsSync } from "fs";
import * as path from "path";
import * as checkWorkbookModule from "../../src/core/check/checkWorkbook";
import * as serializeModule from "../../src/core/criteria/serialize";
import * as workbookPlanModule from "../../src/core/plan/workbookPlan";
import * as revertModule from "../../src/core/usecases/revert";
import * as scoreModule from "../../src/core/usecases/score";
import { SAMPLE, SAMPLE_CRITERIA, cchc, expectPlainStderr, tempDir } from "../support/cli";

/**
 * A failure nobody foresaw (a bug) still ends as one plain line that names the file being worked on, so a person
 * running a batch knows which file to send with the report. Each test makes one step throw as a bug would.
 */

const BUG = "Cannot read properties of undefined (reading 'x')";
const bug = () => {
  throw new TypeError(BUG);
};

afterEach(() => jest.restoreAllMocks());

test("check: names the workbook being checked", async () => {
  jest.spyOn(checkWorkbookModule, "checkWorkbook").mockImplementation(bug);
  const r = await cchc("check", SAMPLE);
  expect(r.code).toBe(2);
  expectPlainStderr(r.stderr);
  expect(r.stderr).toBe(`cchc: ${SAMPLE}: lỗi nội bộ: ${BUG}\n`);
});

test("score: names the workbook, writes nothing", async () => {
  jest.spyOn(scoreModule, "score").mockImplementation(bug);
  const out = path.join(tempDir(), "out.xlsx");
  const r = await cchc("score", SAMPLE, "--out", out, "--lang", "en");
  expect(r.stderr).toBe(`cchc: ${SAMPLE}: internal error: ${BUG}\n`);
  expect(existsSync(out)).toBe(false);
});

test("revert: names the workbook", async () => {
  const dir = tempDir();
  const scored = path.join(dir, "scored.xlsx");
  expect((await cchc("score", SAMPLE, "--out", scored)).code).toBe(1);
  jest.spyOn(revertModule, "revert").mockImplementation(bug);
  const r = await cchc("revert", scored, "--out", path.join(dir, "back.xlsx"));
  expect(r.stderr).toBe(`cchc: ${scored}: lỗi nội bộ: ${BUG}\n`);
});

test("summary: a bug after reading names the output being made", async () => {
  jest.spyOn(workbookPlanModule, "planGatheredSummary").mockImplementation(bug);
  const out = path.join(tempDir(), "tong-hop.xlsx");
  const r = await cchc("summary", SAMPLE, "--out", out);
  expect(r.stderr).toBe(`cchc: ${out}: lỗi nội bộ: ${BUG}\n`);
});

test("criteria: names the criteria file being converted", async () => {
  const dir = tempDir();
  const crit = path.join(dir, "bo.criteria.json");
  copyFileSync(SAMPLE_CRITERIA, crit);
  jest.spyOn(serializeModule, "criteriaToJson").mockImplementation(bug);
  const r = await cchc("criteria", crit, "--out", path.join(dir, "ra.criteria.json"));
  expect(r.stderr).toBe(`cchc: ${crit}: lỗi nội bộ: ${BUG}\n`);
});

test("template: names the output being made", async () => {
  jest.spyOn(workbookPlanModule, "planScoreWorkbook").mockImplementation(bug);
  const out = path.join(tempDir(), "mau.xlsx");
  const r = await cchc("template", "--criteria", SAMPLE_CRITERIA, "--units", "Xã A", "--out", out);
  expect(r.stderr).toBe(`cchc: ${out}: lỗi nội bộ: ${BUG}\n`);
});
