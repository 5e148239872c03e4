import ExcelJS from "exceljs";
import { SNAPSHOT_SHEET } from "../../src/core/snapshot/snapshot";

/**
 * Everything a run can change in a workbook, in plain data to compare: sheets (order, visibility), every cell's
 * content and the style properties a run sets, conditional formats and data validations. `withSnapshot`
 * includes the undo snapshot sheet, which is left out by default (it records the run rather than being part
 * of the user's workbook).
 */
export async function workbookState(bytes: Buffer | Uint8Array, withSnapshot = false) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as never);
  return wb.worksheets
    .filter((ws) => withSnapshot || ws.name !== SNAPSHOT_SHEET)
    .map((ws) => {
      const cells: Record<string, unknown> = {};
      ws.eachRow((row) =>
        row.eachCell((c) => {
          const content = c.formula ? { formula: c.formula } : c.value;
          const style = {
            bold: Boolean(c.font?.bold),
            italic: Boolean(c.font?.italic),
            fontColor: c.font?.color?.argb ?? null,
            fill: (c.fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb ?? null,
            numFmt: c.numFmt ?? null,
            border: Boolean(c.border?.top),
          };
          if (
            content === null &&
            !style.bold &&
            !style.italic &&
            !style.fill &&
            !style.numFmt &&
            !style.border
          )
            return;
          cells[c.address] = { content, style };
        })
      );
      const cfs = (
        ws as unknown as {
          conditionalFormattings: {
            ref: string;
            rules: { formulae?: unknown[]; style?: unknown }[];
          }[];
        }
      ).conditionalFormattings
        .flatMap((e) => e.rules.map((r) => ({ ref: e.ref, formulae: r.formulae, style: r.style })))
        .sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
      const model = (ws as unknown as { dataValidations: { model: Record<string, unknown> } })
        .dataValidations.model;
      const dvs = Object.fromEntries(Object.entries(model).filter(([, v]) => v !== undefined));
      return { name: ws.name, state: ws.state, cells, cfs, dvs };
    });
}
