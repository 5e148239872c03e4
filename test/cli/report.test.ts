import { existsSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { formatPoints } from "../../src/core/text/numbers";
import { SAMPLE, cchc, expectPlainStderr, sha256, tempDir } from "../support/cli";
import { DocxBlock, DocxCell, readDocx, tablesHeaded } from "../support/docxRead";
import { SET } from "../support/checkHelpers";
import { toXlsx, unitSheet } from "../support/workbookBuilder";

/**
 * `cchc report` (issue 12, item 4): the Word draft is read back from its package (jszip + an XML parser) and must
 * hold every unit of `cchc check --json` on the same files, with its rank, index and band, under its band's group.
 */

interface JsonUnit {
  name: string;
  self: number;
  appraised: number | null;
  index: number;
  rank: number;
  band: string;
  survey: number | null;
  difference: number | null;
  differenceSelfScored: number | null;
  appraisedSelfScored: number | null;
}

const cut71 = { "7.1": { self: 3.5, appraised: [2], note: "Tỷ lệ ký số thực tế 85%" } };
let dir: string;
let units: string;

beforeAll(async () => {
  dir = tempDir();
  units = path.join(dir, "don-vi.xlsx");
  const sheets = [
    unitSheet(SET, { sheet: "Một", unitName: "UBND xã Một", appraisalRounds: 1, leaves: cut71 }),
    unitSheet(SET, {
      sheet: "Hai",
      unitName: "UBND xã Hai",
      appraisalRounds: 1,
      leaves: { ...cut71, "8.1": { appraised: [10] }, "8.2": { appraised: [5] }, "8.3": { appraised: [5] } },
    }),
    unitSheet(SET, {
      sheet: "Ba",
      unitName: "UBND xã Ba",
      appraisalRounds: 1,
      leaves: { ...cut71, "8.1": { appraised: [5] }, "8.2": { appraised: [3] }, "8.3": { appraised: [2] } },
    }),
    // Cut by nothing: the appraisal adds only the survey points.
    unitSheet(SET, { sheet: "Bốn", unitName: "UBND xã Bốn", appraisalRounds: 1 }),
  ];
  writeFileSync(units, await toXlsx(sheets, SET));
});

async function checkJson(...files: string[]): Promise<{ units: JsonUnit[] }> {
  const r = await cchc("check", ...files, "--json");
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout);
}

function tableOf(blocks: DocxBlock[], ...heads: string[]): DocxCell[][] {
  const found = tablesHeaded(blocks, ...heads);
  expect(found).toHaveLength(1);
  return found[0];
}

/** Each unit's row and the band group row above it, as read from the ranking table. */
function rankingRows(table: DocxCell[][]): { group: string; cells: string[] }[] {
  const out: { group: string; cells: string[] }[] = [];
  let group = "";
  for (const row of table.slice(1)) {
    if (row.length === 1 && row[0].span === 6) group = row[0].text;
    else out.push({ group, cells: row.map((c) => c.text) });
  }
  return out;
}

describe.each([
  { lang: "vi" as const, rank: "Hạng", index: "Chỉ số (%)", preparer: "NGƯỜI LẬP BIỂU", head: "THỦ TRƯỞNG ĐƠN VỊ" },
  { lang: "en" as const, rank: "Rank", index: "Index (%)", preparer: "PREPARED BY", head: "HEAD OF THE AGENCY" },
])("cchc report --lang $lang", (L) => {
  test("every unit with its rank, index and band, in its band's group; fields; signature block", async () => {
    const out = path.join(dir, `bao-cao-${L.lang}.docx`);
    const before = sha256(units);
    const r = await cchc("report", units, "--out", out, "--lang", L.lang);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(sha256(units)).toBe(before);

    const { blocks, contentTypes } = await readDocx(readFileSync(out));
    expect(contentTypes).toContain("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
    const expected = (await checkJson(units)).units;
    expect(expected).toHaveLength(4);
    const rows = rankingRows(tableOf(blocks, L.rank, L.index));
    expect(rows).toHaveLength(expected.length);
    const n = (x: number) => formatPoints(x, L.lang);
    for (const u of expected) {
      const row = rows.find((x) => x.cells[1] === u.name);
      expect(row).toBeDefined();
      expect(row!.cells).toEqual([String(u.rank), u.name, n(u.self), u.appraised === null ? "—" : n(u.appraised), n(u.index), u.band]);
      expect(row!.group.startsWith(`${u.band} (`)).toBe(true);
    }
    // Ranks ascend down the table within a group, groups from the highest band down.
    const bandOrder = [...SET.set.bands].sort((a, b) => b.min - a.min).map((b) => b.label);
    const positions = rows.map((x) => bandOrder.indexOf(x.cells[5]));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(rows.map((x) => x.cells[5])).size).toBeGreaterThan(2);

    // Every field of the set, once.
    const fields = tableOf(blocks, L.lang === "vi" ? "Lĩnh vực" : "Field");
    expect(fields.slice(1).map((row) => row[0].text)).toEqual(SET.fields.map((f) => f.code));

    const sig = blocks.filter((b) => b.kind === "table").at(-1)!;
    expect(sig.kind === "table" && sig.rows[0].map((c) => c.text).join("\n")).toContain(L.preparer);
    expect(sig.kind === "table" && sig.rows[0].map((c) => c.text).join("\n")).toContain(L.head);
  });
});

