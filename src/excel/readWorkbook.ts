import { EXCEL_API, supportsExcelApi } from "./requirements";
import { ExcelSheetGrid, ExcelWorkbookRead } from "./excelRead";
import { isOwnName } from "../core/owned/names";
import { assignSheetRoles, ownedSheets } from "../core/owned/ownedSheets";
import { DefinedName } from "../core/port";
import { loadSheetContents } from "./loadSheetContents";
import { DEFAULT_PAYLOAD_BUDGET } from "./payload";

export interface ReadOptions {
  /** Largest response to ask Excel for at once; Excel on the web refuses more than 5 MB. */
  responseBudget?: number;
}

const VISIBILITY: Record<string, ExcelSheetGrid["visibility"]> = {
  Visible: "visible",
  Hidden: "hidden",
  VeryHidden: "veryHidden",
};

/**
 * Reads every worksheet into core's grids in two syncs whatever the number of sheets: the sheet list with
 * visibility and protection, then every used range (values, formulas, number formats, value types), merged
 * areas where the host has ExcelApi 1.13, custom conditional formats and chart names. The workbook's "_cchc."
 * names come with the sheet list and give the tool's sheets their roles; the undo sheet is listed but its
 * content is not read. More syncs only when Excel on the web's 5 MB response limit
 * is hit (see loadSheetContents).
 */
export async function readWorkbook(
  context: Excel.RequestContext,
  options: ReadOptions = {}
): Promise<ExcelWorkbookRead> {
  const sheets = context.workbook.worksheets.load(
    "items/name,items/visibility,items/position,items/protection/protected"
  );
  // The workbook's names come in the same round trip: the tool's markers say which sheets are its own.
  const namedItems = context.workbook.names.load("items/name,items/formula");
  await context.sync();
  const listed = sheets.items.map((ws) => ({
    name: ws.name,
    visibility: ws.visibility,
    position: ws.position,
    protected: ws.protection.protected,
  }));
  const definedNames = ownNames(namedItems.items);
  const undo = ownedSheets({
    sheets: listed.map((s) => ({ name: s.name, values: [], visibility: VISIBILITY[s.visibility] })),
    names: definedNames,
  }).get("undo");
  const names = listed.map((s) => s.name).filter((n) => n !== undo);
  const merges = supportsExcelApi(EXCEL_API.mergedAreas);
  const loaded = await loadSheetContents(context, {
    names,
    merges,
    conditionalFormatsOf: names,
    chartsOf: names,
    budget: options.responseBudget ?? DEFAULT_PAYLOAD_BUDGET,
  });
  return assignSheetRoles({
    names: definedNames,
    sheets: listed.map((s) => {
      const content = loaded.contents.get(s.name) ?? { values: [], numberFormats: [] };
      return {
        name: s.name,
        ...content,
        protected: s.protected,
        visibility: VISIBILITY[s.visibility] ?? "visible",
        position: s.position,
        conditionalFormats: loaded.conditionalFormats.get(s.name) ?? [],
        charts: loaded.charts.get(s.name) ?? [],
      };
    }),
    mergesKnown: loaded.mergesKnown,
    syncs: 1 + loaded.syncs,
  });
}

/** The tool's "_cchc." names, each with its formula without "=". */
export function ownNames(items: { name: string; formula: unknown }[]): DefinedName[] {
  return items
    .filter((n) => isOwnName(n.name))
    .map((n) => ({ name: n.name, refersTo: String(n.formula ?? "").replace(/^=/, "") }));
}
