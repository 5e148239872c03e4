/**
 * Tiers as decisions write them (issue 13 item 4): a bound says which side it belongs to. "Trên 90%: 2; 70–90%: 1;
 * dưới 70%: 0" — exactly 90% earns 1 there, not 2. In the JSON a tier's `above: true` means the ratio must be
 * strictly above `from`.
 */
import { pointsForRatio } from "../../src/core/criteria/allowedScores";
import { indexSet } from "../../src/core/criteria/indexed";
import { Rule } from "../../src/core/criteria/model";
import { paramsText, parseParams } from "../../src/core/criteria/ruleParams";
import { criteriaToJson } from "../../src/core/criteria/serialize";
import { criteriaToRows, rowsToCriteria } from "../../src/core/criteria/sheetForm";
import { CriteriaResult, validateCriteria } from "../../src/core/criteria/validate";

type Json = Record<string, any>;

const ABOVE_90: Rule = {
  kind: "tiers",
  tiers: [
    { from: 0.9, above: true, points: 2 },
    { from: 0.7, points: 1 },
    { from: 0, points: 0 },
  ],
};

function setWith(rule: unknown): Json {
  return {
    format: "cchc-criteria/1",
    id: "thu",
    title: "Bộ thử",
    nodes: [
      {
        code: "1",
        name: "Lĩnh vực 1",
        children: [{ code: "1.1", name: "Tỷ lệ hồ sơ", max: 2, rule }],
      },
    ],
  };
}

