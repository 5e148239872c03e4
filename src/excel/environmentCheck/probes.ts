/**
 * One probe per capability the add-in relies on, each written with the adapter's own code where it has one
 * (cellCodec, conditionalFormatOps, nameOps, validationOps, sheetOps, the summary chart's calls). A probe
 * queues its calls in up to four phases, each one sync for all probes (runPhases): write, read back,
 * write again, read again; then `settle` waits for what arrives later (change events).
 */
import { sheetRef } from "../../core/sheet/address";
import { formulaFrom, textInput } from "../cellCodec";
import { queueConditionalFormats, readConditionalFormats } from "../conditionalFormatRead";
import { setNameOps } from "../nameOps";
import { EXCEL_API } from "../requirements";
import { addSheetOp, deleteSheetOp } from "../sheetOps";
import { validationOp } from "../validationOps";
import { addConditionalFormatOp } from "../conditionalFormatOps";
import { Batch } from "../writeBatches";
import type { CapabilityId } from "./types";

/** What a read phase leaves to check after its sync: a problem, or undefined when all is as written. */
export type Verify = () => string | undefined;

export interface Scope {
  context: Excel.RequestContext;
  /** The temporary sheet every probe works on. */
  sheet: string;
  /** A sheet name free in the workbook, remembered so that the sheet is removed at the end. */
  freeSheetName(base: string): string;
  /** A workbook name free in the workbook, remembered so that the name is removed at the end. */
  freeName(base: string): string;
  supports(excelApi: string): boolean;
  /** Change events heard since the handler was added. */
  events: unknown[];
  /** Handlers to remove at the end (in this context, as Office.js requires). */
  handlers: { remove(): void }[];
}

export interface Probe {
  id: CapabilityId;
  /** Why this host is not asked (the add-in does without it there), or undefined. */
  skip?(scope: Scope): string | undefined;
  write?(scope: Scope): void;
  read?(scope: Scope): Verify;
  write2?(scope: Scope): void;
  read2?(scope: Scope): Verify;
  settle?(scope: Scope): Promise<string | undefined>;
  /**
   * Phases whose step must not run twice (deleting a sheet): queued after every other probe's step, so that
   * when the phase's sync fails it has not run yet (see runPhase).
   */
  onceIn?: ("write" | "read" | "write2" | "read2")[];
}

/** What the setup writes on the temporary sheet before the probes run (A1 with number format "0.00"). */
export const SEED = {
  numbers: "A1:A3",
  numbersValues: [[1.5], ["abc"], [0]],
  numberFormat: "0.00",
  list: "D1:D2",
  listValues: [[0], [1.5]],
};

/** How long the change-event probe waits for Excel to deliver the event of its write. */
export const EVENT_WAIT_MS = 3000;

const sheetOf = (scope: Scope) => scope.context.workbook.worksheets.getItem(scope.sheet);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const got = (what: string, value: unknown) => `${what}: ${JSON.stringify(value)}`;

function loaded(range: Excel.Range): Excel.Range {
  return range.load(["values", "formulas", "numberFormat", "valueTypes"]);
}

const read: Probe = {
  id: "read",
  read(scope) {
    const range = loaded(sheetOf(scope).getRange("A1:A2"));
    return () => {
      if (!same(range.values, [[1.5], ["abc"]])) return got("values", range.values);
      if (range.numberFormat[0][0] !== SEED.numberFormat)
        return got("numberFormat", range.numberFormat);
      if (!same(range.valueTypes, [["Double"], ["String"]]))
        return got("valueTypes", range.valueTypes);
      if (!same(range.formulas, [[1.5], ["abc"]])) return got("formulas", range.formulas);
      return undefined;
    };
  },
};

const formulas: Probe = {
  id: "formulas",
  write(scope) {
    sheetOf(scope).getRange("B1").formulas = [["=A1*2"]];
  },
  read(scope) {
    const range = loaded(sheetOf(scope).getRange("B1"));
    return () => {
      if (range.formulas[0][0] !== "=A1*2") return got("formulas", range.formulas);
      if (range.valueTypes[0][0] === "Error") return got("values", range.values);
      return undefined;
    };
  },
};

