import { CellValue } from "../core/port";
import { areasOfAddress } from "./areaAddress";
import { cellValueFrom, formulaFrom } from "./cellCodec";
import { isPayloadTooLarge, officeErrorCode } from "./errors";
import { jsonBytes } from "./payload";
import {
  queueConditionalFormats,
  readConditionalFormats,
  readConditionalFormatsApart,
} from "./conditionalFormatRead";
import { ExistingConditionalFormat } from "./excelRead";

export interface ContentRequest {
  /** Sheets whose used range is read. */
  names: string[];
  merges: boolean;
  conditionalFormatsOf: string[];
  chartsOf: string[];
  /** Largest response to ask for at once (bytes, estimated). */
  budget: number;
}

export interface SheetContent {
  values: CellValue[][];
  formulas?: (string | undefined)[][];
  numberFormats: (string | undefined)[][];
  merges?: string[];
}

export interface LoadedContents {
  contents: Map<string, SheetContent>;
  conditionalFormats: Map<string, ExistingConditionalFormat[]>;
  /** Sheets whose conditional formats Excel would not give back (office-js #6827, #6835). */
  unreadableFormats: string[];
  charts: Map<string, string[]>;
  mergesKnown: boolean;
  syncs: number;
}

const CONTENT = ["values", "formulas", "numberFormat", "valueTypes"];
/** Four arrays per cell in the response, with JSON quoting: a guess that slices correct if it is wrong. */
const RESPONSE_BYTES_PER_CELL = 40;
/**
 * "A range is limited to 5,000,000 cells for read operations. When a read exceeds this limit, the API will
 * either return null or throw an error" (Office add-in resource limits; the error is RangeExceedsLimit).
 */
export const READ_CELLS_MAX = 5_000_000;

/** A used range read whole came back null: too many cells (see READ_CELLS_MAX). */
class ReadReturnedNull extends Error {}

/** The read must be cut into slices: a response over the payload limit, or a range over the cell limit. */
function needsSlices(error: unknown): boolean {
  return (
    isPayloadTooLarge(error) ||
    officeErrorCode(error) === "RangeExceedsLimit" ||
    error instanceof ReadReturnedNull
  );
}

/**
 * Reads sheets' used ranges (values only: formatting-only cells are not "used") in ONE sync, with merged
 * areas, custom conditional formats and chart names. Excel on the web refuses responses over 5 MB; then, and
 * only then, the content is read again in row slices sized to the budget, one sync per group of slices.
 * Where an optional part fails, the content is still read: more than 512 merged areas on a sheet make
 * getMergedAreasOrNullObject fail (merges unknown), and some people's conditional formats cannot be read
 * (those sheets are listed in unreadableFormats).
 */
export async function loadSheetContents(
  context: Excel.RequestContext,
  request: ContentRequest
): Promise<LoadedContents> {
  const optional = request.merges || request.conditionalFormatsOf.length > 0;
  try {
    return await loadWithFallback(context, request, 0);
  } catch (error) {
    if (!optional || needsSlices(error)) throw error;
  }
  if (request.merges)
    try {
      return await loadWithFallback(context, { ...request, merges: false }, 1);
    } catch (error) {
      if (needsSlices(error) || !request.conditionalFormatsOf.length) throw error;
    }
  // The conditional formats fail (and maybe the merges): the content without them, then each apart.
  const tries = request.merges ? 2 : 1;
  const base = await loadWithFallback(
    context,
    { ...request, merges: false, conditionalFormatsOf: [] },
    tries
  );
  const merges = request.merges ? await loadMergesApart(context, request, base.contents) : 0;
  const formats = await readConditionalFormatsApart(context, request.conditionalFormatsOf);
  return {
    ...base,
    conditionalFormats: formats.formats,
    unreadableFormats: formats.unreadable,
    mergesKnown: merges > 0,
    syncs: base.syncs + Math.abs(merges) + formats.syncs,
  };
}

