import { indexSet } from "../../src/core/criteria/indexed";
import { CriteriaSet } from "../../src/core/criteria/model";
import { validateCriteria } from "../../src/core/criteria/validate";
import { canonicalCode, matchableCode, parseCode } from "../../src/core/sheet/codes";
import { CellValue } from "../../src/core/port";
import { checkSheets } from "../support/checkHelpers";
import { buildForm } from "../support/formBuilder";

/** Issue 13, item 2: whatever code a set accepts, the sheet reader matches; what it never could, the set refuses. */

type N = { code: string; name?: string; max?: number; children?: N[] };

function setOf(nodes: N[]): unknown {
  const fill = (n: N): unknown => ({
    code: n.code,
    name: n.name ?? `Tiêu chí ${n.code}`,
    ...(n.children ? { children: n.children.map(fill) } : { max: n.max ?? 1 }),
  });
  return { format: "cchc-criteria/1", id: "t", title: "T", nodes: nodes.map(fill) };
}

function accepted(nodes: N[]): CriteriaSet {
  const r = validateCriteria(setOf(nodes));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.set;
}

function problems(nodes: N[], lang: "vi" | "en" = "vi") {
  const r = validateCriteria(setOf(nodes), lang);
  return r.ok ? [] : r.problems.map((p) => ({ code: p.code, path: p.path, message: p.message }));
}

describe("codes a set accepts", () => {
  test.each(["a)", "a.", "(a)", "a", "đ)", "c)", "i)", "x."])(
    "the letter item %p under 1.2 is kept as 1.2.<letter>",
    (code) => {
      const set = accepted([{ code: "1", children: [{ code: "1.2", children: [{ code }] }] }]);
      const letter = code.replace(/[().]/g, "");
      expect(set.nodes[0].children![0].children![0].code).toBe(`1.2.${letter}`);
    }
  );

  test("a) under two criteria are two codes, not a repeat", () => {
    const set = accepted([
      { code: "1", children: [{ code: "a)" }, { code: "b)" }] },
      { code: "2", children: [{ code: "a)" }] },
    ]);
    expect(set.nodes.map((n) => n.children!.map((c) => c.code))).toEqual([["1.a", "1.b"], ["2.a"]]);
  });

  test("a letter under a Roman field keeps the Roman number", () => {
    const set = accepted([{ code: "II", children: [{ code: "a)" }] }]);
    expect(set.nodes[0].children![0].code).toBe("II.a");
  });

  test.each(["1", "1.2.", "01.2", "II", "II.1", "III.2.1", "1a", "1.2a", "1.2.a", "I.a"])(
    "%p is matchable as written",
    (code) => {
      expect(matchableCode(code)).toBe(code);
    }
  );

  test("1.2 and 1.2. are one code: the reader could not tell their rows apart", () => {
    expect(
      problems([{ code: "1", children: [{ code: "1.2" }, { code: "1.2." }] }]).map((p) => p.code)
    ).toEqual(["duplicate-code"]);
  });
});

describe("codes the reader could never match are refused", () => {
  test.each([
    ["a dash", "-"],
    ["an en dash", "–"],
    ["a plus", "+"],
    ["an upper-case letter", "A"],
    ["a word", "Tiêu chí 1"],
    ["a range", "1-2"],
    ["an upper-case letter suffix", "1.2A"],
  ])("%s (%p) under 1.2", (_, code) => {
    const found = problems([
      { code: "1", children: [{ code: "1.2", children: [{ code, name: "Mục" }] }] },
    ]);
    expect(found).toEqual([
      {
        code: "code-unmatchable",
        path: "nodes[0].children[0].children[0].code",
        message: expect.stringContaining(`Mã "${code}" (Mục) không thể khớp với hàng nào`),
      },
    ]);
  });

  test("a letter item with no criterion above it", () => {
    expect(problems([{ code: "a)" }], "en")).toEqual([
      {
        code: "code-unmatchable",
        path: "nodes[0].code",
        message: expect.stringMatching(
          /^Code "a\)" \(Tiêu chí a\)\) can never be matched to a row of a scoring sheet/
        ),
      },
    ]);
  });

  test("a letter item under a letter item", () => {
    expect(
      problems([{ code: "1", children: [{ code: "a)", children: [{ code: "a)" }] }] }]).map((p) => [
        p.code,
        p.path,
      ])
    ).toEqual([["code-unmatchable", "nodes[0].children[0].children[0].code"]]);
  });
});

