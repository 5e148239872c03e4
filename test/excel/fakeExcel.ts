/**
 * An in-memory stand-in for the part of the Excel JavaScript API that src/excel uses. Like the real one it
 * queues every call until context.sync(): methods and setters run then, in order; loaded properties are
 * readable only after the sync that loaded them (reading earlier throws, as Office.js does). It counts syncs
 * and the request/response bytes of each, and can refuse payloads over a limit as Excel on the web does (5 MB).
 * Worksheet activate() and range select() record the active sheet and the selection; the worksheet
 * collection's onChanged/onAdded/onDeleted handlers are registered (and removed) at a sync, and a test fires
 * them with FakeWorkbook.fire().
 */
import { CellValue, SheetGrid } from "../../src/core/port";
import { a1, columnLetter, sheetRef } from "../../src/core/sheet/address";

const bytesOf = (value: unknown): number =>
  Buffer.byteLength(JSON.stringify(value ?? null), "utf8");

export type Scalar = string | number | boolean;
export interface FakeCell {
  value: Scalar | null | { error: string };
  /** With its "=". */
  formula?: string;
  numberFormat?: string;
}
export interface FakeConditionalFormat {
  id: string;
  formula?: string;
  ranges: string[];
  fill?: string;
  fontColor?: string;
  bold?: boolean;
}
export interface FakeValidation {
  rule?: Excel.DataValidationRule;
  prompt?: Excel.DataValidationPrompt;
  errorAlert?: Excel.DataValidationErrorAlert;
  ignoreBlanks?: boolean;
}
export interface FakeChart {
  name: string;
  type: string;
  source: string;
  xValues?: string;
  title?: string;
}

interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}
const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

export class FakeSheet {
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  protected = false;
  deleted = false;
  readonly cells = new Map<string, FakeCell>();
  merges: string[] = [];
  conditionalFormats: FakeConditionalFormat[] = [];
  readonly validations = new Map<string, FakeValidation>();
  charts: FakeChart[] = [];
  frozenRows = 0;
  readonly columnWidths = new Map<number, number>();
  readonly styles = new Map<string, Record<string, unknown>>();

  constructor(public name: string) {}

  cell(row: number, col: number): FakeCell | undefined {
    return this.cells.get(`${row},${col}`);
  }

  put(row: number, col: number, cell: FakeCell | undefined): void {
    if (!cell || (cell.value === null && !cell.formula && !cell.numberFormat))
      this.cells.delete(`${row},${col}`);
    else this.cells.set(`${row},${col}`, cell);
  }

  /** Values only: cells with a value or a formula. */
  usedArea(): Area | undefined {
    let area: Area | undefined;
    for (const [key, c] of this.cells) {
      if (c.value === null && !c.formula) continue;
      const [row, col] = key.split(",").map(Number);
      area = area
        ? {
            top: Math.min(area.top, row),
            left: Math.min(area.left, col),
            bottom: Math.max(area.bottom, row),
            right: Math.max(area.right, col),
          }
        : { top: row, left: col, bottom: row, right: col };
    }
    return area;
  }

  /** What a person sees in each non-empty cell: the formula, or the value. */
  contents(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, c] of [...this.cells].sort()) {
      if (c.value === null && !c.formula) continue;
      const [row, col] = key.split(",").map(Number);
      out[a1(row, col)] = c.formula ?? JSON.stringify(c.value);
    }
    return out;
  }

  static fromGrid(grid: SheetGrid): FakeSheet {
    const sheet = new FakeSheet(grid.name);
    grid.values.forEach((line, r) =>
      line.forEach((v, c) => {
        const formula = grid.formulas?.[r]?.[c];
        if (v === null && !formula) return;
        sheet.put(r + 1, c + 1, {
          value: constantOf(v),
          ...(formula ? { formula: "=" + formula } : {}),
        });
      })
    );
    sheet.merges = [...(grid.merges ?? [])];
    sheet.protected = Boolean(grid.protected);
    return sheet;
  }
}

function constantOf(v: CellValue): FakeCell["value"] {
  if (v instanceof Date) return v.getTime() / 86_400_000 + 25569;
  return v as FakeCell["value"];
}

/** The worksheet-collection events the fake models; handlers are registered at the sync, as in Office.js. */
export type FakeEventName = "onChanged" | "onAdded" | "onDeleted";
type FakeHandler = (args: unknown) => Promise<unknown>;

/** A workbook-scoped defined name as the fake keeps it: the formula with its "=". */
export interface FakeName {
  name: string;
  formula: string;
  visible: boolean;
  comment: string;
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  /** Workbook-scoped names (NamedItemCollection of workbook.names). */
  names: FakeName[] = [];
  /** Set by worksheet.activate() and range.select(). */
  activeSheet?: string;
  /** Set by range.select(): the sheet and the A1 address selected. */
  selection?: { sheet: string; address: string };
  readonly handlers: Record<FakeEventName, Set<FakeHandler>> = {
    onChanged: new Set(),
    onAdded: new Set(),
    onDeleted: new Set(),
  };
  private nextId = 1;

  constructor(grids: SheetGrid[] = []) {
    this.sheets = grids.map(FakeSheet.fromGrid);
  }

  find(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** Names are compared without case ("Define and use names in formulas", Microsoft Support: not case-sensitive). */
  findName(name: string): FakeName | undefined {
    return this.names.find((n) => n.name.toUpperCase() === name.toUpperCase());
  }

  /**
   * What a person's renaming a sheet does: Excel rewrites every reference to it, in cells and in names, so a
   * name pointing at the sheet still finds it.
   */
  renameSheet(from: string, to: string): void {
    const sheet = this.sheet(from);
    const ref = sheetReference(sheet.name);
    const renamed = sheetRef(to, "").slice(0, -1).replace(/^'([^' !,]+)'$/, "$1");
    for (const other of this.sheets)
      for (const [key, cell] of other.cells)
        if (cell.formula) other.cells.set(key, { ...cell, formula: cell.formula.replace(ref, `${renamed}!`) });
    for (const n of this.names) n.formula = n.formula.replace(ref, `${renamed}!`);
    sheet.name = to;
  }

