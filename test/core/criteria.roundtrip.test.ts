import { readFileSync } from "fs";
import { join } from "path";
import { CriteriaSet } from "../../src/core/criteria/model";
import { criteriaToJson } from "../../src/core/criteria/serialize";
import {
  CRITERIA_SHEET_NAME,
  criteriaToRows,
  rowsToCriteria,
} from "../../src/core/criteria/sheetForm";
import {
  CriteriaResult,
  parseCriteriaJson,
  validateCriteria,
} from "../../src/core/criteria/validate";

function okSet(result: CriteriaResult): CriteriaSet {
  if (!result.ok)
    throw new Error("refused: " + result.problems.map((p) => `${p.code} ${p.path}`).join("; "));
  return result.set;
}

const fixture = okSet(
  parseCriteriaJson(readFileSync(join(__dirname, "../fixtures/xa-2025-mau.criteria.json"), "utf8"))
);

/** Every feature of the format at least once: each rule kind, weights (nested), thresholds, survey, NA flags, adjustments. */
const everything = okSet(
  validateCriteria({
    format: "cchc-criteria/1",
    id: "so-2024-day-du",
    title: "Bộ tiêu chí đầy đủ (thử)",
    year: 2024,
    unitType: "department",
    rounding: { decimals: 3, mode: "truncate" },
    threshold: 0.75,
    bands: [
      { min: 85.5, label: "Tốt" },
      { min: 0, label: "Chưa đạt" },
      { min: 60, label: "Đạt" },
    ],
    nodes: [
      {
        code: "I",
        name: "Lĩnh vực I",
        threshold: 0.9,
        children: [
          {
            code: "1",
            name: "Chấm tự do, bước 0,25",
            max: 2.25,
            rule: { kind: "manual", step: 0.25 },
            evidence: true,
            mayBeNotApplicable: true,
          },
          {
            code: "2",
            name: "Chấm tự do",
            max: 1,
            rule: { kind: "manual" },
            evidence: false,
            mayBeNotApplicable: false,
          },
          {
            code: "3",
            name: "Đạt, có trễ hạn",
            max: 1.5,
            rule: { kind: "binary", late: 0.75 },
            threshold: 1,
          },
          {
            code: "4",
            name: "Theo mức",
            max: 3,
            rule: {
              kind: "tiers",
              tiers: [
                { from: 1.2, points: 3 },
                { from: 0.975, points: 2.25 },
                { from: 0.333, points: 0.01 },
                { from: 0, points: 0 },
              ],
            },
          },
          {
            code: "5",
            name: "Trừ điểm",
            max: 2,
            rule: { kind: "deduction", step: 0.5 },
            source: "self",
          },
          { code: "6", name: "Theo tỷ lệ", max: 4, rule: { kind: "ratio" }, threshold: 0 },
          { code: "7", name: "Không ghi cách chấm", max: 0.5 },
        ],
      },
      {
        code: "II",
        name: "Lĩnh vực có trọng số",
        weight: 20,
        children: [
          {
            code: "8",
            name: "Nhóm có trọng số",
            weight: 5,
            max: 3,
            children: [
              { code: "8.1", name: "x", max: 1, rule: { kind: "binary" } },
              {
                code: "8.2",
                name: "y",
                max: 2,
                rule: {
                  kind: "tiers",
                  tiers: [
                    { from: 1, points: 2 },
                    { from: 0, points: 0 },
                  ],
                },
              },
            ],
          },
          { code: "9", name: "z", max: 10, rule: { kind: "ratio" } },
        ],
      },
      {
        code: "III",
        name: "Điều tra xã hội học",
        source: "survey",
        children: [
          {
            code: "10",
            name: "Hài lòng",
            max: 15,
            rule: { kind: "manual", step: 0.01 },
            evidence: false,
          },
        ],
      },
    ],
    adjustments: [
      { code: "T", name: "Điểm thưởng", kind: "bonus", max: 2 },
      { code: "TR", name: "Điểm trừ", kind: "penalty", max: 3.5 },
    ],
  })
);

