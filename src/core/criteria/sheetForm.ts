import { Lang } from "../i18n/lang";
import { CellValue, SheetGrid, isCellError } from "../port";
import { Problem } from "../problem";
import { columnLetter } from "../sheet/address";
import { formatDecimals, romanToInt } from "../sheet/codes";
import { cellText, foldText } from "../text/normalize";
import { parseNumberText } from "../text/numbers";
import { roundPoints } from "./indexed";
import { CriteriaProblemCode, criteriaProblem } from "./messages";
import { CRITERIA_FORMAT, CriteriaNode, CriteriaSet, Rule, RuleKind, Tier } from "./model";
import { CriteriaResult, MAX_DEPTH, validateCriteria } from "./validate";

/**
 * The criteria set as a worksheet (docs/contracts/criteria-set.md, "The sheet form"): labelled settings rows, a header row, one row
 * per node depth-first, then the adjustments. criteriaToRows writes it; rowsToCriteria reads it back (also when
 * a person typed or edited it) and validates it exactly as the JSON form is validated.
 */

export const CRITERIA_SHEET_NAME = "Bộ tiêu chí";
export type CriteriaSheetCell = string | number | boolean | null;

type Column =
  | "code"
  | "name"
  | "level"
  | "max"
  | "weight"
  | "rule"
  | "params"
  | "evidence"
  | "source"
  | "notApplicable"
  | "threshold";
const COLUMNS: Column[] = [
  "code",
  "name",
  "level",
  "max",
  "weight",
  "rule",
  "params",
  "evidence",
  "source",
  "notApplicable",
  "threshold",
];

const HEADER_ALIASES: Record<Column, string[]> = {
  code: ["Mã", "Mã tiêu chí", "STT", "TT", "Code"],
  name: ["Tên", "Tên tiêu chí", "Nội dung", "Tiêu chí", "Name"],
  level: ["Cấp", "Level"],
  max: ["Điểm tối đa", "Điểm chuẩn", "Thang điểm", "Max"],
  weight: ["Trọng số", "Weight"],
  rule: ["Cách chấm", "Cách chấm điểm", "Rule"],
  params: ["Tham số", "Params", "Parameters"],
  evidence: ["Tài liệu kiểm chứng", "TLKC", "Evidence"],
  source: ["Nguồn", "Nguồn điểm", "Source"],
  notApplicable: [
    "Được KĐG",
    "Được không đánh giá",
    "Not applicable allowed",
    "May be not applicable",
  ],
  threshold: ["Ngưỡng", "Threshold"],
};

type MetaKey = "title" | "id" | "year" | "unitType" | "decimals" | "mode" | "threshold" | "band";
const META_ALIASES: Record<MetaKey, string[]> = {
  title: ["Tên bộ tiêu chí", "Title"],
  id: ["Mã bộ tiêu chí", "Id", "Criteria set id"],
  year: ["Năm", "Year"],
  unitType: ["Loại đơn vị", "Unit type"],
  decimals: [
    "Số chữ số thập phân của chỉ số",
    "Số chữ số thập phân",
    "Rounding decimals",
    "Decimals",
  ],
  mode: ["Cách làm tròn chỉ số", "Cách làm tròn", "Rounding mode", "Rounding"],
  threshold: ["Ngưỡng mặc định", "Default threshold", "Threshold"],
  band: ["Xếp loại", "Band"],
};

/** Cell texts the writer uses; the first alias of each list above is its header or label. */
const META_LABEL: Record<MetaKey, string> = {
  title: "Tên bộ tiêu chí",
  id: "Mã bộ tiêu chí",
  year: "Năm",
  unitType: "Loại đơn vị",
  decimals: "Số chữ số thập phân của chỉ số",
  mode: "Cách làm tròn chỉ số",
  threshold: "Ngưỡng mặc định (tỷ lệ so với điểm tối đa)",
  band: "Xếp loại (chỉ số từ)",
};
const MODE_TEXT = { round: "Làm tròn", truncate: "Cắt bỏ" } as const;
const SOURCE_TEXT = { self: "Tự chấm", survey: "Điều tra XHH" } as const;
const ADJUSTMENT_TEXT = { bonus: "Điểm thưởng", penalty: "Điểm trừ" } as const;
const ADJUSTMENT_SECTION = "Điểm thưởng, điểm trừ";
const YES = "Có";
const NO = "Không";

