/**
 * "Kiểm tra môi trường": on a temporary sheet (a free name, removed at the end even when something fails),
 * exercises every Office.js capability the add-in relies on (probes.ts) and reports pass or fail for each,
 * with the host, platform, Office version and requirement sets (hostInfo.ts).
 *
 * Syncs: one to learn the names in use, one to add the sheet and its seed cells, one per phase for all
 * probes together (write, read, write, read), three to clean up (handlers, look-up, removal) — nine when
 * all goes well. When a phase's sync fails, Excel has run the calls before the failing one and none after
 * it, so the phase is run again one probe per sync to tell which failed (a probe that adds something takes
 * a fresh name each time).
 */
import { supportsExcelApi } from "../requirements";
import { excelRun, type ExcelRunner } from "../excelRunner";
import { whileAddinWrites } from "../writeGuard";
import { hostInfo } from "./hostInfo";
import { probes, SEED, type Probe, type Scope, type Verify } from "./probes";
import type { CapabilityId, CapabilityResult, EnvironmentReport } from "./types";

export const TEMP_SHEET = "CCHC kiểm tra";

export interface EnvironmentCheckOptions {
  run?: ExcelRunner;
  now?: () => Date;
}

/** Office.js's error as a line: its code and message (OfficeExtension.Error), or what was thrown. */
export function errorText(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown } | null;
  const message = e && typeof e.message === "string" ? e.message : String(error);
  const code = e && typeof e.code === "string" ? e.code : "";
  return code && !message.startsWith(code) ? `${code}: ${message}` : message;
}

/** `base`, or `base (2)`, `base (3)`… : the first not in `taken` (compared without case, as Excel does). */
function freeIn(taken: Set<string>, base: string, suffix: (n: number) => string): string {
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = base + suffix(n);
  taken.add(name.toLowerCase());
  return name;
}

type Phase = "write" | "read" | "write2" | "read2";
const PHASES: Phase[] = ["write", "read", "write2", "read2"];

export async function runEnvironmentCheck(
  options: EnvironmentCheckOptions = {}
): Promise<EnvironmentReport> {
  const at = (options.now ?? (() => new Date()))();
  const host = hostInfo();
  return whileAddinWrites(() =>
    (options.run ?? excelRun)(async (context) => {
      let syncs = 0;
      const sync = async () => {
        syncs++;
        await context.sync();
      };

      const sheets = context.workbook.worksheets.load("items/name");
      const names = context.workbook.names.load("items/name");
      const active = context.workbook.worksheets.getActiveWorksheet().load("name");
      await sync();
      const takenSheets = new Set(sheets.items.map((s) => s.name.toLowerCase()));
      const takenNames = new Set(names.items.map((n) => n.name.toLowerCase()));
      const createdSheets: string[] = [];
      const createdNames: string[] = [];
      const sheet = freeIn(takenSheets, TEMP_SHEET, (n) => ` ${n}`);
      createdSheets.push(sheet);
      const scope: Scope = {
        context,
        sheet,
        freeSheetName: (base) => {
          const name = freeIn(takenSheets, base, (n) => ` ${n}`);
          createdSheets.push(name);
          return name;
        },
        freeName: (base) => {
          const name = freeIn(takenNames, base, (n) => `.${n}`);
          createdNames.push(name);
          return name;
        },
        supports: supportsExcelApi,
        events: [],
        handlers: [],
      };

      const results = new Map<CapabilityId, CapabilityResult>();
      let setupError: string | undefined;
      try {
        const ws = context.workbook.worksheets.add(sheet);
        ws.getRange(SEED.numbers).values = SEED.numbersValues;
        ws.getRange("A1").numberFormat = [[SEED.numberFormat]];
        ws.getRange(SEED.list).values = SEED.listValues;
        await sync();
      } catch (error) {
        setupError = errorText(error);
      }

      const all = probes();
      if (setupError === undefined) {
        let running = all.filter((p) => {
          const missing = p.skip?.(scope);
          if (missing) results.set(p.id, { id: p.id, status: "skipped", detail: missing });
          return !missing;
        });
        for (const phase of PHASES) {
          const failed = await runPhase(running, phase, scope, sync);
          for (const [id, detail] of failed) results.set(id, { id, status: "fail", detail });
          running = running.filter((p) => !failed.has(p.id));
        }
        for (const p of running) {
          const problem = p.settle ? await p.settle(scope) : undefined;
          results.set(
            p.id,
            problem === undefined
              ? { id: p.id, status: "pass" }
              : { id: p.id, status: "fail", detail: problem }
          );
        }
      }

      const cleanup = await cleanUp(context, sync, {
        sheets: createdSheets,
        names: createdNames,
        handlers: scope.handlers,
        restore: active.name,
      });
      return {
        at,
        host,
        ...(setupError === undefined ? {} : { setupError }),
        capabilities: all.map(
          (p): CapabilityResult => results.get(p.id) ?? { id: p.id, status: "not-run" }
        ),
        cleanup,
        syncs,
      };
    })
  );
}

