import { readFileSync } from "fs";
import { join } from "path";
import { CRITERIA_PROBLEM_CODES, criteriaMessage } from "../../src/core/criteria/messages";
import { CriteriaSet } from "../../src/core/criteria/model";
import {
  CriteriaResult,
  parseCriteriaJson,
  validateCriteria,
} from "../../src/core/criteria/validate";
import { Problem } from "../../src/core/problem";

const fixtureText = readFileSync(join(__dirname, "../fixtures/xa-2025-mau.criteria.json"), "utf8");

type Json = Record<string, any>;

/** A small valid set; each test changes one thing in it. */
function base(): Json {
  return {
    format: "cchc-criteria/1",
    id: "thu",
    title: "Bộ thử",
    nodes: [
      {
        code: "1",
        name: "Lĩnh vực 1",
        children: [
          { code: "1.1", name: "Tiêu chí 1.1", max: 2, rule: { kind: "binary" } },
          { code: "1.2", name: "Tiêu chí 1.2", max: 3, rule: { kind: "manual" } },
        ],
      },
    ],
  };
}

function problems(result: CriteriaResult): Problem[] {
  if (result.ok) throw new Error("expected the set to be refused");
  return result.problems;
}

function okSet(result: CriteriaResult): CriteriaSet {
  if (!result.ok)
    throw new Error("refused: " + result.problems.map((p) => `${p.code} ${p.path}`).join("; "));
  return result.set;
}

const pairs = (r: CriteriaResult) => problems(r).map((p) => [p.code, p.path]);