  sheet(name: string): FakeSheet {
    const s = this.find(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  newId(): string {
    return `{cf-${this.nextId++}}`;
  }

  /** What Excel does after a change: calls every handler registered for `event` with `args`. */
  async fire(event: FakeEventName, args: unknown = {}): Promise<void> {
    await Promise.all([...this.handlers[event]].map((h) => h(args)));
  }

  /** Everything the tests compare between states. */
  /** Everything a run may change; `withStyles` adds each cell's formatting. */
  state(withStyles = false): unknown {
    return this.sheets.map((s) => ({
      ...(withStyles
        ? {
            // As Excel shows them: a property set to its default is no formatting.
            styles: [...s.styles]
              .map(([at, st]): [string, Record<string, unknown>] => [
                at,
                Object.fromEntries(Object.entries(st).filter(([k, v]) => STYLE_DEFAULTS[k] !== v)),
              ])
              .filter(([, st]) => Object.keys(st).length)
              .sort((x, y) => x[0].localeCompare(y[0])),
          }
        : {}),
      name: s.name,
      visibility: s.visibility,
      cells: s.contents(),
      conditionalFormats: s.conditionalFormats
        .map((c) => ({ formula: c.formula, ranges: c.ranges, fill: c.fill }))
        .sort((x, y) => String(x.formula).localeCompare(String(y.formula))),
      validatedCells: s.validations.size,
      charts: s.charts.map((c) => c.name),
    }));
  }
}

export class OfficeError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(`${code}: ${message}`);
    this.name = "RichApi.Error";
  }
}

export class PropertyNotLoadedError extends Error {}

interface Response {
  bytes: number;
  commit(): void;
}
interface Op {
  bytes: number;
  run(): Response | void;
}

export interface FakeOptions {
  /** Request and response limit in bytes (Excel on the web: 5 MB); none by default (desktop). */
  payloadLimit?: number;
}

export class FakeContext {
  static readonly CALL_OVERHEAD = 120;
  readonly workbook: FakeWorkbookProxy;
  readonly application: FakeApplication;
  syncs = 0;
  readonly requestBytes: number[] = [];
  readonly responseBytes: number[] = [];
  suspendedSyncs = 0;
  calculations = 0;
  private queue: Op[] = [];
  private readonly limit: number;

  constructor(
    readonly book: FakeWorkbook,
    options: FakeOptions = {}
  ) {
    this.limit = options.payloadLimit ?? Number.POSITIVE_INFINITY;
    this.workbook = new FakeWorkbookProxy(this);
    this.application = new FakeApplication(this);
  }

  /** Each call costs its data plus what Office.js sends around it (an action and an object path in JSON). */
  enqueue(bytes: number, run: Op["run"]): void {
    this.queue.push({ bytes: bytes + FakeContext.CALL_OVERHEAD, run });
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    this.syncs++;
    const request = ops.reduce((n, op) => n + op.bytes, 0);
    this.requestBytes.push(request);
    if (request > this.limit)
      throw new OfficeError("RequestPayloadSizeLimitExceeded", `request of ${request} bytes`);
    let response = 0;
    const commits: (() => void)[] = [];
    for (const op of ops) {
      const r = op.run();
      if (r && typeof r === "object" && typeof r.commit === "function") {
        response += r.bytes;
        commits.push(r.commit);
      }
    }
    this.responseBytes.push(response);
    if (response > this.limit)
      throw new OfficeError("ResponsePayloadSizeLimitExceeded", `response of ${response} bytes`);
    commits.forEach((c) => c());
  }

  asExcel(): Excel.RequestContext {
    return this as unknown as Excel.RequestContext;
  }

  totals(): { syncs: number; maxRequest: number; maxResponse: number } {
    return {
      syncs: this.syncs,
      maxRequest: Math.max(0, ...this.requestBytes),
      maxResponse: Math.max(0, ...this.responseBytes),
    };
  }
}

/** Answers Office.context.requirements.isSetSupported("ExcelApi", "1.x") for x up to maxMinor. */
export function installRequirementSets(maxMinor: number): () => void {
  const g = globalThis as Record<string, unknown>;
  const before = g.Office;
  g.Office = {
    context: {
      requirements: {
        isSetSupported: (name: string, version: string) =>
          name === "ExcelApi" && Number(version.split(".")[1] ?? 0) <= maxMinor,
      },
    },
  };
  return () => {
    g.Office = before;
  };
}

// ---- loaded data: readable only after the sync, strictly -------------------------------------------------

function strict<T>(data: T): T {
  if (Array.isArray(data)) return data.map(strict) as T;
  if (data === null || typeof data !== "object") return data;
  const inner = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, strict(v)]));
  return new Proxy(inner, {
    get(target, key) {
      if (typeof key === "symbol" || key === "toJSON" || key === "then") return undefined;
      if (!(key in target)) throw new PropertyNotLoadedError(`property "${key}" was not loaded`);
      return (target as Record<string, unknown>)[key];
    },
  }) as T;
}

/** "items/name,items/protection/protected" → paths; picks only those from a full data tree. */
function paths(spec: string | string[]): string[][] {
  return (Array.isArray(spec) ? spec : spec.split(","))
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => p.split("/"));
}

function pick(data: unknown, wanted: string[][]): unknown {
  if (Array.isArray(data)) return data.map((d) => pick(d, wanted));
  if (data === null || typeof data !== "object") return data;
  const out: Record<string, unknown> = {};
  const byHead = new Map<string, string[][]>();
  for (const [head, ...rest] of wanted) byHead.set(head, [...(byHead.get(head) ?? []), rest]);
  for (const [head, rests] of byHead) {
    if (!(head in (data as object)))
      throw new OfficeError("InvalidArgument", `cannot load "${head}"`);
    const value = (data as Record<string, unknown>)[head];
    out[head] = rests.some((r) => r.length === 0) ? value : pick(value, rests);
  }
  return out;
}

abstract class Loadable {
  protected loaded: Record<string, unknown> = {};
  protected synced = false;
  protected isNull = false;

  constructor(protected readonly ctx: FakeContext) {}

  /** The full data of the object, computed when the load runs. */
  protected abstract data(): Record<string, unknown>;

