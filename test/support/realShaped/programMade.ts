import { execFile, spawn } from "child_process";
import { createHash } from "crypto";
import { promises as fs, readFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { elementChildren, readParts } from "../packageDiff";
import { sofficeCommand } from "../libreoffice";
import { SAMPLE_FILE } from "./excelMade";
import { escapeAttr, escapeText } from "./packageEdit";
import { childNamed, readCell, sharedStrings, sheetCells, sheetsOf, xmlOf } from "./packageRead";

/**
 * Workbooks written by other programs, made by those programs: openpyxl and XlsxWriter (Debian's, through
 * /usr/bin/python3 and the scripts in ./python) and LibreOffice (a flat ODF document converted by soffice).
 * Nothing is skipped when a program is missing: the build fails and says what to install (CI installs them).
 */

export const PYTHON = process.env.CCHC_PYTHON || "/usr/bin/python3";
const SCRIPTS = path.join(__dirname, "python");

function run(cmd: string, args: string[], timeoutMs = 120_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { encoding: "utf8", timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error)
        reject(
          new Error(
            (error as NodeJS.ErrnoException).code === "ENOENT"
              ? `${cmd} not found: install python3 with python3-openpyxl and python3-xlsxwriter (.ci/install-system-deps.sh) or set CCHC_PYTHON`
              : `${cmd} ${args.map((a) => path.basename(a)).join(" ")} failed: ${stderr || error.message}`
          )
        );
      else resolve(stdout);
    });
  });
}

/** The sample loaded and saved by openpyxl, with a note, a table and formulas without cached values. */
export async function openpyxlMade(dir: string): Promise<Uint8Array> {
  const out = path.join(dir, "openpyxl-made.xlsx");
  await run(PYTHON, [path.join(SCRIPTS, "openpyxl_made.py"), SAMPLE_FILE, out]);
  return fs.readFile(out);
}

/** The sample rewritten by XlsxWriter, with a chart, sparklines, a text box, a table and a formula. */
export async function xlsxwriterMade(dir: string): Promise<Uint8Array> {
  const out = path.join(dir, "xlsxwriter-made.xlsx");
  await run(PYTHON, [path.join(SCRIPTS, "xlsxwriter_made.py"), SAMPLE_FILE, out]);
  return fs.readFile(out);
}

// ---------------------------------------------------------------------------------------------------------------
// LibreOffice

const ODF_NS =
  `xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ` +
  `xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" ` +
  `xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:xmlns:xsl-fo-compatible:1.0"`;

type OdfCell = { kind: "number"; value: number } | { kind: "string"; value: string } | { kind: "formula"; formula: string } | null;

/** One sheet of the flat ODF document: cells by [row][col] (0-based), merged areas, protection. */
interface OdfSheet {
  name: string;
  cells: OdfCell[][];
  merges: { row: number; col: number; rows: number; cols: number }[];
  protectionKey?: string;
}

function odfTable(s: OdfSheet): string {
  const covered = new Set<string>();
  const spans = new Map<string, { rows: number; cols: number }>();
  for (const m of s.merges) {
    spans.set(`${m.row},${m.col}`, m);
    for (let r = m.row; r < m.row + m.rows; r++) for (let c = m.col; c < m.col + m.cols; c++) if (r !== m.row || c !== m.col) covered.add(`${r},${c}`);
  }
  const width = Math.max(1, ...s.cells.map((r) => r.length));
  const rows = s.cells
    .map((line, r) => {
      const cells: string[] = [];
      for (let c = 0; c < width; c++) {
        if (covered.has(`${r},${c}`)) {
          cells.push(`<table:covered-table-cell/>`);
          continue;
        }
        const span = spans.get(`${r},${c}`);
        const spanAttrs = span ? ` table:number-rows-spanned="${span.rows}" table:number-columns-spanned="${span.cols}"` : "";
        const cell = line[c] ?? null;
        if (!cell) cells.push(`<table:table-cell${spanAttrs}/>`);
        else if (cell.kind === "number") cells.push(`<table:table-cell${spanAttrs} office:value-type="float" office:value="${cell.value}"><text:p>${cell.value}</text:p></table:table-cell>`);
        else if (cell.kind === "string") cells.push(`<table:table-cell${spanAttrs} office:value-type="string"><text:p>${escapeText(cell.value)}</text:p></table:table-cell>`);
        else cells.push(`<table:table-cell${spanAttrs} table:formula="${escapeAttr(cell.formula)}"/>`);
      }
      return `<table:table-row>${cells.join("")}</table:table-row>`;
    })
    .join("");
  const protect = s.protectionKey
    ? ` table:protected="true" table:protection-key="${s.protectionKey}" table:protection-key-digest-algorithm="http://www.w3.org/2000/09/xmldsig#sha256"`
    : "";
  return `<table:table table:name="${escapeAttr(s.name)}"${protect}><table:table-column table:number-columns-repeated="${width}"/>${rows}</table:table>`;
}

