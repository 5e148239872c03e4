/**
 * Reads a V8 .cpuprofile (node --cpu-prof) and says where the time went: self time by area (ExcelJS, its XML
 * and zip layers, our core/xlsx/cli code, GC, Node), the hottest functions, and the inclusive time of the
 * entry points that matter to this tool.
 */
import { readFileSync } from "fs";
import { ms, table } from "./stats";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export function area(url: string, fn: string): string {
  if (fn === "(garbage collector)") return "GC";
  if (fn === "(program)" || fn === "(idle)" || fn === "(root)") return "V8/idle";
  const u = url.replace(/^file:\/\//, "");
  if (/node_modules\/(saxes|sax)\//.test(u)) return "XML parser (saxes)";
  if (/node_modules\/(jszip|unzipper|pako|archiver|zip-stream|readable-stream|compress-commons)\//.test(u)) return "zip/inflate (jszip, pako, …)";
  if (/node_modules\/exceljs\//.test(u)) return "ExcelJS";
  if (/node_modules\//.test(u)) return "other packages";
  if (/\/lib\/core\//.test(u)) return "cchc core (lib/core)";
  if (/\/lib\/xlsx\//.test(u)) return "cchc xlsx adapter (lib/xlsx)";
  if (/\/lib\/cli\//.test(u)) return "cchc cli (lib/cli)";
  if (/build-tools\//.test(u)) return "bench baseline";
  if (u.startsWith("node:") || u === "" ) return "Node internals / native";
  return "other";
}

function short(url: string): string {
  const u = url.replace(/^file:\/\//, "");
  const m = u.match(/node_modules\/(.*)$/) ?? u.match(/\/(lib\/.*)$/) ?? u.match(/\/(build-tools\/.*)$/);
  return m ? m[1] : u || "(native)";
}

export interface ProfileSummary {
  totalMs: number;
  byArea: [string, number][];
  hot: [string, number][];
  inclusive: [string, number][];
}

/** Functions whose inclusive time the report shows, when they appear. */
const ENTRY_POINTS = [
  "loadWorkbookBytes",
  "readWorkbook",
  "readSheet",
  "toCellValue",
  "criteriaForWorkbook",
  "checkWorkbook",
  "findLayout",
  "readUnitSheet",
  "checkUnit",
  "unitScores",
  "checkFiles",
  "slim",
  "rankUnits",
  "buildReport",
  "leafAverages",
  "planGatheredSummary",
  "applyPlan",
  "writeBuffer",
  "writeAtomically",
  "renderText",
  "stringify",
  "load",
  "parseSax",
  "eachRow",
  "readFile",
];

export function summarizeProfile(file: string): ProfileSummary {
  const p = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000));
  const totalMs = [...self.values()].reduce((a, b) => a + b, 0);
  const areas = new Map<string, number>();
  const fns = new Map<string, number>();
  const incl = new Map<string, number>();
  for (const [id, t] of self) {
    const n = byId.get(id)!;
    const { functionName, url, lineNumber } = n.callFrame;
    const a = area(url, functionName);
    areas.set(a, (areas.get(a) ?? 0) + t);
    const k = `${functionName || "(anonymous)"}  ${short(url)}:${lineNumber + 1}`;
    fns.set(k, (fns.get(k) ?? 0) + t);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)!.callFrame;
      const name = f.functionName;
      if (!ENTRY_POINTS.includes(name)) continue;
      const key = `${name}  ${short(f.url)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      incl.set(key, (incl.get(key) ?? 0) + t);
    }
  }
  const sorted = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]);
  return { totalMs, byArea: sorted(areas), hot: sorted(fns).slice(0, 15), inclusive: sorted(incl).filter(([, t]) => t >= totalMs * 0.01).slice(0, 18) };
}

export function renderProfile(title: string, s: ProfileSummary): string {
  const pct = (t: number) => `${((t / s.totalMs) * 100).toFixed(1)}%`;
  return [
    `${title}: ${ms(s.totalMs)} sampled`,
    table(["self time by area", "ms", "share"], s.byArea.map(([k, t]) => [k, ms(t), pct(t)])),
    "",
    table(["hottest functions (self)", "ms", "share"], s.hot.map(([k, t]) => [k, ms(t), pct(t)])),
    "",
    table(["entry points (inclusive)", "ms", "share"], s.inclusive.map(([k, t]) => [k, ms(t), pct(t)])),
  ].join("\n");
}