describe("parseCriteriaJson: the fixture", () => {
  const set = okSet(parseCriteriaJson(fixtureText));

  test("reads the eight fields and their leaves", () => {
    expect(set.id).toBe("xa-2025-mau");
    expect(set.nodes.map((n) => n.code)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
    expect(set.nodes[0].children?.[0].children?.[1]).toEqual({
      code: "1.1.2",
      name: "Mức độ hoàn thành kế hoạch",
      max: 2.5,
      rule: {
        kind: "tiers",
        tiers: [
          { from: 1, points: 2.5 },
          { from: 0.8, points: 1.25 },
          { from: 0, points: 0 },
        ],
      },
      evidence: true,
    });
    expect(set.adjustments).toEqual([
      { code: "T", name: "Điểm thưởng", kind: "bonus", max: 2 },
      { code: "TR", name: "Điểm trừ", kind: "penalty", max: 3 },
    ]);
  });

  test("fills each parent's max with its children's sum", () => {
    expect(set.nodes[0].children?.[0].max).toBe(3.5);
    expect(set.nodes.map((n) => n.max)).toEqual([10, 7, 18, 6, 9, 8, 12, 30]);
    expect(set.nodes.reduce((s, n) => s + (n.max ?? 0), 0)).toBe(100);
  });

  test("keeps survey source on the field and leaves it off the leaves", () => {
    expect(set.nodes[7].source).toBe("survey");
    expect(set.nodes[7].children?.[0].source).toBeUndefined();
  });
});

describe("defaults and normalisation", () => {
  test("absent rounding, threshold, bands and adjustments take the defaults", () => {
    const set = okSet(validateCriteria(base()));
    expect(set.rounding).toEqual({ decimals: 2, mode: "round" });
    expect(set.threshold).toBe(0.8);
    expect(set.bands).toEqual([
      { min: 90, label: "Xuất sắc" },
      { min: 80, label: "Tốt" },
      { min: 70, label: "Khá" },
      { min: 50, label: "Trung bình" },
      { min: 0, label: "Yếu" },
    ]);
    expect(set.adjustments).toEqual([]);
    expect("year" in set).toBe(false);
  });

  test("bands come back sorted by min, highest first", () => {
    const data = base();
    data.bands = [
      { min: 0, label: "Không đạt" },
      { min: 85, label: "Đạt" },
      { min: 95, label: "Tốt" },
    ];
    expect(okSet(validateCriteria(data)).bands.map((b) => b.min)).toEqual([95, 85, 0]);
  });

  test("codes and names are trimmed and NFC-normalised", () => {
    const data = base();
    data.nodes[0].code = " 1 ";
    data.nodes[0].name = "Lĩnh vực 1".normalize("NFD");
    const set = okSet(validateCriteria(data));
    expect(set.nodes[0].code).toBe("1");
    expect(set.nodes[0].name).toBe("Lĩnh vực 1".normalize("NFC"));
  });

  test("NFD and NFC spellings of one code are the same code", () => {
    const data = base();
    data.nodes[0].children[0].code = "Đ1".normalize("NFD");
    data.nodes[0].children[1].code = "Đ1".normalize("NFC");
    // "Đ1" is no code a sheet row can match (issue 13), so each is refused as that too.
    expect(pairs(validateCriteria(data))).toEqual([
      ["code-unmatchable", "nodes[0].children[0].code"],
      ["code-unmatchable", "nodes[0].children[1].code"],
      ["duplicate-code", "nodes[0].children[1].code"],
    ]);
  });

  test("an empty children list makes a plain leaf", () => {
    const data = base();
    data.nodes[0].children[0].children = [];
    expect(okSet(validateCriteria(data)).nodes[0].children?.[0].children).toBeUndefined();
  });

  test("a parent's max equal to its children's sum within 1e-6 is accepted", () => {
    const data = base();
    data.nodes[0].children = [
      { code: "1.1", name: "a", max: 0.1, rule: { kind: "manual" } },
      { code: "1.2", name: "b", max: 0.2, rule: { kind: "manual" } },
    ];
    data.nodes[0].max = 0.3;
    expect(okSet(validateCriteria(data)).nodes[0].max).toBe(0.3);
  });

  test("a weighted parent contributes its weight to its own parent", () => {
    const data = base();
    data.nodes = [
      {
        code: "1",
        name: "Lĩnh vực",
        max: 13,
        children: [
          {
            code: "1.1",
            name: "Có trọng số",
            weight: 10,
            max: 5,
            children: [{ code: "1.1.1", name: "x", max: 5, rule: { kind: "ratio" } }],
          },
          { code: "1.2", name: "y", max: 3, rule: { kind: "binary" } },
        ],
      },
    ];
    const set = okSet(validateCriteria(data));
    expect(set.nodes[0].max).toBe(13);
    expect(set.nodes[0].children?.[0]).toMatchObject({ max: 5, weight: 10 });
  });
});

describe("each refusal reason of the contract", () => {
  const cases: [string, (d: Json) => void, string, string][] = [
    [
      "a code repeats",
      (d) => (d.nodes[0].children[1].code = "1.1"),
      "duplicate-code",
      "nodes[0].children[1].code",
    ],
    [
      "a code repeats across nodes and adjustments",
      (d) => (d.adjustments = [{ code: "1.2", name: "Thưởng", kind: "bonus", max: 1 }]),
      "duplicate-code",
      "adjustments[0].code",
    ],
    [
      "a leaf has no max",
      (d) => delete d.nodes[0].children[0].max,
      "leaf-max",
      "nodes[0].children[0].max",
    ],
    [
      "a leaf's max is 0",
      (d) => (d.nodes[0].children[0].max = 0),
      "leaf-max",
      "nodes[0].children[0].max",
    ],
    [
      "a leaf's max is negative",
      (d) => (d.nodes[0].children[1].max = -1),
      "leaf-max",
      "nodes[0].children[1].max",
    ],
    [
      "a parent's max differs from its children's sum",
      (d) => (d.nodes[0].max = 6),
      "parent-max-mismatch",
      "nodes[0].max",
    ],
    [
      "a weighted parent's max differs from its children's sum",
      (d) => Object.assign(d.nodes[0], { weight: 10, max: 10 }),
      "parent-max-mismatch",
      "nodes[0].max",
    ],
    [
      "a tier's points exceed max",
      (d) =>
        (d.nodes[0].children[0].rule = {
          kind: "tiers",
          tiers: [
            { from: 1, points: 2.5 },
            { from: 0, points: 0 },
          ],
        }),
      "tier-points",
      "nodes[0].children[0].rule.tiers[0].points",
    ],
    [
      "tiers are not in descending from order",
      (d) =>
        (d.nodes[0].children[0].rule = {
          kind: "tiers",
          tiers: [
            { from: 0.8, points: 1 },
            { from: 1, points: 2 },
            { from: 0, points: 0 },
          ],
        }),
      "tiers-order",
      "nodes[0].children[0].rule.tiers[1].from",
    ],
    [
      "two tiers share a from",
      (d) =>
        (d.nodes[0].children[0].rule = {
          kind: "tiers",
          tiers: [
            { from: 1, points: 2 },
            { from: 1, points: 1 },
            { from: 0, points: 0 },
          ],
        }),
      "tiers-order",
      "nodes[0].children[0].rule.tiers[1].from",
    ],
    [
      "the last tier does not start from 0",
      (d) =>
        (d.nodes[0].children[0].rule = {
          kind: "tiers",
          tiers: [
            { from: 1, points: 2 },
            { from: 0.5, points: 1 },
          ],
        }),
      "tiers-order",
      "nodes[0].children[0].rule.tiers[1].from",
    ],
    [
      "a deduction step is 0",
      (d) => (d.nodes[0].children[1].rule = { kind: "deduction", step: 0 }),
      "deduction-step",
      "nodes[0].children[1].rule.step",
    ],
    [
      "a deduction step exceeds max",
      (d) => (d.nodes[0].children[1].rule = { kind: "deduction", step: 3.5 }),
      "deduction-step",
      "nodes[0].children[1].rule.step",
    ],
    [
      "late exceeds max",
      (d) => (d.nodes[0].children[0].rule = { kind: "binary", late: 2.5 }),
      "late-exceeds-max",
      "nodes[0].children[0].rule.late",
    ],
    [
      "two bands share a min",
      (d) =>
        (d.bands = [
          { min: 80, label: "Tốt" },
          { min: 80, label: "Khá" },
          { min: 0, label: "Yếu" },
        ]),
      "bands-not-distinct",
      "bands[1].min",
    ],
    [
      "two bands share a label",
      (d) =>
        (d.bands = [
          { min: 80, label: "Tốt" },
          { min: 50, label: "tốt" },
          { min: 0, label: "Yếu" },
        ]),
      "bands-not-distinct",
      "bands[1].label",
    ],
    ["the total max is 0", (d) => (d.nodes = []), "total-max-zero", "nodes"],
  ];

  test.each(cases)("%s", (_what, change, code, path) => {
    const data = base();
    change(data);
    expect(pairs(validateCriteria(data))).toContainEqual([code, path]);
  });

  test("a valid base set is accepted, so each case above fails for its own change", () => {
    expect(validateCriteria(base()).ok).toBe(true);
  });
});

describe("further consistency checks", () => {
  const cases: [string, (d: Json) => void, string, string][] = [
    [
      "the format is another version",
      (d) => (d.format = "cchc-criteria/2"),
      "unsupported-format",
      "format",
    ],
    ["id is missing", (d) => delete d.id, "required", "id"],
    ["nodes is missing", (d) => delete d.nodes, "required", "nodes"],
    ["title is empty", (d) => (d.title = "  "), "empty-text", "title"],
    [
      "a code is empty",
      (d) => (d.nodes[0].children[0].code = ""),
      "empty-text",
      "nodes[0].children[0].code",
    ],
    [
      "a name is missing",
      (d) => delete d.nodes[0].children[0].name,
      "required",
      "nodes[0].children[0].name",
    ],
    [
      "max is text",
      (d) => (d.nodes[0].children[0].max = "2"),
      "invalid-type",
      "nodes[0].children[0].max",
    ],
    ["year is not whole", (d) => (d.year = 2025.5), "invalid-type", "year"],
    [
      "a rule sits on a parent",
      (d) => (d.nodes[0].rule = { kind: "manual" }),
      "rule-on-parent",
      "nodes[0].rule",
    ],
    [
      "evidence sits on a parent",
      (d) => (d.nodes[0].evidence = true),
      "leaf-only-key",
      "nodes[0].evidence",
    ],
    [
      "a weight sits on a leaf",
      (d) => (d.nodes[0].children[0].weight = 2),
      "weight-on-leaf",
      "nodes[0].children[0].weight",
    ],
    ["a weight is 0", (d) => (d.nodes[0].weight = 0), "weight-not-positive", "nodes[0].weight"],
    ["the set's threshold is above 1", (d) => (d.threshold = 80), "threshold-range", "threshold"],
    [
      "a node's threshold is negative",
      (d) => (d.nodes[0].children[1].threshold = -0.1),
      "threshold-range",
      "nodes[0].children[1].threshold",
    ],
    [
      "rounding mode is unknown",
      (d) => (d.rounding = { decimals: 2, mode: "ceil" }),
      "invalid-value",
      "rounding.mode",
    ],
    [
      "rounding decimals is not whole",
      (d) => (d.rounding = { decimals: 1.5, mode: "round" }),
      "rounding-decimals",
      "rounding.decimals",
    ],
    [
      "rounding decimals is above 4",
      (d) => (d.rounding = { decimals: 5 }),
      "rounding-decimals",
      "rounding.decimals",
    ],
    [
      "a max has 3 decimals",
      (d) => (d.nodes[0].children[0].max = 1.125),
      "too-many-decimals",
      "nodes[0].children[0].max",
    ],
    [
      "tier points have 3 decimals",
      (d) =>
        (d.nodes[0].children[0].rule = {
          kind: "tiers",
          tiers: [
            { from: 1, points: 1.255 },
            { from: 0, points: 0 },
          ],
        }),
      "too-many-decimals",
      "nodes[0].children[0].rule.tiers[0].points",
    ],
    [
      "an adjustment kind is unknown",
      (d) => (d.adjustments = [{ code: "T", name: "Thưởng", kind: "extra", max: 1 }]),
      "invalid-value",
      "adjustments[0].kind",
    ],
    [
      "an adjustment cap is 0",
      (d) => (d.adjustments = [{ code: "T", name: "Thưởng", kind: "bonus", max: 0 }]),
      "adjustment-max",
      "adjustments[0].max",
    ],
    [
      "a rule kind is unknown",
      (d) => (d.nodes[0].children[0].rule = { kind: "percent" }),
      "invalid-value",
      "nodes[0].children[0].rule.kind",
    ],
    [
      "a deduction has no step",
      (d) => (d.nodes[0].children[0].rule = { kind: "deduction" }),
      "required",
      "nodes[0].children[0].rule.step",
    ],
    [
      "a manual step exceeds max",
      (d) => (d.nodes[0].children[0].rule = { kind: "manual", step: 5 }),
      "manual-step",
      "nodes[0].children[0].rule.step",
    ],
    [
      "late is negative",
      (d) => (d.nodes[0].children[0].rule = { kind: "binary", late: -1 }),
      "negative-value",
      "nodes[0].children[0].rule.late",
    ],
    [
      "tiers are empty",
      (d) => (d.nodes[0].children[0].rule = { kind: "tiers", tiers: [] }),
      "tiers-empty",
      "nodes[0].children[0].rule.tiers",
    ],
    [
      "source is unknown",
      (d) => (d.nodes[0].source = "appraiser"),
      "invalid-value",
      "nodes[0].source",
    ],
    [
      "evidence is text",
      (d) => (d.nodes[0].children[0].evidence = "yes"),
      "invalid-type",
      "nodes[0].children[0].evidence",
    ],
    ["bands are empty", (d) => (d.bands = []), "bands-empty", "bands"],
    [
      "a band's min is above 100",
      (d) =>
        (d.bands = [
          { min: 120, label: "A" },
          { min: 0, label: "B" },
        ]),
      "band-min-range",
      "bands[0].min",
    ],
    [
      "a node is not an object",
      (d) => (d.nodes[0].children[1] = "1.2"),
      "invalid-type",
      "nodes[0].children[1]",
    ],
  ];

  test.each(cases)("%s", (_what, change, code, path) => {
    const data = base();
    change(data);
    expect(pairs(validateCriteria(data))).toContainEqual([code, path]);
  });

  test("data that is not an object is refused", () => {
    expect(pairs(validateCriteria([base()]))).toEqual([["invalid-type", ""]]);
  });
});

describe("listing every problem", () => {
  test("a set with several problems lists all of them, in document order", () => {
    const data = base();
    data.format = "cchc/1";
    data.threshold = 2;
    data.nodes[0].max = 9;
    data.nodes[0].children[0].rule = { kind: "binary", late: 3 };
    data.nodes[0].children[1].code = "1.1";
    data.nodes.push({ code: "2", name: "Lĩnh vực 2", children: [{ code: "2.1", name: "x" }] });
    data.adjustments = [{ code: "T", name: "Thưởng", kind: "gift", max: 1 }];
    expect(pairs(validateCriteria(data))).toEqual([
      ["unsupported-format", "format"],
      ["threshold-range", "threshold"],
      ["late-exceeds-max", "nodes[0].children[0].rule.late"],
      ["duplicate-code", "nodes[0].children[1].code"],
      ["parent-max-mismatch", "nodes[0].max"],
      ["leaf-max", "nodes[1].children[0].max"],
      ["invalid-value", "adjustments[0].kind"],
    ]);
  });

  test("a duplicate names where the code was first used", () => {
    const data = base();
    data.nodes[0].children[1].code = "1.1";
    const [p] = problems(validateCriteria(data));
    expect(p.params).toMatchObject({ node: "1.1", first: "nodes[0].children[0].code" });
    expect(p.message).toContain("nodes[0].children[0].code");
  });
});

describe("unknown keys", () => {
  test("each unknown key is named with its path, at every level", () => {
    const data = base();
    data.comment = "x";
    data.nodes[0].children.push({
      code: "1.3",
      name: "c",
      max: 1,
      rule: { kind: "ratio", factor: 2 },
      foo: 1,
    });
    data.nodes[0].max = 6;
    data.rounding = { decimals: 2, places: 2 };
    const found = problems(validateCriteria(data)).filter((p) => p.code === "unknown-key");
    expect(found.map((p) => [p.path, p.params.key])).toEqual([
      ["comment", "comment"],
      ["rounding.places", "places"],
      ["nodes[0].children[2].foo", "foo"],
      ["nodes[0].children[2].rule.factor", "factor"],
    ]);
    expect(found[2].message).toContain('"foo"');
  });

  test("a key that belongs to another rule kind is unknown for this one", () => {
    const data = base();
    data.nodes[0].children[0].rule = { kind: "binary", step: 0.5 };
    expect(pairs(validateCriteria(data))).toEqual([
      ["unknown-key", "nodes[0].children[0].rule.step"],
    ]);
  });
});

describe("text that is not JSON", () => {
  test("gives one not-json problem with the line and column", () => {
    const result = problems(
      parseCriteriaJson('{\n  "format": "cchc-criteria/1",\n  "id": "x",\n}')
    );
    expect(result).toHaveLength(1);
    expect(result[0].code).toBe("not-json");
    expect(result[0].params).toMatchObject({ line: 4, column: 1 });
    expect(result[0].message).toBe("Tệp không phải JSON hợp lệ (dòng 4, cột 1)");
  });

  test("an empty file is not JSON", () => {
    expect(problems(parseCriteriaJson("")).map((p) => p.code)).toEqual(["not-json"]);
  });

  test("a byte order mark is not an error", () => {
    expect(parseCriteriaJson("\uFEFF" + fixtureText).ok).toBe(true);
  });
});

describe("messages", () => {
  test("Vietnamese by default, with decimal commas and diacritics", () => {
    const data = base();
    data.nodes[0].children[0].rule = { kind: "binary", late: 2.5 };
    const [p] = problems(validateCriteria(data));
    expect(p.message).toBe("Điểm khi hoàn thành trễ hạn của 1.1 (2,5) vượt điểm tối đa 2");
  });

  test("English with lang en", () => {
    const data = base();
    data.nodes[0].children[0].rule = { kind: "binary", late: 2.5 };
    const [p] = problems(validateCriteria(data, "en"));
    expect(p.message).toBe('The points for "done late" of 1.1 (2.5) exceed its maximum 2');
    expect(problems(parseCriteriaJson("{", "en"))[0].message).toMatch(
      /^The file is not valid JSON/
    );
  });

  test("every problem code has a Vietnamese and a different English text", () => {
    const params = {
      key: "k",
      node: "1.1",
      value: 1.5,
      max: 2,
      sum: 3,
      step: 0.5,
      late: 3,
      from: 0.8,
      previous: 1,
      points: 3,
      weight: 0,
      allowed: ["a"],
      expected: "number",
      actual: "string",
      first: "x",
      field: "min",
      kind: "tiers",
      text: "?",
      sheet: "S",
      parent: "1",
      name: "n",
      depth: 11,
      group: "g",
    };
    for (const code of CRITERIA_PROBLEM_CODES) {
      const vi = criteriaMessage(code, params, "vi");
      const en = criteriaMessage(code, params, "en");
      expect(vi.length).toBeGreaterThan(10);
      expect(en.length).toBeGreaterThan(10);
      expect(vi).not.toBe(en);
      expect(vi).not.toContain("undefined");
      expect(en).not.toContain("undefined");
    }
  });
});