const sheetOf = (set: CriteriaSet) => ({ name: CRITERIA_SHEET_NAME, values: criteriaToRows(set) });

describe.each([
  ["the fixture", fixture],
  ["a set with every feature", everything],
])("%s", (_name, set) => {
  test("JSON → set → JSON → set gives the same set and the same text", () => {
    const text = criteriaToJson(set);
    const again = okSet(parseCriteriaJson(text));
    expect(again).toStrictEqual(set);
    expect(criteriaToJson(again)).toBe(text);
  });

  test("set → sheet rows → set gives the same set", () => {
    expect(okSet(rowsToCriteria(sheetOf(set)))).toStrictEqual(set);
  });

  test("set → sheet rows → set → JSON gives the same text", () => {
    expect(criteriaToJson(okSet(rowsToCriteria(sheetOf(set))))).toBe(criteriaToJson(set));
  });
});

test("the hand-built set really has what the round trips are meant to cover", () => {
  const leaves = everything.nodes.flatMap(function walk(n): CriteriaSet["nodes"] {
    return n.children ? n.children.flatMap(walk) : [n];
  });
  expect(new Set(leaves.map((l) => l.rule?.kind))).toEqual(
    new Set(["manual", "binary", "tiers", "deduction", "ratio", undefined])
  );
  expect(everything.nodes[1]).toMatchObject({ weight: 20, max: 15 });
  expect(everything.bands.map((b) => b.min)).toEqual([85.5, 60, 0]);
});

describe("canonical JSON text", () => {
  const text = criteriaToJson(everything);
  const json = JSON.parse(text);

  test("is indented by two spaces and ends with a newline", () => {
    expect(text.startsWith('{\n  "format": "cchc-criteria/1",\n  "id": "so-2024-day-du",\n')).toBe(
      true
    );
    expect(text.endsWith("}\n")).toBe(true);
  });

  test("keeps the contract's key order", () => {
    expect(Object.keys(json)).toEqual([
      "format",
      "id",
      "title",
      "year",
      "unitType",
      "rounding",
      "threshold",
      "bands",
      "nodes",
      "adjustments",
    ]);
    expect(Object.keys(json.rounding)).toEqual(["decimals", "mode"]);
    expect(Object.keys(json.bands[0])).toEqual(["min", "label"]);
    expect(Object.keys(json.nodes[0].children[0])).toEqual([
      "code",
      "name",
      "max",
      "rule",
      "evidence",
      "mayBeNotApplicable",
    ]);
    expect(Object.keys(json.nodes[1])).toEqual(["code", "name", "max", "weight", "children"]);
    expect(Object.keys(json.nodes[2])).toEqual(["code", "name", "max", "source", "children"]);
    expect(Object.keys(json.nodes[0].children[3].rule.tiers[0])).toEqual(["from", "points"]);
    expect(Object.keys(json.adjustments[0])).toEqual(["code", "name", "kind", "max"]);
  });

  test("writes a set built in code, keys in any order, canonically", () => {
    const loose = {
      adjustments: [],
      nodes: [{ rule: { kind: "binary" as const }, max: 1, name: "a", code: "1" }],
      bands: [{ label: "A", min: 0 }],
      threshold: 0.8,
      rounding: { mode: "round" as const, decimals: 2 },
      title: "t",
      id: "i",
      format: "cchc-criteria/1" as const,
    };
    expect(criteriaToJson(loose)).toBe(
      '{\n  "format": "cchc-criteria/1",\n  "id": "i",\n  "title": "t",\n  "rounding": {\n    "decimals": 2,\n    "mode": "round"\n  },\n' +
        '  "threshold": 0.8,\n  "bands": [\n    {\n      "min": 0,\n      "label": "A"\n    }\n  ],\n' +
        '  "nodes": [\n    {\n      "code": "1",\n      "name": "a",\n      "max": 1,\n      "rule": {\n        "kind": "binary"\n      }\n    }\n  ],\n' +
        '  "adjustments": []\n}\n'
    );
  });
});
