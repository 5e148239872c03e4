import { indexSet } from "../../src/core/criteria/indexed";
import { CriteriaSet } from "../../src/core/criteria/model";
import { buildReport } from "../../src/core/report/report";
import { allowedValues } from "../../src/core/criteria/allowedScores";
import { checkSpec, SET } from "../support/checkHelpers";
import { mulberry32, pick } from "../support/random";

/** Issue 12, item 6: self against appraised on the part the unit scores itself; survey points apart. */
describe("like with like", () => {
  const report = (r: ReturnType<typeof checkSpec>) => buildReport(SET, r.units, r.findings, "vi", "t").units[0];

  test("a unit cut by nothing: difference 0 on the self-scored part; the survey points are all of `difference`", () => {
    // Every self-scored leaf appraised as self-scored; survey leaves appraised at 90% (27 of 30).
    const u = report(checkSpec({ appraisalRounds: 1 }));
    expect(u.survey).toBe(27);
    expect(u.appraisedSelfScored).toBe(u.self);
    expect(u.differenceSelfScored).toBe(0);
    expect(u.difference).toBe(27);
    const surveyField = u.fields.find((f) => f.code === "8")!;
    expect(surveyField).toMatchObject({ self: 0, appraisedSelfScored: 0, survey: 27, differenceSelfScored: 0, difference: 27 });
    expect(u.fields.filter((f) => f.code !== "8").every((f) => f.survey === 0 && f.differenceSelfScored === 0)).toBe(true);
  });

  test("a cut shows on the self-scored part, in its field", () => {
    const u = report(checkSpec({ appraisalRounds: 1, leaves: { "2.5": { self: 1.5, appraised: [0], note: "thiếu văn bản" } } }));
    expect(u.differenceSelfScored).toBe(-1.5);
    expect(u.fields.find((f) => f.code === "2")!.differenceSelfScored).toBe(-1.5);
    expect(u.difference).toBe(27 - 1.5);
  });

  test("no appraisal: no appraised figure of either part", () => {
    const u = report(checkSpec({ appraisalRounds: 0 }));
    expect([u.appraised, u.appraisedSelfScored, u.differenceSelfScored, u.survey, u.difference]).toEqual([null, null, null, null, null]);
  });

  test("a weighted field that mixes survey and self-scored leaves: the two parts add up to the appraised score", () => {
    const set = indexSet(mixedWeighted());
    const r = checkSpec({ appraisalRounds: 1, leaves: { "1.1": { self: 2, appraised: [2] }, "1.2": { appraised: [1] }, "2.1": { self: 2, appraised: [1.5], note: "x" } } }, set);
    const s = r.units[0].scores;
    // Field 1: (2 + 1) / 4 × 10 = 7.5, of which the survey leaf 1.2 gives 1 / 4 × 10 = 2.5.
    expect(s.fields[0]).toMatchObject({ appraised: 7.5, appraisedSelfScored: 5, survey: 2.5, self: 5 });
    expect(s).toMatchObject({ appraised: 9, appraisedSelfScored: 6.5, survey: 2.5, self: 7 });
  });

  const rand = mulberry32(20261202);
  test.each(Array.from({ length: 30 }, (_, i) => i))("random sheet %i: self-scored part + survey = appraised, field by field", () => {
    const leaves: Record<string, { self?: number | string; appraised?: (number | string)[]; note?: string }> = {};
    for (const leaf of SET.leaves) {
      const allowed = allowedValues(leaf.rule, leaf.innerMax) ?? [0, leaf.innerMax];
      const self = leaf.mayBeNotApplicable && rand() < 0.2 ? "KĐG" : pick(rand, allowed);
      const appraised = rand() < 0.7 ? (typeof self === "string" ? self : pick(rand, allowed)) : undefined;
      leaves[leaf.code] = { self: leaf.source === "survey" ? undefined : self, ...(appraised !== undefined ? { appraised: [appraised], note: "ghi chú" } : { appraised: [] }) };
    }
    const s = checkSpec({ appraisalRounds: 1, leaves }).units[0].scores;
    expect(s.appraisedSelfScored! + s.survey!).toBeCloseTo(s.appraised!, 9);
    for (const f of s.fields) expect(f.appraisedSelfScored! + f.survey!).toBeCloseTo(f.appraised!, 9);
  });
});

function mixedWeighted(): CriteriaSet {
  return {
    format: "cchc-criteria/1",
    id: "mixed",
    title: "mixed",
    rounding: { decimals: 2, mode: "round" },
    threshold: 0.5,
    bands: [{ min: 0, label: "Yếu" }],
    nodes: [
      {
        code: "1",
        name: "Có trọng số",
        weight: 10,
        children: [
          { code: "1.1", name: "a", max: 2, rule: { kind: "binary" }, evidence: false },
          { code: "1.2", name: "b", max: 2, rule: { kind: "manual", step: 0.5 }, evidence: false, source: "survey" },
        ],
      },
      { code: "2", name: "Thường", children: [{ code: "2.1", name: "c", max: 2, rule: { kind: "manual", step: 0.5 }, evidence: false }] },
    ],
    adjustments: [],
  };
}