const VALUE_ALIASES = {
  mode: { round: ["Làm tròn", "round"], truncate: ["Cắt bỏ", "Cắt", "truncate"] },
  source: {
    self: ["Tự chấm", "Tự đánh giá", "self"],
    survey: ["Điều tra XHH", "Điều tra xã hội học", "XHH", "survey"],
  },
  flag: { yes: ["Có", "x", "yes", "true", "1", "Đúng"], no: ["Không", "no", "false", "0", "Sai"] },
  adjustment: { bonus: ["Điểm thưởng", "Thưởng", "bonus"], penalty: ["Điểm trừ", "penalty"] },
  rule: {
    manual: ["manual", "Chấm tự do"],
    binary: ["binary", "Đạt/Không đạt"],
    tiers: ["tiers", "Theo mức"],
    deduction: ["deduction", "Trừ điểm"],
    ratio: ["ratio", "Theo tỷ lệ", "Theo tỉ lệ"],
  },
  section: ["Điểm thưởng, điểm trừ", "Adjustments"],
  total: ["Tổng cộng", "Tổng điểm", "Tổng", "Total"],
};

// ————— writing —————

export function criteriaToRows(set: CriteriaSet): CriteriaSheetCell[][] {
  const rows: CriteriaSheetCell[][] = [
    [META_LABEL.title, set.title],
    [META_LABEL.id, set.id],
    [META_LABEL.year, set.year ?? null],
    [META_LABEL.unitType, set.unitType ?? null],
    [META_LABEL.decimals, set.rounding.decimals],
    [META_LABEL.mode, MODE_TEXT[set.rounding.mode]],
    [META_LABEL.threshold, set.threshold],
    ...set.bands.map((b) => [META_LABEL.band, b.min, b.label]),
    [],
    COLUMNS.map((c) => HEADER_ALIASES[c][0]),
  ];
  const visit = (node: CriteriaNode, level: number): void => {
    rows.push(nodeRow(node, level));
    for (const child of node.children ?? []) visit(child, level + 1);
  };
  for (const node of set.nodes) visit(node, 1);
  if (set.adjustments.length > 0) rows.push([null, ADJUSTMENT_SECTION]);
  for (const a of set.adjustments)
    rows.push([a.code, a.name, null, a.max, null, ADJUSTMENT_TEXT[a.kind]]);
  // Rectangular, so an adapter can write it as one range.
  return rows.map((r) => [...r, ...Array<null>(COLUMNS.length - r.length).fill(null)]);
}

function nodeRow(node: CriteriaNode, level: number): CriteriaSheetCell[] {
  const cells: Record<Column, CriteriaSheetCell> = {
    code: node.code,
    name: node.name,
    level,
    max: node.max ?? (node.children?.length ? sumOfChildren(node) : null),
    weight: node.weight ?? null,
    rule: node.rule?.kind ?? null,
    params: node.rule ? paramsText(node.rule) : null,
    evidence: yesNo(node.evidence),
    source: node.source ? SOURCE_TEXT[node.source] : null,
    notApplicable: yesNo(node.mayBeNotApplicable),
    threshold: node.threshold ?? null,
  };
  return COLUMNS.map((c) => cells[c]);
}

function sumOfChildren(node: CriteriaNode): number {
  const contribution = (n: CriteriaNode): number =>
    n.children?.length ? (n.weight ?? n.max ?? sumOfChildren(n)) : (n.max ?? 0);
  return roundPoints((node.children ?? []).reduce((s, c) => s + contribution(c), 0));
}

function yesNo(b: boolean | undefined): string | null {
  return b === undefined ? null : b ? YES : NO;
}

/** Rule parameters as a person reads them: "bước 0,25", "trừ 0,5 mỗi lần", "trễ hạn 0,5", "100%: 2,5; 80%: 1,25; 0%: 0". */
function paramsText(rule: Rule): string | null {
  switch (rule.kind) {
    case "manual":
      return rule.step === undefined ? null : `bước ${decimalText(String(rule.step))}`;
    case "deduction":
      return `trừ ${decimalText(String(rule.step))} mỗi lần`;
    case "binary":
      return rule.late === undefined ? null : `trễ hạn ${decimalText(String(rule.late))}`;
    case "tiers":
      return (
        rule.tiers
          .map((t) => `${percentText(t.from)}: ${decimalText(String(t.points))}`)
          .join("; ") || null
      );
    case "ratio":
      return null;
  }
}

