import { readFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { indexSet, IndexedSet } from "../../src/core/criteria/indexed";
import { parseCriteriaJson } from "../../src/core/criteria/validate";
import { projectRoot } from "./paths";
import { toXlsx, unitSheet } from "./workbookBuilder";

export const FIXTURE = path.join(projectRoot(), "test", "fixtures", "xa-2025-mau.criteria.json");

export function fixtureSet(): IndexedSet {
  const r = parseCriteriaJson(readFileSync(FIXTURE, "utf8"));
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join("; "));
  return indexSet(r.set);
}

/**
 * The bundled sample: five communes in one workbook, with the criteria sheet, an instructions sheet, and the
 * mistakes real units make — each one named here so the golden report can be read against it.
 */
export async function sampleWorkbook(set: IndexedSet): Promise<Buffer> {
  const survey = { "8.1": { appraised: [13.5] }, "8.2": { appraised: [7.2] }, "8.3": { appraised: [6.3] } };
  const sheets = [
    // A careful unit: everything in order, appraised, a note where the appraisal differs.
    unitSheet(set, {
      sheet: "An Bình",
      unitName: "UBND xã An Bình",
      appraisalRounds: 1,
      leaves: { ...survey, "3.2.1": { self: 4, ratio: 0.985, appraised: [4] }, "7.1": { self: 3.5, appraised: [2], note: "Tỷ lệ ký số thực tế 85%" } },
      bonus: 0.5,
    }),
    // Typical slips: a binary criterion given half points, evidence forgotten, "1,5" typed as text,
    // a subtotal added up by hand wrongly, the survey self-scored, not-applicable where allowed.
    unitSheet(set, {
      sheet: "Bình Minh",
      unitName: "UBND xã Bình Minh",
      appraisalRounds: 1,
      leaves: {
        ...survey,
        "1.3": { self: 0.75, appraised: [0.75] },
        "2.2": { evidence: null },
        "2.5": { self: "1,5", appraised: [1.5] },
        "3.2.2": { self: "KĐG", evidence: null, appraised: ["KĐG"] },
        "6.3": { self: "KĐG", evidence: null, appraised: ["KĐG"] },
        "8.1": { self: 14, appraised: [12] },
        "5.3": { self: 1, appraised: [1] },
      },
      parentSelf: { "5": 8.5 },
      penalty: 1,
    }),
    // Two appraisal rounds under a merged two-row header, typed in NFD; round 2 changes scores.
    unitSheet(set, {
      sheet: "Cẩm Hà",
      unitName: "UBND xã Cẩm Hà",
      appraisalRounds: 2,
      twoRowHeader: true,
      nfd: true,
      leaves: {
        ...{ "8.1": { appraised: [12, 12.5] }, "8.2": { appraised: [7] }, "8.3": { appraised: [6, 6.5] } },
        "1.4": { self: 1.5, appraised: [0.75, 1.5], note: "Đã bổ sung biên bản kiểm tra" },
        "4.3": { self: 2.5, appraised: [1.5] },
        "7.3": { self: 2, appraised: [] },
        "3.5": { self: 1.5, appraised: [1.5], ratio: 0.92 },
      },
    }),
    // Codes typed as numbers, Roman field numbers, one row missing, an unknown code, a broken formula,
    // a score above the maximum, a ratio that gives other points, "not applicable" where it is not allowed.
    unitSheet(set, {
      sheet: "Đông Sơn",
      unitName: "UBND xã Đông Sơn",
      numericCodes: true,
      romanFields: true,
      omit: ["7.6"],
      leaves: {
        "3.2.1": { self: 5, ratio: "93%" },
        "3.3.1": { self: { error: "#REF!" } },
        "5.4": { self: 3.5 },
        "4.2": { self: "KĐG" },
        "1.2": { self: 1.75 },
      },
      extraRows: [["9.1", "Tiêu chí tự thêm", 1, null, 1, "Báo cáo số 3"]],
    }),
    // Same scores as An Bình, to show a shared rank.
    unitSheet(set, {
      sheet: "Hòa Lạc",
      unitName: "UBND xã Hòa Lạc",
      appraisalRounds: 1,
      leaves: { ...survey, "3.2.1": { self: 4, ratio: 0.985, appraised: [4] }, "7.1": { self: 3.5, appraised: [2], note: "Tỷ lệ ký số thực tế 85%" } },
      bonus: 0.5,
    }),
  ];
  return toXlsx(sheets, set, (wb: ExcelJS.Workbook) => {
    const help = wb.addWorksheet("Hướng dẫn");
    help.getCell("A1").value = "Hướng dẫn: mỗi đơn vị một trang tính; nhập điểm tự chấm và tài liệu kiểm chứng cho từng tiêu chí.";
    help.getCell("A2").value = "Đánh dấu KĐG (không đánh giá) ở tiêu chí được phép khi đơn vị không được giao nhiệm vụ.";
  });
}

/** The unit groups the tests give the fixture set (issue 13 item 4): a whole field, and two leaves. */
export const UNIT_GROUPS = [
  { id: "khong-tthc", name: "Xã không có TTHC", notAssessed: ["3"] },
  { id: "chua-dvc", name: "Xã chưa có dịch vụ công trực tuyến", notAssessed: ["7.5", "7.6"] },
];

/** The fixture set with UNIT_GROUPS. */
export function groupedSet(): IndexedSet {
  const json = JSON.parse(readFileSync(FIXTURE, "utf8"));
  const r = parseCriteriaJson(JSON.stringify({ ...json, unitGroups: UNIT_GROUPS }));
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join("; "));
  return indexSet(r.set);
}

/** Puts "Nhóm đơn vị: <group>" above a built unit sheet's header (its third title row, empty by default). */
export function withGroupCell(values: unknown[][], text: string, separate = false): void {
  if (values[2]?.some((v) => v !== null && v !== undefined && v !== ""))
    throw new Error("withGroupCell: the sheet's third row is not an empty title row");
  values[2] = separate ? ["Nhóm đơn vị:", text] : [`Nhóm đơn vị: ${text}`];
}