  load(spec: string | string[] = []): this {
    const wanted = paths(spec);
    this.ctx.enqueue(bytesOf(spec), () => {
      if (this.isNull) return { bytes: 4, commit: () => (this.synced = true) };
      const picked = pick(this.data(), wanted) as Record<string, unknown>;
      return {
        bytes: bytesOf(picked),
        commit: () => {
          this.loaded = { ...this.loaded, ...(strict(picked) as object) };
          this.synced = true;
        },
      };
    });
    return this;
  }

  protected read<T>(key: string): T {
    if (!(key in this.loaded))
      throw new PropertyNotLoadedError(
        `${this.constructor.name}.${key} was read before load() and sync()`
      );
    return (this.loaded as Record<string, unknown>)[key] as T;
  }

  get isNullObject(): boolean {
    if (!this.synced)
      throw new PropertyNotLoadedError(
        `${this.constructor.name}.isNullObject was read before sync()`
      );
    return this.isNull;
  }

  /** Marks the object resolved at run time; OrNullObject results know isNullObject after the sync. */
  protected resolved(): Response {
    return { bytes: 4, commit: () => (this.synced = true) };
  }
}

function addressOf(sheet: FakeSheet, area: Area): string {
  const tl = a1(area.top, area.left);
  const br = a1(area.bottom, area.right);
  return sheetRef(sheet.name, tl === br ? tl : `${tl}:${br}`).replace(/^'([^' !,]+)'!/, "$1!");
}

