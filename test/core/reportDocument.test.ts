import { buildReport } from "../../src/core/report/report";
import { DocBlock, DocTable } from "../../src/core/report/docModel";
import { lastYearFromReport } from "../../src/core/previous/fromReport";
import { matchKey, previousFiguresOf, previousFor, previousUnmatched } from "../../src/core/report/previousFigures";

/** Last year's figures from a report's JSON, as `--previous LAST.json` reads them. */
const readPreviousReport = (json: unknown) => previousFiguresOf(lastYearFromReport(JSON.stringify(json)));
import { reportDocument, ReportDocumentInput } from "../../src/core/report/reportDocument";
import { fieldAverages } from "../../src/core/scoring/fieldAverages";
import { leafAverages } from "../../src/core/scoring/leafAverages";
import { unitsBelowThreshold } from "../../src/core/scoring/unitsBelow";
import { checkSheets, SET } from "../support/checkHelpers";
import { unitSheet } from "../support/workbookBuilder";

describe("last year's report", () => {
  const units = [
    { name: "UBND xã An Bình", index: 90.5, rank: 2, band: "Xuất sắc", extra: 1 },
    { name: "UBND xã Đông Sơn", index: 70, rank: 3, band: "Khá" },
    { name: "UBND xã Hòa Lạc", index: 95, rank: 1, band: "Xuất sắc" },
    { name: "UBND  XÃ HÒA LẠC ", index: 10, rank: 4, band: "Yếu" },
  ];

  test("names match without case, spacing, diacritics or Unicode form; ambiguous names match nothing", () => {
    const figures = readPreviousReport({
      tool: { name: "cchc" },
      criteriaSet: { id: "x", title: "x", year: 2024 },
      units: units.map((u, i) => ({ sheet: `S${i}`, ...u })),
      findings: [],
    });
    const read = { figures };
    expect(read.figures.year).toBe(2024);
    expect(previousFor(read.figures, "ubnd xa an binh")).toEqual({ name: "UBND xã An Bình", index: 90.5, rank: 2, band: "Xuất sắc" });
    expect(previousFor(read.figures, "UBND xã Đông Sơn".normalize("NFD"))?.rank).toBe(3);
    expect(matchKey("UBND xã  Đông Sơn")).toBe(matchKey("ubnd XA dong son"));
    expect(previousFor(read.figures, "UBND xã Hòa Lạc")).toBeNull();
    expect(previousFor(read.figures, "UBND xã Cẩm Hà")).toBeNull();
    expect(previousUnmatched(read.figures, ["ubnd xa an binh"]).map((u) => u.name)).toEqual(["UBND xã Đông Sơn", "UBND xã Hòa Lạc", "UBND  XÃ HÒA LẠC "]);
  });

  const unit = { sheet: "A", name: "a", index: 9, rank: 1, band: "x" };
  test.each([
    ["not an object", 42],
    ["no units", { tool: { name: "cchc" }, findings: [] }],
    ["another tool's report", { tool: { name: "other" }, units: [unit] }],
    ["an index as text", { tool: { name: "cchc" }, units: [{ ...unit, index: "9" }] }],
    ["a rank of 0", { tool: { name: "cchc" }, units: [{ ...unit, rank: 0 }] }],
    ["no band", { tool: { name: "cchc" }, units: [{ ...unit, band: undefined }] }],
    ["an empty unit list", { tool: { name: "cchc" }, units: [] }],
  ])("refused: %s", (_what, json) => {
    expect(() => readPreviousReport(json)).toThrow(
      expect.objectContaining({ code: "previous-unrecognised" })
    );
  });
});

