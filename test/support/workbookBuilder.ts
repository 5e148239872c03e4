import ExcelJS from "exceljs";
import { IndexedNode, IndexedSet } from "../../src/core/criteria/indexed";
import { criteriaToRows } from "../../src/core/criteria/sheetForm";
import { CellValue, SheetGrid } from "../../src/core/port";

/** What a unit put on one leaf's row. */
export interface LeafEntry {
  self?: CellValue;
  appraised?: CellValue[];
  evidence?: CellValue;
  ratio?: CellValue;
  note?: CellValue;
}

export interface UnitSpec {
  sheet: string;
  unitName?: string;
  /** Per leaf code; leaves not named get their max, evidence and (with appraisal) the same appraised score. */
  leaves?: Record<string, LeafEntry>;
  /** Parent rows: a typed subtotal per code (self column). */
  parentSelf?: Record<string, CellValue>;
  appraisalRounds?: 0 | 1 | 2;
  twoRowHeader?: boolean;
  /** Header texts in Unicode NFD, as some Vietnamese input methods produce. */
  nfd?: boolean;
  /** Codes as numbers where they can be (1, 1.1), as Excel stores typed codes. */
  numericCodes?: boolean;
  romanFields?: boolean;
  omit?: string[];
  extraRows?: CellValue[][];
  total?: boolean;
  bonus?: number;
  penalty?: number;
  titleRows?: number;
  defaultScore?: (leaf: IndexedNode) => number;
}

export const HEADERS = {
  code: "STT",
  name: "Lĩnh vực/Tiêu chí/Tiêu chí thành phần",
  max: "Điểm tối đa",
  ratio: "Kết quả",
  self: "Điểm tự chấm",
  evidence: "Tài liệu kiểm chứng",
  appraised: "Điểm thẩm định",
  note: "Ghi chú/Giải trình",
};

export interface BuiltSheet extends SheetGrid {
  /** 1-based row of each node code. */
  rowOf: Map<string, number>;
  columns: Record<string, number>;
}

