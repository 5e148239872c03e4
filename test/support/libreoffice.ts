import { spawn } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";

/**
 * Recalculates .xlsx workbooks with headless LibreOffice Calc and reads every sheet back as CSV text, so the
 * formulas we write are checked by a real spreadsheet engine rather than by our own reading of them.
 *
 * - Each call runs one soffice process with its own fresh profile (-env:UserInstallation), so parallel jest
 *   workers never share LibreOffice's user directory or its single-instance pipe.
 * - The profile forces recalculation on load: by default Calc keeps the cached results stored in an .xlsx
 *   (OOXMLRecalcMode 1, "never recalculate"), which would hand back whatever result ExcelJS wrote.
 * - Values are exported unformatted ("save cell contents as shown" off): numbers at full precision (15
 *   significant digits), booleans as TRUE/FALSE, errors as #DIV/0!, #N/A … or LibreOffice's Err:5xx.
 */

export type SheetValues = Map<string, string[][]>;

export class LibreOfficeError extends Error {}

export interface RecalcOptions {
  /** Milliseconds before soffice is killed; default 120 000 (a first start of a fresh profile takes a few seconds). */
  timeoutMs?: number;
}

/** The soffice binary: $CCHC_SOFFICE, else soffice on the PATH. */
export function sofficeCommand(): string {
  return process.env.CCHC_SOFFICE || "soffice";
}

/** CSV export: comma, double quote, UTF-8 (76), from line 1, quote text, raw values, every sheet (-1). */
export const CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

/**
 * The registry of the private profile. OOXMLRecalcMode / ODFRecalcMode: 0 = always recalculate on load,
 * 1 = never, 2 = ask (treated as never when headless).
 */
export const RECALC_REGISTRY = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** One workbook, recalculated: sheet name → rows of cell texts. */
export async function recalculate(xlsxPath: string, options: RecalcOptions = {}): Promise<SheetValues> {
  const all = await recalculateAll([xlsxPath], options);
  return all.get(xlsxPath)!;
}

/** Several workbooks in a single soffice run (one start-up instead of many): path → its sheets. */
export async function recalculateAll(xlsxPaths: string[], options: RecalcOptions = {}): Promise<Map<string, SheetValues>> {
  const out = new Map<string, SheetValues>();
  if (xlsxPaths.length === 0) return out;
  const work = await fs.mkdtemp(path.join(os.tmpdir(), "cchc-lo-"));
  try {
    const profile = path.join(work, "profile");
    const inDir = path.join(work, "in");
    const outDir = path.join(work, "out");
    await fs.mkdir(path.join(profile, "user"), { recursive: true });
    await fs.mkdir(inDir);
    await fs.mkdir(outDir);
    await fs.writeFile(path.join(profile, "user", "registrymodifications.xcu"), RECALC_REGISTRY);
    // Plain copies named w0.xlsx, w1.xlsx …: the CSV names are "<base>-<sheet>.csv", so bases must not clash.
    const inputs: string[] = [];
    for (const [i, p] of xlsxPaths.entries()) {
      const copy = path.join(inDir, `w${i}.xlsx`);
      try {
        await fs.copyFile(p, copy);
      } catch (e) {
        throw new LibreOfficeError(`recalculate: cannot read ${p}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
      }
      inputs.push(copy);
    }
    const args = [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--nolockcheck", "--calc", "--convert-to", CSV_FILTER, "--outdir", outDir, ...inputs];
    const run = await runSoffice(args, options.timeoutMs ?? 120_000);

    const files = await fs.readdir(outDir);
    for (const [i, p] of xlsxPaths.entries()) {
      const prefix = `w${i}-`;
      const sheets: SheetValues = new Map();
      for (const f of files) {
        if (!f.startsWith(prefix) || !f.endsWith(".csv")) continue;
        const sheet = f.slice(prefix.length, -".csv".length).normalize("NFC");
        sheets.set(sheet, parseCsv(await fs.readFile(path.join(outDir, f), "utf8")));
      }
      if (sheets.size === 0)
        throw new LibreOfficeError(`recalculate: LibreOffice wrote no sheet for ${p} (exit code ${run.code})${run.output ? `:\n${run.output}` : ""}`);
      out.set(p, sheets);
    }
    return out;
  } finally {
    await fs.rm(work, { recursive: true, force: true }).catch(() => undefined);
  }
}

function runSoffice(args: string[], timeoutMs: number): Promise<{ code: number | null; output: string }> {
  const bin = sofficeCommand();
  return new Promise((resolve, reject) => {
    let output = "";
    let settled = false;
    const child = spawn(bin, args, { stdio: ["ignore", "pipe", "pipe"], detached: true, env: { ...process.env, SAL_USE_VCLPLUGIN: "svp" } });
    const keep = (b: Buffer) => {
      if (output.length < 20_000) output += b.toString("utf8");
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      killGroup(child.pid);
      reject(new LibreOfficeError(`recalculate: soffice did not finish within ${Math.round(timeoutMs / 1000)} s (killed)`));
    }, timeoutMs);
    child.on("error", (e: NodeJS.ErrnoException) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(
        new LibreOfficeError(
          e.code === "ENOENT"
            ? `recalculate: LibreOffice not found ("${bin}" is not on the PATH). Install it with .ci/install-system-deps.sh ` +
                `(Debian package libreoffice-calc-nogui) or set CCHC_SOFFICE to the soffice binary.`
            : `recalculate: cannot start ${bin}: ${e.message}`,
        ),
      );
    });
    child.on("close", (code) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const lines = output
        .split("\n")
        .filter((l) => l.trim() && !/^(convert |Writing sheet )|javaldx|java may not function/.test(l))
        .join("\n");
      resolve({ code, output: lines });
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // already gone
  }
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The text of a cell by 1-based row and column ("" beyond the exported area). */
export function cellText(grid: string[][], row: number, col: number): string {
  return grid[row - 1]?.[col - 1] ?? "";
}

/** Calc's error texts: Excel's (#DIV/0!, #N/A …) and its own Err:5xx codes. */
export function isErrorText(s: string): boolean {
  return /^#[A-Z/0!?]+|^Err:\d+$/.test(s.trim());
}

/** A recalculated cell's number; throws with the cell and what it held when it is not a plain number. */
export function cellNumber(grid: string[][], row: number, col: number, where = ""): number {
  const s = cellText(grid, row, col);
  const n = s.trim() === "" ? NaN : Number(s);
  if (!Number.isFinite(n)) throw new Error(`${where}${where ? " " : ""}R${row}C${col}: expected a number, LibreOffice computed ${JSON.stringify(s)}`);
  return n;
}

/** The sheet by name, NFC-compared; a clear error listing the sheets it has otherwise. */
export function sheetOf(sheets: SheetValues, name: string): string[][] {
  const g = sheets.get(name.normalize("NFC"));
  if (!g) throw new Error(`no sheet "${name}" in the recalculated workbook (has: ${[...sheets.keys()].join(", ")})`);
  return g;
}