function parseRef(ref: string): { row?: number; col?: number } {
  const m = /^\$?([A-Z]*)\$?(\d*)$/.exec(ref.trim().toUpperCase());
  if (!m) throw new OfficeError("InvalidArgument", `bad address ${ref}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: m[2] ? Number(m[2]) : undefined, col: col || undefined };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function parseAreaAddress(address: string): Area {
  const [a, b = a] = address.split(":");
  const p = parseRef(a);
  const q = parseRef(b);
  return {
    top: Math.min(p.row ?? 1, q.row ?? 1),
    bottom: Math.max(p.row ?? MAX_ROW, q.row ?? MAX_ROW),
    left: Math.min(p.col ?? 1, q.col ?? 1),
    right: Math.max(p.col ?? MAX_COL, q.col ?? MAX_COL),
  };
}

function areaText(area: Area): string {
  const tl = a1(area.top, area.left);
  const br = a1(area.bottom, area.right);
  return tl === br ? tl : `${tl}:${br}`;
}

function cellsOf(areas: Area[]): [number, number][] {
  const out: [number, number][] = [];
  for (const a of areas)
    for (let r = a.top; r <= a.bottom; r++)
      for (let c = a.left; c <= a.right; c++) out.push([r, c]);
  return out;
}

function intersects(a: Area, b: Area): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** What Excel does with a value entered into a cell (range.values or range.formulas), as typing does. */
export function enterInput(sheet: FakeSheet, row: number, col: number, input: unknown): void {
  if (input === null || input === undefined) return; // null in a 2-D array leaves the cell as it is
  const keepFormat = sheet.cell(row, col)?.numberFormat;
  const put = (cell: FakeCell) =>
    sheet.put(row, col, { ...cell, ...(keepFormat ? { numberFormat: keepFormat } : {}) });
  if (typeof input === "number" || typeof input === "boolean") return put({ value: input });
  if (typeof input !== "string")
    throw new OfficeError("InvalidArgument", `cannot enter ${typeof input}`);
  if (input === "") return put({ value: null });
  if (input.startsWith("'")) return put({ value: input.slice(1) });
  if (keepFormat === "@") return put({ value: input });
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(input.trim()))
    return put({ value: Number(input) });
  if (/^[+-]?(\d+\.?\d*|\.\d+)%$/.test(input.trim()))
    return put({ value: Number(input.trim().slice(0, -1)) / 100 });
  if (/^(true|false)$/i.test(input)) return put({ value: input.toLowerCase() === "true" });
  if (/^#(REF!|VALUE!|N\/A|NAME\?|DIV\/0!|NUM!|NULL!)$/.test(input))
    return put({ value: { error: input } });
  if (input.length > 1 && /^[=+\-@]/.test(input)) {
    if (input.length > 8192) throw new OfficeError("FormulaLengthExceedsLimit", "formula too long");
    return put({ value: null, formula: input[0] === "=" ? input : "=" + input });
  }
  if (input.length > 32767)
    throw new OfficeError("InvalidArgument", "text longer than a cell holds");
  put({ value: input });
}

// ---- proxies ----------------------------------------------------------------------------------------------

class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  constructor(ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.names = new FakeNamedItemCollection(ctx);
  }
}

/** "Sheet!" or "'Sheet name'!" as formulas write it, matched globally. */
function sheetReference(name: string): RegExp {
  const quoted = escapeRegExp(name.replace(/'/g, "''"));
  return new RegExp(`(?:'${quoted}'|${escapeRegExp(name)})!`, "g");
}

/**
 * Excel's name syntax ("Names in formulas", Microsoft Support): a letter, "_" or "\\" first, then letters, digits,
 * "." and "_"; at most 255 characters; never something that reads as a cell reference (A1, R1C1).
 */
function isValidName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 255 &&
    /^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^[Rr]\d*[Cc]?\d*$/.test(name) &&
    !/^[Cc]\d*$/.test(name)
  );
}

/**
 * workbook.names (docs-ref-autogen/excel/excel/excel.nameditemcollection.yml): items, add(name, reference,
 * comment) (ExcelApi 1.4), getItem / getItemOrNullObject(name). Names are found without regard to case.
 */
class FakeNamedItemCollection extends Loadable {
  protected data(): Record<string, unknown> {
    return { items: this.ctx.book.names.map(namedItemData) };
  }

  get items(): ReturnType<typeof namedItemData>[] {
    return this.read("items");
  }

  /**
   * "Adds a new name to the collection of the given scope"; `reference` is "the formula or the range that the
   * name will refer to". A name that exists (in any case) is refused, as Excel refuses a duplicate name; so is
   * one that breaks the name syntax. A formula string must begin with "=" (NamedItem.formula: "Formulas always
   * start with an equal sign").
   */
  add(name: string, reference: string | FakeRange, comment = ""): FakeNamedItem {
    return new FakeNamedItem(this.ctx, () => {
      if (!isValidName(name)) throw new OfficeError("InvalidArgument", `bad name ${name}`);
      if (this.ctx.book.findName(name))
        throw new OfficeError("ItemAlreadyExists", `name ${name} exists`);
      let formula: string;
      if (typeof reference === "string") {
        if (!reference.startsWith("="))
          throw new OfficeError("InvalidArgument", `name formula without "=": ${reference}`);
        formula = reference;
      } else {
        const { sheet, area } = reference.at();
        formula = "=" + addressOf(sheet, area).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
      }
      const item: FakeName = { name, formula, visible: true, comment };
      this.ctx.book.names.push(item);
      return item;
    });
  }

  /** Throws ItemNotFound at the sync where the name does not exist. */
  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, () => {
      const n = this.ctx.book.findName(name);
      if (!n) throw new OfficeError("ItemNotFound", `no name ${name}`);
      return n;
    });
  }

  /** ExcelApi 1.4: a null object (isNullObject true after the sync) where the name does not exist. */
  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, () => this.ctx.book.findName(name) ?? null);
  }
}

function namedItemData(n: FakeName) {
  return {
    name: n.name,
    formula: n.formula,
    visible: n.visible,
    comment: n.comment,
    // NamedItem.type: "Range" for a reference, "Error" for #REF! (a deleted sheet), else the value's type.
    type: /^=#REF!$/i.test(n.formula)
      ? "Error"
      : /^=('([^']|'')+'|[^!]+)!\$?[A-Z]+\$?\d+(:\$?[A-Z]+\$?\d+)?$/.test(n.formula)
        ? "Range"
        : "String",
  };
}

/** NamedItem (docs-ref-autogen/excel/excel/excel.nameditem.yml): formula and visible are settable; delete(). */
class FakeNamedItem extends Loadable {
  private target?: FakeName;

  constructor(ctx: FakeContext, resolve: () => FakeName | null) {
    super(ctx);
    ctx.enqueue(32, () => {
      const t = resolve();
      if (t) this.target = t;
      else this.isNull = true;
      return this.resolved();
    });
  }

  private item(): FakeName {
    if (!this.target) throw new OfficeError("InvalidOperation", "named item not resolved (null object?)");
    if (!this.ctx.book.names.includes(this.target))
      throw new OfficeError("ItemNotFound", `name ${this.target.name} was deleted`);
    return this.target;
  }

  protected data(): Record<string, unknown> {
    return namedItemData(this.item());
  }

  get name(): string {
    return this.read("name");
  }
  get formula(): string {
    return this.read("formula");
  }
  /** ExcelApi 1.7; a formula always starts with "=". */
  set formula(f: string) {
    this.ctx.enqueue(bytesOf(f), () => {
      if (typeof f !== "string" || !f.startsWith("="))
        throw new OfficeError("InvalidArgument", `name formula without "=": ${f}`);
      this.item().formula = f;
    });
  }
  get visible(): boolean {
    return this.read("visible");
  }
  set visible(v: boolean) {
    this.ctx.enqueue(8, () => {
      this.item().visible = v;
    });
  }
  get type(): string {
    return this.read("type");
  }

  delete(): void {
    this.ctx.enqueue(8, () => {
      const names = this.ctx.book.names;
      names.splice(names.indexOf(this.item()), 1);
    });
  }
}

class FakeApplication {
  constructor(private readonly ctx: FakeContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue(8, () => {
      this.ctx.suspendedSyncs++;
    });
  }
  calculate(): void {
    this.ctx.enqueue(8, () => {
      this.ctx.calculations++;
    });
  }
}

/** OfficeExtension.EventHandlers: add() registers at the next sync; the result's remove() unregisters at one. */
class FakeEventHandlers {
  constructor(
    private readonly ctx: FakeContext,
    private readonly event: FakeEventName
  ) {}

  add(handler: FakeHandler): { context: FakeContext; remove(): void } {
    const handlers = this.ctx.book.handlers[this.event];
    this.ctx.enqueue(64, () => {
      handlers.add(handler);
    });
    return {
      context: this.ctx,
      remove: () =>
        this.ctx.enqueue(64, () => {
          handlers.delete(handler);
        }),
    };
  }
}

class FakeWorksheetCollection extends Loadable {
  readonly onChanged = new FakeEventHandlers(this.ctx, "onChanged");
  readonly onAdded = new FakeEventHandlers(this.ctx, "onAdded");
  readonly onDeleted = new FakeEventHandlers(this.ctx, "onDeleted");

  protected data(): Record<string, unknown> {
    return {
      items: this.ctx.book.sheets.map((s, i) => ({
        name: s.name,
        visibility: s.visibility,
        position: i,
        protection: { protected: s.protected },
      })),
    };
  }
  get items(): {
    name: string;
    visibility: string;
    position: number;
    protection: { protected: boolean };
  }[] {
    return this.read("items");
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const s = this.ctx.book.find(name);
      if (!s) throw new OfficeError("ItemNotFound", `no worksheet ${name}`);
      return s;
    });
  }
  add(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      if (this.ctx.book.find(name))
        throw new OfficeError("ItemAlreadyExists", `worksheet ${name} exists`);
      if (/[[\]:*?/\\]/.test(name) || name.length > 31)
        throw new OfficeError("InvalidArgument", `bad sheet name ${name}`);
      const s = new FakeSheet(name);
      this.ctx.book.sheets.push(s);
      return s;
    });
  }
}

class FakeWorksheet extends Loadable {
  private target?: FakeSheet;
  readonly freezePanes: { freezeRows(n: number): void; unfreeze(): void };
  readonly charts: FakeChartCollection;

  constructor(ctx: FakeContext, resolve: () => FakeSheet) {
    super(ctx);
    ctx.enqueue(32, () => {
      this.target = resolve();
      return this.resolved();
    });
    this.freezePanes = {
      freezeRows: (n: number) => this.op(n, (s) => (s.frozenRows = n)),
      unfreeze: () => this.op(null, (s) => (s.frozenRows = 0)),
    };
    this.charts = new FakeChartCollection(ctx, () => this.sheet());
  }

  sheet(): FakeSheet {
    if (!this.target) throw new OfficeError("InvalidOperation", "worksheet not resolved");
    if (this.target.deleted)
      throw new OfficeError("ItemNotFound", `worksheet ${this.target.name} was deleted`);
    return this.target;
  }

  private op(payload: unknown, change: (s: FakeSheet) => void): void {
    this.ctx.enqueue(bytesOf(payload ?? null), () => change(this.sheet()));
  }

  protected data(): Record<string, unknown> {
    const s = this.sheet();
    return {
      name: s.name,
      visibility: s.visibility,
      position: this.ctx.book.sheets.indexOf(s),
      protection: { protected: s.protected },
    };
  }

  get name(): string {
    return this.read("name");
  }
  get visibility(): string {
    return this.read("visibility");
  }
  set visibility(v: string) {
    this.op(v, (s) => (s.visibility = v as FakeSheet["visibility"]));
  }
  get position(): number {
    return this.read("position");
  }
  set position(p: number) {
    this.op(p, (s) => {
      const sheets = this.ctx.book.sheets;
      if (p < 0 || p >= sheets.length) throw new OfficeError("InvalidArgument", `position ${p}`);
      sheets.splice(sheets.indexOf(s), 1);
      sheets.splice(p, 0, s);
    });
  }

  activate(): void {
    this.op(null, (s) => (this.ctx.book.activeSheet = s.name));
  }

  delete(): void {
    this.op(null, (s) => {
      if (s.visibility === "VeryHidden")
        throw new OfficeError("InvalidOperation", "a veryHidden worksheet cannot be deleted");
      if (s.protected) throw new OfficeError("AccessDenied", "protected");
      s.deleted = true;
      this.ctx.book.sheets.splice(this.ctx.book.sheets.indexOf(s), 1);
      // As in Excel: a formula elsewhere that pointed at the deleted sheet now holds #REF!.
      const quoted = escapeRegExp(s.name.replace(/'/g, "''"));
      const ref = new RegExp(`(?:'${quoted}'|${escapeRegExp(s.name)})![$A-Z0-9:]+`, "g");
      for (const other of this.ctx.book.sheets)
        for (const [key, cell] of other.cells)
          if (cell.formula && ref.test(cell.formula)) {
            ref.lastIndex = 0;
            other.cells.set(key, { ...cell, formula: cell.formula.replace(ref, "#REF!"), value: { error: "#REF!" } });
          }
      // Names that pointed at the deleted sheet hold "=#REF!" (Excel keeps the name, its reference broken).
      for (const n of this.ctx.book.names) {
        ref.lastIndex = 0;
        if (ref.test(n.formula)) n.formula = n.formula.replace(ref, "#REF!");
        ref.lastIndex = 0;
      }
    });
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, () => ({
      sheet: this.sheet(),
      area: address
        ? parseAreaAddress(address)
        : { top: 1, left: 1, bottom: MAX_ROW, right: MAX_COL },
    }));
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, () => ({
      sheet: this.sheet(),
      area: { top: row + 1, left: col + 1, bottom: row + rows, right: col + cols },
    }));
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    if (valuesOnly !== true) throw new Error("the fake only models getUsedRangeOrNullObject(true)");
    return new FakeRange(this.ctx, () => {
      const s = this.sheet();
      const area = s.usedArea();
      return area ? { sheet: s, area } : null;
    });
  }

  getRanges(address: string): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, () => ({
      sheet: this.sheet(),
      areas: address.split(/[,;]/).map((a) => parseAreaAddress(a.trim())),
    }));
  }
}

interface RangeTarget {
  sheet: FakeSheet;
  area: Area;
}

class FakeRange extends Loadable {
  private target?: RangeTarget;
  readonly format: FakeRangeFormat;
  readonly conditionalFormats: FakeConditionalFormatCollection;
  readonly dataValidation: FakeDataValidation;

  constructor(ctx: FakeContext, resolve: () => RangeTarget | null) {
    super(ctx);
    ctx.enqueue(32, () => {
      const t = resolve();
      if (t) this.target = t;
      else this.isNull = true;
      return this.resolved();
    });
    this.format = new FakeRangeFormat(ctx, () => this.at());
    this.conditionalFormats = new FakeConditionalFormatCollection(ctx, () => ({
      sheet: this.at().sheet,
      areas: [this.at().area],
    }));
    this.dataValidation = new FakeDataValidation(ctx, () => ({
      sheet: this.at().sheet,
      areas: [this.at().area],
    }));
  }

  at(): RangeTarget {
    if (!this.target)
      throw new OfficeError(
        this.isNull ? "InvalidOperation" : "InvalidOperation",
        "range not resolved (null object?)"
      );
    if (this.target.sheet.deleted)
      throw new OfficeError("ItemNotFound", "the range's worksheet was deleted");
    return this.target;
  }

  private grid<T>(cell: (c: FakeCell | undefined) => T): T[][] {
    const { sheet, area } = this.at();
    if ((area.bottom - area.top + 1) * (area.right - area.left + 1) > 5_000_000)
      throw new OfficeError("RangeExceedsLimit", "too many cells");
    const out: T[][] = [];
    for (let r = area.top; r <= area.bottom; r++) {
      const line: T[] = [];
      for (let c = area.left; c <= area.right; c++) line.push(cell(sheet.cell(r, c)));
      out.push(line);
    }
    return out;
  }

  protected data(): Record<string, unknown> {
    const { sheet, area } = this.at();
    const data: Record<string, unknown> = {
      address: addressOf(sheet, area),
      rowIndex: area.top - 1,
      columnIndex: area.left - 1,
      rowCount: area.bottom - area.top + 1,
      columnCount: area.right - area.left + 1,
    };
    const lazy = {
      values: () =>
        this.grid((c) =>
          !c || c.value === null ? "" : typeof c.value === "object" ? c.value.error : c.value
        ),
      // A text constant is returned as its text: "=1+2" typed as '=1+2 comes back as "=1+2" (the worst case).
      formulas: () =>
        this.grid(
          (c) =>
            c?.formula ??
            (!c || c.value === null ? "" : typeof c.value === "object" ? c.value.error : c.value)
        ),
      numberFormat: () => this.grid((c) => c?.numberFormat ?? "General"),
      valueTypes: () =>
        this.grid((c) => {
          const v = c?.value;
          if (v === null || v === undefined) return "Empty";
          if (typeof v === "object") return "Error";
          return typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String";
        }),
    };
    return new Proxy(data, {
      has: (t, k) => k in t || k in lazy,
      get: (t, k) =>
        typeof k === "string" && k in lazy ? lazy[k as keyof typeof lazy]() : t[k as string],
    });
  }

  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  set values(v: unknown[][]) {
    this.write(v);
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  set formulas(v: unknown[][]) {
    this.write(v);
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this.each(v, (sheet, row, col, f) => {
      if (f === null || f === undefined) return;
      const cell = sheet.cell(row, col) ?? { value: null };
      sheet.put(row, col, { ...cell, numberFormat: String(f) });
    });
  }

  private write(v: unknown[][]): void {
    this.each(v, (sheet, row, col, input) => enterInput(sheet, row, col, input));
  }

  private each(
    v: unknown[][],
    change: (sheet: FakeSheet, row: number, col: number, x: unknown) => void
  ): void {
    this.ctx.enqueue(bytesOf(v), () => {
      const { sheet, area } = this.at();
      if (sheet.protected)
        throw new OfficeError("AccessDenied", `worksheet ${sheet.name} is protected`);
      const rows = area.bottom - area.top + 1;
      const cols = area.right - area.left + 1;
      if (v.length !== rows || v.some((line) => line.length !== cols))
        throw new OfficeError(
          "InvalidArgument",
          `a ${rows}×${cols} range was given other dimensions`
        );
      v.forEach((line, i) => line.forEach((x, j) => change(sheet, area.top + i, area.left + j, x)));
    });
  }

  /** Contents and formats of the area go (applyTo "All", the default). */
  clear(applyTo = "All"): void {
    if (applyTo !== "All") throw new Error("the fake models clear('All') only");
    this.ctx.enqueue(8, () => {
      const { sheet, area } = this.at();
      if (sheet.protected) throw new OfficeError("AccessDenied", `worksheet ${sheet.name} is protected`);
      const inside = (key: string) => {
        const [r, c] = key.split(",").map(Number);
        return r >= area.top && r <= area.bottom && c >= area.left && c <= area.right;
      };
      for (const key of [...sheet.cells.keys()]) if (inside(key)) sheet.cells.delete(key);
      for (const key of [...sheet.styles.keys()]) if (inside(key)) sheet.styles.delete(key);
    });
  }

  unmerge(): void {
    this.ctx.enqueue(8, () => {
      const { sheet, area } = this.at();
      sheet.merges = sheet.merges.filter((m) => !intersects(parseAreaAddress(m), area));
    });
  }

  /** Selects the range, on its sheet made active. */
  select(): void {
    this.ctx.enqueue(8, () => {
      const { sheet, area } = this.at();
      this.ctx.book.activeSheet = sheet.name;
      this.ctx.book.selection = { sheet: sheet.name, address: areaText(area) };
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, () => {
      const { sheet, area } = this.at();
      const areas = sheet.merges
        .map(parseAreaAddress)
        .filter(
          (m) =>
            m.top >= area.top && m.top <= area.bottom && m.left >= area.left && m.left <= area.right
        );
      if (areas.length > 512)
        throw new OfficeError("GeneralException", "more than 512 merged areas");
      return areas.length ? { sheet, areas } : null;
    });
  }
}

/** Office.js's defaults for a cell never formatted. */
const STYLE_DEFAULTS: Record<string, unknown> = {
  bold: false,
  italic: false,
  fontColor: "#000000",
  fill: "#FFFFFF",
  wrap: false,
  align: "General",
};

/** Writes one style key over the range's cells (queued); null deletes it (a clear). */
function styleWrite(ctx: FakeContext, at: () => RangeTarget, key: string, v: unknown): void {
  ctx.enqueue(bytesOf(v) + key.length, () => {
    const { sheet, area } = at();
    if (sheet.protected) throw new OfficeError("AccessDenied", `worksheet ${sheet.name} is protected`);
    for (let r = area.top; r <= area.bottom; r++)
      for (let c = area.left; c <= area.right; c++) {
        const next = { ...sheet.styles.get(`${r},${c}`), [key]: v };
        if (v === null) delete next[key];
        sheet.styles.set(`${r},${c}`, next);
      }
  });
}

/** A style key over the range as Office.js loads it: the value if every cell has the same, else null. */
function styleRead(at: () => RangeTarget, key: string): unknown {
  const { sheet, area } = at();
  let value: unknown;
  for (let r = area.top; r <= area.bottom; r++)
    for (let c = area.left; c <= area.right; c++) {
      const v = sheet.styles.get(`${r},${c}`)?.[key] ?? STYLE_DEFAULTS[key];
      if (r === area.top && c === area.left) value = v;
      else if (v !== value) return null;
    }
  return value;
}

/** font or fill: loadable properties, each backed by one style key. */
class FakeStyleProperties extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly at: () => RangeTarget,
    keys: Record<string, string>
  ) {
    super(ctx);
    this.keys = keys;
    for (const [prop, key] of Object.entries(keys))
      Object.defineProperty(this, prop, {
        set: (v: unknown) => styleWrite(ctx, at, key, v),
        get: () => this.read(prop),
      });
  }
  private readonly keys: Record<string, string>;

  protected data(): Record<string, unknown> {
    return Object.fromEntries(
      Object.entries(this.keys).map(([prop, key]) => [prop, styleRead(this.at, key)])
    );
  }

  clear(): void {
    for (const key of Object.values(this.keys)) styleWrite(this.ctx, this.at, key, null);
  }
}

class FakeRangeFormat extends Loadable {
  readonly font: { bold: boolean; italic: boolean; color: string } & Loadable;
  readonly fill: { color: string; clear(): void } & Loadable;

  constructor(
    ctx: FakeContext,
    private readonly at: () => RangeTarget
  ) {
    super(ctx);
    this.font = new FakeStyleProperties(ctx, at, {
      bold: "bold",
      italic: "italic",
      color: "fontColor",
    }) as unknown as FakeRangeFormat["font"];
    this.fill = new FakeStyleProperties(ctx, at, {
      color: "fill",
    }) as unknown as FakeRangeFormat["fill"];
  }

  protected data(): Record<string, unknown> {
    return {
      wrapText: styleRead(this.at, "wrap"),
      horizontalAlignment: styleRead(this.at, "align"),
    };
  }

  get wrapText(): boolean {
    return this.read("wrapText");
  }
  set wrapText(v: boolean) {
    styleWrite(this.ctx, this.at, "wrap", v);
  }
  get horizontalAlignment(): string {
    return this.read("horizontalAlignment");
  }
  set horizontalAlignment(v: string) {
    styleWrite(this.ctx, this.at, "align", v);
  }
  set columnWidth(points: number) {
    this.ctx.enqueue(8, () => {
      const { sheet, area } = this.at();
      for (let c = area.left; c <= area.right; c++) sheet.columnWidths.set(c, points);
    });
  }
}

interface AreasTarget {
  sheet: FakeSheet;
  areas: Area[];
}

class FakeRangeAreas extends Loadable {
  private target?: AreasTarget;
  readonly conditionalFormats: FakeConditionalFormatCollection;
  readonly dataValidation: FakeDataValidation;

  constructor(ctx: FakeContext, resolve: () => AreasTarget | null) {
    super(ctx);
    ctx.enqueue(32, () => {
      const t = resolve();
      if (t) this.target = t;
      else this.isNull = true;
      return this.resolved();
    });
    this.conditionalFormats = new FakeConditionalFormatCollection(ctx, () => this.at());
    this.dataValidation = new FakeDataValidation(ctx, () => this.at());
  }

  at(): AreasTarget {
    if (!this.target)
      throw new OfficeError("InvalidOperation", "range areas not resolved (null object?)");
    return this.target;
  }

  protected data(): Record<string, unknown> {
    const { sheet, areas } = this.at();
    return { address: areas.map((a) => addressOf(sheet, a)).join(", "), areaCount: areas.length };
  }

  get address(): string {
    return this.read("address");
  }
}

class FakeConditionalFormatCollection extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly at: () => AreasTarget
  ) {
    super(ctx);
  }

  private inScope(): FakeConditionalFormat[] {
    const { sheet, areas } = this.at();
    return sheet.conditionalFormats.filter((cf) =>
      cf.ranges.some((r) => areas.some((a) => intersects(parseAreaAddress(r), a)))
    );
  }

  protected data(): Record<string, unknown> {
    return {
      items: this.inScope().map((cf) => {
        const custom = {
          rule: { formula: cf.formula ?? null },
          format: {
            fill: { color: cf.fill ?? null },
            font: { color: cf.fontColor ?? null, bold: cf.bold ?? null },
          },
        };
        return { id: cf.id, type: "Custom", custom, customOrNullObject: custom };
      }),
    };
  }

  get items(): unknown[] {
    return this.read("items");
  }

  clearAll(): void {
    this.ctx.enqueue(8, () => {
      const { sheet } = this.at();
      if (sheet.protected) throw new OfficeError("AccessDenied", "protected");
      const gone = new Set(this.inScope());
      sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !gone.has(cf));
    });
  }

  add(type: string): FakeConditionalFormatProxy {
    return new FakeConditionalFormatProxy(this.ctx, () => {
      if (type !== "Custom") throw new Error("the fake models custom conditional formats only");
      const { sheet, areas } = this.at();
      if (sheet.protected) throw new OfficeError("AccessDenied", "protected");
      const cf: FakeConditionalFormat = { id: this.ctx.book.newId(), ranges: areas.map(areaText) };
      sheet.conditionalFormats.push(cf);
      return { sheet, cf };
    });
  }

  getItem(id: string): FakeConditionalFormatProxy {
    return new FakeConditionalFormatProxy(this.ctx, () => {
      const { sheet } = this.at();
      const cf = this.inScope().find((c) => c.id === id);
      if (!cf) throw new OfficeError("ItemNotFound", `no conditional format ${id}`);
      return { sheet, cf };
    });
  }
}

class FakeConditionalFormatProxy {
  private target?: { sheet: FakeSheet; cf: FakeConditionalFormat };
  readonly custom: {
    rule: { formula: string };
    format: { fill: { color: string }; font: { color: string; bold: boolean } };
  };

  constructor(
    private readonly ctx: FakeContext,
    resolve: () => { sheet: FakeSheet; cf: FakeConditionalFormat }
  ) {
    ctx.enqueue(32, () => {
      this.target = resolve();
    });
    const set = (apply: (cf: FakeConditionalFormat, v: never) => void) => ({
      set: (v: never) => ctx.enqueue(bytesOf(v), () => apply(this.cf(), v)),
      get: () => {
        throw new PropertyNotLoadedError("not loaded");
      },
    });
    this.custom = {
      rule: Object.defineProperties({}, { formula: set((cf, v: string) => (cf.formula = v)) }) as {
        formula: string;
      },
      format: {
        fill: Object.defineProperties({}, { color: set((cf, v: string) => (cf.fill = v)) }) as {
          color: string;
        },
        font: Object.defineProperties(
          {},
          {
            color: set((cf, v: string) => (cf.fontColor = v)),
            bold: set((cf, v: boolean) => (cf.bold = v)),
          }
        ) as { color: string; bold: boolean },
      },
    };
  }

  private cf(): FakeConditionalFormat {
    if (!this.target) throw new OfficeError("InvalidOperation", "conditional format not resolved");
    return this.target.cf;
  }

  delete(): void {
    this.ctx.enqueue(8, () => {
      const { sheet, cf } = this.target!;
      sheet.conditionalFormats = sheet.conditionalFormats.filter((c) => c !== cf);
    });
  }

  getRanges(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, () => ({
      sheet: this.target!.sheet,
      areas: this.cf().ranges.map(parseAreaAddress),
    }));
  }
}

class FakeDataValidation extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly at: () => AreasTarget
  ) {
    super(ctx);
  }

  private cells(): { sheet: FakeSheet; keys: string[] } {
    const { sheet, areas } = this.at();
    return { sheet, keys: cellsOf(areas).map(([r, c]) => `${r},${c}`) };
  }

  protected data(): Record<string, unknown> {
    const { sheet, keys } = this.cells();
    const all = keys.map((k) => sheet.validations.get(k));
    const set = all.filter((v): v is FakeValidation => v !== undefined);
    const first = set[0];
    const same = set.every((v) => JSON.stringify(v) === JSON.stringify(first));
    const type = !set.length
      ? "None"
      : set.length < all.length
        ? "MixedCriteria"
        : !same
          ? "Inconsistent"
          : first.rule?.list
            ? "List"
            : first.rule?.decimal
              ? "Decimal"
              : first.rule?.custom
                ? "Custom"
                : "None";
    const uniform = set.length === all.length && same && first;
    return {
      type,
      rule: uniform ? (first.rule ?? null) : null,
      prompt: uniform ? (first.prompt ?? null) : null,
      errorAlert: uniform ? (first.errorAlert ?? null) : null,
      ignoreBlanks: uniform ? (first.ignoreBlanks ?? true) : null,
    };
  }

  get type(): string {
    return this.read("type");
  }
  get rule(): Excel.DataValidationRule {
    return this.read("rule");
  }
  set rule(rule: Excel.DataValidationRule) {
    this.ctx.enqueue(bytesOf(rule), () => {
      const { sheet, keys } = this.cells();
      if (sheet.protected) throw new OfficeError("AccessDenied", "protected");
      // Conservative: the adapter must clear before it sets, so a rule never lands on top of another.
      if (keys.some((k) => sheet.validations.get(k)?.rule))
        throw new OfficeError("InvalidOperation", "data validation already set; clear() first");
      for (const k of keys)
        sheet.validations.set(k, {
          ...sheet.validations.get(k),
          rule: JSON.parse(JSON.stringify(rule)),
        });
    });
  }
  get prompt(): Excel.DataValidationPrompt {
    return this.read("prompt");
  }
  set prompt(v: Excel.DataValidationPrompt) {
    this.setEach("prompt", v);
  }
  get errorAlert(): Excel.DataValidationErrorAlert {
    return this.read("errorAlert");
  }
  set errorAlert(v: Excel.DataValidationErrorAlert) {
    this.setEach("errorAlert", v);
  }
  get ignoreBlanks(): boolean {
    return this.read("ignoreBlanks");
  }
  set ignoreBlanks(v: boolean) {
    this.setEach("ignoreBlanks", v);
  }

  private setEach(key: keyof FakeValidation, v: unknown): void {
    this.ctx.enqueue(bytesOf(v), () => {
      if (
        typeof v === "object" &&
        v &&
        "message" in v &&
        String((v as { message: string }).message).length > 255
      )
        throw new OfficeError("InvalidArgument", "message over 255 characters");
      const { sheet, keys } = this.cells();
      for (const k of keys) sheet.validations.set(k, { ...sheet.validations.get(k), [key]: v });
    });
  }

  clear(): void {
    this.ctx.enqueue(8, () => {
      const { sheet, keys } = this.cells();
      for (const k of keys) sheet.validations.delete(k);
    });
  }
}

class FakeChartCollection extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet
  ) {
    super(ctx);
  }

  protected data(): Record<string, unknown> {
    return { items: this.sheet().charts.map((c) => ({ name: c.name, chartType: c.type })) };
  }

  get items(): { name: string }[] {
    return this.read("items");
  }

  add(type: string, source: FakeRange): FakeChartProxy {
    return new FakeChartProxy(this.ctx, () => {
      const s = this.sheet();
      const chart: FakeChart = {
        name: `Chart ${s.charts.length + 1}`,
        type,
        source: areaText(source.at().area),
      };
      s.charts.push(chart);
      return { sheet: s, chart };
    });
  }

  getItem(name: string): FakeChartProxy {
    return new FakeChartProxy(this.ctx, () => {
      const s = this.sheet();
      const chart = s.charts.find((c) => c.name === name);
      if (!chart) throw new OfficeError("ItemNotFound", `no chart ${name}`);
      return { sheet: s, chart };
    });
  }
}

class FakeChartProxy {
  private target?: { sheet: FakeSheet; chart: FakeChart };
  readonly title: { text: string };
  readonly legend: { visible: boolean };
  readonly series: { getItemAt(i: number): { setXAxisValues(r: FakeRange): void } };

  constructor(
    private readonly ctx: FakeContext,
    resolve: () => { sheet: FakeSheet; chart: FakeChart }
  ) {
    ctx.enqueue(32, () => {
      this.target = resolve();
    });
    const chart = () => this.target!.chart;
    this.title = Object.defineProperties(
      {},
      {
        text: {
          set: (v: string) => {
            ctx.enqueue(v.length, () => {
              chart().title = v;
            });
          },
        },
      }
    ) as { text: string };
    this.legend = Object.defineProperties(
      {},
      {
        visible: {
          set: () => {
            ctx.enqueue(4, () => undefined);
          },
        },
      }
    ) as { visible: boolean };
    this.series = {
      getItemAt: () => ({
        setXAxisValues: (r: FakeRange) =>
          ctx.enqueue(16, () => {
            chart().xValues = areaText(r.at().area);
          }),
      }),
    };
  }

  set name(v: string) {
    this.ctx.enqueue(v.length, () => {
      this.target!.chart.name = v;
    });
  }
  set height(_: number) {
    this.ctx.enqueue(8, () => undefined);
  }
  set width(_: number) {
    this.ctx.enqueue(8, () => undefined);
  }
  setPosition(): void {
    this.ctx.enqueue(16, () => undefined);
  }
  delete(): void {
    this.ctx.enqueue(8, () => {
      const { sheet, chart } = this.target!;
      sheet.charts = sheet.charts.filter((c) => c !== chart);
    });
  }
}

export { columnLetter };
