import { indexSet } from "../../src/core/criteria/indexed";
import { CriteriaSet } from "../../src/core/criteria/model";
import { allowedValues } from "../../src/core/criteria/allowedScores";
import { bandFor, competitionRanks } from "../../src/core/scoring/ranking";
import { roundIndex } from "../../src/core/scoring/rounding";
import { checkSpec, only, SET } from "../support/checkHelpers";
import { mulberry32, pick } from "../support/random";

describe("index", () => {
  test("not-applicable leaves leave the denominator; bonus and penalty adjust the numerator", () => {
    // All leaves at max except 6.3 (max 2) marked KĐG; survey appraised at 27/30; bonus 1, penalty 0.5.
    const r = checkSpec({ appraisalRounds: 1, leaves: { "6.3": { self: "KĐG", evidence: null, appraised: ["KĐG"] } }, bonus: 1, penalty: 0.5 });
    const s = r.units[0].scores;
    expect(s.maxApplicable).toBe(98);
    expect(s.appraised).toBe(68 + 27);
    expect(s.index).toBe(roundIndex(((95 + 1 - 0.5) / 98) * 100, { decimals: 2, mode: "round" }));
    expect(s.index).toBe(97.45);
  });

  test("the example of the report contract: (78.25 + 0 − 0.5) / 99 → 78.54", () => {
    expect(roundIndex(((78.25 - 0.5) / 99) * 100, { decimals: 2, mode: "round" })).toBe(78.54);
    expect(roundIndex(((78.25 - 0.5) / 99) * 100, { decimals: 2, mode: "truncate" })).toBe(78.53);
  });

  test("half up despite binary noise: 1.005 rounds to 1.01", () => {
    expect(1.005 * 100).toBeLessThan(100.5); // the float is below the half…
    expect(roundIndex(1.005, { decimals: 2, mode: "round" })).toBe(1.01); // …but a person and Excel round up
    expect(roundIndex(1.005, { decimals: 2, mode: "truncate" })).toBe(1);
  });

  test("the index is capped at 100 even with a bonus", () => {
    const r = checkSpec({ appraisalRounds: 1, leaves: { "8.1": { appraised: [15] }, "8.2": { appraised: [8] }, "8.3": { appraised: [7] } }, bonus: 2 });
    expect(r.units[0].scores.index).toBe(100);
  });

  test("final score: appraised where given, else self", () => {
    const r = checkSpec({ appraisalRounds: 1, leaves: { "2.2": { self: 1.5, appraised: [] }, "2.5": { self: 1.5, appraised: [0], note: "x" } } });
    expect(r.units[0].scores.fields.find((f) => f.code === "2")).toMatchObject({ self: 7, appraised: 5.5 });
  });

  test("a weighted parent contributes (score ÷ max) × weight", () => {
    const set = indexSet(weighted());
    const r = checkSpec({ leaves: { "1.1": { self: 1 }, "1.2": { self: 0 } } }, set);
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(set.maxTotal).toBe(12);
    // Field 1: (1 + 0) / 4 × 10 = 2.5; field 2: 2.
    expect(r.units[0].scores.self).toBe(4.5);
    expect(r.units[0].scores.index).toBe(37.5);
  });
});

describe("ranking and bands", () => {
  test("competition ranking: ties share a rank, the next rank skips", () => {
    expect(competitionRanks([90, 95, 90, 80])).toEqual([2, 1, 2, 4]);
    expect(competitionRanks([])).toEqual([]);
  });

  test("bands are lower bounds", () => {
    const bands = SET.set.bands;
    expect([90, 89.99, 80, 70, 50, 49.99, 0].map((x) => bandFor(x, bands))).toEqual(["Xuất sắc", "Tốt", "Tốt", "Khá", "Trung bình", "Yếu", "Yếu"]);
  });
});

describe("invariants over random sheets", () => {
  const rand = mulberry32(20251123);
  const runs = Array.from({ length: 60 }, (_, i) => i);

  test.each(runs)("run %i: allowed scores never give score-not-allowed; totals add up; index ≤ 100", () => {
    const leaves: Record<string, { self?: number | string; appraised?: (number | string)[]; note?: string }> = {};
    for (const leaf of SET.leaves) {
      const allowed = allowedValues(leaf.rule, leaf.innerMax) ?? [0, leaf.innerMax, Math.round(rand() * leaf.innerMax * 100) / 100];
      const self = leaf.mayBeNotApplicable && rand() < 0.2 ? "KĐG" : pick(rand, allowed);
      const appraised = rand() < 0.7 ? (typeof self === "string" ? self : pick(rand, allowed)) : undefined;
      leaves[leaf.code] = { self: leaf.source === "survey" ? undefined : self, ...(appraised !== undefined ? { appraised: [appraised], note: "ghi chú" } : { appraised: [] }) };
    }
    const r = checkSpec({ appraisalRounds: 1, leaves, bonus: pick(rand, [0, 0.5, 2]), penalty: pick(rand, [0, 1]) });
    expect(only(r.findings, "score-not-allowed")).toEqual([]);
    expect(only(r.findings, "score-out-of-range")).toEqual([]);
    const s = r.units[0].scores;
    const sumFields = s.fields.reduce((a, f) => a + (f.appraised ?? f.self), 0);
    expect(s.appraised ?? s.self).toBeCloseTo(sumFields, 9);
    let direct = 0;
    for (const [code, v] of r.units[0].check.values) {
      const leaf = SET.byCode.get(code)!;
      if (v.hasAppraisal ? v.appraisedNA : v.selfNA) continue;
      direct += v.hasAppraisal ? (v.appraised ?? 0) : leaf.source === "survey" ? 0 : (v.self ?? 0);
    }
    expect(s.appraised ?? s.self).toBeCloseTo(direct, 9);
    expect(s.index).toBeLessThanOrEqual(100);
    expect(s.index).toBeGreaterThanOrEqual(0);
  });
});

function weighted(): CriteriaSet {
  return {
    format: "cchc-criteria/1",
    id: "w",
    title: "w",
    rounding: { decimals: 2, mode: "round" },
    threshold: 0.5,
    bands: [{ min: 0, label: "Yếu" }],
    nodes: [
      {
        code: "1",
        name: "Có trọng số",
        weight: 10,
        children: [
          { code: "1.1", name: "a", max: 2, rule: { kind: "binary", late: 1 }, evidence: false },
          { code: "1.2", name: "b", max: 2, rule: { kind: "binary" }, evidence: false },
        ],
      },
      { code: "2", name: "Thường", children: [{ code: "2.1", name: "c", max: 2, rule: { kind: "manual", step: 0.5 }, evidence: false }] },
    ],
    adjustments: [],
  };
}