/** A unit sheet as real forms lay it out, with the quirks a spec asks for. */
export function unitSheet(set: IndexedSet, spec: UnitSpec): BuiltSheet {
  const rounds = spec.appraisalRounds ?? 0;
  const norm = (s: string) => (spec.nfd ? s.normalize("NFD") : s);
  const cols: string[] = ["code", "name", "max", "ratio", "self", "evidence"];
  if (rounds === 1) cols.push("appraised");
  if (rounds === 2) cols.push(...(spec.twoRowHeader ? ["appraised1", "appraised2", "explain"] : ["appraised1", "explain", "appraised2"]));
  cols.push("note");
  const col = Object.fromEntries(cols.map((c, i) => [c, i + 1]));
  const values: CellValue[][] = [];
  const merges: string[] = [];
  const titleRows = spec.titleRows ?? 3;
  values.push(["ỦY BAN NHÂN DÂN"]);
  if (titleRows >= 2) values.push([`Đơn vị: ${spec.unitName ?? "UBND xã " + spec.sheet}`]);
  while (values.length < titleRows) values.push([]);
  const headerRow = values.length + 1;
  const label = (c: string): string =>
    ({ appraised1: "Điểm thẩm định lần 1", appraised2: "Điểm thẩm định lần 2", explain: "Giải trình của đơn vị" })[c] ?? HEADERS[c as keyof typeof HEADERS];
  if (spec.twoRowHeader) {
    // "Điểm thẩm định" merged over "Lần 1 | Lần 2"; every other header merged down over both rows.
    const top: CellValue[] = [];
    const sub: CellValue[] = [];
    for (const c of cols) {
      const i = col[c] - 1;
      if (c === "appraised1" || c === "appraised2") {
        top[i] = c === "appraised1" ? norm("Điểm thẩm định") : null;
        sub[i] = norm(c === "appraised1" ? "Lần 1" : "Lần 2");
      } else {
        top[i] = norm(label(c));
        sub[i] = null;
        merges.push(`${letter(col[c])}${headerRow}:${letter(col[c])}${headerRow + 1}`);
      }
    }
    if (rounds === 2) merges.push(`${letter(col.appraised1)}${headerRow}:${letter(col.appraised2)}${headerRow}`);
    values.push(top, sub);
  } else {
    values.push(cols.map((c) => norm(label(c))));
  }
  const rowOf = new Map<string, number>();
  const omit = new Set(spec.omit ?? []);
  for (const n of set.nodes) {
    if (omit.has(n.code)) continue;
    const row: CellValue[] = [];
    row[col.code - 1] = codeCell(n, spec);
    row[col.name - 1] = n.name;
    row[col.max - 1] = n.max;
    if (n.isLeaf) {
      const e = spec.leaves?.[n.code];
      const dflt = spec.defaultScore ? spec.defaultScore(n) : n.innerMax;
      const self = e && "self" in e ? e.self : n.source === "survey" ? null : dflt;
      row[col.self - 1] = self ?? null;
      row[col.evidence - 1] = e && "evidence" in e ? (e.evidence ?? null) : n.evidence && n.source !== "survey" ? `QĐ số ${10 + n.order}/QĐ-UBND` : null;
      if (e?.ratio !== undefined) row[col.ratio - 1] = e.ratio;
      const appraised = e?.appraised ?? (rounds ? [n.source === "survey" ? n.innerMax * 0.9 : dflt] : []);
      if (rounds === 1) row[col.appraised - 1] = appraised[0] ?? null;
      if (rounds === 2) {
        row[col.appraised1 - 1] = appraised[0] ?? null;
        row[col.appraised2 - 1] = appraised[1] ?? null;
      }
      row[col.note - 1] = e?.note ?? null;
    } else if (spec.parentSelf?.[n.code] !== undefined) {
      row[col.self - 1] = spec.parentSelf[n.code];
    }
    values.push(row.map((v) => v ?? null));
    rowOf.set(n.code, values.length);
  }
  if (spec.total !== false) {
    const t: CellValue[] = [];
    t[col.name - 1] = "Tổng cộng";
    t[col.max - 1] = set.maxTotal;
    values.push(t.map((v) => v ?? null));
    rowOf.set("TOTAL", values.length);
  }
  for (const a of set.adjustments) {
    const r: CellValue[] = [];
    r[col.code - 1] = a.code;
    r[col.name - 1] = a.name;
    r[col.max - 1] = a.max;
    const v = a.kind === "bonus" ? spec.bonus : spec.penalty;
    if (v !== undefined) r[col.self - 1] = v;
    values.push(r.map((x) => x ?? null));
    rowOf.set(a.code, values.length);
  }
  for (const extra of spec.extraRows ?? []) values.push(extra);
  return { name: spec.sheet, values, merges, rowOf, columns: col };
}

function codeCell(n: IndexedNode, spec: UnitSpec): CellValue {
  if (spec.romanFields && n.depth === 0) return ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][Number(n.code) - 1] ?? n.code;
  if (spec.numericCodes && /^\d+(\.\d+)?$/.test(n.code)) return Number(n.code);
  return n.code;
}

function letter(c: number): string {
  return String.fromCharCode(64 + c);
}

/** Writes sheets (and optionally the criteria sheet) to .xlsx bytes with ExcelJS. */
export async function toXlsx(sheets: SheetGrid[], criteria?: IndexedSet, extra?: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  if (criteria) {
    const ws = wb.addWorksheet("Bộ tiêu chí");
    criteriaToRows(criteria.set).forEach((r, i) => r.forEach((v, j) => v !== null && (ws.getCell(i + 1, j + 1).value = v)));
  }
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.values.forEach((r, i) => {
      r.forEach((v, j) => {
        if (v !== null && v !== undefined) ws.getCell(i + 1, j + 1).value = v as ExcelJS.CellValue;
      });
    });
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  extra?.(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
