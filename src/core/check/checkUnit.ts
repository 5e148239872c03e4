import { IndexedNode, IndexedSet, roundPoints } from "../criteria/indexed";
import { Finding, finding, ScoreColumn } from "../findings/finding";
import { isAllowed, pointsForRatio, rangeStep } from "../rules/allowed";
import { readScoreCell, ScoreCell } from "../rules/scoreCell";
import { a1 } from "../sheet/address";
import { NodeRow, resolveCodes } from "../sheet/resolveCodes";
import { RowCells, UnitSheet } from "../sheet/unitSheet";
import { cellText } from "../text/normalize";
import { nearlyEqual, parseNumberText, parseRatio } from "../text/numbers";
import { LeafValues, lastFilledRound } from "./leafValues";

export interface AdjustmentValues {
  bonus: number;
  penalty: number;
}

export interface UnitCheck {
  unit: UnitSheet;
  rows: NodeRow[];
  values: Map<string, LeafValues>;
  adjustments: AdjustmentValues;
  hasAppraisalColumn: boolean;
  findings: Finding[];
}

/** Every per-sheet rule of docs/contracts/report.md on one unit sheet. */
export function checkUnit(set: IndexedSet, unit: UnitSheet): UnitCheck {
  const { rows, findings } = resolveCodes(set, unit);
  const cols = unit.layout.columns;
  const values = new Map<string, LeafValues>();
  const hasAppraisalColumn = cols.appraised.length > 0;
  const at = (row: number, col: number | undefined, node?: IndexedNode) => ({
    sheet: unit.sheet,
    row,
    ...(col !== undefined ? { cell: a1(row, col) } : {}),
    ...(node ? { criterion: node.code } : {}),
  });

  /** Reads one score cell and reports what is wrong with the cell itself. */
  const score = (
    row: RowCells,
    col: number,
    column: ScoreColumn,
    node: IndexedNode | undefined,
    raw: RowCells["self"]
  ): ScoreCell => {
    const cell = readScoreCell(raw);
    const where = at(row.row, col, node);
    if (cell.kind === "error")
      findings.push(finding("formula-error", { ...where, params: { error: cell.error, column } }));
    else if (cell.kind === "invalid")
      findings.push(
        finding("score-not-numeric", {
          ...where,
          params: { value: cell.text, what: cell.what, column },
        })
      );
    else if (cell.kind === "number" && cell.asText !== undefined)
      findings.push(
        finding("number-as-text", {
          ...where,
          params: { text: cell.asText, value: cell.value, column },
        })
      );
    return cell;
  };

  const leafScore = (
    row: NodeRow,
    col: number,
    column: ScoreColumn,
    raw: RowCells["self"]
  ): ScoreCell => {
    const node = row.node;
    const cell = score(row, col, column, node, raw);
    const where = at(row.row, col, node);
    if (cell.kind === "na" && !node.mayBeNotApplicable)
      findings.push(
        finding("not-applicable-not-allowed", { ...where, params: { text: cell.text, column } })
      );
    if (cell.kind === "number") {
      if (cell.value < 0 || cell.value > node.innerMax + 1e-9) {
        findings.push(
          finding("score-out-of-range", {
            ...where,
            params: { score: cell.value, max: node.innerMax, column },
          })
        );
      } else if (!isAllowed(node, cell.value)) {
        const allowed = node.allowed;
        findings.push(
          finding("score-not-allowed", {
            ...where,
            params: {
              score: cell.value,
              column,
              ...(allowed ? { allowed } : { step: rangeStep(node.rule) }),
            },
          })
        );
      }
    }
    return cell;
  };

  for (const row of rows) {
    const node = row.node;
    checkMax(row, cols.max);
    if (!node.isLeaf) continue;

    const self =
      cols.self !== undefined
        ? leafScore(row, cols.self, "self", row.self)
        : ({ kind: "empty" } as ScoreCell);
    const rounds = cols.appraised.map((c, i) => leafScore(row, c, "appraised", row.appraised[i]));
    const appraised = lastFilledRound(rounds);
    const survey = node.source === "survey";
    const selfNumber = self.kind === "number" && !survey ? self.value : undefined;
    const appraisedNumber = appraised?.kind === "number" ? appraised.value : undefined;
    const v: LeafValues = {
      self: selfNumber,
      selfNA: self.kind === "na" && node.mayBeNotApplicable,
      appraised: appraisedNumber,
      appraisedNA: appraised?.kind === "na" && node.mayBeNotApplicable,
      hasAppraisal:
        appraised !== undefined && (appraised.kind === "number" || appraised.kind === "na"),
    };
    values.set(node.code, v);
    const selfAt = () => at(row.row, cols.self, node);

    if (survey && self.kind === "number")
      findings.push(finding("survey-self-scored", { ...selfAt(), params: { score: self.value } }));
    if (!survey && self.kind === "empty" && !(v.hasAppraisal && v.appraisedNA))
      findings.push(finding("score-missing", { ...selfAt(), params: { column: "self" } }));

    if (selfNumber !== undefined && cols.ratio !== undefined && cellText(row.ratio) !== "") {
      const ratio = parseRatio(row.ratio);
      const expected = ratio !== undefined ? pointsForRatio(node, ratio) : undefined;
      if (expected !== undefined && !nearlyEqual(expected, selfNumber, 1e-6))
        findings.push(
          finding("score-ratio-mismatch", {
            ...selfAt(),
            params: { ratio, score: selfNumber, expected },
          })
        );
    }

    const given = selfNumber ?? appraisedNumber;
    if (
      node.evidence &&
      given !== undefined &&
      given > 0 &&
      cols.evidence !== undefined &&
      cellText(row.evidence) === ""
    )
      findings.push(
        finding("missing-evidence", {
          ...at(row.row, cols.evidence, node),
          params: { score: given },
        })
      );

    const finalNumber = v.hasAppraisal ? appraisedNumber : selfNumber;
    const finalCol = v.hasAppraisal ? cols.appraised[rounds.lastIndexOf(appraised!)] : cols.self;
    const limit = roundPoints(node.threshold * node.innerMax);
    if (finalNumber !== undefined && finalNumber < limit - 1e-9)
      findings.push(
        finding("below-threshold", {
          ...at(row.row, finalCol, node),
          params: { score: finalNumber, max: node.innerMax, threshold: node.threshold, limit },
        })
      );

    if (hasAppraisalColumn && !survey) {
      if (
        appraisedNumber !== undefined &&
        selfNumber !== undefined &&
        !nearlyEqual(appraisedNumber, selfNumber, 1e-9) &&
        !row.notes.some((n) => cellText(n) !== "")
      )
        findings.push(
          finding("appraisal-without-note", {
            ...at(row.row, finalCol, node),
            params: { self: selfNumber, appraised: appraisedNumber },
          })
        );
      if (selfNumber !== undefined && !v.hasAppraisal)
        findings.push(
          finding("appraisal-missing", {
            ...at(row.row, cols.appraised[cols.appraised.length - 1], node),
            params: { self: selfNumber },
          })
        );
    }
  }

  checkSubtotals();
  const adjustments = readAdjustments();
  for (const s of unit.strayRows)
    findings.push(
      finding("unknown-criterion", { ...at(s.row, cols.code), params: { code: s.text } })
    );

  return { unit, rows, values, adjustments, hasAppraisalColumn, findings };

  function checkMax(row: NodeRow, col: number | undefined): void {
    if (col === undefined) return;
    const cell = readScoreCell(row.max);
    const where = at(row.row, col, row.node);
    if (cell.kind === "error")
      findings.push(
        finding("formula-error", { ...where, params: { error: cell.error, column: "max" } })
      );
    const expected = row.node.max;
    const alt = row.node.innerMax; // a weighted parent may show its weight or its children's sum
    if (
      cell.kind === "number" &&
      !nearlyEqual(cell.value, expected, 1e-6) &&
      !nearlyEqual(cell.value, alt, 1e-6)
    )
      findings.push(
        finding("max-mismatch", { ...where, params: { sheetMax: cell.value, setMax: expected } })
      );
  }

  /** Parent rows and the total row against the sum of their parts, per score column. */
  function checkSubtotals(): void {
    const rowOf = new Map(rows.map((r) => [r.node.code, r]));
    const columns: {
      col: number;
      column: ScoreColumn;
      pick: (r: RowCells) => RowCells["self"];
      round: number;
    }[] = [];
    if (cols.self !== undefined)
      columns.push({ col: cols.self, column: "self", pick: (r) => r.self, round: -1 });
    cols.appraised.forEach((c, i) =>
      columns.push({ col: c, column: "appraised", pick: (r) => r.appraised[i], round: i })
    );

    for (const { col, column, pick, round } of columns) {
      // Two readings of a parent's sum: the plain column sum, and the running "final" one (a leaf without an
      // appraised score counts with its self-score). A person may have written either; both are accepted.
      const memo = new Map<string, { plain: number; final: number }>();
      const sumOf = (node: IndexedNode): { plain: number; final: number } => {
        const hit = memo.get(node.code);
        if (hit) return hit;
        let out: { plain: number; final: number };
        if (node.isLeaf) {
          const r = rowOf.get(node.code);
          const own = r ? numberIn(pick(r)) : undefined;
          let fin = own;
          if (round >= 0 && r) fin = finalThrough(r, round, node);
          out = { plain: own ?? 0, final: fin ?? 0 };
        } else {
          const parts = node.children.map((ch) => {
            const r = rowOf.get(ch.code);
            const shown = r && !ch.isLeaf ? numberIn(pick(r)) : undefined;
            const s = sumOf(ch);
            return shown !== undefined ? { plain: shown, final: shown } : s;
          });
          out = weighted(
            node,
            parts.reduce((a, p) => a + p.plain, 0),
            parts.reduce((a, p) => a + p.final, 0)
          );
        }
        memo.set(node.code, out);
        return out;
      };
      for (const r of rows) {
        if (r.node.isLeaf) continue;
        const cell = readScoreCell(pick(r));
        if (cell.kind === "error") {
          findings.push(
            finding("formula-error", {
              ...at(r.row, col, r.node),
              params: { error: cell.error, column },
            })
          );
          continue;
        }
        if (cell.kind !== "number") continue;
        const s = sumOf(r.node);
        if (!nearlyEqual(cell.value, s.plain) && !nearlyEqual(cell.value, s.final))
          findings.push(
            finding("subtotal-mismatch", {
              ...at(r.row, col, r.node),
              params: {
                value: cell.value,
                expected: roundPoints(round >= 0 ? s.final : s.plain),
                column,
              },
            })
          );
      }
      const total = unit.totalRow;
      if (total) {
        const cell = readScoreCell(pick(total));
        if (cell.kind === "error")
          findings.push(
            finding("formula-error", {
              ...at(total.row, col),
              params: { error: cell.error, column: "total" },
            })
          );
        if (cell.kind === "number") {
          const parts = set.fields.map((f) => {
            const r = rowOf.get(f.code);
            const shown = r ? numberIn(pick(r)) : undefined;
            return shown !== undefined ? { plain: shown, final: shown } : sumOf(f);
          });
          const plain = parts.reduce((a, p) => a + p.plain, 0);
          const fin = parts.reduce((a, p) => a + p.final, 0);
          const adj = adjustmentsIn(pick);
          const ok = [plain, fin, plain + adj, fin + adj].some((x) => nearlyEqual(cell.value, x));
          if (!ok)
            findings.push(
              finding("subtotal-mismatch", {
                ...at(total.row, col),
                params: {
                  value: cell.value,
                  expected: roundPoints(round >= 0 ? fin : plain),
                  column: "total",
                },
              })
            );
        }
      }
    }
  }

  function adjustmentsIn(pick: (r: RowCells) => RowCells["self"]): number {
    let sum = 0;
    for (const a of unit.adjustmentRows) {
      const n = numberIn(pick(a));
      if (n !== undefined) sum += a.adjustment.kind === "bonus" ? n : -Math.abs(n);
    }
    return sum;
  }

  function readAdjustments(): AdjustmentValues {
    const out: AdjustmentValues = { bonus: 0, penalty: 0 };
    for (const a of unit.adjustmentRows) {
      const cells: { col: number; column: ScoreColumn; raw: RowCells["self"] }[] = [];
      if (cols.self !== undefined) cells.push({ col: cols.self, column: "self", raw: a.self });
      cols.appraised.forEach((c, i) =>
        cells.push({ col: c, column: "appraised", raw: a.appraised[i] })
      );
      let value: number | undefined;
      for (const { col, column, raw } of cells) {
        const cell = score(a, col, column, undefined, raw);
        if (cell.kind !== "number") continue;
        const points = a.adjustment.kind === "penalty" ? Math.abs(cell.value) : cell.value;
        if (points > a.adjustment.max + 1e-9 || (a.adjustment.kind === "bonus" && points < 0))
          findings.push(
            finding("score-out-of-range", {
              ...at(a.row, col),
              criterion: a.adjustment.code,
              params: { score: cell.value, max: a.adjustment.max, column },
            })
          );
        value = Math.min(Math.max(points, 0), a.adjustment.max);
      }
      if (value !== undefined) out[a.adjustment.kind] += value;
    }
    return out;
  }
}

/** A leaf's score through appraisal round k, as the written formulas read it: the last round with a number (a
 * not-applicable mark there gives 0), else the self-score; survey leaves have no self-score. */
function finalThrough(r: RowCells, round: number, node: IndexedNode): number | undefined {
  for (let k = round; k >= 0; k--) {
    const cell = readScoreCell(r.appraised[k]);
    if (cell.kind === "number") return cell.value;
    if (cell.kind === "na" && node.mayBeNotApplicable) return 0;
  }
  return node.source === "survey" ? undefined : numberIn(r.self);
}

function numberIn(v: RowCells["self"]): number | undefined {
  if (typeof v === "number") return v;
  if (typeof v === "string") return parseNumberText(v);
  return undefined;
}

function weighted(node: IndexedNode, plain: number, fin: number): { plain: number; final: number } {
  if (node.weight === undefined || node.innerMax === 0) return { plain, final: fin };
  return {
    plain: (plain / node.innerMax) * node.weight,
    final: (fin / node.innerMax) * node.weight,
  };
}
