import { IndexedSet } from "../criteria/indexed";
import { Finding } from "../findings/finding";
import headerNotFound from "../findings/rules/header-not-found";
import mergedScoreCells from "../findings/rules/merged-score-cells";
import noScoringSheet from "../findings/rules/no-scoring-sheet";
import { SheetGrid, WorkbookRead } from "../port";
import { bandFor, competitionRanks } from "../scoring/ranking";
import { unitScores, UnitScores } from "../scoring/unitScores";
import { parseArea } from "../sheet/address";
import { findLayout, SheetLayout } from "../sheet/layout";
import { readUnitSheet } from "../sheet/unitSheet";
import { checkUnit, UnitCheck } from "./checkUnit";
import { ownedSheets } from "../owned/ownedSheets";
import { notCalculatedFinding, uncalculatedCells } from "./notCalculated";
import { isCriteriaSheetName, isSummarySheetName } from "./sheetNames";

export interface UnitResult {
  file?: string;
  sheet: string;
  name: string;
  check: UnitCheck;
  scores: UnitScores;
  rank: number;
  band: string;
}

export interface WorkbookCheck {
  units: UnitResult[];
  findings: Finding[];
}

/**
 * A unit sheet's check made before with `set`, under the grid's name, where one was (a consolidation checks each
 * file as it reads it, then scores the consolidated workbook): taken as it is rather than made again.
 */
export type KnownUnitCheck = (grid: SheetGrid, set: IndexedSet) => UnitCheck | undefined;

/** Checks and scores every unit sheet of one workbook; ranks are within the workbook (see rankUnits for a run). */
export function checkWorkbook(
  set: IndexedSet,
  wb: WorkbookRead,
  file?: string,
  known?: KnownUnitCheck
): WorkbookCheck {
  const units: UnitResult[] = [];
  const findings: Finding[] = [];
  // The tool's own sheets (summary, data, undo) are never unit sheets, whatever they are called.
  const owned = new Set(ownedSheets(wb).values());
  const uncalculated: { sheet: string; cell: string }[] = [];
  for (const grid of wb.sheets) {
    if (owned.has(grid.name) || isCriteriaSheetName(grid.name) || isSummarySheetName(grid.name))
      continue;
    let check = known?.(grid, set);
    if (!check) {
      const layout = findLayout(grid);
      if (layout.kind === "other") continue;
      if (layout.kind === "incomplete") {
        findings.push(
          headerNotFound.finding(
            { file, sheet: grid.name, row: layout.headerRow },
            { missing: layout.missing, headerRow: layout.headerRow }
          )
        );
        continue;
      }
      check = checkUnit(set, readUnitSheet(grid, layout.layout, set.adjustments));
    }
    const unit = check.unit;
    for (const f of mergedCells(grid, unit.layout)) findings.push(withFile(f, file));
    for (const f of check.findings) findings.push(withFile(f, file));
    for (const cell of uncalculatedCells(grid, check, wb.formulaResults))
      uncalculated.push({ sheet: grid.name, cell });
    units.push({
      file,
      sheet: grid.name,
      name: unit.unitName,
      check,
      scores: unitScores(set, check),
      rank: 0,
      band: "",
    });
  }
  if (uncalculated.length) findings.push(notCalculatedFinding(file, uncalculated));
  if (units.length === 0 && !findings.some((f) => f.rule === "header-not-found"))
    findings.push(noScoringSheet.finding({ file }, {}));
  rankUnits(set, units);
  return { units, findings };
}

/** Ranks all units of a run together and gives each its band. */
export function rankUnits(
  set: IndexedSet,
  units: { scores: UnitScores; rank: number; band: string }[]
): void {
  const ranks = competitionRanks(units.map((u) => u.scores.index));
  units.forEach((u, i) => {
    u.rank = ranks[i];
    u.band = bandFor(u.scores.index, set.set.bands);
  });
}

function withFile(f: Finding, file: string | undefined): Finding {
  if (file !== undefined) f.file = file;
  return f;
}

function mergedCells(grid: SheetGrid, layout: SheetLayout): Finding[] {
  const scoreCols = [layout.columns.self, ...layout.columns.appraised].filter(
    (c): c is number => c !== undefined
  );
  const out: Finding[] = [];
  for (const m of grid.merges ?? []) {
    const a = parseArea(m);
    if (a.bottom < layout.dataStart || a.left === a.right) continue;
    if (scoreCols.some((c) => c >= a.left && c <= a.right))
      out.push(
        mergedScoreCells.finding(
          { sheet: grid.name, cell: m.split(":")[0], row: a.top },
          { range: m }
        )
      );
  }
  return out;
}