/** Merged areas alone, in one sync: 1 if read, -1 if Excel refused them (merges unknown). */
async function loadMergesApart(
  context: Excel.RequestContext,
  request: ContentRequest,
  contents: Map<string, SheetContent>
): Promise<number> {
  const merged = queueMerges(context, request);
  try {
    await context.sync();
  } catch (error) {
    if (isPayloadTooLarge(error)) throw error;
    return -1;
  }
  attachMerges(contents, merged);
  return 1;
}

async function loadWithFallback(
  context: Excel.RequestContext,
  request: ContentRequest,
  syncsBefore: number
): Promise<LoadedContents> {
  try {
    const loaded = await loadAtOnce(context, request);
    return { ...loaded, syncs: syncsBefore + 1 };
  } catch (error) {
    if (!needsSlices(error)) throw error;
    return loadInSlices(context, request, syncsBefore + 1);
  }
}

async function loadAtOnce(
  context: Excel.RequestContext,
  request: ContentRequest
): Promise<LoadedContents> {
  const sheets = context.workbook.worksheets;
  const used = request.names.map((name) => ({
    name,
    range: sheets
      .getItem(name)
      .getUsedRangeOrNullObject(true)
      .load(["rowIndex", "columnIndex", ...CONTENT]),
  }));
  const merged = queueMerges(context, request);
  const extras = queueExtras(context, request);
  await context.sync();
  const contents = new Map<string, SheetContent>();
  for (const u of used) {
    const content = emptyContent();
    if (!u.range.isNullObject && u.range.values === null) throw new ReadReturnedNull();
    if (!u.range.isNullObject) placeBlock(content, u.range.rowIndex, u.range.columnIndex, u.range);
    contents.set(u.name, content);
  }
  attachMerges(contents, merged);
  contents.forEach(fillHoles);
  return { contents, ...readExtras(extras), mergesKnown: request.merges, syncs: 1 };
}

interface Slice {
  name: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

async function loadInSlices(
  context: Excel.RequestContext,
  request: ContentRequest,
  syncsBefore: number
): Promise<LoadedContents> {
  const sheets = context.workbook.worksheets;
  const dims = request.names.map((name) => ({
    name,
    range: sheets
      .getItem(name)
      .getUsedRangeOrNullObject(true)
      .load("rowIndex,columnIndex,rowCount,columnCount"),
  }));
  const merged = queueMerges(context, request);
  const extras = queueExtras(context, request);
  await context.sync();
  let syncs = syncsBefore + 1;

  const contents = new Map<string, SheetContent>(request.names.map((n) => [n, emptyContent()]));
  attachMerges(contents, merged);
  const pending: Slice[] = dims
    .filter((d) => !d.range.isNullObject)
    .map((d) => ({
      name: d.name,
      row: d.range.rowIndex,
      col: d.range.columnIndex,
      rows: d.range.rowCount,
      cols: d.range.columnCount,
    }));
  let bytesPerCell = RESPONSE_BYTES_PER_CELL;
  while (pending.length) {
    const group = nextGroup(pending, request.budget, bytesPerCell);
    const ranges = group.map((s) => ({
      s,
      range: sheets.getItem(s.name).getRangeByIndexes(s.row, s.col, s.rows, s.cols).load(CONTENT),
    }));
    syncs++;
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload-sized batch, by design
      await context.sync();
    } catch (error) {
      if (!needsSlices(error) || (group.length === 1 && group[0].rows === 1)) throw error;
      pending.unshift(...group);
      bytesPerCell *= 2;
      continue;
    }
    let bytes = 0;
    let cells = 0;
    for (const { s, range } of ranges) {
      placeBlock(contents.get(s.name)!, s.row, s.col, range);
      bytes += jsonBytes([range.values, range.formulas, range.numberFormat, range.valueTypes]);
      cells += s.rows * s.cols;
    }
    // Size the next slices by what these cells really took.
    bytesPerCell = Math.max(8, (bytes / cells) * 1.15);
  }
  contents.forEach(fillHoles);
  return { contents, ...readExtras(extras), mergesKnown: request.merges, syncs };
}

