import { createHash } from "crypto";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { run } from "../../src/cli/run";
import { pick } from "./random";

/**
 * Helpers for the bad-input tests (test/badinput): damaging bytes and cells, running the command in-process
 * with everything it prints, and the promise of docs/architecture.md ("Nothing lost, nothing let in") as a list of broken rules.
 */

export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
  /** An exception that escaped run(): never allowed. */
  thrown?: unknown;
  /** unhandledRejection / uncaughtException events seen while it ran: never allowed. */
  stray: string[];
}

/**
 * Runs `cchc ARGV` in-process. A promise that does not settle within timeoutMs is reported as a hang (a loop that
 * never yields cannot be interrupted in-process: the binary tests and the time bounds cover those).
 */
export async function runCapture(argv: string[], timeoutMs = 120_000): Promise<Outcome> {
  let stdout = "";
  let stderr = "";
  const stray: string[] = [];
  const onRejection = (e: unknown) => stray.push(`unhandledRejection: ${describe(e)}`);
  const onException = (e: unknown) => stray.push(`uncaughtException: ${describe(e)}`);
  process.on("unhandledRejection", onRejection);
  process.on("uncaughtException", onException);
  const t0 = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const done = run(argv, { out: (s) => (stdout += s), err: (s) => (stderr += s), progress: () => undefined });
    const hang = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`HANG: no result after ${timeoutMs} ms`)), timeoutMs);
    });
    const code = await Promise.race([done, hang]);
    // Let a late rejection from inside the run surface before the handlers go.
    await new Promise((r) => setImmediate(r));
    return { code, stdout, stderr, ms: performance.now() - t0, stray };
  } catch (thrown) {
    return { code: -1, stdout, stderr, ms: performance.now() - t0, thrown, stray };
  } finally {
    clearTimeout(timer);
    process.off("unhandledRejection", onRejection);
    process.off("uncaughtException", onException);
  }
}