function decimalText(s: string): string {
  return s.replace(".", ",");
}

/** The percent is made by moving the decimal point in the text, so reading it back gives the very same double. */
function percentText(ratio: number): string {
  const s = String(ratio);
  return /e/i.test(s) ? decimalText(s) : decimalText(shiftDecimal(s, 2)) + "%";
}

/** "0.975", 2 → "97.5"; "97.5", -2 → "0.975". Only for plain decimal texts. */
function shiftDecimal(s: string, places: number): string {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m) return s;
  const [, sign, int, frac = ""] = m;
  let digits = int + frac;
  let point = int.length + places;
  if (point > digits.length) digits += "0".repeat(point - digits.length);
  if (point < 0) ((digits = "0".repeat(-point) + digits), (point = 0));
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, "") || "0";
  const rest = digits.slice(point).replace(/0+$/, "");
  return (sign === "-" ? "-" : "") + whole + (rest ? "." + rest : "");
}

// ————— reading —————

export function rowsToCriteria(grid: SheetGrid, lang: Lang = "vi"): CriteriaResult {
  return new CriteriaSheetReader(grid, lang).read();
}

type Json = Record<string, unknown>;

interface Placed {
  data: Json;
  children: Json[];
  path: string;
  level: number;
  key: string;
}

const foldHeader = (s: string) => foldText(s.replace(/\([^)]*\)/g, " "));
const foldedIndex = <K extends string>(aliases: Record<K, string[]>) =>
  new Map(
    Object.entries<string[]>(aliases).flatMap(([k, words]) =>
      words.map((w) => [foldHeader(w), k as K] as const)
    )
  );
const HEADER_INDEX = foldedIndex(HEADER_ALIASES);
const META_INDEX = foldedIndex(META_ALIASES);
const MODE_INDEX = foldedIndex(VALUE_ALIASES.mode);
const SOURCE_INDEX = foldedIndex(VALUE_ALIASES.source);
const FLAG_INDEX = foldedIndex(VALUE_ALIASES.flag);
const ADJUSTMENT_INDEX = foldedIndex(VALUE_ALIASES.adjustment);
const RULE_INDEX = foldedIndex<RuleKind>(VALUE_ALIASES.rule);
const SECTION_WORDS = new Set(VALUE_ALIASES.section.map(foldHeader));
const TOTAL_WORDS = new Set(VALUE_ALIASES.total.map(foldHeader));

class CriteriaSheetReader {
  private readonly problems: Problem[] = [];
  /** JSON path of what was read → the cell it came from, so validation problems point at cells. */
  private readonly cells = new Map<string, string>();
  private readonly cols: Partial<Record<Column, number>> = {};
  private readonly nodes: Json[] = [];
  private readonly adjustments: Json[] = [];
  private readonly chain: Placed[] = [];
  private readonly byKey = new Map<string, Placed>();
  /** A row sat deeper than MAX_DEPTH: the set is refused on the sheet's own problems, unvalidated. */
  private tooDeep = false;

  constructor(
    private readonly grid: SheetGrid,
    private readonly lang: Lang
  ) {}

  read(): CriteriaResult {
    const header = this.findHeader();
    if (header === undefined) {
      return {
        ok: false,
        problems: [
          criteriaProblem("sheet-no-header", this.grid.name, { sheet: this.grid.name }, this.lang),
        ],
      };
    }
    const data: Json = { format: CRITERIA_FORMAT, ...this.readSettings(header) };
    this.readBody(header);
    if (this.tooDeep) return { ok: false, problems: this.problems };
    data.nodes = this.nodes;
    data.adjustments = this.adjustments;
    return this.merge(validateCriteria(data, this.lang));
  }

  private findHeader(): number | undefined {
    for (let r = 0; r < this.grid.values.length; r++) {
      const found: Partial<Record<Column, number>> = {};
      (this.grid.values[r] ?? []).forEach((v, c) => {
        const col = HEADER_INDEX.get(foldHeader(textOf(v)));
        if (col && found[col] === undefined) found[col] = c;
      });
      if (found.code !== undefined && found.name !== undefined && found.max !== undefined) {
        Object.assign(this.cols, found);
        return r;
      }
    }
    return undefined;
  }