/**
 * Takes from the front of `pending` as much as fits the budget, cutting a sheet's rows where needed; no slice
 * has more than READ_CELLS_MAX cells.
 */
function nextGroup(pending: Slice[], budget: number, bytesPerCell: number): Slice[] {
  const group: Slice[] = [];
  let bytes = 0;
  while (pending.length) {
    const s = pending[0];
    const fit = Math.min(
      Math.floor((budget - bytes) / (s.cols * bytesPerCell)),
      Math.floor(READ_CELLS_MAX / s.cols)
    );
    if (fit >= s.rows) {
      group.push(pending.shift()!);
      bytes += s.rows * s.cols * bytesPerCell;
      continue;
    }
    const rows = group.length ? fit : Math.max(1, fit);
    if (rows >= 1) {
      group.push({ ...s, rows });
      pending[0] = { ...s, row: s.row + rows, rows: s.rows - rows };
    }
    break;
  }
  return group;
}

function queueMerges(
  context: Excel.RequestContext,
  request: ContentRequest
): { name: string; areas: Excel.RangeAreas }[] {
  if (!request.merges) return [];
  return request.names.map((name) => ({
    name,
    areas: context.workbook.worksheets
      .getItem(name)
      .getRange()
      .getMergedAreasOrNullObject()
      .load("address"),
  }));
}

function attachMerges(
  contents: Map<string, SheetContent>,
  merged: { name: string; areas: Excel.RangeAreas }[]
): void {
  for (const m of merged)
    contents.get(m.name)!.merges = m.areas.isNullObject ? [] : areasOfAddress(m.areas.address);
}

function queueExtras(context: Excel.RequestContext, request: ContentRequest) {
  const sheets = context.workbook.worksheets;
  return {
    formats: queueConditionalFormats(context, request.conditionalFormatsOf),
    charts: request.chartsOf.map((name) => ({
      name,
      list: sheets.getItem(name).charts.load("items/name"),
    })),
  };
}

function readExtras(
  extras: ReturnType<typeof queueExtras>
): Pick<LoadedContents, "conditionalFormats" | "unreadableFormats" | "charts"> {
  const charts = new Map(
    extras.charts.map(({ name, list }) => [name, list.items.map((c) => c.name)])
  );
  return {
    conditionalFormats: readConditionalFormats(extras.formats),
    unreadableFormats: [],
    charts,
  };
}

function emptyContent(): SheetContent {
  return { values: [], numberFormats: [] };
}

/** Puts a block read at 0-based (row, col) into the grid, which always starts at A1. */
function placeBlock(
  content: SheetContent,
  row: number,
  col: number,
  range: Pick<Excel.Range, "values" | "formulas" | "numberFormat" | "valueTypes">
): void {
  const { values, formulas, numberFormat, valueTypes } = range;
  for (let i = 0; i < values.length; i++) {
    const r = row + i;
    const out = (content.values[r] ??= []);
    for (let j = 0; j < values[i].length; j++) {
      const c = col + j;
      const raw = values[i][j];
      const format = numberFormat[i]?.[j] as string | undefined;
      const value = cellValueFrom(raw, valueTypes[i]?.[j], format);
      out[c] = value;
      const f = formulaFrom(formulas[i]?.[j], raw);
      if (f !== undefined) ((content.formulas ??= [])[r] ??= [])[c] = f;
      // As the .xlsx adapter: only a number with decimals can be a code that lost a trailing zero.
      if (typeof value === "number" && !Number.isInteger(value) && format)
        (content.numberFormats[r] ??= [])[c] = format;
    }
  }
}

/** Rows above the used range and cells left of it are empty: core expects values[r][c] from A1, no holes. */
function fillHoles(content: SheetContent): void {
  for (let r = 0; r < content.values.length; r++) {
    const line = (content.values[r] ??= []);
    for (let c = 0; c < line.length; c++) if (line[c] === undefined) line[c] = null;
  }
}