function describe(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

/** Lines a user must never see: a stack frame, Node's error banner, an error the CLI did not expect. */
export function unplainLines(stderr: string): string[] {
  return stderr
    .split("\n")
    .filter((l) => /^\s+at /.test(l) || /^(\w*Error|Uncaught|node:internal)\b.*:/.test(l) || /\b(internal error|lỗi nội bộ)\b/.test(l));
}

/**
 * The promise for any input: exit 0, 1 or 2; exit 2 with at least one plain "cchc: …" line on stderr and nothing
 * on stdout; exit 0/1 with a JSON report when --json was given; never a stack trace, an escaped exception or a
 * stray rejection. Returns what was broken (empty when all holds).
 */
export function brokenPromises(o: Outcome, opts: { json: boolean }): string[] {
  const broken: string[] = [];
  if (o.thrown !== undefined) broken.push(`exception escaped run(): ${describe(o.thrown)}`);
  broken.push(...o.stray);
  if (![0, 1, 2].includes(o.code)) broken.push(`exit code ${o.code}`);
  for (const l of unplainLines(o.stderr)) broken.push(`stderr line: ${l.slice(0, 200)}`);
  if (o.code === 2) {
    const lines = o.stderr.split("\n").filter((l) => l.trim());
    if (lines.length === 0) broken.push("exit 2 without a line on stderr");
    for (const l of lines) if (!l.startsWith("cchc: ")) broken.push(`stderr line not from cchc: ${l.slice(0, 200)}`);
    if (o.stdout !== "") broken.push(`exit 2 with output on stdout: ${o.stdout.slice(0, 200)}`);
  }
  if ((o.code === 0 || o.code === 1) && opts.json) {
    try {
      const report = JSON.parse(o.stdout);
      if (!Array.isArray(report.units) || !Array.isArray(report.findings)) broken.push("JSON report without units/findings");
      else if ((report.counts?.error > 0 ? 1 : 0) !== o.code) broken.push(`exit ${o.code} but ${report.counts?.error} error findings`);
    } catch (e) {
      broken.push(`stdout is not a JSON report: ${describe(e)}`);
    }
  }
  return broken;
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

// ---------------------------------------------------------------------------------------------------------
// Bytes

/** Offsets of a zip's central-directory headers ("PK\x01\x02"). */
export function centralDirectoryOffsets(zip: Buffer): number[] {
  const sig = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
  const out: number[] = [];
  for (let i = zip.indexOf(sig); i >= 0; i = zip.indexOf(sig, i + 1)) out.push(i);
  return out;
}

/** Offset of the end-of-central-directory record ("PK\x05\x06"), searched from the end. */
export function endOfCentralDirectory(zip: Buffer): number {
  return zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
}

/**
 * A copy whose central directory declares `size` uncompressed bytes for one part (the 4-byte field at offset 24
 * of its "PK\x01\x02" header): what a zip bomb declares, without inflating one in the test.
 */
export function declareUnzippedSize(zip: Buffer, part: string, size: number): Buffer {
  const out = Buffer.from(zip);
  for (const o of centralDirectoryOffsets(out)) {
    const nameLength = out.readUInt16LE(o + 28);
    if (out.toString("utf8", o + 46, o + 46 + nameLength) === part) {
      out.writeUInt32LE(size, o + 24);
      return out;
    }
  }
  throw new Error(`no central directory entry for ${part}`);
}

/** A copy with bytes XOR-ed at the given offsets. */
export function xorAt(buf: Buffer, offsets: number[], mask = 0xff): Buffer {
  const out = Buffer.from(buf);
  for (const o of offsets) if (o >= 0 && o < out.length) out[o] ^= mask;
  return out;
}

/** A zip made by JSZip (a dependency of ExcelJS) from name → content. */
export async function zipOf(files: Record<string, string | Buffer>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** Rewrites one part of an .xlsx (unzip, edit the text, zip again). */
export async function editPart(xlsx: Buffer, part: string, edit: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const file = zip.file(part);
  if (!file) throw new Error(`no part ${part}`);
  zip.file(part, edit(await file.async("string")));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** The worksheet part that holds a sheet, by its name (workbook.xml and its relationships). */
export async function sheetPart(xlsx: Buffer, sheet: string): Promise<string> {
  const zip = await JSZip.loadAsync(xlsx);
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const escaped = sheet.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
  const id = new RegExp(`<sheet [^>]*name="${escapeRegExp(escaped)}"[^>]*r:id="([^"]+)"`).exec(wb)?.[1];
  const target = id && new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  if (!target) throw new Error(`no sheet ${sheet}`);
  return "xl/" + target.replace(/^\/?xl\//, "");
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Loads .xlsx bytes with ExcelJS, lets `edit` change the workbook, and writes it again. */
export async function editWorkbook(xlsx: Buffer, edit: (wb: ExcelJS.Workbook) => void | Promise<void>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  await edit(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------------------
// Random damage (the mutation test)

export type Rand = () => number;

const int = (rand: Rand, n: number) => Math.floor(rand() * n);

export const ERROR_VALUES = ["#REF!", "#VALUE!", "#DIV/0!", "#N/A", "#NAME?", "#NUM!", "#NULL!"] as const;

/** A value a careless, hurried or hostile hand could leave in a cell. */
export function randomCellValue(rand: Rand): ExcelJS.CellValue {
  const kind = int(rand, 22);
  switch (kind) {
    case 0:
      return pick(rand, [1e308, -1e308, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 5e-324, 1e15 + 0.3, -0]);
    case 1:
      return pick(rand, ["NaN", "Infinity", "-Infinity", "1e999", "-0", "0x1F", "1,5", "1.234,5", "2,50đ", "٣", "５", "1/2", "50%", "1 000", "—"]);
    case 2:
      return { error: pick(rand, [...ERROR_VALUES]) } as ExcelJS.CellErrorValue;
    case 3:
      return new Date(Date.UTC(1900 + int(rand, 200), int(rand, 12), 1 + int(rand, 28)));
    case 4:
      return rand() < 0.5;
    case 5:
      return "X".repeat(32_000 + int(rand, 767));
    case 6:
      return { formula: pick(rand, ["1/0", "SUM(A1:A3)", "NA()", "A1+", "INDIRECT(\"ZZZ1\")", "E5*2"]), result: pick(rand, [undefined, 3, { error: "#DIV/0!" }, "x"]) } as ExcelJS.CellFormulaValue;
    case 7:
      return pick(rand, ['=HYPERLINK("http://example.invalid","bấm vào đây")', "=1+1", "+SUM(A1)", "-2+3", "@cmd", "=cmd|' /C calc'!A0"]);
    case 8:
      return { formula: 'HYPERLINK("http://example.invalid","x")', result: "x" } as ExcelJS.CellFormulaValue;
    case 9:
      return pick(rand, ["😀", "Xã An Bình".normalize("NFD"), "\u200b", "\u202eđảo ngược", "ｋｄｇ", "\u0000", "a\u0301\u0302\u0303", "\t\n ", "\ud800", "ỦY BAN"]);
    case 10:
      return null;
    case 11:
      return pick(rand, ["KĐG", "N/A", "không đánh giá", "kdg ", "KĐG?"]);
    case 12:
      return pick(rand, [-1, -0.5, 0.25, 0.33, 1.005, 2.5, 99, 100.0001, 3.14159]);
    case 13:
      return { richText: [{ text: "1" }, { text: ",5", font: { bold: true } }] };
    case 14:
      return { text: "tài liệu", hyperlink: "http://example.invalid/x" } as ExcelJS.CellHyperlinkValue;
    case 15:
      return pick(rand, ["STT", "Điểm tự chấm", "Điểm tối đa", "Tổng cộng", "Chỉ số", "Điểm thưởng", "Bộ tiêu chí", "1.1", "1.1.1", "9.9", "I", "X"]);
    case 16:
      return pick(rand, ["1.10", "01.1", "1..1", "1.1.1.1.1.1", " 2 ", "2.", ".2", "1,1"]);
    default:
      return Math.round(rand() * 100) / 4;
  }
}

/** Damages cells of random sheets: values, header cells, merges, rows, sheet states. Returns what it did. */
export function damageCells(wb: ExcelJS.Workbook, rand: Rand): string[] {
  const did: string[] = [];
  const n = 1 + int(rand, 8);
  for (let k = 0; k < n && wb.worksheets.length; k++) {
    const ws = pick(rand, wb.worksheets);
    const r = 1 + int(rand, Math.max(10, ws.rowCount + 5));
    const c = 1 + int(rand, 12);
    const op = int(rand, 20);
    try {
      if (op < 9) {
        ws.getCell(r, c).value = randomCellValue(rand);
        did.push(`${ws.name}!R${r}C${c}=value`);
      } else if (op < 11) {
        // A header cell: the row that names "Điểm tự chấm" or the criteria sheet's "Mã".
        const header = findRow(ws, /điểm|stt|mã|tiêu chí|max|code/i);
        if (header) {
          const col = 1 + int(rand, Math.max(1, header.cellCount));
          ws.getCell(header.number, col).value = rand() < 0.6 ? null : randomCellValue(rand);
          did.push(`${ws.name}!R${header.number}C${col} header`);
        }
      } else if (op < 13) {
        const r2 = r + int(rand, 4);
        const c2 = c + int(rand, 4);
        ws.mergeCells(r, c, r2, c2);
        did.push(`${ws.name} merge R${r}C${c}:R${r2}C${c2}`);
      } else if (op === 13) {
        const merges = Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges ?? {});
        if (merges.length) {
          const m = pick(rand, merges);
          ws.unMergeCells(m);
          did.push(`${ws.name} unmerge ${m}`);
        }
      } else if (op === 14) {
        const count = 1 + int(rand, 5);
        if (rand() < 0.5) ws.spliceRows(r, count);
        else ws.spliceRows(r, 0, ...Array.from({ length: count }, () => [randomCellValue(rand), randomCellValue(rand)]));
        did.push(`${ws.name} splice rows at ${r}`);
      } else if (op === 15) {
        ws.getRow(r).hidden = true;
        did.push(`${ws.name} hide row ${r}`);
      } else if (op === 16) {
        ws.state = pick(rand, ["hidden", "veryHidden", "visible"] as const);
        did.push(`${ws.name} state ${ws.state}`);
      } else if (op === 17) {
        const name = pick(rand, ["Bộ tiêu chí", "Criteria", "Tổng hợp", "X".repeat(31), "Ã'b", "1"]);
        if (!wb.worksheets.some((w) => w.name.toLowerCase() === name.toLowerCase())) {
          ws.name = name;
          did.push(`rename to ${name}`);
        }
      } else if (op === 18) {
        if (wb.worksheets.length > 1 && rand() < 0.5) {
          wb.removeWorksheet(ws.id);
          did.push(`remove ${ws.name}`);
        } else {
          (ws as unknown as { sheetProtection: unknown }).sheetProtection = { sheet: true };
          did.push(`protect ${ws.name}`);
        }
      } else if (op === 19 && rand() < 0.5) {
        // Far away: the last column, a row far below, or a large merge (within ExcelJS's limits).
        const far = int(rand, 3);
        if (far === 0) ws.getCell(r, 16_384).value = randomCellValue(rand);
        else if (far === 1) ws.getCell(1_000 + int(rand, 200_000), c).value = randomCellValue(rand);
        else ws.mergeCells(r, c, r + int(rand, 2_000), c + int(rand, 40));
        did.push(`${ws.name} far ${["last column", "row far below", "large merge"][far]}`);
      } else {
        ws.getCell(r, c).numFmt = pick(rand, ["0.00", "@", "dd/mm/yyyy", '"Điểm: "0', "0%", "General"]);
        ws.getCell(r, c).value = pick(rand, [1.1, 1.10, 0.5, 44927]);
        did.push(`${ws.name}!R${r}C${c} numFmt`);
      }
    } catch (e) {
      // ExcelJS refuses some edits (a merge over a merge): that is the edit failing, not the tool.
      did.push(`(refused: ${e instanceof Error ? e.message.slice(0, 60) : String(e)})`);
    }
  }
  return did;
}

function findRow(ws: ExcelJS.Worksheet, re: RegExp): ExcelJS.Row | undefined {
  for (let r = 1; r <= Math.min(ws.rowCount, 15); r++) {
    const row = ws.getRow(r);
    const texts = (row.values as unknown[]).filter((v) => typeof v === "string") as string[];
    if (texts.some((t) => re.test(t))) return row;
  }
  return undefined;
}

/** Damages the bytes of a zip: flips, inserts, deletes, zeroes, duplicates, or cuts it short. */
export function damageBytes(zip: Buffer, rand: Rand): { bytes: Buffer; did: string } {
  const op = int(rand, 6);
  let b = Buffer.from(zip);
  const at = () => int(rand, b.length);
  const n = 1 + int(rand, 24);
  switch (op) {
    case 0: {
      // Half the flips land in the central directory, where a zip reader looks first.
      const cd = centralDirectoryOffsets(b);
      for (let i = 0; i < n; i++) {
        const p = cd.length && rand() < 0.5 ? pick(rand, cd) + int(rand, 46) : at();
        b[p % b.length] ^= 1 << int(rand, 8);
      }
      return { bytes: b, did: `flip ${n} bits` };
    }
    case 1:
      for (let i = 0; i < n; i++) {
        const p = at();
        b = Buffer.concat([b.subarray(0, p), Buffer.from([int(rand, 256)]), b.subarray(p)]);
      }
      return { bytes: b, did: `insert ${n} bytes` };
    case 2:
      for (let i = 0; i < n; i++) {
        const p = at();
        b = Buffer.concat([b.subarray(0, p), b.subarray(p + 1 + int(rand, 4))]);
      }
      return { bytes: b, did: `delete at ${n} places` };
    case 3: {
      const p = at();
      b.fill(0, p, Math.min(b.length, p + 1 + int(rand, 512)));
      return { bytes: b, did: `zero a run at ${p}` };
    }
    case 4: {
      const p = at();
      const q = at();
      b = Buffer.concat([b.subarray(0, p), b.subarray(q, q + 1 + int(rand, 2048)), b.subarray(p)]);
      return { bytes: b, did: `duplicate a chunk into ${p}` };
    }
    default: {
      const p = at();
      return { bytes: b.subarray(0, p), did: `truncate at ${p} of ${zip.length}` };
    }
  }
}

/** Snippets that break or bend SpreadsheetML when dropped into a part. */
const XML_SNIPPETS = [
  '<c r="A1" t="e"><v>#REF!</v></c>',
  "<v>1e999</v>",
  "<v>NaN</v>",
  ' t="d"',
  ' t="b"',
  ' t="s"',
  "<v>99999999</v>",
  '<mergeCell ref="A1:C3"/>',
  "<f>1/0</f>",
  ' r="A0"',
  ' s="9999"',
  '<row r="0">',
  "</sheetData>",
  "&amp;",
  "\u0000",
  "<v></v>",
  '<is><t>x</t></is>',
  ' t="inlineStr"',
  "<![CDATA[x]]>",
  "<!-- -->",
  // What the limits guard refuses (src/xlsx/limits.ts): each hung ExcelJS or ran it out of memory.
  '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
  '<cols><col min="1" max="99999999" width="9"/></cols>',
  '<row r="99999999"><c r="A99999999"><v>1</v></c></row>',
  '<dataValidations count="1"><dataValidation type="whole" sqref="A1:XFD1048576"><formula1>0</formula1></dataValidation></dataValidations>',
];

/** Damages the bytes of one XML part inside the zip (a zip reader accepts it; the XML or its meaning breaks). */
export async function damagePart(zipBytes: Buffer, rand: Rand): Promise<{ bytes: Buffer; did: string }> {
  const zip = await JSZip.loadAsync(zipBytes);
  const parts = Object.keys(zip.files).filter((n) => !zip.files[n].dir && /\.(xml|rels)$/.test(n));
  // Sheets and shared strings are where the damage means something; the rest is hit less often.
  const sheets = parts.filter((n) => /worksheets|sharedStrings/.test(n));
  const part = sheets.length && rand() < 0.75 ? pick(rand, sheets) : pick(rand, parts);
  let t = await zip.file(part)!.async("string");
  const n = 1 + int(rand, 5);
  for (let i = 0; i < n; i++) {
    const p = int(rand, t.length);
    const op = int(rand, 5);
    if (op === 0) t = t.slice(0, p) + pick(rand, XML_SNIPPETS) + t.slice(p);
    else if (op === 1) t = t.slice(0, p) + t.slice(p + 1 + int(rand, 40));
    else if (op === 2) {
      const values = t.match(/<v>[^<]*<\/v>/g);
      if (values) t = t.replace(pick(rand, values), `<v>${pick(rand, ["-1e308", "abc", "1e-320", "", "Infinity", "99999999999999999999", "3", "-0"])}</v>`);
    } else if (op === 3) {
      const refs = t.match(/ r="[A-Z]+\d+"/g);
      if (refs) t = t.replace(pick(rand, refs), ` r="${pick(rand, ["A1", "B0", "ZZZ1", "a1", "", "XFD1048576", "A2"])}"`);
    } else {
      const c = t.charCodeAt(p);
      t = t.slice(0, p) + String.fromCharCode(c ^ (1 << int(rand, 7))) + t.slice(p + 1);
    }
  }
  zip.file(part, t);
  return { bytes: await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }), did: `${n} edits in ${part}` };
}
