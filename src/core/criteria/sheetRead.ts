import { unitGroupJson } from "./unitGroups";
import { Lang } from "../i18n/lang";
import { CellValue, SheetGrid } from "../port";
import { Problem } from "../problem";
import { columnLetter } from "../sheet/address";
import { formatDecimals, romanToInt } from "../sheet/codes";
import { CriteriaProblemCode, criteriaProblem } from "./messages";
import { CRITERIA_FORMAT } from "./model";
import { parseParams } from "./ruleParams";
import {
  ADJUSTMENT_INDEX,
  Column,
  foldHeader,
  HEADER_INDEX,
  META_INDEX,
  MODE_INDEX,
  RULE_INDEX,
  SECTION_WORDS,
  SOURCE_INDEX,
  TOTAL_WORDS,
  UNIT_TYPE_INDEX,
} from "./sheetLayout";
import { choiceOf, flagOf, numberOf, ratioOf, textOf } from "./sheetValues";
import { CriteriaResult, MAX_DEPTH, validateCriteria } from "./validate";

/**
 * Reads the "Bộ tiêu chí" sheet back into a criteria set (also when a person typed or edited it) and validates it
 * exactly as the JSON form is validated; every problem points at the cell it came from.
 */

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
          {
            ...criteriaProblem(
              "sheet-no-header",
              this.grid.name,
              { sheet: this.grid.name },
              this.lang
            ),
            at: { sheet: this.grid.name },
          },
        ],
      };
    }
    const data: Json = { format: CRITERIA_FORMAT, ...this.readSettings(header) };
    this.readBody(header);
    if (this.tooDeep)
      return {
        ok: false,
        problems: this.problems.map((p) => ({ ...p, at: this.placeOf(p.path) })),
      };
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
    const unitGroups: Json[] = [];
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
          set(data, key, key, textOf(value));
          break;
        case "unitType":
          set(data, key, key, choiceOf(value, UNIT_TYPE_INDEX));
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
        case "unitGroup": {
          const path = `unitGroups[${unitGroups.length}]`;
          ["", ".name", ".id", ".notAssessed"].forEach((key, c) =>
            this.cells.set(path + key, this.addr(r, c))
          );
          const [name, id, codes] = [value, this.cell(r, 2), this.cell(r, 3)].map(textOf);
          unitGroups.push(unitGroupJson(name, id, codes));
          break;
        }
      }
    }
    if (Object.keys(rounding).length > 0) data.rounding = rounding;
    if (bands.length > 0) data.bands = bands;
    if (unitGroups.length > 0) data.unitGroups = unitGroups;
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
    return {
      ok: false,
      problems: problems
        .map((p) => ({ ...p, at: this.placeOf(p.path) }))
        .sort((a, b) => rowOf(a.path) - rowOf(b.path)),
    };
  }

  /** A path this reader made (the sheet's name, or the name, "!" and a cell) as the sheet and the cell. */
  private placeOf(path: string): { sheet: string; cell?: string } {
    const prefix = `${this.grid.name}!`;
    return path.startsWith(prefix)
      ? { sheet: this.grid.name, cell: path.slice(prefix.length) }
      : { sheet: this.grid.name };
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