/** Text that looks like a formula, written as the adapter writes all text (textInput), must stay text. */
const textLikeFormula: Probe = {
  id: "textLikeFormula",
  write(scope) {
    sheetOf(scope).getRange("B2:B3").formulas = [[textInput("=1+2")], [textInput("@SUM(A1)")]];
  },
  read(scope) {
    const range = loaded(sheetOf(scope).getRange("B2:B3"));
    return () => {
      if (!same(range.values, [["=1+2"], ["@SUM(A1)"]])) return got("values", range.values);
      const asFormula = range.formulas.some((line, i) => formulaFrom(line[0], range.values[i][0]));
      if (asFormula) return got("formulas", range.formulas);
      return undefined;
    };
  },
};

const CF_FORMULA = "$A$1>1";

const conditionalFormat: Probe = {
  id: "conditionalFormat",
  write(scope) {
    addConditionalFormatOp({
      sheet: scope.sheet,
      ranges: ["C1:C2", "C4"],
      formula: CF_FORMULA,
      style: { fill: "#FFC7CE", fontColor: "#9C0006", bold: true },
    }).queue(new Batch(scope.context));
  },
  read(scope) {
    const queued = queueConditionalFormats(scope.context, [scope.sheet]);
    return () => {
      const rules = readConditionalFormats(queued).get(scope.sheet) ?? [];
      return rules.some((r) => r.formula === CF_FORMULA) ? undefined : got("rules", rules);
    };
  },
};

/** A list from a hidden name over numeric cells, as unit sheets have; the pick of 1.5 must be a number. */
function listValidation(): Probe {
  let name = "";
  return {
    id: "listValidation",
    write(scope) {
      name = scope.freeName("_cchc.envcheck");
      const batch = new Batch(scope.context);
      for (const op of setNameOps([{ name, refersTo: sheetRef(scope.sheet, "$D$1:$D$2") }], []))
        op.queue(batch);
      validationOp({
        sheet: scope.sheet,
        ranges: ["E1"],
        kind: "list",
        values: [0, 1.5],
        source: name,
        prompt: "0 / 1,5",
        error: "0 / 1,5",
      }).queue(batch);
      // A person's pick puts the item's value in the cell; a number stays a number in any locale.
      sheetOf(scope).getRange("E1").values = [[1.5]];
    },
    read(scope) {
      const dv = sheetOf(scope).getRange("E1").dataValidation.load(["type", "rule"]);
      const pick = loaded(sheetOf(scope).getRange("E1"));
      const source = loaded(sheetOf(scope).getRange(SEED.list));
      return () => {
        if (dv.type !== "List") return got("dataValidation.type", dv.type);
        if (dv.rule.list?.source !== "=" + name)
          return got("rule.list.source", dv.rule.list?.source);
        if (!same(source.valueTypes, [["Double"], ["Double"]]))
          return got("list valueTypes", source.valueTypes);
        if (pick.values[0][0] !== 1.5 || pick.valueTypes[0][0] !== "Double")
          return got("pick", [pick.values[0][0], pick.valueTypes[0][0]]);
        return undefined;
      };
    },
  };
}

/** The undo sheet is veryHidden: added so, read back so, and removed (made hidden first: see sheetOps). */
function veryHiddenSheet(): Probe {
  let name = "";
  return {
    id: "veryHiddenSheet",
    onceIn: ["write2"],
    write(scope) {
      name = scope.freeSheetName("CCHC kiểm tra ẩn");
      const batch = new Batch(scope.context);
      addSheetOp({ name, visibility: "veryHidden" }).queue(batch);
      batch.sheet(name).getRange("A1").values = [[textInput("CCHC")]];
    },
    read(scope) {
      const ws = scope.context.workbook.worksheets.getItem(name).load("visibility");
      return () => (ws.visibility === "VeryHidden" ? undefined : got("visibility", ws.visibility));
    },
    write2(scope) {
      deleteSheetOp(name, "veryHidden").queue(new Batch(scope.context));
    },
    read2(scope) {
      const ws = scope.context.workbook.worksheets.getItemOrNullObject(name).load("name");
      return () => (ws.isNullObject ? undefined : "the sheet is still there after delete()");
    },
  };
}