  private readSettings(header: number): Json {
    const data: Json = {};
    const rounding: Json = {};
    const bands: Json[] = [];
    for (let r = 0; r < header; r++) {
      const key = META_INDEX.get(foldHeader(textOf(this.cell(r, 0))));
      if (!key) continue;
      const value = this.cell(r, 1);
      const set = (target: Json, name: string, path: string, v: unknown) => {
        this.cells.set(path, this.addr(r, 1));
        if (v !== undefined && v !== "") target[name] = v;
      };
      switch (key) {
        case "title":
        case "id":
        case "unitType":
          set(data, key, key, textOf(value));
          break;
        case "year":
          set(data, key, key, numberOf(value));
          break;
        case "threshold":
          set(data, key, key, ratioOf(value));
          break;
        case "decimals":
          set(rounding, "decimals", "rounding.decimals", numberOf(value));
          break;
        case "mode":
          set(rounding, "mode", "rounding.mode", choiceOf(value, MODE_INDEX));
          break;
        case "band": {
          const path = `bands[${bands.length}]`;
          this.cells.set(path, this.addr(r, 0));
          this.cells.set(`${path}.min`, this.addr(r, 1));
          this.cells.set(`${path}.label`, this.addr(r, 2));
          bands.push({ min: numberOf(value), label: textOf(this.cell(r, 2)) || undefined });
          break;
        }
      }
    }
    if (Object.keys(rounding).length > 0) data.rounding = rounding;
    if (bands.length > 0) data.bands = bands;
    return data;
  }

  private readBody(header: number): void {
    let inAdjustments = false;
    for (let r = header + 1; r < this.grid.values.length && !this.tooDeep; r++) {
      if ((this.grid.values[r] ?? []).every((v) => textOf(v) === "")) continue;
      const code = this.codeAt(r);
      const name = textOf(this.get(r, "name"));
      if (!code) {
        const folded = foldHeader(name);
        if (SECTION_WORDS.has(folded)) inAdjustments = true;
        else if (!TOTAL_WORDS.has(folded)) {
          const shown = name || (this.grid.values[r] ?? []).map(textOf).find((t) => t) || "";
          this.sheetProblem("sheet-row-no-code", this.at(r, "code"), { name: shown });
        }
        continue;
      }
      const kindText = textOf(this.get(r, "rule"));
      const isAdjustment =
        ADJUSTMENT_INDEX.has(foldHeader(kindText)) ||
        (inAdjustments && !RULE_INDEX.has(foldHeader(kindText)));
      if (isAdjustment) this.readAdjustment(r, code, name, kindText);
      else this.readNode(r, code, name, kindText);
    }
  }

  private readAdjustment(r: number, code: string, name: string, kindText: string): void {
    const path = `adjustments[${this.adjustments.length}]`;
    this.mapCells(r, path, { "": "code", code: "code", name: "name", kind: "rule", max: "max" });
    this.adjustments.push(
      compact({
        code,
        name: name || undefined,
        kind: kindText ? choiceOf(kindText, ADJUSTMENT_INDEX) : undefined,
        max: numberOf(this.get(r, "max")),
      })
    );
  }

  private readNode(r: number, code: string, name: string, kindText: string): void {
    const data = compact({
      code,
      name: name || undefined,
      max: numberOf(this.get(r, "max")),
      weight: numberOf(this.get(r, "weight")),
      rule: this.ruleAt(r, kindText),
      evidence: flagOf(this.get(r, "evidence")),
      source: choiceOf(this.get(r, "source"), SOURCE_INDEX),
      mayBeNotApplicable: flagOf(this.get(r, "notApplicable")),
      threshold: ratioOf(this.get(r, "threshold")),
    });
    const path = this.place(r, code, data);
    if (path === undefined) {
      // Too deep: refused here, where the row is known; nothing further is read (see read).
      this.tooDeep = true;
      this.sheetProblem("too-deep", this.at(r, "code"), {
        node: code,
        depth: MAX_DEPTH + 1,
        max: MAX_DEPTH,
      });
      return;
    }
    this.mapCells(r, path, {
      "": "code",
      code: "code",
      children: "code",
      name: "name",
      max: "max",
      weight: "weight",
      rule: "rule",
      "rule.kind": "rule",
      "rule.step": "params",
      "rule.late": "params",
      "rule.tiers": "params",
      evidence: "evidence",
      source: "source",
      mayBeNotApplicable: "notApplicable",
      threshold: "threshold",
    });
  }