describe("the sheet reader matches what the set accepts", () => {
  const structural = (codes: CellValue[], nodes: N[]) => {
    const set = indexSet(accepted(nodes));
    const leaves = new Set(set.leaves.map((l) => l.order));
    const form = buildForm({
      sheet: "Xã A",
      rows: set.nodes.map((n, i) => ({
        code: codes[i],
        name: n.name,
        max: n.max,
        self: leaves.has(n.order) ? n.max : undefined,
      })),
    });
    const result = checkSheets([form], set);
    return {
      findings: result.findings
        .filter((f) => f.severity === "error")
        .map((f) => [f.rule, f.cell, f.params]),
      self: result.units[0]?.scores.self,
    };
  };

  test("letter items under two criteria, as the form writes them", () => {
    const nodes: N[] = [
      {
        code: "1",
        children: [
          {
            code: "1.1",
            children: [
              { code: "a)", max: 2 },
              { code: "b)", max: 3 },
            ],
          },
        ],
      },
      {
        code: "2",
        children: [
          { code: "a.", max: 4 },
          { code: "(b)", max: 1 },
          { code: "c)", max: 0.5 },
        ],
      },
    ];
    expect(structural(["1", "1.1", "a)", "b)", "2", "a)", "b)", "c)"], nodes)).toEqual({
      findings: [],
      self: 10.5,
    });
    // As the template writes them.
    expect(structural(["1", "1.1", "1.1.a", "1.1.b", "2", "2.a", "2.b", "2.c"], nodes)).toEqual({
      findings: [],
      self: 10.5,
    });
  });

  test("Roman fields numbered afresh: I.1 is the row 1 under I, II.1 the row 1 under II", () => {
    const nodes: N[] = [
      {
        code: "I",
        children: [
          { code: "I.1", max: 2 },
          { code: "I.2", max: 3 },
        ],
      },
      { code: "II", children: [{ code: "II.1", max: 4 }] },
    ];
    expect(structural(["I", 1, 2, "II", 1], nodes)).toEqual({ findings: [], self: 9 });
    expect(structural(["I", "I.1", "I.2", "II", "II.1"], nodes)).toEqual({ findings: [], self: 9 });
  });

  test("Roman field I beside a criterion 1: each row matches its own node", () => {
    const nodes: N[] = [
      {
        code: "I",
        children: [
          { code: "1", max: 2 },
          { code: "2", max: 3 },
        ],
      },
      { code: "II", children: [{ code: "3", max: 4 }] },
    ];
    expect(structural(["I", 1, 2, "II", 3], nodes)).toEqual({ findings: [], self: 9 });
  });

  test("a letter row the set does not have, but scored, is reported", () => {
    const nodes: N[] = [{ code: "1", children: [{ code: "1.1", max: 2 }] }];
    const set = indexSet(accepted(nodes));
    const form = buildForm({
      sheet: "Xã A",
      rows: [
        { code: "1", name: "Một" },
        { code: "1.1", name: "Một một", max: 2, self: 2 },
        { code: "a)", name: "Thêm", max: 1, self: 1 },
      ],
    });
    const unknown = checkSheets([form], set).findings.filter((f) => f.rule === "unknown-criterion");
    expect(unknown.map((f) => [f.cell, f.params])).toEqual([["A7", { code: "a)" }]]);
  });
});

describe("parseCode reads the codes sets write", () => {
  test.each([
    ["a)", { kind: "item", letter: "a" }],
    ["(b)", { kind: "item", letter: "b" }],
    ["đ.", { kind: "item", letter: "đ" }],
    ["c)", { kind: "item", letter: "c" }],
    ["C", { kind: "code", code: "100", roman: "C" }],
    ["II.1", { kind: "code", code: "2.1", roman: "II.1" }],
    ["1a", { kind: "code", code: "1.a" }],
    ["1.2.b)", { kind: "code", code: "1.2.b" }],
    ["-", { kind: "other", text: "-" }],
  ])("%p", (v, expected) => {
    expect(parseCode(v)).toEqual(expected);
  });

  test("canonical codes", () => {
    expect(["1.2.", "01.2", "ii.1", "1a", "1.2.a)"].map(canonicalCode)).toEqual([
      "1.2",
      "1.2",
      "II.1",
      "1.a",
      "1.2.a",
    ]);
  });
});