/**
 * Queues `phase` of every probe and syncs once; if the sync fails, each probe's phase again in a sync of
 * its own. Returns the probes that failed, with why. A failed sync has run the calls before the failing one
 * and none after it, so running a step again must do no harm:
 * steps that would (onceIn) are queued last, where a failed sync has not reached them.
 */
async function runPhase(
  all: Probe[],
  phase: Phase,
  scope: Scope,
  sync: () => Promise<void>
): Promise<Map<CapabilityId, string>> {
  const failed = new Map<CapabilityId, string>();
  const queue = (p: Probe): Verify | undefined => {
    const step = p[phase] as ((scope: Scope) => Verify | void) | undefined;
    try {
      return step ? (step(scope) ?? undefined) : undefined;
    } catch (error) {
      failed.set(p.id, errorText(error)); // the API is missing from this Office.js
      return undefined;
    }
  };
  const verify = (p: Probe, check: Verify | undefined) => {
    try {
      const problem = check?.();
      if (problem !== undefined) failed.set(p.id, problem);
    } catch (error) {
      failed.set(p.id, errorText(error));
    }
  };
  const once = (p: Probe) => (p.onceIn?.includes(phase) ? 1 : 0);
  const probesIn = all.filter((p) => p[phase]).sort((a, b) => once(a) - once(b));
  if (!probesIn.length) return failed;
  const checks = probesIn.map((p) => ({ p, check: queue(p) }));
  try {
    await sync();
    for (const { p, check } of checks) if (!failed.has(p.id)) verify(p, check);
    return failed;
  } catch {
    failed.clear();
  }
  for (const p of probesIn) {
    const check = queue(p);
    if (failed.has(p.id)) continue;
    try {
      await sync();
      verify(p, check);
    } catch (error) {
      failed.set(p.id, errorText(error));
    }
  }
  return failed;
}

/**
 * Removes the handlers, puts the person back on the sheet they were on, and removes the names and sheets the
 * check added: those that exist (a veryHidden one made hidden first: Excel refuses to delete it). If the
 * removal's sync fails, what still exists is looked up again and removed one per sync; what is left is
 * reported.
 */
async function cleanUp(
  context: Excel.RequestContext,
  sync: () => Promise<void>,
  made: { sheets: string[]; names: string[]; handlers: { remove(): void }[]; restore: string }
): Promise<EnvironmentReport["cleanup"]> {
  if (made.handlers.length) {
    made.handlers.forEach((h) => h.remove());
    try {
      await sync();
    } catch {
      // a handler that cannot be removed goes with the context; it only ever records events
    }
  }
  const lookUp = async () => {
    const sheets = made.sheets.map((name) => ({
      name,
      ws: context.workbook.worksheets.getItemOrNullObject(name).load("visibility"),
    }));
    const names = made.names.map((name) => ({
      name,
      item: context.workbook.names.getItemOrNullObject(name).load("name"),
    }));
    await sync();
    const removals: { what: string; queue: () => void }[] = [];
    for (const n of names)
      if (!n.item.isNullObject)
        removals.push({ what: `name ${n.name}`, queue: () => n.item.delete() });
    for (const s of sheets)
      if (!s.ws.isNullObject)
        removals.push({
          what: `sheet ${s.name}`,
          queue: () => {
            if (s.ws.visibility === "VeryHidden")
              s.ws.visibility = "Hidden" as Excel.SheetVisibility;
            s.ws.delete();
          },
        });
    return removals;
  };
  try {
    const back = context.workbook.worksheets.getItemOrNullObject(made.restore).load("visibility");
    const removals = await lookUp();
    if (!back.isNullObject && back.visibility === "Visible") back.activate();
    removals.forEach((r) => r.queue());
    try {
      await sync();
      return { ok: true };
    } catch {
      // some went, some did not: look again and remove each alone
    }
    const left: string[] = [];
    for (const r of await lookUp()) {
      try {
        r.queue();
        await sync();
      } catch (error) {
        left.push(`${r.what} (${errorText(error)})`);
      }
    }
    return left.length ? { ok: false, detail: left.join("; ") } : { ok: true };
  } catch (error) {
    return { ok: false, detail: errorText(error) };
  }
}
