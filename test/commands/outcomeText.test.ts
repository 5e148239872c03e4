import { dialogContentFrom, dialogUrl, MAX_QUERY_CHARS } from "../../src/commands/dialogText";
import { countFindings, LISTED_CELLS, outcomeText } from "../../src/commands/outcomeText";

describe("a ribbon command's outcome as text", () => {
  it("counts a check's findings by severity, in Vietnamese and English", () => {
    const findings = countFindings([
      { severity: "error" },
      { severity: "error" },
      { severity: "warning" },
      { severity: "info" },
    ]);
    expect(findings).toEqual({ errors: 2, warnings: 1, infos: 1 });
    const vi = outcomeText({ command: "check", status: "checked", units: 3, findings }, "vi");
    expect(vi.title).toBe("CCHC — Kiểm tra");
    expect(vi.lines[0]).toBe("Đã kiểm tra 3 trang chấm điểm.");
    expect(vi.lines[1]).toBe("Phát hiện: 2 lỗi, 1 cảnh báo, 1 thông tin.");
    const en = outcomeText({ command: "check", status: "checked", units: 1, findings }, "en");
    expect(en.title).toBe("CCHC — Check");
    expect(en.lines[0]).toBe("Checked 1 scoring sheet.");
    expect(en.lines[1]).toBe("Findings: 2 errors, 1 warnings, 1 info.");
  });

  it("says when a check found nothing", () => {
    const none = { errors: 0, warnings: 0, infos: 0 };
    const text = outcomeText(
      { command: "check", status: "checked", units: 2, findings: none },
      "vi"
    );
    expect(text.lines).toEqual([
      "Đã kiểm tra 2 trang chấm điểm.",
      "Không có phát hiện nào. Sổ tính khớp bộ tiêu chí.",
    ]);
  });

  it("says what a score or summary wrote, with the run's notices and remaining errors", () => {
    const findings = { errors: 1, warnings: 0, infos: 0 };
    const score = outcomeText(
      { command: "score", status: "written", units: 4, findings, notices: ["N1"] },
      "vi"
    );
    expect(score.lines[0]).toContain("4 trang chấm điểm");
    expect(score.lines).toContain("N1");
    expect(score.lines).toContain("Phát hiện: 1 lỗi, 0 cảnh báo, 0 thông tin.");
    const summary = outcomeText(
      {
        command: "summary",
        status: "written",
        units: 2,
        findings: { ...findings, errors: 0 },
        notices: [],
      },
      "en"
    );
    expect(summary.title).toBe("CCHC — Summarize");
    expect(summary.lines).toEqual([
      "Built the summary sheet (“Tổng hợp”) for 2 units; the CCHC pane can undo it.",
    ]);
  });

  it("names the typed cells that stopped a run, the first few, and counts the rest", () => {
    const conflicts = Array.from({ length: LISTED_CELLS + 2 }, (_, i) => ({
      sheet: "Xã 001",
      cell: `E${i + 5}`,
    }));
    const text = outcomeText({ command: "score", status: "typed-cells", conflicts }, "vi");
    expect(text.lines[0]).toMatch(/^Chưa ghi gì: 7 ô/);
    expect(text.lines.slice(1, 1 + LISTED_CELLS)).toEqual(
      conflicts.slice(0, LISTED_CELLS).map((c) => `Xã 001!${c.cell}`)
    );
    expect(text.lines).toContain("… và 2 ô khác.");
  });

  it("says why a command failed", () => {
    const text = outcomeText({ command: "summary", status: "failed", reason: "R" }, "en");
    expect(text.lines).toEqual(["Failed: R"]);
  });
});

describe("the dialog's query string", () => {
  it("round-trips title, language and lines, whatever characters they hold", () => {
    const content = {
      lang: "en" as const,
      title: "CCHC — Check",
      lines: ["a & b = c?", "<b>x</b> #y", "Xã 001!E5", "100%"],
    };
    const url = dialogUrl("https://localhost:3000/dialog.html", content);
    expect(url.startsWith("https://localhost:3000/dialog.html?")).toBe(true);
    // Office appends _host_info after our parameters (parent-to-dialog.md); it is ignored.
    expect(dialogContentFrom(new URL(url).search + "&_host_info=Excel$Win32$16.01")).toEqual(
      content
    );
  });

  it("keeps the query short: long lines are cut and lines past the limit left out, saying so", () => {
    const lines = Array.from({ length: 40 }, (_, i) => `${i} ` + "Lỗi rất dài ".repeat(50));
    const url = dialogUrl("https://h/dialog.html", { lang: "vi", title: "T", lines });
    expect(new URL(url).search.length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
    const back = dialogContentFrom(new URL(url).search);
    expect(back.lines.length).toBeGreaterThan(1);
    expect(back.lines.length).toBeLessThan(lines.length);
    expect(back.lines[back.lines.length - 1]).toBe("… (xem thêm trong ngăn CCHC)");
  });
});