  private ruleAt(r: number, kindText: string): Json | undefined {
    const text = textOf(this.get(r, "params"));
    if (!kindText && !text) return undefined;
    const kind = RULE_INDEX.get(foldHeader(kindText));
    if (!kind) return compact({ kind: kindText || undefined });
    const params = text ? parseParams(kind, text) : {};
    if (!params) {
      this.sheetProblem("sheet-params", this.at(r, "params"), { kind, text });
      return { kind };
    }
    return { kind, ...params };
  }

  /**
   * Level column first; where it is empty, the code says: "1.1.2" sits under "1.1", a plain "3" under a Roman field.
   * Undefined (not placed) when the row would sit deeper than MAX_DEPTH.
   */
  private place(r: number, code: string, data: Json): string | undefined {
    const key = code.replace(/[.\s]+$/, "");
    const levelValue = this.get(r, "level");
    const level = numberOf(levelValue);
    let parent: Placed | undefined;
    if (
      typeof level === "number" &&
      Number.isInteger(level) &&
      level >= 1 &&
      level <= this.chain.length + 1
    ) {
      parent = level > 1 ? this.chain[level - 2] : undefined;
    } else {
      if (level !== undefined)
        this.sheetProblem("sheet-level", this.at(r, "level"), { value: level, node: code });
      parent = this.parentByCode(r, key, code);
    }
    if ((parent?.level ?? 0) + 1 > MAX_DEPTH) return undefined;
    const siblings = parent ? parent.children : this.nodes;
    if (parent) parent.data.children = parent.children;
    const path = parent
      ? `${parent.path}.children[${siblings.length}]`
      : `nodes[${siblings.length}]`;
    siblings.push(data);
    const placed: Placed = { data, children: [], path, level: (parent?.level ?? 0) + 1, key };
    this.chain.length = placed.level - 1;
    this.chain.push(placed);
    this.byKey.set(key, placed);
    return path;
  }

  private parentByCode(r: number, key: string, code: string): Placed | undefined {
    const dot = key.lastIndexOf(".");
    if (dot > 0) {
      const parentKey = key.slice(0, dot);
      const parent = this.byKey.get(parentKey);
      if (!parent)
        this.sheetProblem("sheet-no-parent", this.at(r, "code"), { node: code, parent: parentKey });
      return parent;
    }
    const field = this.chain[0];
    const isRoman = (k: string) => romanToInt(k) !== undefined;
    return field && isRoman(field.key) && !isRoman(key) ? field : undefined;
  }

  private merge(result: CriteriaResult): CriteriaResult {
    if (result.ok && this.problems.length === 0) return result;
    const problems = [...this.problems];
    // A cell that already has a sheet problem (unreadable parameters, say) needs no second one from validation.
    const explained = new Set(this.problems.map((p) => p.path));
    for (const p of result.ok ? [] : result.problems) {
      const path = this.cellFor(p.path);
      if (explained.has(path) && path !== this.grid.name) continue;
      const params =
        typeof p.params.first === "string"
          ? { ...p.params, first: this.cellFor(p.params.first) }
          : p.params;
      problems.push(criteriaProblem(p.code as CriteriaProblemCode, path, params, this.lang));
    }
    return { ok: false, problems: problems.sort((a, b) => rowOf(a.path) - rowOf(b.path)) };
  }

  private cellFor(path: string): string {
    for (let p = path; p; p = p.replace(/(\.[^.[\]]+|\[\d+\])$/, "")) {
      const cell = this.cells.get(p);
      if (cell) return cell;
      if (!/(\.[^.[\]]+|\[\d+\])$/.test(p)) break;
    }
    return this.grid.name;
  }

  private mapCells(r: number, path: string, keys: Record<string, Column>): void {
    for (const [key, col] of Object.entries(keys))
      this.cells.set(key ? `${path}.${key}` : path, this.at(r, col));
  }

  private sheetProblem(
    code: CriteriaProblemCode,
    path: string,
    params: Record<string, unknown>
  ): void {
    this.problems.push(criteriaProblem(code, path, params, this.lang));
  }

  private codeAt(r: number): string {
    const c = this.cols.code as number;
    const v = this.cell(r, c);
    // A code kept as a number shows its decimals only through the number format: 1.10 must not become 1.1.
    if (typeof v === "number" && !Number.isInteger(v)) {
      const decimals = formatDecimals(this.grid.numberFormats?.[r]?.[c] ?? undefined);
      if (decimals !== undefined) return v.toFixed(decimals);
    }
    return textOf(v);
  }

