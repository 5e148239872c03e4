/**
 * What a ribbon button ("Kiểm tra", "Tính điểm", "Tổng hợp") did, said as a title and lines of plain text, in
 * Vietnamese or English. Pure: no Office.js. Workbook text (sheet names, error reasons) is only ever a
 * parameter, and the dialog shows the lines as text (textContent), never as HTML.
 */
import type { Lang } from "../core/i18n/lang";

export type RibbonCommand = "check" | "score" | "summary";

export interface FindingCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export type RibbonOutcome =
  | { command: "check"; status: "checked"; units: number; findings: FindingCounts }
  | {
      command: "score" | "summary";
      status: "written";
      units: number;
      findings: FindingCounts;
      /** What the run could not do, already in the outcome's language. */
      notices: string[];
    }
  | {
      command: "score" | "summary";
      status: "typed-cells";
      /** The typed values the run would have replaced: nothing was written. */
      conflicts: { sheet: string; cell: string }[];
    }
  | { command: RibbonCommand; status: "failed"; reason: string };

export interface OutcomeText {
  title: string;
  lines: string[];
}

/** At most this many typed cells are named; the rest are counted. */
export const LISTED_CELLS = 5;

interface Messages {
  title: Record<RibbonCommand, string>;
  checked: (units: number) => string;
  findings: (f: FindingCounts) => string;
  noFindings: string;
  seePane: string;
  scored: (units: number) => string;
  summarized: (units: number) => string;
  typedCells: (count: number) => string;
  moreCells: (count: number) => string;
  typedCellsHint: string;
  failed: (reason: string) => string;
}

const VI: Messages = {
  title: { check: "Kiểm tra", score: "Tính điểm", summary: "Tổng hợp" },
  checked: (n) => `Đã kiểm tra ${n} trang chấm điểm.`,
  findings: (f) => `Phát hiện: ${f.errors} lỗi, ${f.warnings} cảnh báo, ${f.infos} thông tin.`,
  noFindings: "Không có phát hiện nào. Sổ tính khớp bộ tiêu chí.",
  seePane: "Mở ngăn CCHC (nút “Mở CCHC”) để xem từng phát hiện và chuyển tới ô của nó.",
  scored: (n) =>
    `Đã ghi công thức tổng điểm, chỉ số và xếp loại vào ${n} trang chấm điểm; có thể hoàn tác trong ngăn CCHC.`,
  summarized: (n) => `Đã lập trang Tổng hợp cho ${n} đơn vị; có thể hoàn tác trong ngăn CCHC.`,
  typedCells: (n) =>
    `Chưa ghi gì: ${n} ô đang có giá trị nhập tay sẽ bị thay bằng công thức, và nút trên thanh công cụ không hỏi trước khi thay:`,
  moreCells: (n) => `… và ${n} ô khác.`,
  typedCellsHint: "Mở ngăn CCHC và bấm “Tính điểm” ở đó để xem các ô này và xác nhận.",
  failed: (r) => `Không thành công: ${r}`,
};

const EN: Messages = {
  title: { check: "Check", score: "Score", summary: "Summarize" },
  checked: (n) => `Checked ${n} scoring ${n === 1 ? "sheet" : "sheets"}.`,
  findings: (f) => `Findings: ${f.errors} errors, ${f.warnings} warnings, ${f.infos} info.`,
  noFindings: "No findings. The workbook matches the criteria set.",
  seePane: "Open the CCHC pane (“Open CCHC”) to see each finding and go to its cell.",
  scored: (n) =>
    `Wrote the total, index and band formulas into ${n} scoring ${n === 1 ? "sheet" : "sheets"}; the CCHC pane can undo it.`,
  summarized: (n) =>
    `Built the summary sheet (“Tổng hợp”) for ${n} ${n === 1 ? "unit" : "units"}; the CCHC pane can undo it.`,
  typedCells: (n) =>
    `Nothing was written: ${n} ${n === 1 ? "cell holds a typed value" : "cells hold typed values"} that would be replaced by formulas, and the ribbon button does not ask first:`,
  moreCells: (n) => `… and ${n} more.`,
  typedCellsHint: "Open the CCHC pane and choose “Score” there to see these cells and confirm.",
  failed: (r) => `Failed: ${r}`,
};

/** The dialog's title and lines for an outcome. */
export function outcomeText(outcome: RibbonOutcome, lang: Lang): OutcomeText {
  const m = lang === "en" ? EN : VI;
  const title = `CCHC — ${m.title[outcome.command]}`;
  const total = (f: FindingCounts) => f.errors + f.warnings + f.infos;
  switch (outcome.status) {
    case "checked":
      return {
        title,
        lines: [
          m.checked(outcome.units),
          total(outcome.findings) ? m.findings(outcome.findings) : m.noFindings,
          ...(total(outcome.findings) ? [m.seePane] : []),
        ],
      };
    case "written":
      return {
        title,
        lines: [
          outcome.command === "summary" ? m.summarized(outcome.units) : m.scored(outcome.units),
          ...outcome.notices,
          ...(outcome.findings.errors ? [m.findings(outcome.findings), m.seePane] : []),
        ],
      };
    case "typed-cells": {
      const listed = outcome.conflicts.slice(0, LISTED_CELLS);
      const rest = outcome.conflicts.length - listed.length;
      return {
        title,
        lines: [
          m.typedCells(outcome.conflicts.length),
          ...listed.map((c) => `${c.sheet}!${c.cell}`),
          ...(rest > 0 ? [m.moreCells(rest)] : []),
          m.typedCellsHint,
        ],
      };
    }
    case "failed":
      return { title, lines: [m.failed(outcome.reason)] };
  }
}

/** Findings by severity. */
export function countFindings(findings: readonly { severity: string }[]): FindingCounts {
  const counts: FindingCounts = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings)
    if (f.severity === "error") counts.errors++;
    else if (f.severity === "warning") counts.warnings++;
    else counts.infos++;
  return counts;
}