/** The sample's sheets as values (numbers and texts), merges included, read from its package. */
async function sampleSheets(): Promise<OdfSheet[]> {
  const parts = await readParts(readFileSync(SAMPLE_FILE));
  const sst = sharedStrings(parts);
  return sheetsOf(parts).map((s) => {
    const doc = xmlOf(parts, s.part);
    const { cells } = sheetCells(doc);
    const grid: OdfCell[][] = [];
    for (const [ref, el] of cells) {
      const c = readCell(el, sst);
      const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
      const row = Number(m[2]) - 1;
      const col = m[1].charCodeAt(0) - 65;
      if (c.value === "" || c.formula) continue;
      (grid[row] ??= [])[col] = c.type === "s" || c.type === "inlineStr" || c.type === "str" ? { kind: "string", value: c.value } : { kind: "number", value: Number(c.value) };
    }
    for (let r = 0; r < grid.length; r++) grid[r] ??= [];
    const merges = (() => {
      const mc = childNamed(doc.documentElement!, "mergeCells");
      if (!mc) return [];
      return elementChildren(mc).map((m) => {
        const [a, b] = (m.getAttribute("ref") ?? "").split(":");
        const pa = /^([A-Z]+)(\d+)$/.exec(a)!;
        const pb = /^([A-Z]+)(\d+)$/.exec(b)!;
        const col = pa[1].charCodeAt(0) - 65;
        const row = Number(pa[2]) - 1;
        return { row, col, rows: Number(pb[2]) - 1 - row + 1, cols: pb[1].charCodeAt(0) - 65 - col + 1 };
      });
    })();
    return { name: s.name, cells: grid, merges };
  });
}

/**
 * The flat ODF text of the sample as a LibreOffice user has it: a protected log sheet (LibreOffice's own
 * protection), a database range that LibreOffice writes as a table without style information, a named range
 * and formulas reading the unit sheets.
 */
export async function libreOfficeFods(): Promise<string> {
  const sheets = await sampleSheets();
  const guide = sheets.find((s) => s.name === "Hướng dẫn")!;
  guide.cells[3] = [{ kind: "formula", formula: "of:=SUM(['An Bình'.C7:.C12])" }];
  guide.cells[4] = [{ kind: "formula", formula: "of:=SUM([$'Theo dõi'.C2:.C4])" }];
  guide.cells[5] = [{ kind: "formula", formula: "of:=COUNT(CotToiDa)" }];
  sheets.push({
    name: "Theo dõi",
    cells: [
      [{ kind: "string", value: "Đơn vị" }, { kind: "string", value: "Tối đa" }, { kind: "string", value: "Tự chấm" }],
      [{ kind: "string", value: "An Bình" }, { kind: "number", value: 100 }, { kind: "number", value: 69 }],
      [{ kind: "string", value: "Bình Minh" }, { kind: "number", value: 100 }, { kind: "number", value: 65.25 }],
      [{ kind: "string", value: "Cẩm Hà" }, { kind: "number", value: 100 }, { kind: "number", value: 69 }],
    ],
    merges: [],
  });
  sheets.push({
    name: "Nhật ký",
    cells: [[{ kind: "string", value: "Ngày" }, { kind: "string", value: "Việc" }], [{ kind: "number", value: 45981 }, { kind: "string", value: "Gửi hồ sơ thẩm định" }]],
    merges: [],
    protectionKey: createHash("sha256").update("nhat-ky", "utf8").digest("base64"),
  });
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<office:document ${ODF_NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">` +
    `<office:body><office:spreadsheet>${sheets.map(odfTable).join("")}` +
    `<table:named-expressions><table:named-range table:name="CotToiDa" table:base-cell-address="$'An Bình'.$C$7" table:cell-range-address="$'An Bình'.$C$7:.$C$12"/></table:named-expressions>` +
    `<table:database-ranges><table:database-range table:name="BangTheoDoi" table:target-range-address="$'Theo dõi'.$A$1:.$C$4" table:display-filter-buttons="true" table:contains-header="true"/></table:database-ranges>` +
    `</office:spreadsheet></office:body></office:document>`
  );
}

/**
 * Converts files with one soffice run (fresh profile, like test/support/libreoffice): `filter` e.g. "xlsx".
 * Returns the converted paths, in the order given.
 */
export async function sofficeConvert(files: string[], filter: string, outDir: string, ext: string): Promise<string[]> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), "cchc-lo-make-"));
  try {
    const profile = path.join(work, "profile");
    await fs.mkdir(path.join(profile, "user"), { recursive: true });
    const args = [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--nolockcheck", "--convert-to", filter, "--outdir", outDir, ...files];
    const output = await new Promise<string>((resolve, reject) => {
      let text = "";
      const child = spawn(sofficeCommand(), args, { stdio: ["ignore", "pipe", "pipe"], detached: true, env: { ...process.env, SAL_USE_VCLPLUGIN: "svp" } });
      child.stdout.on("data", (b: Buffer) => (text += b.toString()));
      child.stderr.on("data", (b: Buffer) => (text += b.toString()));
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, "SIGKILL");
        } catch {
          // gone
        }
        reject(new Error(`soffice --convert-to ${filter} did not finish within 120 s`));
      }, 120_000);
      child.on("error", (e: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(new Error(e.code === "ENOENT" ? `LibreOffice (${sofficeCommand()}) not found: install libreoffice-calc (.ci/install-system-deps.sh) or set CCHC_SOFFICE` : e.message));
      });
      child.on("close", () => {
        clearTimeout(timer);
        resolve(text);
      });
    });
    const out = files.map((f) => path.join(outDir, path.basename(f).replace(/\.[^.]+$/, `.${ext}`)));
    for (const o of out)
      await fs.access(o).catch(() => {
        throw new Error(`soffice did not write ${o}:\n${output}`);
      });
    return out;
  } finally {
    await fs.rm(work, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** The sample as LibreOffice saves it as .xlsx, from the flat ODF text above. */
export async function libreOfficeMade(dir: string): Promise<Uint8Array> {
  const fods = path.join(dir, "libreoffice-made.fods");
  await fs.writeFile(fods, await libreOfficeFods());
  const [xlsx] = await sofficeConvert([fods], "xlsx:Calc MS Excel 2007 XML", dir, "xlsx");
  return fs.readFile(xlsx);
}