  private cell(r: number, c: number): CellValue {
    return this.grid.values[r]?.[c] ?? null;
  }

  private get(r: number, col: Column): CellValue {
    const c = this.cols[col];
    return c === undefined ? null : this.cell(r, c);
  }

  /** The cell of a column on row r; where the sheet lacks that column, the row's code cell. */
  private at(r: number, col: Column): string {
    return this.addr(r, this.cols[col] ?? (this.cols.code as number));
  }

  private addr(r: number, c: number): string {
    return `${this.grid.name}!${columnLetter(c + 1)}${r + 1}`;
  }
}

function rowOf(path: string): number {
  const m = /!\$?[A-Z]+\$?(\d+)$/.exec(path);
  return m ? Number(m[1]) : 0;
}

function compact(o: Json): Json {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

function textOf(v: CellValue | undefined): string {
  if (v !== null && v !== undefined && isCellError(v)) return v.error;
  return cellText(v);
}

/** A number, a number typed as text ("2,5" or "2.5"), nothing for an empty cell, else the raw value for validation to refuse. */
function numberOf(v: CellValue): unknown {
  if (v === null || typeof v === "number") return v ?? undefined;
  const t = textOf(v);
  if (t === "") return undefined;
  if (typeof v === "string") return parseNumberText(t) ?? t;
  return typeof v === "boolean" || v instanceof Date ? v : t;
}

/** Ratios as 0.8, "0,8" or "80%". */
function ratioOf(v: CellValue): unknown {
  if (typeof v === "string" && v.trim().endsWith("%")) {
    const n = decimalOf(v.trim().slice(0, -1));
    return n === undefined ? v.trim() : Number(shiftDecimal(n, -2));
  }
  return numberOf(v);
}

function flagOf(v: CellValue): unknown {
  if (v === null || typeof v === "boolean") return v ?? undefined;
  const t = textOf(v);
  if (t === "") return undefined;
  const hit = FLAG_INDEX.get(foldHeader(t));
  return hit ? hit === "yes" : t;
}

function choiceOf<K extends string>(v: CellValue, index: Map<string, K>): unknown {
  const t = textOf(v);
  if (t === "") return undefined;
  return index.get(foldHeader(t)) ?? t;
}

/** "2,5" → "2.5": a plain decimal text with a dot, or undefined. */
function decimalOf(s: string): string | undefined {
  const t = s.trim().replace(/\s+/g, "").replace(",", ".");
  return /^[+-]?\d+(\.\d+)?$/.test(t) ? t : undefined;
}

const NUMBER = String.raw`([+-]?\d+(?:[.,]\d+)?)`;
const STEP_TEXT = new RegExp(
  String.raw`^(?:(?:buoc|step|tru)\s*[:=]?\s*)?${NUMBER}(?:\s*(?:moi lan|\/\s*lan|per violation))?$`
);
const LATE_TEXT = new RegExp(String.raw`^(?:(?:tre han|tre|late)\s*[:=]?\s*)?${NUMBER}$`);
const TIER_TEXT = new RegExp(
  String.raw`^(?:≥|>=|tu|from)?\s*${NUMBER}\s*(%?)\s*[:=→]\s*${NUMBER}$`
);

/** Lower case, no diacritics, but punctuation kept: the numbers inside must survive. */
function plain(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .normalize("NFC")
    .toLowerCase()
    .trim();
}

function parseParams(kind: RuleKind, text: string): Json | undefined {
  const t = plain(text);
  const number = (s: string) => Number(decimalOf(s));
  switch (kind) {
    case "manual":
    case "deduction": {
      const m = STEP_TEXT.exec(t);
      return m ? { step: number(m[1]) } : undefined;
    }
    case "binary": {
      const m = LATE_TEXT.exec(t);
      return m ? { late: number(m[1]) } : undefined;
    }
    case "tiers": {
      const tiers: Tier[] = [];
      for (const part of t
        .split(/[;\n]/)
        .map((s) => s.trim())
        .filter(Boolean)) {
        const m = TIER_TEXT.exec(part);
        if (!m) return undefined;
        const from = m[2] ? Number(shiftDecimal(decimalOf(m[1]) as string, -2)) : number(m[1]);
        tiers.push({ from, points: number(m[3]) });
      }
      return { tiers };
    }
    case "ratio":
      return undefined;
  }
}
