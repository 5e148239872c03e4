import { UnitResult } from "../check/checkWorkbook";
import { IndexedSet, roundPoints } from "../criteria/indexed";
import { emptyPlan, WorkbookRead, WritePlan } from "../port";
import { leafAverages, LeafAverage } from "../scoring/leafAverages";
import { sheetRef } from "../sheet/address";
import { planSummary, qualified, SummaryUnit } from "./summaryPlan";
import { ownedSheetMarkers, ownedSheetName } from "../owned/ownedSheets";
import { DataSheetPlan } from "./dataSheet";
import { planUnitSheet, TypedCellConflict } from "./unitPlan";
import { dropdownValues } from "./unitValidations";

export function mergePlans(plans: WritePlan[]): WritePlan {
  const out = emptyPlan();
  for (const p of plans) {
    out.sheets.push(...p.sheets);
    out.ranges.push(...p.ranges);
    out.styles.push(...p.styles);
    out.conditionalFormats.push(...p.conditionalFormats);
    out.validations.push(...p.validations);
    out.names.push(...p.names);
  }
  return out;
}

export interface ScorePlan {
  plan: WritePlan;
  conflicts: TypedCellConflict[];
  leaves: LeafAverage[];
}

/**
 * Everything `cchc score` and the add-in's "Tính điểm" write: unit sheet formulas, the summary sheet and the data
 * sheet behind them, with the markers that make them the tool's. The summary and data sheets are the workbook's
 * own of their role, or new ones under free names (core/owned): a person's "Tổng hợp" is never written to.
 */
export function planScoreWorkbook(
  set: IndexedSet,
  wb: WorkbookRead,
  units: UnitResult[],
  /** Last year's figures per unit, in the order of `units`; null: not found. */
  previous?: ({ index: number; rank: number } | null)[]
): ScorePlan {
  const grids = new Map(wb.sheets.map((g) => [g.name, g]));
  const summarySheet = ownedSheetName(wb, "summary");
  const data = new DataSheetPlan(ownedSheetName(wb, "data", [summarySheet]));
  // Every dropdown list of the set first, in the set's order: the data sheet's columns never depend on the units.
  for (const leaf of set.leaves) {
    const values = dropdownValues(leaf);
    if (values) data.listFor(values);
  }
  const plans: WritePlan[] = [];
  const conflicts: TypedCellConflict[] = [];
  const summaryUnits: SummaryUnit[] = [];
  for (const [i, u] of units.entries()) {
    const grid = grids.get(u.sheet);
    if (!grid) continue;
    const p = planUnitSheet(set, u.check, grid, data);
    plans.push(p.plan);
    conflicts.push(...p.conflicts);
    const c = p.cells;
    summaryUnits.push({
      name: u.name,
      source: u.sheet,
      fields: new Map(
        [...c.fields].map(([code, expr]) => [code, { formula: qualified(u.sheet, expr) }])
      ),
      total: { formula: qualified(u.sheet, `${c.total}+${c.bonus}-(${c.penalty})`) },
      index: { formula: sheetRef(u.sheet, c.index) },
      computed: computedOf(u),
      ...(previous ? { previous: previous[i] ?? null } : {}),
    });
  }
  const leaves = leafAverages(
    set,
    units.map((u) => u.check.values)
  );
  plans.push(planSummary(set, summaryUnits, leaves, summarySheet).plan, data.plan());
  return { plan: withSheetMarkers(mergePlans(plans)), conflicts, leaves };
}

/**
 * The summary across files: gathered values, with rank and band still live formulas. `into` is the workbook it is
 * written into (by default a new one).
 */
export function planGatheredSummary(
  set: IndexedSet,
  units: UnitResult[],
  leaves: LeafAverage[],
  into: WorkbookRead = { sheets: [] },
  /** Last year's figures per unit, in the order of `units` (`summary --previous`); null: not found. */
  previous?: ({ index: number; rank: number } | null)[]
): WritePlan {
  const summaryUnits: SummaryUnit[] = units.map((u, i) => {
    const c = computedOf(u);
    return {
      name: u.name,
      source: u.file ? `${u.file} › ${u.sheet}` : u.sheet,
      fields: new Map([...c.fields].map(([code, v]) => [code, { value: v }])),
      total: { value: c.total },
      index: { value: c.index },
      computed: c,
      ...(previous ? { previous: previous[i] ?? null } : {}),
    };
  });
  return withSheetMarkers(
    planSummary(set, summaryUnits, leaves, ownedSheetName(into, "summary")).plan
  );
}

function withSheetMarkers(plan: WritePlan): WritePlan {
  return { ...plan, names: [...ownedSheetMarkers(plan), ...plan.names] };
}

function computedOf(u: UnitResult): SummaryUnit["computed"] {
  const s = u.scores;
  const fin = s.appraised ?? s.self;
  return {
    total: roundPoints(fin + s.bonus - s.penalty),
    index: s.index,
    rank: u.rank,
    band: u.band,
    fields: new Map(s.fields.map((f) => [f.code, f.appraised ?? f.self])),
  };
}