/** onChanged on the worksheet collection (the pane's re-check), with triggerSource where ExcelApi 1.14 has it. */
function changeEvents(): Probe {
  let sheet: Excel.Worksheet | undefined;
  return {
    id: "changeEvents",
    skip: (scope) =>
      scope.supports(EXCEL_API.worksheetEvents)
        ? undefined
        : `ExcelApi ${EXCEL_API.worksheetEvents}`,
    write(scope) {
      scope.handlers.push(
        scope.context.workbook.worksheets.onChanged.add(async (args) => {
          scope.events.push(args);
        })
      );
    },
    read(scope) {
      sheet = sheetOf(scope).load("id");
      return () => undefined;
    },
    write2(scope) {
      sheetOf(scope).getRange("F1").values = [[textInput("CCHC")]];
    },
    async settle(scope) {
      const id = sheet?.id;
      const ours = () =>
        scope.events.find(
          (e) =>
            (e as { worksheetId?: string }).worksheetId === id &&
            /^F1(:F1)?$/.test(String((e as { address?: string }).address))
        ) as { triggerSource?: string } | undefined;
      const started = Date.now();
      while (!ours() && Date.now() - started < EVENT_WAIT_MS)
        await new Promise((resolve) => setTimeout(resolve, 50));
      const event = ours();
      if (!event) return `no onChanged event for F1 within ${EVENT_WAIT_MS} ms`;
      if (scope.supports(EXCEL_API.eventTriggerSource) && event.triggerSource !== "ThisLocalAddin")
        return got("triggerSource", event.triggerSource);
      return undefined;
    },
  };
}

/** Going to a finding: activate the sheet and select a cell (navigation.ts). */
const navigation: Probe = {
  id: "navigation",
  write2(scope) {
    const ws = sheetOf(scope);
    ws.activate();
    ws.getRange("C2").select();
  },
  read2(scope) {
    const active = scope.context.workbook.worksheets.getActiveWorksheet().load("name");
    return () => (active.name === scope.sheet ? undefined : got("active sheet", active.name));
  },
};

export const ENV_CHART = "cchc-kiem-tra";

/** The summary's bar chart, with the same calls as summaryChart.ts (where the host has ExcelApi 1.7). */
const chart: Probe = {
  id: "chart",
  skip: (scope) =>
    scope.supports(EXCEL_API.chartAxisAndFreeze)
      ? undefined
      : `ExcelApi ${EXCEL_API.chartAxisAndFreeze}`,
  write(scope) {
    const ws = sheetOf(scope);
    const added = ws.charts.add(
      "BarClustered" as Excel.ChartType,
      ws.getRange(SEED.list),
      "Columns" as Excel.ChartSeriesBy
    );
    added.name = ENV_CHART;
    added.title.text = "CCHC";
    added.legend.visible = false;
    added.series.getItemAt(0).setXAxisValues(ws.getRange("A1:A2"));
    added.setPosition("H2");
    added.height = 240;
    added.width = 480;
  },
  read(scope) {
    const charts = sheetOf(scope).charts.load("items/name");
    return () =>
      charts.items.some((c) => c.name === ENV_CHART)
        ? undefined
        : got(
            "charts",
            charts.items.map((c) => c.name)
          );
  },
};

/** Fresh probes for one run (some keep the names they chose between phases). */
export function probes(): Probe[] {
  return [
    read,
    formulas,
    textLikeFormula,
    conditionalFormat,
    listValidation(),
    veryHiddenSheet(),
    changeEvents(),
    navigation,
    chart,
  ];
}
