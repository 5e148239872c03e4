import type { ReportFinding, ReportUnit } from "../../src/core/report/report";
import {
  countBySeverity,
  filterFindings,
  findingRows,
  groupKeyOf,
  isFocusableRow,
  foldForSearch,
  groupFindings,
  SEVERITIES,
  type Severity,
} from "../../src/taskpane/findingsView";

function f(
  sheet: string | undefined,
  severity: Severity,
  criterion: string,
  message: string,
  cell?: string
): ReportFinding {
  return {
    rule: "score-missing",
    severity,
    ...(sheet !== undefined ? { sheet } : {}),
    ...(cell !== undefined ? { cell } : {}),
    criterion,
    message,
    params: {},
  };
}

function unit(sheet: string): ReportUnit {
  return {
    sheet,
    name: sheet,
    max: 100,
    maxApplicable: 100,
    self: 0,
    appraised: null,
    bonus: 0,
    penalty: 0,
    index: 0,
    rank: 1,
    band: "Yếu",
    difference: null,
    appraisedSelfScored: null,
    differenceSelfScored: null,
    survey: null,
    fields: [],
  } as ReportUnit;
}

const FINDINGS: ReportFinding[] = [
  f("Đông Sơn", "warning", "1.3", "Tiêu chí 1.3 chưa có điểm tự chấm", "E10"),
  f("Đông Sơn", "error", "1.3.1", "Điểm tự chấm của tiêu chí 1.3.1 nằm ngoài khoảng", "E11"),
  f("An Bình", "info", "7.3", "Tiêu chí 7.3 đã tự chấm nhưng chưa có điểm thẩm định", "H49"),
  f("Hướng dẫn", "error", "", "Trang tính giống bảng chấm điểm nhưng thiếu cột"),
  f(undefined, "error", "", "Không tìm thấy trang tính chấm điểm nào"),
  f("An Bình", "error", "11.3", "Mã 11.3 không có trong bộ tiêu chí", "A70"),
];
const ALL = new Set(SEVERITIES);

describe("findings list", () => {
  test("search ignores case, diacritics, đ and Unicode form, but not the dots of a code", () => {
    expect(foldForSearch("ĐÁNH GIÁ  Tiêu chí 1.3")).toBe("danh gia tieu chi 1.3");
    expect(foldForSearch("Tiêu chí".normalize("NFD"))).toBe("tieu chi");
    const hits = (query: string) =>
      filterFindings(FINDINGS, { severities: ALL, query }).map((i) => i.id);
    expect(hits("tieu chi 1.3")).toEqual([0, 1]);
    expect(hits("DONG SON")).toEqual([0, 1]);
    expect(hits("h49")).toEqual([2]);
    expect(hits("11.3")).toEqual([5]);
    expect(hits("")).toEqual([0, 1, 2, 3, 4, 5]);
    expect(hits("không có gì như thế")).toEqual([]);
  });

  test("severity filter keeps the report's positions as ids", () => {
    const items = filterFindings(FINDINGS, { severities: new Set<Severity>(["error"]), query: "" });
    expect(items.map((i) => i.id)).toEqual([1, 3, 4, 5]);
    expect(items.every((i) => i.finding.severity === "error")).toBe(true);
  });

  test("groups: unit sheets in workbook order, other sheets, then the whole workbook; errors first", () => {
    const items = filterFindings(FINDINGS, { severities: ALL, query: "" });
    const groups = groupFindings(items, [unit("An Bình"), unit("Đông Sơn")]);
    expect(groups.map((g) => [g.sheet, g.count])).toEqual([
      ["An Bình", 2],
      ["Đông Sơn", 2],
      ["Hướng dẫn", 1],
      [undefined, 1],
    ]);
    expect(groups[0].severities.map((s) => [s.severity, s.items.map((i) => i.id)])).toEqual([
      ["error", [5]],
      ["info", [2]],
    ]);
    expect(groups[1].severities.map((s) => s.severity)).toEqual(["error", "warning"]);
  });

  test("counts per severity", () => {
    expect(countBySeverity(FINDINGS)).toEqual({ error: 4, warning: 1, info: 1 });
  });
});

describe("findingRows", () => {
  const findings = [
    f("B", "warning", "1.1", "b warn"),
    f("A", "error", "1.2", "a err"),
    f(undefined, "info", "-", "whole"),
    f("A", "info", "1.3", "a info"),
    f("A", "error", "1.4", "a err 2"),
  ];
  const groups = groupFindings(
    filterFindings(findings, { severities: new Set(SEVERITIES), query: "" }),
    [unit("A"), unit("B")]
  );

  test("headers, severity headings and findings top to bottom, each key once", () => {
    const rows = findingRows(groups, new Set());
    expect(
      rows.map((r) =>
        r.kind === "group"
          ? `# ${r.sheet ?? "-"} ${r.count} ${r.counts.error}/${r.counts.warning}/${r.counts.info}`
          : r.kind === "severity"
            ? `## ${r.severity} ${r.count}`
            : r.item.finding.message
      )
    ).toEqual([
      "# A 3 2/0/1",
      "## error 2",
      "a err",
      "a err 2",
      "## info 1",
      "a info",
      "# B 1 0/1/0",
      "## warning 1",
      "b warn",
      "# - 1 0/0/1",
      "## info 1",
      "whole",
    ]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
    expect(rows.filter(isFocusableRow).map((r) => r.kind)).not.toContain("severity");
  });

  test("a collapsed group keeps its header only, and says so", () => {
    const rows = findingRows(groups, new Set([groupKeyOf("A"), groupKeyOf(undefined)]));
    expect(
      rows.map((r) => (r.kind === "group" ? `${r.sheet ?? "-"}:${r.expanded}` : r.kind))
    ).toEqual(["A:false", "B:true", "severity", "finding", "-:false"]);
  });

  test("a sheet named like the whole-workbook group's key is still its own group", () => {
    expect(groupKeyOf("")).not.toBe(groupKeyOf(undefined));
  });
});
