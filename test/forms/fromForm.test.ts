import { checkWorkbook } from "../../src/core/check/checkWorkbook";
import { draftFromForm } from "../../src/core/criteria/fromForm/draftFromForm";
import { Draft } from "../../src/core/criteria/fromForm/draft";
import { draftToJson } from "../../src/core/criteria/fromForm/draftJson";
import { draftNoteMessage } from "../../src/core/criteria/fromForm/messages";
import { indexSet } from "../../src/core/criteria/indexed";
import { CriteriaNode } from "../../src/core/criteria/model";
import { parseCriteriaJson } from "../../src/core/criteria/validate";
import { SheetGrid } from "../../src/core/port";
import { buildForm, FormSpec, STRUCTURAL_RULES } from "../support/formBuilder";

type Shape = [code: string, name: string, max: number, children?: Shape[]];

function shape(nodes: CriteriaNode[]): Shape[] {
  return nodes.map((n) =>
    n.children ? [n.code, n.name, n.max!, shape(n.children)] : [n.code, n.name, n.max!]
  );
}

function draftOf(form: SheetGrid): Draft {
  const r = draftFromForm(form);
  if (!r.ok) throw new Error(`no draft: ${JSON.stringify(r)}`);
  return r.draft;
}

function structural(form: SheetGrid, draft: Draft) {
  const result = checkWorkbook(indexSet(draft.set), { sheets: [form] }, "form.xlsx");
  return result.findings.filter((f) => STRUCTURAL_RULES.includes(f.rule));
}

/** Arabic codes, letter items under 1.2, one-row header, total, bonus and penalty rows. */
const ARABIC: FormSpec = {
  sheet: "Biểu mẫu",
  title: "BIỂU CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP XÃ NĂM 2025",
  rows: [
    { code: "1", name: "Công tác chỉ đạo, điều hành", max: 6 },
    { code: "1.1", name: "Kế hoạch CCHC năm", max: 2 },
    { code: "1.2", name: "Thực hiện kế hoạch", max: 4 },
    { code: "a)", name: "Hoàn thành đúng hạn", max: 2.5 },
    { code: "b)", name: "Báo cáo kết quả", max: 1.5 },
    { code: "2", name: "Cải cách thể chế", max: 3 },
    { code: "2.1", name: "Rà soát văn bản", max: 3 },
  ],
  total: 9,
  bonus: { name: "Điểm thưởng", max: 2 },
  penalty: { name: "Điểm trừ", max: -3 },
};

/** Roman fields numbered afresh, a two-row header with column numbers, a survey field. */
const ROMAN_AFRESH: FormSpec = {
  sheet: "Mẫu tỉnh",
  twoRowHeader: true,
  columnNumbers: true,
  headers: { name: "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", max: "Thang điểm" },
  rows: [
    { code: "I", name: "CÔNG TÁC CHỈ ĐẠO", max: 5 },
    { code: "1", name: "Kế hoạch", max: 2 },
    { code: "2", name: "Kiểm tra", max: 3 },
    { code: "II", name: "THỦ TỤC HÀNH CHÍNH", max: 4.5 },
    { code: "1", name: "Công khai", max: 2.25 },
    { code: "2", name: "Giải quyết hồ sơ", max: 2.25 },
    { code: "III", name: "ĐIỀU TRA XÃ HỘI HỌC", max: 10 },
    { code: "1", name: "Mức độ hài lòng của người dân", max: 6 },
    { code: "2", name: "Mức độ hài lòng của tổ chức", max: 4 },
  ],
  total: 19.5,
};

/** Roman fields with dotted Arabic criteria, codes stored as numbers, "1a" items and a named bonus code. */
const ROMAN_DOTTED: FormSpec = {
  sheet: "Sở ngành",
  headers: { code: "Mã tiêu chí", name: "Tiêu chí", max: "Điểm chuẩn", self: "Tự chấm" },
  rows: [
    { code: "I.", name: "Chỉ đạo điều hành", max: 3 },
    { code: 1.1, name: "Kế hoạch", max: 1 },
    { code: "1.2", name: "Tuyên truyền", max: 2 },
    { code: "1.2a", name: "Trên cổng", max: 1 },
    { code: "1.2b", name: "Tại trụ sở", max: 1 },
    { code: "II.", name: "Khảo sát sự hài lòng", max: 7 },
    { code: "2.1", name: "Phiếu khảo sát", max: 7 },
  ],
  total: 10,
  bonus: { code: "T", name: "Điểm thưởng (tối đa 1 điểm)", max: 1 },
};