describe("the report's figures", () => {
  const sheets = [
    unitSheet(SET, { sheet: "A", unitName: "Xã A", appraisalRounds: 1, leaves: { "7.1": { self: 3.5, appraised: [1], note: "x" } } }),
    // Not appraised: its survey leaves are empty and must not pull the survey field's average down.
    unitSheet(SET, { sheet: "B", unitName: "Xã B", appraisalRounds: 0, leaves: { "7.1": { self: 2 }, "6.3": { self: "KĐG" } } }),
  ];
  const run = checkSheets(sheets);
  const values = run.units.map((u) => u.check.values);

  test("a field's average counts the units with a score in it; its share is of each unit's applicable max", () => {
    const fields = fieldAverages(SET, values);
    const survey = fields.find((f) => f.code === "8")!;
    expect(survey.units).toBe(1);
    expect(survey.average).toBe(27);
    expect(survey.sharePercent).toBe(90);
    const f6 = fields.find((f) => f.code === "6")!;
    // Field 6 (max 8): A scores 8 of 8; B marks 6.3 (2) not applicable and scores 6 of 6.
    expect(f6).toMatchObject({ units: 2, average: 7, sharePercent: 100 });
  });

  test("units under the threshold on a leaf, by the below-threshold rule", () => {
    const leaf = SET.byCode.get("7.1")!;
    expect(unitsBelowThreshold(leaf, run.units.map((u) => ({ name: u.name, values: u.check.values })))).toEqual([
      { name: "Xã A", points: 1 },
      { name: "Xã B", points: 2 },
    ]);
  });

  const input = (lang: "vi" | "en", extra: Partial<ReportDocumentInput> = {}): ReportDocumentInput => {
    const leaves = leafAverages(SET, values);
    return {
      report: buildReport(SET, run.units, run.findings, lang, "t"),
      bands: SET.set.bands,
      fields: fieldAverages(SET, values),
      leaves,
      below: new Map([["7.1", unitsBelowThreshold(SET.byCode.get("7.1")!, run.units.map((u) => ({ name: u.name, values: u.check.values })))]]),
      date: { year: 2026, month: 3, day: 5 },
      lang,
      ...extra,
    };
  };
  const tables = (blocks: DocBlock[]) => new Map(blocks.filter((b): b is DocTable => b.kind === "table").map((t) => [t.name, t]));
  const texts = (t: DocTable) => t.rows.map((r) => r.cells.map((c) => c.paragraphs.map((p) => p.runs.map((x) => x.text).join("")).join("\n")));

  test.each(["vi", "en"] as const)("%s: every unit once in the ranking, under its band; weak 7.1 lists both units; no comparison without LAST", (lang) => {
    const doc = reportDocument(input(lang));
    expect(doc.lang).toBe(lang);
    const t = tables(doc.blocks);
    expect([...t.keys()]).toEqual(["heading", "ranking", "fields", "weak", "signature"]);
    const ranking = t.get("ranking")!;
    const bodies = ranking.rows.filter((r) => r.kind === "body");
    expect(bodies).toHaveLength(run.units.length);
    let group = "";
    for (const row of ranking.rows) {
      const cells = row.cells.map((c) => c.paragraphs[0].runs[0].text);
      if (row.kind === "group") group = cells[0];
      if (row.kind === "body") expect(group.startsWith(cells[5] + " (")).toBe(true);
    }
    const weak = texts(t.get("weak")!);
    const row71 = weak.find((r) => r[0] === "7.1")!;
    expect(row71[6].split("\n")).toEqual(["Xã A (1)", "Xã B (2)"]);
    const date = lang === "vi" ? "ngày 05 tháng 03 năm 2026" : "5 March 2026";
    expect(texts(t.get("signature")!)[0][1]).toContain(date);
  });

  test("with last year's figures: a comparison table, and last year's units not found this year", () => {
    const read = {
      figures: readPreviousReport({
        tool: { name: "cchc" },
        criteriaSet: { id: "x", title: "x", year: 2025 },
        units: [
          { sheet: "A", name: "XA A", index: 50, rank: 2, band: "Trung bình" },
          { sheet: "C", name: "Xã C", index: 60, rank: 1, band: "Trung bình" },
        ],
      }),
    };
    const doc = reportDocument(input("vi", { previous: read.figures }));
    const prev = texts(tables(doc.blocks).get("previous")!);
    const a = prev.find((r) => r[0] === "Xã A")!;
    const unitA = buildReport(SET, run.units, run.findings, "vi", "t").units.find((u) => u.name === "Xã A")!;
    expect(a.slice(2)).toEqual(["50", expect.stringMatching(/^\+/), String(unitA.rank), "2", 2 - unitA.rank > 0 ? `+${2 - unitA.rank}` : String(2 - unitA.rank), "Trung bình"]);
    expect(prev.find((r) => r[0] === "Xã B")!.slice(2)).toEqual(["—", "—", expect.any(String), "—", "—", "—"]);
    const paragraphs = doc.blocks.filter((b) => b.kind === "paragraph").map((b) => b.runs.map((r) => r.text).join(""));
    expect(paragraphs).toContain("IV. SO SÁNH VỚI NĂM 2025");
    expect(paragraphs.some((p) => p.includes("Xã C"))).toBe(true);
  });
});
