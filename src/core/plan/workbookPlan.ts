import { UnitResult } from "../check/checkWorkbook";
import { IndexedSet, roundPoints } from "../criteria/indexed";
import { emptyPlan, WorkbookRead, WritePlan } from "../port";
import { leafAverages, LeafAverage } from "../scoring/leafAverages";
import { sheetRef } from "../sheet/address";
import { planSummary, qualified, SummaryUnit } from "./summaryPlan";
import { planUnitSheet, TypedCellConflict } from "./unitPlan";

export function mergePlans(plans: WritePlan[]): WritePlan {
  const out = emptyPlan();
  for (const p of plans) {
    out.sheets.push(...p.sheets);
    out.ranges.push(...p.ranges);
    out.styles.push(...p.styles);
    out.conditionalFormats.push(...p.conditionalFormats);
    out.validations.push(...p.validations);
  }
  return out;
}

export interface ScorePlan {
  plan: WritePlan;
  conflicts: TypedCellConflict[];
  leaves: LeafAverage[];
}

/** Everything `cchc score` and the add-in's "Tính điểm" write: unit sheet formulas and the summary sheet. */
export function planScoreWorkbook(
  set: IndexedSet,
  wb: WorkbookRead,
  units: UnitResult[]
): ScorePlan {
  const grids = new Map(wb.sheets.map((g) => [g.name, g]));
  const plans: WritePlan[] = [];
  const conflicts: TypedCellConflict[] = [];
  const summaryUnits: SummaryUnit[] = [];
  for (const u of units) {
    const grid = grids.get(u.sheet);
    if (!grid) continue;
    const p = planUnitSheet(set, u.check, grid);
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
    });
  }
  const leaves = leafAverages(
    set,
    units.map((u) => u.check.values)
  );
  plans.push(planSummary(set, summaryUnits, leaves).plan);
  return { plan: mergePlans(plans), conflicts, leaves };
}

/** The summary across files: gathered values, with rank and band still live formulas. */
export function planGatheredSummary(
  set: IndexedSet,
  units: UnitResult[],
  leaves: LeafAverage[]
): WritePlan {
  const summaryUnits: SummaryUnit[] = units.map((u) => {
    const c = computedOf(u);
    return {
      name: u.name,
      source: u.file ? `${u.file} › ${u.sheet}` : u.sheet,
      fields: new Map([...c.fields].map(([code, v]) => [code, { value: v }])),
      total: { value: c.total },
      index: { value: c.index },
      computed: c,
    };
  });
  return planSummary(set, summaryUnits, leaves).plan;
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