function leafOf(result: CriteriaResult) {
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.code} ${p.path}`).join("; "));
  return indexSet(result.set).leaves[0];
}

describe("tier bounds that say which side is inclusive", () => {
  test("trên 90% (above): exactly 90% gives the next tier's points; just over gives the top", () => {
    const leaf = leafOf(validateCriteria(setWith(ABOVE_90)));
    expect(pointsForRatio(leaf, 0.9)).toBe(1);
    expect(pointsForRatio(leaf, 0.9001)).toBe(2);
    expect(pointsForRatio(leaf, 0.7)).toBe(1);
    expect(pointsForRatio(leaf, 0.6999)).toBe(0);
  });

  test("without `above` a bound is inclusive as before: 90% gives the top", () => {
    const rule = {
      kind: "tiers",
      tiers: [
        { from: 0.9, points: 2 },
        { from: 0.7, points: 1 },
        { from: 0, points: 0 },
      ],
    };
    expect(pointsForRatio(leafOf(validateCriteria(setWith(rule))), 0.9)).toBe(2);
  });

  test("one bound may carry two tiers: above it, and from it", () => {
    const rule = {
      kind: "tiers",
      tiers: [
        { from: 0.9, above: true, points: 2 },
        { from: 0.9, points: 1.5 },
        { from: 0, points: 0 },
      ],
    };
    const leaf = leafOf(validateCriteria(setWith(rule)));
    expect([
      pointsForRatio(leaf, 0.95),
      pointsForRatio(leaf, 0.9),
      pointsForRatio(leaf, 0.89),
    ]).toEqual([2, 1.5, 0]);
  });

  test.each([
    [
      "the same bound twice, both inclusive",
      [
        { from: 0.9, points: 2 },
        { from: 0.9, points: 1 },
        { from: 0, points: 0 },
      ],
      "tiers[1].from",
    ],
    [
      "the inclusive one first",
      [
        { from: 0.9, points: 2 },
        { from: 0.9, above: true, points: 1 },
        { from: 0, points: 0 },
      ],
      "tiers[1].from",
    ],
    [
      "the last tier above 0: a ratio of 0 earns nothing defined",
      [
        { from: 0.5, points: 2 },
        { from: 0, above: true, points: 1 },
      ],
      "tiers[1].from",
    ],
  ])("refused: %s", (_name, tiers, at) => {
    const result = validateCriteria(setWith({ kind: "tiers", tiers }));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems.map((p) => [p.code, p.path])).toEqual([
        ["tiers-order", `nodes[0].children[0].rule.${at}`],
      ]);
  });

  test("`above` is a boolean", () => {
    const result = validateCriteria(
      setWith({
        kind: "tiers",
        tiers: [
          { from: 0.5, above: "yes", points: 2 },
          { from: 0, points: 0 },
        ],
      })
    );
    expect(result.ok).toBe(false);
  });

  test("the JSON written keeps `above` only where it is true", () => {
    const result = validateCriteria(setWith(ABOVE_90));
    if (!result.ok) throw new Error("refused");
    const json = JSON.parse(criteriaToJson(result.set));
    expect(json.nodes[0].children[0].rule.tiers).toEqual([
      { from: 0.9, above: true, points: 2 },
      { from: 0.7, points: 1 },
      { from: 0, points: 0 },
    ]);
  });
});

describe("the criteria sheet's words for bounds", () => {
  test("written as 'trên 90%', read back to the same rule", () => {
    expect(paramsText(ABOVE_90)).toBe("trên 90%: 2; 70%: 1; 0%: 0");
    expect(parseParams("tiers", "trên 90%: 2; 70%: 1; 0%: 0")).toEqual({
      tiers: (ABOVE_90 as { tiers: unknown }).tiers,
    });
  });

  test.each([
    ["the issue's wording", "trên 90%: 2; 70–90%: 1; dưới 70%: 0"],
    ["'từ … đến …'", "Trên 90%: 2; từ 70% đến 90%: 1; dưới 70%: 0"],
    ["signs", "> 90%: 2; 70-90%: 1; < 70%: 0"],
    ["English", "above 90%: 2; 70–90%: 1; below 70%: 0"],
  ])("%s reads as above 90 / from 70 / from 0", (_name, text) => {
    expect(parseParams("tiers", text)).toEqual({ tiers: (ABOVE_90 as { tiers: unknown }).tiers });
  });

  test("'từ 90% trở lên' and 'đến dưới 90%' keep 90% in the top tier", () => {
    expect(parseParams("tiers", "từ 90%: 2; từ 70% đến dưới 90%: 1; dưới 70%: 0")).toEqual({
      tiers: [
        { from: 0.9, points: 2 },
        { from: 0.7, points: 1 },
        { from: 0, points: 0 },
      ],
    });
  });

  test.each([
    ["a range whose top is not the bound above it", "trên 90%: 2; 70–80%: 1; dưới 70%: 0"],
    [
      "'đến dưới 90%' under 'trên 90%' leaves 90% itself out",
      "trên 90%: 2; từ 70% đến dưới 90%: 1; dưới 70%: 0",
    ],
    [
      "'dưới 70%' under 'trên 70%' leaves 70% itself out",
      "trên 90%: 2; trên 70% đến 90%: 1; dưới 70%: 0",
    ],
  ])("not read (refused as unreadable): %s", (_name, text) => {
    expect(parseParams("tiers", text)).toBeUndefined();
  });
});

describe("on time, late, not done", () => {
  test("'Đúng hạn/Trễ hạn' with 'trễ hạn 0,5' reads as binary with late: the allowed scores are max, late and 0", () => {
    expect(parseParams("binary", "trễ hạn 0,5")).toEqual({ late: 0.5 });
    const leaf = leafOf(validateCriteria(setWith({ kind: "binary", late: 0.5 })));
    expect(leaf.allowed).toEqual([0, 0.5, 2]);
  });

  test("the criteria sheet reads the rule word 'Đúng hạn/Trễ hạn' (and with 'Không thực hiện') as binary", () => {
    const result = validateCriteria(setWith({ kind: "binary", late: 0.5 }));
    if (!result.ok) throw new Error("refused");
    for (const word of ["Đúng hạn/Trễ hạn", "đúng hạn / trễ hạn / không thực hiện"]) {
      const rows = criteriaToRows(result.set).map((r) =>
        r.map((v) => (v === "Đạt/Không đạt" ? word : v))
      );
      const back = rowsToCriteria({ name: "Bộ tiêu chí", values: rows });
      expect(back.ok && back.set.nodes[0].children![0].rule).toEqual({ kind: "binary", late: 0.5 });
    }
  });
});
