import { spawnSync } from "child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { DOMImplementation, XMLSerializer } from "@xmldom/xmldom";
import { IndexedSet } from "../../src/core/criteria/indexed";
import { criteriaToRows } from "../../src/core/criteria/sheetForm";
import { CellValue, SheetGrid } from "../../src/core/port";
import { RECALC_REGISTRY, sofficeCommand } from "./libreoffice";

/**
 * Workbooks written the way other programs write them, by those programs: openpyxl and XlsxWriter (Debian's
 * python3-openpyxl and python3-xlsxwriter, run with /usr/bin/python3 by the scripts in programs/), and LibreOffice
 * (soffice --convert-to, from a flat ODF document written here), each from one JSON-able description.
 */

/** A cell: a value, or a formula — `f` in Excel's A1 syntax without "=", `of` in OpenFormula for LibreOffice. */
export type SpecCell = string | number | boolean | null | { f: string; of?: string };

export interface SheetSpec {
  name: string;
  rows: SpecCell[][];
  notes?: { cell: string; text: string }[];
  tables?: { name: string; ref: string }[];
}

export interface BookSpec {
  sheets: SheetSpec[];
}

export const PYTHON = "/usr/bin/python3";
const PROGRAMS = path.join(__dirname, "programs");

/** A sheet of the test builders as a spec, with some cells (A1 → formula) replaced by formulas. */
export function specOf(grid: SheetGrid, formulas: Record<string, SpecCell> = {}): SheetSpec {
  const rows: SpecCell[][] = grid.values.map((r) => r.map(plain));
  for (const [at, cell] of Object.entries(formulas)) {
    const m = /^([A-Z]+)(\d+)$/.exec(at)!;
    const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const row = (rows[Number(m[2]) - 1] ??= []);
    while (row.length < col) row.push(null);
    row[col - 1] = cell;
  }
  return { name: grid.name, rows };
}

/** The "Bộ tiêu chí" sheet of a set. */
export function criteriaSpec(set: IndexedSet): SheetSpec {
  return { name: "Bộ tiêu chí", rows: criteriaToRows(set.set) };
}

function plain(v: CellValue): SpecCell {
  if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  throw new Error(`no spec for the cell value ${JSON.stringify(v)}`);
}

/** Writes `spec` to `out` with openpyxl or XlsxWriter; throws with Python's message when it cannot. */
export function writeWithPython(program: "openpyxl" | "xlsxwriter", spec: BookSpec, out: string): string {
  const json = path.join(path.dirname(out), `.${path.basename(out)}.spec.json`);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(json, JSON.stringify(spec));
  const r = spawnSync(PYTHON, [path.join(PROGRAMS, `${program}_book.py`), json, out], { encoding: "utf8", timeout: 60_000 });
  rmSync(json, { force: true });
  if (r.status !== 0 || !existsSync(out)) throw new Error(`${program} could not write ${out}: ${r.error?.message ?? r.stderr}`);
  return out;
}

const NS = {
  office: "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
  table: "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
  text: "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
  of: "urn:oasis:names:tc:opendocument:xmlns:of:1.2",
};

/**
 * A flat ODF spreadsheet (.fods, ODF 1.2) holding the spec: values, OpenFormula formulas (`of`), and each table
 * as a named database range with filter buttons — what LibreOffice exports as an .xlsx table.
 */