test("the weak sub-criteria list the units under the threshold on them", async () => {
  const out = path.join(dir, "weak.docx");
  expect((await cchc("report", units, "--out", out)).code).toBe(0);
  const { blocks } = await readDocx(readFileSync(out));
  const weak = tableOf(blocks, "Đơn vị dưới ngưỡng (điểm)");
  const row71 = weak.find((row) => row[0].text === "7.1");
  expect(row71).toBeDefined();
  // 7.1: (2 + 2 + 2 + 3.5) / 4 = 2.375 of 3.5 (67.86%) < 80%; the three cut units scored 2 < 2.8.
  expect(row71![3].text).toBe("2,375");
  expect(row71![4].text).toBe("67,86");
  expect(row71![6].text.split("\n").sort()).toEqual(["UBND xã Ba (2)", "UBND xã Hai (2)", "UBND xã Một (2)"]);
  // A leaf every unit scored in full is not listed.
  expect(weak.some((row) => row[0].text === "1.1.1")).toBe(false);
});

test("--previous: last year's index, rank and band matched by name without case, spacing or diacritics", async () => {
  const last = await checkJson(units);
  const hai = last.units.find((u) => u.name === "UBND xã Hai")!;
  const lastUnits = [
    ...last.units.filter((u) => u.name !== "UBND xã Ba" && u !== hai),
    { ...hai, name: "UBND  XA HAI", index: 80, rank: 4, band: "Tốt" },
    { ...hai, name: "UBND xã Năm", index: 60, rank: 5, band: "Trung bình" },
  ];
  const lastFile = path.join(dir, "nam-truoc.json");
  writeFileSync(lastFile, JSON.stringify({ ...last, units: lastUnits }));
  const out = path.join(dir, "previous.docx");
  const r = await cchc("report", units, "--out", out, "--previous", lastFile);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  const { blocks } = await readDocx(readFileSync(out));
  const table = tableOf(blocks, "Chỉ số năm trước");
  const now = (await checkJson(units)).units;
  const nowHai = now.find((u) => u.name === "UBND xã Hai")!;
  const row = (name: string) => table.find((x) => x[0].text === name)!.map((c) => c.text);
  const change = Math.round((nowHai.index - 80) * 100) / 100;
  expect(row("UBND xã Hai")).toEqual([
    "UBND xã Hai",
    formatPoints(nowHai.index, "vi"),
    "80",
    (change > 0 ? "+" : "") + formatPoints(change, "vi"),
    String(nowHai.rank),
    "4",
    (4 - nowHai.rank > 0 ? "+" : "") + String(4 - nowHai.rank),
    "Tốt",
  ]);
  expect(row("UBND xã Ba").slice(2)).toEqual(["—", "—", String(now.find((u) => u.name === "UBND xã Ba")!.rank), "—", "—", "—"]);
  expect(table).toHaveLength(1 + now.length);
  const texts = blocks.filter((b) => b.kind === "paragraph").map((b) => b.text);
  expect(texts.some((t) => t.includes("không có năm nay") && t.includes("UBND xã Năm"))).toBe(true);
});

