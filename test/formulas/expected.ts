import { execFile } from "child_process";
import * as path from "path";
import { checkWorkbook, UnitResult } from "../../src/core/check/checkWorkbook";
import { finalIsNotApplicable, finalPoints, lastFilledRound, LeafValues } from "../../src/core/facts/leafValues";
import { IndexedNode, IndexedSet } from "../../src/core/criteria/indexed";
import { readScoreCell } from "../../src/core/facts/scoreCell";
import { nodeSum } from "../../src/core/scoring/unitScores";
import { a1, columnLetter } from "../../src/core/sheet/address";
import { NodeRow } from "../../src/core/sheet/resolveCodes";
import { loadCriteriaFile } from "../../src/cli/criteriaSource";
import { criteriaInUse } from "../../src/core/usecases/criteriaInUse";
import { loadWorkbookFile } from "../../src/cli/files";
import { readWorkbook } from "../../src/xlsx/readWorkbook";
import { Report } from "../../src/core/report/report";
import { cellText, isErrorText, SheetValues, sheetOf } from "../support/libreoffice";
import { projectRoot } from "../support/paths";
import { unitGroupNamed } from "../../src/core/criteria/unitGroups";
import { notAssessedCodes } from "../../src/core/facts/notAssessed";

/**
 * Runs the command as users do, `node bin/cchc.js …` (lib/ is built from the current sources by jest's
 * globalSetup); stdout and stderr captured, never printed.
 */
export function cchc(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [BIN, ...argv], { encoding: "utf8", timeout: 120_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (error as { code?: unknown }).code : 0;
      if (typeof code !== "number") return reject(new Error(`cchc ${argv.join(" ")} did not run: ${error?.message ?? ""}`));
      resolve({ code, out: stdout, err: stderr });
    });
  });
}

const BIN = path.join(projectRoot(), "bin", "cchc.js");

/** `cchc … --json` whose exit code must be 0 or 1 (done): the parsed report. */
export async function cchcJson(...argv: string[]): Promise<Report> {
  const r = await cchc(...argv, "--json");
  if (r.code !== 0 && r.code !== 1) throw new Error(`cchc ${argv.join(" ")} exited ${r.code}: ${r.err}`);
  return JSON.parse(r.out) as Report;
}

/** The core's reading of an input workbook, exactly as the command reads it. */
export async function coreCheck(file: string, criteria?: string): Promise<{ set: IndexedSet; units: UnitResult[] }> {
  const wb = readWorkbook(await loadWorkbookFile(file));
  const given = criteria ? await loadCriteriaFile(criteria, "vi") : undefined;
  const set = criteriaInUse(wb, { given, lang: "vi" }).set;
  return { set, units: checkWorkbook(set, wb, path.basename(file)).units };
}

/** A leaf's values as the core derives them (checkUnit), but counting appraisal rounds 0..k only (k = -1: self). */
export function leafValuesThrough(node: IndexedNode, row: NodeRow | undefined, k: number): LeafValues | undefined {
  if (!row) return undefined;
  const self = readScoreCell(row.self);
  const rounds = row.appraised.slice(0, k + 1).map(readScoreCell);
  const appraised = lastFilledRound(rounds);
  const survey = node.source === "survey";
  return {
    self: self.kind === "number" && !survey ? self.value : undefined,
    selfNA: self.kind === "na" && node.mayBeNotApplicable,
    appraised: appraised?.kind === "number" ? appraised.value : undefined,
    appraisedNA: appraised?.kind === "na" && node.mayBeNotApplicable,
    hasAppraisal: appraised !== undefined && (appraised.kind === "number" || appraised.kind === "na"),
  };
}

const NOT_ASSESSED: LeafValues = { selfNA: true, appraisedNA: true, hasAppraisal: false };

const leavesUnder = (n: IndexedNode): IndexedNode[] => (n.isLeaf ? [n] : n.children.flatMap(leavesUnder));

export interface ScoreColumn {
  /** -1: the self-score column; 0, 1: appraisal rounds. */
  k: number;
  col: number;
  label: string;
}

export interface Expected {
  /** A1 cell → what the core says it should show: a number, or "" for a blank appraisal subtotal. */
  cells: { cell: string; what: string; value: number | "" }[];
  index: number;
}

/**
 * What every formula cell of a scored unit sheet should show, by the core's own arithmetic: nodeSum over the
 * leaves' values as checkUnit derives them from the columns up to that one (self column: the self-scores and
 * self marks; appraisal column k: the last filled round up to k, else the self-score — for the last column exactly
 * the values unitScores scores), the total row as the sum of the fields, and the index as unitScores gives it.
 * Appraisal subtotals are never blank: before any appraisal they show the self-scores carried through.
 *
 * The self column is what the unit claimed, as the core's own subtotal-mismatch rule reads that column; the
 * report's `self` instead drops leaves the appraisers marked not applicable (see selfVersusReport).
 */