export function fodsOf(spec: BookSpec): string {
  const doc = new DOMImplementation().createDocument(NS.office, "office:document", null);
  const root = doc.documentElement!;
  for (const [prefix, uri] of Object.entries(NS)) root.setAttributeNS("http://www.w3.org/2000/xmlns/", `xmlns:${prefix}`, uri);
  root.setAttributeNS(NS.office, "office:version", "1.2");
  root.setAttributeNS(NS.office, "office:mimetype", "application/vnd.oasis.opendocument.spreadsheet");
  const el = (ns: keyof typeof NS, name: string, parent: ReturnType<typeof doc.createElementNS>, attrs: Record<string, string> = {}) => {
    const e = doc.createElementNS(NS[ns], `${ns}:${name}`);
    for (const [k, v] of Object.entries(attrs)) {
      const [p] = k.split(":");
      e.setAttributeNS(NS[p as keyof typeof NS], k, v);
    }
    parent.appendChild(e);
    return e;
  };
  const body = el("office", "body", root);
  const sheetEl = el("office", "spreadsheet", body);
  for (const s of spec.sheets) {
    const table = el("table", "table", sheetEl, { "table:name": s.name });
    for (const row of s.rows) {
      const tr = el("table", "table-row", table);
      for (const cell of row.length ? row : [null]) {
        if (cell === null || cell === undefined) el("table", "table-cell", tr);
        else if (typeof cell === "object") {
          if (!cell.of) throw new Error(`a LibreOffice spec needs the OpenFormula text of ${cell.f}`);
          el("table", "table-cell", tr, { "table:formula": `of:=${cell.of}` });
        } else if (typeof cell === "number") el("table", "table-cell", tr, { "office:value-type": "float", "office:value": String(cell) });
        else if (typeof cell === "boolean") el("table", "table-cell", tr, { "office:value-type": "boolean", "office:boolean-value": String(cell) });
        else el("text", "p", el("table", "table-cell", tr, { "office:value-type": "string" })).appendChild(doc.createTextNode(cell));
      }
    }
  }
  const ranges = spec.sheets.flatMap((s) => (s.tables ?? []).map((t) => ({ sheet: s.name, ...t })));
  if (ranges.length) {
    const list = el("table", "database-ranges", sheetEl);
    for (const t of ranges) {
      const [a, b] = t.ref.split(":");
      const q = `'${t.sheet.replace(/'/g, "''")}'`;
      el("table", "database-range", list, { "table:name": t.name, "table:target-range-address": `${q}.${a}:${q}.${b}`, "table:display-filter-buttons": "true" });
    }
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}`;
}

/**
 * `soffice --headless --convert-to` with its own fresh profile (recalculating on load, as Excel does when it opens a
 * file), returning the converted file's path in `outDir`.
 */
export function convertWithLibreOffice(input: string, to: "xlsx" | "ods", outDir: string): string {
  const work = mkdtempSync(path.join(tmpdir(), "cchc-lo-"));
  try {
    mkdirSync(path.join(work, "user"), { recursive: true });
    writeFileSync(path.join(work, "user", "registrymodifications.xcu"), RECALC_REGISTRY);
    mkdirSync(outDir, { recursive: true });
    const filter = to === "xlsx" ? "xlsx:Calc MS Excel 2007 XML" : "ods";
    const r = spawnSync(sofficeCommand(), [`-env:UserInstallation=file://${work}`, "--headless", "--norestore", "--nolockcheck", "--calc", "--convert-to", filter, "--outdir", outDir, input], {
      encoding: "utf8",
      timeout: 120_000,
      env: { ...process.env, SAL_USE_VCLPLUGIN: "svp" },
    });
    const made = path.join(outDir, path.basename(input).replace(/\.[^.]+$/, "") + "." + to);
    if (!existsSync(made)) throw new Error(`LibreOffice did not convert ${input} to ${to}: ${r.error?.message ?? r.stderr} (in ${outDir}: ${readdirSync(outDir).join(", ")})`);
    return made;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Writes `spec` as a flat ODF file and has LibreOffice save it as .xlsx, or as .ods (`as`), to `out`. */
export function writeWithLibreOffice(spec: BookSpec, out: string, as: "xlsx" | "ods" = "xlsx"): string {
  const dir = mkdtempSync(path.join(tmpdir(), "cchc-fods-"));
  try {
    const fods = path.join(dir, path.basename(out).replace(/\.[^.]+$/, "") + ".fods");
    writeFileSync(fods, fodsOf(spec));
    const made = convertWithLibreOffice(fods, as, dir);
    copyFileSync(made, out);
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