describe("a draft set from a scoring form", () => {
  test("Arabic codes with letter items, total, bonus and penalty", () => {
    const form = buildForm(ARABIC);
    const draft = draftOf(form);
    expect(shape(draft.set.nodes)).toEqual([
      [
        "1",
        "Công tác chỉ đạo, điều hành",
        6,
        [
          ["1.1", "Kế hoạch CCHC năm", 2],
          [
            "1.2",
            "Thực hiện kế hoạch",
            4,
            [
              ["1.2.a", "Hoàn thành đúng hạn", 2.5],
              ["1.2.b", "Báo cáo kết quả", 1.5],
            ],
          ],
        ],
      ],
      ["2", "Cải cách thể chế", 3, [["2.1", "Rà soát văn bản", 3]]],
    ]);
    expect(draft.set.adjustments).toEqual([
      { code: "T", name: "Điểm thưởng", kind: "bonus", max: 2 },
      { code: "TR", name: "Điểm trừ", kind: "penalty", max: 3 },
    ]);
    expect(draft.set.title).toBe(ARABIC.title);
    expect(draft.set.year).toBe(2025);
    expect(draft.notes).toEqual([]);
    expect(structural(form, draft)).toEqual([]);
  });

  test("Roman fields numbered afresh, a two-row header and a survey field", () => {
    const form = buildForm(ROMAN_AFRESH);
    const draft = draftOf(form);
    expect(shape(draft.set.nodes)).toEqual([
      [
        "I",
        "CÔNG TÁC CHỈ ĐẠO",
        5,
        [
          ["I.1", "Kế hoạch", 2],
          ["I.2", "Kiểm tra", 3],
        ],
      ],
      [
        "II",
        "THỦ TỤC HÀNH CHÍNH",
        4.5,
        [
          ["II.1", "Công khai", 2.25],
          ["II.2", "Giải quyết hồ sơ", 2.25],
        ],
      ],
      [
        "III",
        "ĐIỀU TRA XÃ HỘI HỌC",
        10,
        [
          ["III.1", "Mức độ hài lòng của người dân", 6],
          ["III.2", "Mức độ hài lòng của tổ chức", 4],
        ],
      ],
    ]);
    const survey = draft.set.nodes[2];
    expect(survey.source).toBe("survey");
    expect(survey.children![0]).toMatchObject({
      evidence: false,
      rule: { kind: "manual", step: 0.01 },
    });
    expect(draft.set.nodes[0].source).toBeUndefined();
    expect(draft.toConfirm).toContainEqual({ code: "III", keys: ["source"], reason: "from-name" });
    expect(draft.notes).toEqual([]);
    expect(structural(form, draft)).toEqual([]);
  });

  test("Roman fields over dotted criteria, codes stored as numbers, 1.2a items, a bonus by its code", () => {
    const form = buildForm(ROMAN_DOTTED);
    const draft = draftOf(form);
    expect(shape(draft.set.nodes)).toEqual([
      [
        "I",
        "Chỉ đạo điều hành",
        3,
        [
          ["1.1", "Kế hoạch", 1],
          [
            "1.2",
            "Tuyên truyền",
            2,
            [
              ["1.2.a", "Trên cổng", 1],
              ["1.2.b", "Tại trụ sở", 1],
            ],
          ],
        ],
      ],
      ["II", "Khảo sát sự hài lòng", 7, [["2.1", "Phiếu khảo sát", 7]]],
    ]);
    expect(draft.set.nodes[1].source).toBe("survey");
    expect(draft.set.adjustments).toEqual([
      { code: "T", name: "Điểm thưởng (tối đa 1 điểm)", kind: "bonus", max: 1 },
    ]);
    expect(structural(form, draft)).toEqual([]);
  });

  test("every leaf gets the safe defaults, each listed to confirm", () => {
    const draft = draftOf(buildForm(ARABIC));
    const leaves: CriteriaNode[] = [];
    const walk = (ns: CriteriaNode[]) =>
      ns.forEach((n) => (n.children ? walk(n.children) : leaves.push(n)));
    walk(draft.set.nodes);
    expect(leaves.map((l) => l.code)).toEqual(["1.1", "1.2.a", "1.2.b", "2.1"]);
    for (const l of leaves) {
      expect(l).toMatchObject({
        rule: { kind: "manual", step: 0.25 },
        evidence: true,
        mayBeNotApplicable: false,
      });
      expect(draft.toConfirm).toContainEqual({
        code: l.code,
        keys: ["rule", "evidence", "mayBeNotApplicable"],
        reason: "default",
      });
    }
    expect(draft.toConfirm[0]).toEqual({
      keys: ["id", "rounding", "threshold", "bands"],
      reason: "default",
    });
  });

  test("the JSON draft loads as a set: toConfirm is listed for people and ignored by the loader", () => {
    const draft = draftOf(buildForm(ROMAN_AFRESH));
    const text = draftToJson(draft);
    expect(JSON.parse(text).toConfirm.length).toBe(draft.toConfirm.length);
    const loaded = parseCriteriaJson(text);
    expect(loaded.ok && loaded.set).toEqual(draft.set);
  });

  test("a parent whose max disagrees with its children is reported with both cells; the draft uses the sum", () => {
    const spec: FormSpec = {
      ...ARABIC,
      rows: ARABIC.rows.map((r) => (r.code === "1.2" ? { ...r, max: 5 } : r)),
    };
    const draft = draftOf(buildForm(spec));
    expect(draft.set.nodes[0].children![1].max).toBe(4);
    expect(draft.notes).toHaveLength(1);
    const n = draft.notes[0];
    expect(n).toMatchObject({
      code: "parent-max-mismatch",
      cell: "C7",
      params: { max: 5, sum: 4, childCells: "C8, C9" },
    });
    expect(draftNoteMessage(n, "vi")).toContain("C7");
    expect(draftNoteMessage(n, "vi")).toContain("C8, C9");
    expect(draftNoteMessage(n, "en")).toBe(
      "The form gives 1.2 a maximum of 5 (cell C7) but its children's maxima add up to 4 (cells C8, C9); the draft uses 4"
    );
  });

  test("a lettered line without a max is a description of its criterion, not a criterion", () => {
    const form = buildForm({
      sheet: "Mô tả",
      rows: [
        { code: "1", name: "Chỉ đạo", max: 2 },
        { code: "1.1", name: "Kế hoạch", max: 2 },
        { code: "a)", name: "Ban hành trước 15/12: 2 điểm" },
        { code: "b)", name: "Ban hành sau: 1 điểm" },
      ],
    });
    const draft = draftOf(form);
    expect(shape(draft.set.nodes)).toEqual([["1", "Chỉ đạo", 2, [["1.1", "Kế hoạch", 2]]]]);
    expect(draft.notes.map((n) => n.code)).toEqual(["item-as-text", "item-as-text"]);
    expect(structural(form, draft)).toEqual([]);
  });

  test("a sheet without code, name and max headers drafts nothing", () => {
    expect(
      draftFromForm({ name: "Ghi chú", values: [["Hướng dẫn"], ["Điền điểm vào cột E"]] })
    ).toEqual({
      ok: false,
      reason: "no-form",
      sheet: "Ghi chú",
    });
  });
});

describe("letter-coded forms filled in score what was typed", () => {
  test("a) b) under 1.2 on a province's form: the total is the typed points", () => {
    const rows = ARABIC.rows.map((r) => ({
      ...r,
      self: r.code === "1" || r.code === "1.2" || r.code === "2" ? undefined : (r.max as number),
    }));
    const form = buildForm({ ...ARABIC, rows });
    const draft = draftOf(form);
    const result = checkWorkbook(indexSet(draft.set), { sheets: [form] }, "form.xlsx");
    expect(result.findings.filter((f) => STRUCTURAL_RULES.includes(f.rule))).toEqual([]);
    expect(result.units[0].scores.self).toBe(9);
    expect(result.units[0].scores.index).toBe(100);
  });
});