export function expectedCells(set: IndexedSet, u: UnitResult, totalRow: number): Expected {
  const cols = u.check.unit.layout.columns;
  const rowOf = new Map(u.check.rows.map((r) => [r.node.code, r]));
  const columns: ScoreColumn[] = [{ k: -1, col: cols.self!, label: "self" }, ...cols.appraised.map((c, i) => ({ k: i, col: c, label: `R${i + 1}` }))];
  const lastRound = cols.appraised.length - 1;
  const cells: Expected["cells"] = [];
  // A leaf the unit's group is not assessed on counts as not applicable in every column (core/facts/notAssessed).
  const group = u.check.unit.groupCell && unitGroupNamed(set.set.unitGroups, u.check.unit.groupCell.text);
  const skipped = notAssessedCodes(set, group);

  for (const c of columns) {
    const through = new Map(set.leaves.map((l) => [l.code, skipped.has(l.code) ? NOT_ASSESSED : leafValuesThrough(l, rowOf.get(l.code), c.k)]));
    if (c.k === lastRound) {
      // The column that counts must agree with what the core scored.
      for (const l of set.leaves) {
        const a = through.get(l.code);
        const b = u.check.values.get(l.code);
        if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`test bug: leaf ${l.code} values ${JSON.stringify(a)} ≠ core ${JSON.stringify(b)}`);
      }
    }
    const points = (l: IndexedNode) => finalPoints(through.get(l.code));
    const na = (l: IndexedNode) => finalIsNotApplicable(through.get(l.code));

    for (const r of u.check.rows) {
      if (r.node.isLeaf) continue;
      cells.push({ cell: a1(r.row, c.col), what: `${r.node.code} ${c.label}`, value: nodeSum(r.node, points, na).points });
    }
    const total = set.fields.reduce((s, f) => s + nodeSum(f, points, na).points, 0);
    cells.push({ cell: a1(totalRow, c.col), what: `total ${c.label}`, value: total });
  }
  return { cells, index: u.scores.index };
}

/** Compares recalculated cells with the expected ones; one line per difference. */
export function compareCells(sheet: string, grid: string[][], expected: Expected["cells"], tolerance = 1e-9): string[] {
  const out: string[] = [];
  for (const e of expected) {
    const m = /^([A-Z]+)(\d+)$/.exec(e.cell)!;
    const col = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const got = cellText(grid, Number(m[2]), col);
    const bad =
      e.value === ""
        ? got !== ""
        : got.trim() === "" || isErrorText(got) || !Number.isFinite(Number(got)) || Math.abs(Number(got) - e.value) > tolerance;
    if (bad) out.push(`${sheet}!${e.cell} (${e.what}): LibreOffice ${JSON.stringify(got)}, core ${JSON.stringify(e.value)}`);
  }
  return out;
}

/** 1-based row of the first row whose cell in `col` reads `text` (NFC-compared, trimmed). */
export function rowWith(grid: string[][], col: number, text: string): number | undefined {
  const want = text.normalize("NFC").trim();
  const i = grid.findIndex((r) => (r[col - 1] ?? "").normalize("NFC").trim() === want);
  return i < 0 ? undefined : i + 1;
}

/**
 * Every subtotal, the total row and the index of one scored unit sheet, as LibreOffice recalculated them, against
 * the core's numbers and the command's report: one line per difference.
 */
export function unitSheetMismatches(set: IndexedSet, report: Report, sheets: SheetValues, u: UnitResult): string[] {
  const grid = sheetOf(sheets, u.sheet);
  const cols = u.check.unit.layout.columns;
  const totalRow = u.check.unit.totalRow?.row;
  if (totalRow === undefined) return [`${u.sheet}: no total row (every test sheet has one)`];
  const e = expectedCells(set, u, totalRow);
  const reported = report.units.find((r) => r.sheet === u.sheet);
  if (reported?.index !== e.index) return [`${u.sheet}: the command reported index ${reported?.index}, the core computes ${e.index}`];
  const out = compareCells(u.sheet, grid, e.cells);
  const indexRow = rowWith(grid, cols.name ?? cols.code!, "Chỉ số CCHC (%)");
  const indexCol = cols.appraised.length ? cols.appraised[cols.appraised.length - 1] : cols.self!;
  if (indexRow === undefined) out.push(`${u.sheet}: no "Chỉ số CCHC (%)" row after scoring`);
  else out.push(...compareCells(u.sheet, grid, [{ cell: `${columnLetter(indexCol)}${indexRow}`, what: "index", value: e.index }]));
  return out;
}
