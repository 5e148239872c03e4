/**
 * Reading sheets' custom conditional formats. Excel fails to give back some rules people make (office-js
 * issues #6827, two cellValue rules on one range; #6835, a duplicated rule): the load throws and takes the
 * whole sync with it. Then the sheets are read again apart, halving the set each time a sync fails, so the
 * sheets whose rules cannot be read are found in a few syncs however many sheets there are.
 */
import { ExistingConditionalFormat } from "./excelRead";

const CONDITIONAL_FORMAT_PROPS = [
  "items/id",
  "items/type",
  "items/customOrNullObject/rule/formula",
  "items/customOrNullObject/format/fill/color",
  "items/customOrNullObject/format/font/color",
  "items/customOrNullObject/format/font/bold",
].join(",");

export type QueuedFormats = { name: string; list: Excel.ConditionalFormatCollection }[];

/** Queues the loads of the sheets' rules (each sheet's whole list: ids are positions in it). */
export function queueConditionalFormats(
  context: Excel.RequestContext,
  names: string[]
): QueuedFormats {
  const sheets = context.workbook.worksheets;
  return names.map((name) => ({
    name,
    list: sheets.getItem(name).getRange().conditionalFormats.load(CONDITIONAL_FORMAT_PROPS),
  }));
}

/** The custom rules of each sheet, after the sync. */
export function readConditionalFormats(
  queued: QueuedFormats
): Map<string, ExistingConditionalFormat[]> {
  const out = new Map<string, ExistingConditionalFormat[]>();
  for (const { name, list } of queued) {
    const custom: ExistingConditionalFormat[] = [];
    for (const cf of list.items) {
      if (cf.type !== "Custom") continue;
      const c = cf.customOrNullObject;
      custom.push({
        id: cf.id,
        formula: String(c.rule.formula ?? "").replace(/^=/, ""),
        ...(c.format.fill.color ? { fill: c.format.fill.color } : {}),
        ...(c.format.font.color ? { fontColor: c.format.font.color } : {}),
        ...(c.format.font.bold ? { bold: true } : {}),
      });
    }
    out.set(name, custom);
  }
  return out;
}

export interface FormatsRead {
  formats: Map<string, ExistingConditionalFormat[]>;
  /** Sheets whose rules Excel would not give back; they have no entry in `formats`. */
  unreadable: string[];
  syncs: number;
}

/** Reads the sheets' rules in one sync; where that fails, each half apart, down to the sheets that fail alone. */
export async function readConditionalFormatsApart(
  context: Excel.RequestContext,
  names: string[]
): Promise<FormatsRead> {
  const result: FormatsRead = { formats: new Map(), unreadable: [], syncs: 0 };
  const pending: string[][] = names.length ? [names] : [];
  while (pending.length) {
    const part = pending.shift()!;
    const queued = queueConditionalFormats(context, part);
    result.syncs++;
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- only after a failure: halves, a few syncs
      await context.sync();
    } catch {
      if (part.length === 1) result.unreadable.push(part[0]);
      else pending.unshift(part.slice(0, part.length / 2), part.slice(part.length / 2));
      continue;
    }
    readConditionalFormats(queued).forEach((list, name) => result.formats.set(name, list));
  }
  result.unreadable.sort((a, b) => names.indexOf(a) - names.indexOf(b));
  return result;
}