test("the bundled sample: written, and exit 1 for its error findings", async () => {
  const out = path.join(dir, "sample.docx");
  const r = await cchc("report", SAMPLE, "--out", out);
  expect(r.code).toBe(1);
  expect(r.stdout).toContain(`Đã ghi: ${out}`);
  const { blocks } = await readDocx(readFileSync(out));
  const rows = rankingRows(tableOf(blocks, "Hạng", "Chỉ số (%)"));
  expect(rows.map((x) => x.cells[1]).sort()).toEqual((await checkJson(SAMPLE)).units.map((u) => u.name).sort());
});

describe("refusals: exit 2, one plain line naming the file, nothing written", () => {
  const refused = async (args: string[], names: string, out?: string) => {
    const r = await cchc(...args);
    expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 2, stdout: "" });
    expectPlainStderr(r.stderr);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(names);
    if (out) expect(existsSync(out)).toBe(false);
  };

  test("--out is the input workbook, or last year's report", async () => {
    const before = sha256(units);
    await refused(["report", units, "--out", units], units);
    expect(sha256(units)).toBe(before);
    const lastFile = path.join(dir, "last-for-out.json");
    writeFileSync(lastFile, JSON.stringify(await checkJson(units)));
    const lastBefore = sha256(lastFile);
    await refused(["report", units, "--out", lastFile, "--previous", lastFile], lastFile);
    expect(sha256(lastFile)).toBe(lastBefore);
  });

  test("--out is a directory; no --out; --json is not an option of report", async () => {
    const sub = path.join(dir, "a-directory.docx");
    mkdirSync(sub, { recursive: true });
    await refused(["report", units, "--out", sub], sub);
    await refused(["report", units], "--out");
    await refused(["report", units, "--out", path.join(dir, "j.docx"), "--json"], "--json", path.join(dir, "j.docx"));
  });

  test("an input that is missing or not a workbook", async () => {
    const out = path.join(dir, "never.docx");
    const missing = path.join(dir, "khong-co.xlsx");
    await refused(["report", missing, "--out", out], missing, out);
    const text = path.join(dir, "van-ban.xlsx");
    writeFileSync(text, "không phải sổ tính");
    await refused(["report", text, "--out", out], text, out);
  });

  test("last year's report that is not JSON, or not a report", async () => {
    const out = path.join(dir, "never2.docx");
    const notJson = path.join(dir, "last.txt");
    writeFileSync(notJson, "{ units: [");
    await refused(["report", units, "--out", out, "--previous", notJson], notJson, out);
    const wrong = path.join(dir, "last-wrong.json");
    writeFileSync(wrong, JSON.stringify({ units: [{ name: "UBND xã Một", index: "95" }] }));
    await refused(["report", units, "--out", out, "--previous", wrong], wrong, out);
    const missing = path.join(dir, "last-missing.json");
    await refused(["report", units, "--out", out, "--previous", missing], missing, out);
  });
});

describe("like with like (issue 12, item 6)", () => {
  test("a unit cut by nothing: difference on the self-scored part 0, the survey points their own figure", async () => {
    const bon = (await checkJson(units)).units.find((u) => u.name === "UBND xã Bốn")!;
    expect(bon.survey).toBeGreaterThan(0);
    expect(bon.differenceSelfScored).toBe(0);
    expect(bon.appraisedSelfScored).toBe(bon.self);
    // `difference` keeps its meaning: appraised − self, the survey points included.
    expect(bon.difference).toBe(bon.survey);
    const mot = (await checkJson(units)).units.find((u) => u.name === "UBND xã Một")!;
    expect(mot.differenceSelfScored).toBe(-1.5);
  });

  test("the text output shows the difference on the self-scored part and the survey column", async () => {
    const r = await cchc("check", units);
    const line = r.stdout.split("\n").find((l) => l.startsWith("UBND xã Bốn"))!;
    const bon = (await checkJson(units)).units.find((u) => u.name === "UBND xã Bốn")!;
    const cells = line.trim().split(/\s{2,}/);
    expect(cells.slice(1, 6)).toEqual([
      formatPoints(bon.self, "vi"),
      formatPoints(bon.appraisedSelfScored!, "vi"),
      "0",
      formatPoints(bon.survey!, "vi"),
      formatPoints(bon.appraised!, "vi"),
    ]);
    expect(r.stdout.split("\n").find((l) => l.startsWith("Đơn vị"))).toMatch(/Chênh lệch\s+Điều tra XHH/);
  });
});
