import { spawnSync } from "child_process";
import { copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { DOMParser, XMLSerializer } from "@xmldom/xmldom";
import { MAX_DEPTH } from "../../src/core/criteria/validate";
import { loadWorkbookBytes } from "../../src/xlsx/loadWorkbook";
import { IndexedSet } from "../../src/core/criteria/indexed";
import { RuleName } from "../../src/core/findings/finding";
import { CellValue } from "../../src/core/port";
import { ERROR_VALUES, centralDirectoryOffsets, declareUnzippedSize, editPart, editWorkbook, endOfCentralDirectory, runCapture, sheetPart, xorAt, zipOf } from "../support/badInputs";
import { sofficeCommand } from "../support/libreoffice";
import { criteriaSpec, specOf, writeWithLibreOffice, writeWithPython } from "../support/otherPrograms";
import { FIXTURE, sampleWorkbook } from "../support/sample";
import { BuiltSheet, toXlsx, unitSheet } from "../support/workbookBuilder";

/**
 * The bad-input corpus (issue "Nothing lost, nothing let in", docs/architecture.md): each entry makes one bad input at
 * run time and says what `cchc` must do with it — the exit code, and the finding (rule, sheet, cell) or the
 * plain error text, which must name the file. corpus.test.ts runs every entry in-process and the `binary` ones
 * through bin/cchc.js too; every run must also leave the inputs' bytes unchanged and print no stack trace.
 *
 * Only the two OLE2 files in corpus/ are committed (made once by corpus/make-ole2.py with LibreOffice).
 */

export const CORPUS_DIR = path.join(__dirname, "corpus");

/** What a built case runs and what it must name. */
export interface Case {
  argv: string[];
  /** Files whose bytes must not change (default: every existing path in argv). */
  inputs?: string[];
  /** A file the run must not create (for exit 2: "nothing written"). */
  out?: string;
  /** Paths or names that stderr must mention (exit 2), default the first argument after the command. */
  names?: string[];
  /** Findings (exit 0/1) the JSON report must hold, at these places. */
  findings?: { rule: RuleName; sheet?: string; cell?: string }[];
  /** stderr lines expected, each as a fragment, in order (for refused criteria: one line per problem). */
  lines?: (string | RegExp)[];
  /** More checks on the outcome. */
  extra?: (o: { code: number; stdout: string; stderr: string; ms: number }) => void | Promise<void>;
}

export interface CorpusEntry {
  name: string;
  /** How the input is made, for the table. */
  made: string;
  exit: 0 | 1 | 2;
  /** The rule (exit 0/1) or a fragment of the error text (exit 2) the outcome must show. */
  expect: string;
  build: (ctx: Ctx) => Promise<Case>;
  /** Also run through `node bin/cchc.js`. */
  binary?: boolean;
  /** Upper bound on the in-process run, in ms (generous for a 2-core CI machine). */
  maxMs?: number;
}

/** Inputs made once for the whole corpus (all cases use the fixture set). */
const shared = new Map<string, Promise<Buffer>>();

/** Shared, lazily made inputs and a fresh directory per case. */
export class Ctx {
  constructor(
    readonly dir: string,
    readonly set: IndexedSet,
  ) {}

  /** Writes a file under the case's directory and returns its path. */
  file(name: string, bytes: Buffer | string): string {
    const p = path.join(this.dir, name);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, bytes);
    return p;
  }

  /** The five-unit sample workbook (test/support/sample.ts), with its criteria sheet. */
  sample(): Promise<Buffer> {
    return this.once("sample", () => sampleWorkbook(this.set));
  }

  /** One careful unit: every leaf at its max with evidence, the criteria sheet in the workbook. Exit 0. */
  clean(): Promise<Buffer> {
    return this.once("clean", () => toXlsx([this.cleanSheet()], this.set));
  }

  cleanSheet(): BuiltSheet {
    return unitSheet(this.set, { sheet: CLEAN_SHEET, unitName: "UBND xã Sạch" });
  }

  /** The fixture criteria JSON, edited, as NAME.criteria.json. */
  criteria(name: string, edit: (j: any) => void): string {
    const j = JSON.parse(readFileSync(FIXTURE, "utf8"));
    edit(j);
    return this.file(`${name}.criteria.json`, JSON.stringify(j, null, 2));
  }

  private once(key: string, make: () => Promise<Buffer>): Promise<Buffer> {
    if (!shared.has(key)) shared.set(key, make());
    return shared.get(key)!;
  }
}

export const CLEAN_SHEET = "Xã Sạch";

/** A1 address of a node's cell in a built unit sheet. */
export function cellOf(sheet: BuiltSheet, code: string, column: string): string {
  return String.fromCharCode(64 + sheet.columns[column]) + sheet.rowOf.get(code);
}

/** The clean workbook with cells of the unit sheet replaced (values, formulas) through ExcelJS. */
async function cleanWith(ctx: Ctx, cells: Record<string, ExcelJS.CellValue>, more?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  return editWorkbook(await ctx.clean(), (wb) => {
    const ws = wb.getWorksheet(CLEAN_SHEET)!;
    for (const [at, v] of Object.entries(cells)) ws.getCell(at).value = v;
    more?.(ws);
  });
}

const check = (file: string, ...more: string[]) => ["check", file, "--json", ...more];

/** Which node paths of the fixture the criteria entries edit. */
const P = {
  leaf12: "nodes[0].children[1]", // 1.2, deduction step 0.5, max 2
  leaf13: "nodes[0].children[2]", // 1.3, binary, max 1.5
  leaf14: "nodes[0].children[3]", // 1.4, tiers, max 1.5
  leaf111: "nodes[0].children[0].children[0]", // 1.1.1, binary late 0.5, max 1
};
const at = (j: any, p: string) => p.split(/[.[\]]+/).filter(Boolean).reduce((o, k) => o[k], j);

/** One refused-criteria entry: the fixture with one edit, run with `check clean.xlsx --criteria it`. */
function refused(name: string, reason: string, edit: (j: any) => void, paths: string[], fragment: string): CorpusEntry {
  return {
    name: `criteria refused: ${name}`,
    made: `fixture criteria JSON, ${reason}`,
    exit: 2,
    expect: `${paths.join(", ")}: "${fragment}"`,
    build: async (ctx) => {
      const crit = ctx.criteria(name.replace(/\W+/g, "-"), edit);
      const wb = ctx.file("xa.xlsx", await ctx.clean());
      return {
        argv: check(wb, "--criteria", crit),
        names: [crit],
        lines: [`cchc: ${crit}: bộ tiêu chí bị từ chối (${paths.length} lỗi)`, ...paths.map((p) => `cchc: ${crit}: ${p}: `)],
        extra: (o) => expect(o.stderr).toContain(fragment),
      };
    },
  };
}

export const CORPUS: CorpusEntry[] = [
  // ---------------------------------------------------------------- not a workbook at all
  {
    name: "zero-byte file",
    made: "an empty file named .xlsx",
    exit: 2,
    expect: "tệp rỗng (0 byte)",
    binary: true,
    build: async (ctx) => ({ argv: check(ctx.file("rong.xlsx", "")), lines: [/rong\.xlsx: tệp rỗng \(0 byte\)$/] }),
  },
  {
    name: "zero-byte file with a Vietnamese name with spaces",
    made: 'an empty file "Xã An Bình (bản cuối).xlsx"',
    exit: 2,
    expect: "the file is empty",
    build: async (ctx) => {
      const f = ctx.file("Xã An Bình (bản cuối).xlsx", "");
      return { argv: [...check(f), "--lang", "en"], lines: [`cchc: ${f}: the file is empty (0 bytes)`] };
    },
  },
  {
    name: "plain text named .xlsx",
    made: "a UTF-8 note saved as .xlsx",
    exit: 2,
    expect: "không phải tệp Excel .xlsx (nội dung giống văn bản thuần",
    build: async (ctx) => ({ argv: check(ctx.file("ghi-chu.xlsx", "Báo cáo tự chấm điểm CCHC năm 2025\nXã An Bình: 81,5 điểm\n")), lines: [/văn bản thuần.*lưu dạng \.xlsx/] }),
  },
  {
    name: "CSV named .xlsx",
    made: "a CSV export (semicolons, BOM, Vietnamese) renamed to .xlsx",
    exit: 2,
    expect: "nội dung giống CSV",
    build: async (ctx) => ({ argv: check(ctx.file("xuat.xlsx", "\uFEFFSTT;Tiêu chí;Điểm tối đa;Điểm tự chấm\n1.1;Kế hoạch CCHC;1;1\n1.2;Báo cáo;2;1,5\n")), lines: [/không phải tệp Excel \.xlsx \(nội dung giống CSV\)/] }),
  },
  {
    name: "HTML table saved as .xlsx",
    made: "the HTML 'Excel export' of a web system, named .xlsx",
    exit: 2,
    expect: "không phải tệp Excel .xlsx",
    build: async (ctx) => ({ argv: check(ctx.file("bao-cao.xlsx", '<html><body><table><tr><td>STT</td><td>Điểm tự chấm</td></tr></table></body></html>')), lines: [/không phải tệp Excel \.xlsx/] }),
  },
  {
    name: "binary file (PNG) named .xlsx",
    made: "a PNG signature and random bytes",
    exit: 2,
    expect: "không phải tệp Excel .xlsx",
    build: async (ctx) => ({ argv: check(ctx.file("anh.xlsx", Buffer.concat([Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"), Buffer.alloc(200, 7)]))), lines: [/không phải tệp Excel \.xlsx; hãy mở bằng Excel/] }),
  },
  // ---------------------------------------------------------------- damaged zips
  ...[0.001, 0.1, 0.5, 0.9, 0.999].map(
    (share): CorpusEntry => ({
      name: `truncated at ${share * 100}%`,
      made: `the sample workbook cut to ${share * 100}% of its bytes`,
      exit: 2,
      expect: "tệp .xlsx bị hỏng, không đọc được",
      binary: share === 0.5,
      build: async (ctx) => {
        const full = await ctx.sample();
        return { argv: check(ctx.file("cut.xlsx", full.subarray(0, Math.max(4, Math.floor(full.length * share))))), lines: [/cut\.xlsx: tệp \.xlsx bị hỏng, không đọc được \(.+\)$/] };
      },
    }),
  ),
  {
    name: "central directory signatures flipped",
    made: "every PK\\x01\\x02 header of the sample's central directory XOR-ed",
    exit: 2,
    expect: "tệp .xlsx bị hỏng",
    build: async (ctx) => {
      const full = await ctx.sample();
      const bad = xorAt(full, centralDirectoryOffsets(full).flatMap((o) => [o + 2, o + 3]));
      return { argv: check(ctx.file("cd.xlsx", bad)), lines: [/cd\.xlsx: tệp \.xlsx bị hỏng/] };
    },
  },
  {
    name: "central directory offset wrong",
    made: "the end-of-central-directory record's offset field XOR-ed",
    exit: 2,
    expect: "tệp .xlsx bị hỏng",
    build: async (ctx) => {
      const full = await ctx.sample();
      const eocd = endOfCentralDirectory(full);
      return { argv: check(ctx.file("eocd.xlsx", xorAt(full, [eocd + 16, eocd + 17], 0x5a))), lines: [/eocd\.xlsx: tệp \.xlsx bị hỏng/] };
    },
  },
  {
    name: "compressed sheet data flipped",
    made: "bytes in the middle of the sample (compressed sheet XML) XOR-ed",
    exit: 2,
    expect: "tệp .xlsx bị hỏng",
    build: async (ctx) => {
      const full = await ctx.sample();
      const mid = Math.floor(full.length / 2);
      return { argv: check(ctx.file("flip.xlsx", xorAt(full, [mid, mid + 1, mid + 2, mid + 3, mid + 50]))), lines: [/flip\.xlsx: tệp \.xlsx bị hỏng/] };
    },
  },
  {
    name: "zip of a text file",
    made: "a zip (JSZip) holding only ghi-chu.txt",
    exit: 2,
    expect: "tệp .xlsx bị hỏng, không đọc được (thiếu phần xl/workbook.xml)",
    binary: true,
    build: async (ctx) => ({ argv: check(ctx.file("nen.xlsx", await zipOf({ "ghi-chu.txt": "Không phải sổ tính" }))), lines: [/nen\.xlsx: tệp \.xlsx bị hỏng, không đọc được \(thiếu phần xl\/workbook\.xml\)$/] }),
  },
  {
    name: "empty zip",
    made: "a zip (JSZip) with no entries",
    exit: 2,
    expect: "tệp .xlsx",
    build: async (ctx) => ({ argv: check(ctx.file("zip-rong.xlsx", await zipOf({}))), lines: [/zip-rong\.xlsx: tệp \.xlsx (bị hỏng|không có trang tính nào)/] }),
  },
  {
    name: "sheet XML not well-formed",
    made: "the sample with its first unit sheet's </sheetData> removed",
    exit: 2,
    expect: "tệp .xlsx bị hỏng, không đọc được",
    build: async (ctx) => {
      const full = await ctx.sample();
      const part = await sheetPart(full, "An Bình");
      return { argv: check(ctx.file("xml.xlsx", await editPart(full, part, (x) => x.replace("</sheetData>", "")))), lines: [/xml\.xlsx: tệp \.xlsx bị hỏng, không đọc được \(.+\)$/] };
    },
  },
  // ---------------------------------------------------------------- other formats
  {
    name: "Excel 97-2003 .xls",
    made: "corpus/legacy.xls, made once by LibreOffice (make-ole2.py, filter MS Excel 97)",
    exit: 2,
    expect: "đây là tệp Excel 97–2003 (.xls); hãy mở bằng Excel và chọn Lưu thành (Save As) .xlsx",
    binary: true,
    build: async (ctx) => {
      const f = path.join(ctx.dir, "legacy.xls");
      copyFileSync(path.join(CORPUS_DIR, "legacy.xls"), f);
      return { argv: check(f), lines: [`cchc: ${f}: đây là tệp Excel 97–2003 (.xls); hãy mở bằng Excel và chọn Lưu thành (Save As) .xlsx`] };
    },
  },
  {
    name: ".xls renamed to .xlsx",
    made: "corpus/legacy.xls copied as bao-cao.xlsx",
    exit: 2,
    expect: "this is an Excel 97–2003 workbook (.xls); open it in Excel and Save As .xlsx",
    build: async (ctx) => {
      const f = path.join(ctx.dir, "bao-cao.xlsx");
      copyFileSync(path.join(CORPUS_DIR, "legacy.xls"), f);
      return { argv: [...check(f), "--lang", "en"], lines: [`cchc: ${f}: this is an Excel 97–2003 workbook (.xls); open it in Excel and Save As .xlsx`] };
    },
  },
  {
    name: ".xls converted now by LibreOffice",
    made: "the clean workbook converted at run time with `soffice --convert-to xls` (the committed legacy.xls where soffice is missing)",
    exit: 2,
    expect: "đây là tệp Excel 97–2003 (.xls)",
    maxMs: 5_000,
    build: async (ctx) => {
      const src = ctx.file("in/xa-sach.xlsx", await ctx.clean());
      const outDir = path.join(ctx.dir, "out");
      const r = spawnSync(
        sofficeCommand(),
        [`-env:UserInstallation=file://${path.join(ctx.dir, "profile")}`, "--headless", "--norestore", "--convert-to", "xls", "--outdir", outDir, src],
        { timeout: 120_000, encoding: "utf8" },
      );
      const made = path.join(outDir, "xa-sach.xls");
      if (r.error || !existsSync(made)) {
        console.warn(`soffice could not convert (${r.error?.message ?? r.stderr}); using the committed corpus/legacy.xls`);
        mkdirSync(outDir, { recursive: true });
        copyFileSync(path.join(CORPUS_DIR, "legacy.xls"), made);
      }
      return { argv: check(made), inputs: [made], lines: [/xa-sach\.xls: đây là tệp Excel 97–2003 \(\.xls\)/] };
    },
  },
  {
    name: "password-protected (encrypted) .xlsx",
    made: 'corpus/encrypted.xlsx, made once by LibreOffice (make-ole2.py, password "cchc", ECMA-376 Standard Encryption)',
    exit: 2,
    expect: "tệp được đặt mật khẩu (mã hóa); hãy mở bằng Excel, gỡ mật khẩu",
    binary: true,
    build: async (ctx) => {
      const f = path.join(ctx.dir, "mat-khau.xlsx");
      copyFileSync(path.join(CORPUS_DIR, "encrypted.xlsx"), f);
      return { argv: check(f), lines: [`cchc: ${f}: tệp được đặt mật khẩu (mã hóa); hãy mở bằng Excel, gỡ mật khẩu (File › Info › Protect Workbook) rồi lưu lại`] };
    },
  },
  // ---------------------------------------------------------------- workbooks with the wrong content
  {
    name: "no scoring sheet",
    made: 'a workbook with one "Ghi chú" sheet of prose, checked with --criteria',
    exit: 1,
    expect: "no-scoring-sheet",
    binary: true,
    build: async (ctx) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Ghi chú");
      ws.getCell("A1").value = "Báo cáo kết quả tự chấm điểm: xem tệp đính kèm";
      ws.getCell("A2").value = 81.5;
      const f = ctx.file("ghi-chu.xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
      return { argv: check(f, "--criteria", FIXTURE), findings: [{ rule: "no-scoring-sheet" }] };
    },
  },
  {
    name: "no scoring sheet and no criteria",
    made: 'the same "Ghi chú" workbook without --criteria',
    exit: 2,
    expect: "không có bộ tiêu chí",
    build: async (ctx) => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet("Ghi chú").getCell("A1").value = "trống";
      const f = ctx.file("khong-bo.xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
      return { argv: check(f), lines: [`cchc: ${f}: không có bộ tiêu chí: sổ tính không có trang "Bộ tiêu chí" và không có --criteria`] };
    },
  },
  {
    name: "header cell missing",
    made: 'the clean workbook with its "Điểm tự chấm" header cleared',
    exit: 1,
    expect: "header-not-found",
    build: async (ctx) => {
      const s = ctx.cleanSheet();
      const head = String.fromCharCode(64 + s.columns.self) + (s.rowOf.get("1")! - 1);
      const f = ctx.file("thieu-cot.xlsx", await cleanWith(ctx, { [head]: null }));
      return { argv: check(f), findings: [{ rule: "header-not-found", sheet: CLEAN_SHEET }] };
    },
  },
  ...ERROR_VALUES.map(
    (error): CorpusEntry => ({
      name: `formula error ${error}`,
      made: `the clean workbook with a leaf score, a subtotal and the total as formulas whose cached result is ${error}`,
      exit: 1,
      expect: "formula-error",
      binary: error === "#REF!",
      build: async (ctx) => {
        const s = ctx.cleanSheet();
        const leaf = cellOf(s, "1.2", "self");
        const sub = cellOf(s, "1", "self");
        const total = cellOf(s, "TOTAL", "self");
        const f = ctx.file("loi-cong-thuc.xlsx", await cleanWith(ctx, {
          [leaf]: { formula: "VLOOKUP(A7,#REF!,2,FALSE)", result: { error } } as ExcelJS.CellFormulaValue,
          [sub]: { formula: `SUM(${leaf}:${cellOf(s, "1.5", "self")})`, result: { error } } as ExcelJS.CellFormulaValue,
          [total]: { formula: `${sub}+1`, result: { error } } as ExcelJS.CellFormulaValue,
        }));
        return {
          argv: check(f),
          findings: [leaf, sub, total].map((cell) => ({ rule: "formula-error" as const, sheet: CLEAN_SHEET, cell })),
          extra: (o) => {
            const found = JSON.parse(o.stdout).findings.filter((x: { rule: string }) => x.rule === "formula-error");
            for (const x of found) expect(x.params.error).toBe(error);
          },
        };
      },
    }),
  ),
  {
    name: "formula errors typed as text",
    made: 'score cells holding the text "#N/A" and "#DIV/0!" (pasted values)',
    exit: 1,
    expect: "formula-error",
    build: async (ctx) => {
      const s = ctx.cleanSheet();
      const a = cellOf(s, "2.1", "self");
      const b = cellOf(s, "2", "self");
      const f = ctx.file("loi-chu.xlsx", await cleanWith(ctx, { [a]: "#N/A", [b]: "#DIV/0!" }));
      return { argv: check(f), findings: [a, b].map((cell) => ({ rule: "formula-error" as const, sheet: CLEAN_SHEET, cell })) };
    },
  },
  {
    name: "merged cells across score columns",
    made: "the clean workbook with 2.1's self-score merged over its evidence cell, and 1.2's self-score merged down over 1.3's",
    exit: 1,
    expect: "merged-score-cells; the covered cells read empty (missing-evidence, score-missing), never the score twice",
    build: async (ctx) => {
      const s = ctx.cleanSheet();
      const across = `${cellOf(s, "2.1", "self")}:${cellOf(s, "2.1", "evidence")}`;
      const down = `${cellOf(s, "1.2", "self")}:${cellOf(s, "1.3", "self")}`;
      const f = ctx.file("gop-o.xlsx", await cleanWith(ctx, {}, (ws) => {
        ws.mergeCells(across);
        ws.mergeCells(down);
      }));
      const baseline = JSON.parse((await runCapture(check(ctx.file("sach.xlsx", await ctx.clean())))).stdout);
      return {
        argv: check(f),
        findings: [
          { rule: "merged-score-cells", sheet: CLEAN_SHEET, cell: across.split(":")[0] },
          { rule: "missing-evidence", sheet: CLEAN_SHEET, cell: cellOf(s, "2.1", "evidence") },
          { rule: "score-missing", sheet: CLEAN_SHEET, cell: cellOf(s, "1.3", "self") },
        ],
        // Only the merged area's first cell is read: 1.3 lost its score rather than taking 1.2's.
        extra: (o) => expect(JSON.parse(o.stdout).units[0].self).toBeCloseTo(baseline.units[0].self - ctx.set.byCode.get("1.3")!.max, 6),
      };
    },
  },
  {
    name: "dates and booleans where scores go",
    made: "a date in 1.2's self-score, TRUE in 1.3's, FALSE in 2.2's",
    exit: 1,
    expect: "score-not-numeric",
    build: async (ctx) => {
      const s = ctx.cleanSheet();
      const [a, b, c] = [cellOf(s, "1.2", "self"), cellOf(s, "1.3", "self"), cellOf(s, "2.2", "self")];
      const f = ctx.file("ngay.xlsx", await cleanWith(ctx, { [a]: new Date(Date.UTC(2025, 2, 15)), [b]: true, [c]: false }));
      return {
        argv: check(f),
        findings: [a, b, c].map((cell) => ({ rule: "score-not-numeric" as const, sheet: CLEAN_SHEET, cell })),
        extra: (o) => {
          const what = JSON.parse(o.stdout).findings.filter((x: { rule: string }) => x.rule === "score-not-numeric").map((x: { params: { what: string } }) => x.params.what);
          expect(what.sort()).toEqual(["boolean", "boolean", "date"]);
        },
      };
    },
  },
  {
    name: "32 000-character cells",
    made: "32 000-character texts in 1.2's name, self-score and evidence cells",
    exit: 1,
    expect: "score-not-numeric",
    build: async (ctx) => {
      const s = ctx.cleanSheet();
      const long = (ch: string) => ch.repeat(32_000);
      const score = cellOf(s, "1.2", "self");
      const f = ctx.file("dai.xlsx", await cleanWith(ctx, { [cellOf(s, "1.2", "name")]: long("Tên "), [score]: long("9"), [cellOf(s, "1.2", "evidence")]: long("QĐ ") }));
      return {
        argv: check(f),
        findings: [{ rule: "score-not-numeric", sheet: CLEAN_SHEET, cell: score }],
        extra: (o) => {
          const report = JSON.parse(o.stdout);
          // The long evidence counts as evidence; the message quotes the cell shortened, not 32 000 characters.
          expect(report.findings.filter((x: { rule: string }) => x.rule !== "score-not-numeric")).toEqual([]);
          expect(o.stdout.length).toBeLessThan(100_000);
        },
      };
    },
  },
  {
    name: "a value in the last column (XFD) on 10 000 rows",
    made: "the clean unit sheet plus a note in column XFD on each of 10 000 rows below it",
    exit: 0,
    expect: "no finding; the same scores as without them; read in seconds, not minutes",
    maxMs: 15_000,
    build: async (ctx) => {
      const f = ctx.file(
        "cot-xfd.xlsx",
        await toXlsx([ctx.cleanSheet()], ctx.set, (wb) => {
          const ws = wb.getWorksheet(CLEAN_SHEET)!;
          for (let r = 200; r < 10_200; r++) ws.getCell(r, 16_384).value = `ghi chú ${r}`;
        }),
      );
      return sameAsClean(ctx, f);
    },
  },
  {
    name: "50 000 junk rows below the table",
    made: "the clean unit sheet plus 50 000 rows of notes, numbers and dates below its adjustments",
    exit: 0,
    expect: "no finding; the same scores as without the junk",
    maxMs: 60_000,
    build: async (ctx) => {
      const s = ctx.cleanSheet();
      const junk: CellValue[][] = [];
      for (let i = 0; i < 50_000; i++) junk.push([null, `ghi chú rác số ${i}`, null, null, null, i % 7 === 0 ? "xem phụ lục" : null, `dòng ${i}`, null, i * 1.5, new Date(Date.UTC(2025, 0, 1 + (i % 300)))]);
      const withJunk = { ...s, values: [...s.values, ...junk] };
      const f = ctx.file("rac.xlsx", await toXlsx([withJunk], ctx.set));
      return sameAsClean(ctx, f);
    },
  },
  {
    name: '"=HYPERLINK(…)" as a unit name',
    made: 'the clean workbook whose unit is named =HYPERLINK("http://…","Xã") and whose 1.2 note is "=1+1", scored with score --out',
    exit: 0,
    expect: "names and notes written as text, never as formulas",
    build: async (ctx) => {
      const s = ctx.cleanSheet();
      const evil = '=HYPERLINK("http://example.invalid/x","Xã An Bình")';
      const f = ctx.file("ten-la.xlsx", await cleanWith(ctx, { A2: `Đơn vị: ${evil}`, [cellOf(s, "1.2", "note")]: "=1+1" }));
      const out = path.join(ctx.dir, "da-cham.xlsx");
      return {
        argv: ["score", f, "--out", out, "--json"],
        extra: async (o) => {
          expect(JSON.parse(o.stdout).units[0].name).toBe(evil);
          const wb = new ExcelJS.Workbook();
          await wb.xlsx.readFile(out);
          let seen = 0;
          wb.eachSheet((ws) =>
            ws.eachRow((row) =>
              row.eachCell((cell) => {
                if (typeof cell.value === "string" && cell.value.includes("HYPERLINK")) seen++;
                if (cell.formula) expect(cell.formula).not.toMatch(/HYPERLINK|example\.invalid/);
              }),
            ),
          );
          expect(seen).toBeGreaterThanOrEqual(2); // the unit's own title cell and its row on "Tổng hợp"
        },
      };
    },
  },
  {
    name: "protected unit sheet, score",
    made: "the clean workbook with sheet protection on its unit sheet, scored with score --out",
    exit: 2,
    expect: "trang tính đang được bảo vệ",
    build: async (ctx) => {
      const f = ctx.file("bao-ve.xlsx", await editWorkbook(await ctx.clean(), async (wb) => {
        await wb.getWorksheet(CLEAN_SHEET)!.protect("", {});
      }));
      const out = path.join(ctx.dir, "da-cham.xlsx");
      return { argv: ["score", f, "--out", out], out, lines: [`cchc: ${f}: trang tính đang được bảo vệ (${CLEAN_SHEET}); hãy bỏ bảo vệ (Review › Unprotect Sheet) rồi chạy lại — chưa ghi gì`] };
    },
  },
  // ---------------------------------------------------------------- beyond what ExcelJS can load (found by fuzzing: each hung or ran out of memory)
  {
    name: "merge over the whole sheet",
    made: 'the sample with <mergeCell ref="A60:XFD1048576"/> added to a unit sheet\'s XML',
    exit: 2,
    expect: "các vùng gộp ô (lớn nhất A60:XFD1048576) phủ 17178902528 ô",
    binary: true,
    maxMs: 10_000,
    build: async (ctx) => {
      const full = await ctx.sample();
      const bad = await editPart(full, await sheetPart(full, "An Bình"), (x) => x.replace("</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="A60:XFD1048576"/></mergeCells>'));
      return { argv: check(ctx.file("gop-het.xlsx", bad)), lines: [/gop-het\.xlsx: trang tính "An Bình": các vùng gộp ô \(lớn nhất A60:XFD1048576\) phủ 17178902528 ô, quá giới hạn 1048576; hãy bỏ gộp ô/] };
    },
  },
  {
    name: "20 000 merged ranges",
    made: "the sample with 20 000 two-cell merges (J1:K1 … J20000:K20000) on a unit sheet",
    exit: 2,
    expect: "có 20000 vùng gộp ô, quá giới hạn 5000",
    maxMs: 10_000,
    build: async (ctx) => {
      const full = await ctx.sample();
      const merges = Array.from({ length: 20_000 }, (_, i) => `<mergeCell ref="J${i + 1}:K${i + 1}"/>`).join("");
      const bad = await editPart(full, await sheetPart(full, "An Bình"), (x) => x.replace("</sheetData>", `</sheetData><mergeCells count="20000">${merges}</mergeCells>`));
      return { argv: check(ctx.file("nhieu-gop.xlsx", bad)), lines: [/nhieu-gop\.xlsx: trang tính "An Bình": có 20000 vùng gộp ô, quá giới hạn 5000/] };
    },
  },
  {
    name: "column range past Excel's grid",
    made: 'the sample with <col min="1" max="100000000"/> on a unit sheet',
    exit: 2,
    expect: "cột 100000000 nằm ngoài giới hạn 16 384 cột của Excel",
    maxMs: 10_000,
    build: async (ctx) => {
      const full = await ctx.sample();
      const bad = await editPart(full, await sheetPart(full, "Bình Minh"), (x) => x.replace("<sheetData>", '<cols><col min="1" max="100000000" width="9"/></cols><sheetData>'));
      return { argv: check(ctx.file("cot.xlsx", bad)), lines: [/cot\.xlsx: trang tính "Bình Minh": cột 100000000 nằm ngoài giới hạn 16 384 cột của Excel — tệp bị hỏng/] };
    },
  },
  {
    name: "row past Excel's grid",
    made: 'the sample with <row r="99999999"> on a unit sheet',
    exit: 2,
    expect: "hàng 99999999 nằm ngoài giới hạn 1 048 576 hàng",
    maxMs: 10_000,
    build: async (ctx) => {
      const full = await ctx.sample();
      const bad = await editPart(full, await sheetPart(full, "Cẩm Hà"), (x) => x.replace("</sheetData>", '<row r="99999999"><c r="A99999999"><v>1</v></c></row></sheetData>'));
      return { argv: check(ctx.file("hang.xlsx", bad)), lines: [/hang\.xlsx: trang tính "Cẩm Hà": hàng 99999999 nằm ngoài giới hạn 1 048 576 hàng của Excel/] };
    },
  },
  {
    name: "data validation over the whole sheet",
    made: 'the sample with a decimal data validation on A1:XFD1048576 ("select all" then Data Validation)',
    exit: 2,
    expect: "kiểm tra dữ liệu (Data › Data Validation, lớn nhất A1:XFD1048576) phủ 17179869184 ô",
    maxMs: 10_000,
    build: async (ctx) => {
      const full = await ctx.sample();
      const dv = '<dataValidations count="1"><dataValidation type="decimal" allowBlank="1" sqref="A1:XFD1048576"><formula1>0</formula1><formula2>10</formula2></dataValidation></dataValidations>';
      const bad = await editPart(full, await sheetPart(full, "An Bình"), (x) => x.replace("<pageMargins", `${dv}<pageMargins`));
      return { argv: check(ctx.file("kiem-tra.xlsx", bad)), lines: [/kiem-tra\.xlsx: trang tính "An Bình": kiểm tra dữ liệu \(Data › Data Validation, lớn nhất A1:XFD1048576\) phủ 17179869184 ô, quá giới hạn 2097152/] };
    },
  },
  {
    name: "data validation on a whole column (allowed)",
    made: "the clean workbook with a decimal data validation on E1:E1048576",
    exit: 0,
    expect: "no finding (a whole column is within the limits)",
    maxMs: 30_000,
    build: async (ctx) => {
      const clean = await ctx.clean();
      const dv = '<dataValidations count="1"><dataValidation type="decimal" allowBlank="1" sqref="E1:E1048576"><formula1>0</formula1><formula2>10</formula2></dataValidation></dataValidations>';
      const f = ctx.file("kiem-tra-cot.xlsx", await editPart(clean, await sheetPart(clean, CLEAN_SHEET), (x) => x.replace("<pageMargins", `${dv}<pageMargins`)));
      return { argv: check(f), extra: (o) => expect(JSON.parse(o.stdout).findings).toEqual([]) };
    },
  },
  {
    name: "zip bomb",
    made: "the clean workbook whose central directory declares 600 MB for its unit sheet (a real 700 MB bomb was refused the same way while fuzzing; inflating one here would cost ~20 s)",
    exit: 2,
    expect: "nội dung tệp khi giải nén là 600 MB, quá giới hạn 512 MB",
    maxMs: 10_000,
    build: async (ctx) => {
      const clean = await ctx.clean();
      const bomb = declareUnzippedSize(clean, await sheetPart(clean, CLEAN_SHEET), 600 * 1048576);
      return { argv: check(ctx.file("bom.xlsx", bomb)), lines: [/bom\.xlsx: nội dung tệp khi giải nén là 600 MB, quá giới hạn 512 MB$/] };
    },
  },
  // ---------------------------------------------------------------- what other programs write (issue 10: readers that take it)
  {
    name: "OpenDocument spreadsheet named .xlsx",
    made: "the clean unit as a flat ODF document saved as .ods by LibreOffice (soffice --convert-to ods), named bang-tinh.xlsx",
    exit: 2,
    expect: "đây là bảng tính OpenDocument (.ods), không phải tệp Excel .xlsx; … lưu thành (Save As) \"Excel 2007-365 (.xlsx)\"",
    binary: true,
    build: async (ctx) => {
      const f = writeWithLibreOffice({ sheets: [criteriaSpec(ctx.set), specOf(ctx.cleanSheet())] }, path.join(ctx.dir, "bang-tinh.xlsx"), "ods");
      return { argv: check(f), lines: [`cchc: ${f}: đây là bảng tính OpenDocument (.ods), không phải tệp Excel .xlsx; hãy mở bằng LibreOffice Calc hoặc Excel rồi lưu thành (Save As) "Excel 2007-365 (.xlsx)"`] };
    },
  },
  ...([false, true] as const).map(
    (dropRel): CorpusEntry => ({
      name: dropRel ? "shared strings part and its relationship missing" : "shared strings part missing",
      made: `the clean workbook with xl/sharedStrings.xml deleted from the zip${dropRel ? " and its relationship removed from xl/_rels/workbook.xml.rels" : " (its relationship left)"}`,
      exit: 2,
      expect: "tệp .xlsx bị hỏng, không đọc được (thiếu phần xl/sharedStrings.xml)",
      binary: !dropRel,
      build: async (ctx) => {
        const zip = await JSZip.loadAsync(await ctx.clean());
        zip.remove("xl/sharedStrings.xml");
        if (dropRel) {
          const rels = new DOMParser().parseFromString(await zip.file("xl/_rels/workbook.xml.rels")!.async("string"), "text/xml");
          const gone = Array.from(rels.getElementsByTagName("Relationship")).filter((r) => /sharedStrings$/.test(r.getAttribute("Type") ?? ""));
          for (const r of gone) r.parentNode!.removeChild(r);
          zip.file("xl/_rels/workbook.xml.rels", new XMLSerializer().serializeToString(rels));
        }
        const f = ctx.file("thieu-chuoi.xlsx", await zip.generateAsync({ type: "nodebuffer" }));
        return { argv: check(f), lines: [`cchc: ${f}: tệp .xlsx bị hỏng, không đọc được (thiếu phần xl/sharedStrings.xml)`] };
      },
    }),
  ),
  {
    name: "a note part missing",
    made: "an openpyxl workbook with a note, its xl/comments/comment1.xml deleted (the sheet's relationship to it left)",
    exit: 2,
    expect: "tệp .xlsx bị hỏng, không đọc được (thiếu phần xl/comments/comment1.xml)",
    build: async (ctx) => {
      const made = writeWithPython("openpyxl", { sheets: [criteriaSpec(ctx.set), { ...specOf(ctx.cleanSheet()), notes: [{ cell: "A2", text: "ghi chú" }] }] }, path.join(ctx.dir, "in", "op.xlsx"));
      const zip = await JSZip.loadAsync(readFileSync(made));
      zip.remove("xl/comments/comment1.xml");
      const f = ctx.file("thieu-ghi-chu.xlsx", await zip.generateAsync({ type: "nodebuffer" }));
      return { argv: check(f), lines: [`cchc: ${f}: tệp .xlsx bị hỏng, không đọc được (thiếu phần xl/comments/comment1.xml)`] };
    },
  },
  ...(["openpyxl", "xlsxwriter"] as const).map(
    (program): CorpusEntry => ({
      name: `never calculated (${program})`,
      made: `the clean unit written by ${program}, leaves 1.2 and 3.2.1 scored by formulas (=the max cell), which ${program} stores ${program === "openpyxl" ? "without results" : "with the result 0 under fullCalcOnLoad"}`,
      exit: 1,
      expect: "not-calculated, naming both cells; the unit still reported",
      build: async (ctx) => {
        const s = ctx.cleanSheet();
        const formulas = Object.fromEntries(["1.2", "3.2.1"].map((code) => [cellOf(s, code, "self"), { f: cellOf(s, code, "max") }]));
        const f = writeWithPython(program, { sheets: [criteriaSpec(ctx.set), specOf(s, formulas)] }, path.join(ctx.dir, `${program}.xlsx`));
        return {
          argv: check(f),
          findings: [{ rule: "not-calculated" }],
          extra: (o) => {
            const hit = JSON.parse(o.stdout).findings.find((x: { rule: string }) => x.rule === "not-calculated");
            expect(hit.params).toEqual({ count: 2, cells: ["1.2", "3.2.1"].map((code) => `${CLEAN_SHEET}!${cellOf(s, code, "self")}`) });
          },
        };
      },
    }),
  ),
  {
    name: "LibreOffice table without style information, scored",
    made: "the clean unit plus a sheet with a database range, saved as .xlsx by LibreOffice (a table with no <tableStyleInfo>), scored with score --out",
    exit: 0,
    expect: "written, the table kept",
    build: async (ctx) => {
      const f = writeWithLibreOffice({ sheets: [criteriaSpec(ctx.set), specOf(ctx.cleanSheet()), { name: "Ghi chú", rows: [["Việc", "Người"], ["Báo cáo", "Lan"]], tables: [{ name: "Viec", ref: "A1:B2" }] }] }, path.join(ctx.dir, "lo-bang.xlsx"));
      const out = path.join(ctx.dir, "da-cham.xlsx");
      return { argv: ["score", f, "--out", out, "--json"], extra: async () => expect(Object.keys((await JSZip.loadAsync(readFileSync(out))).files).filter((n) => /^xl\/tables\/[^/]+\.xml$/.test(n))).toHaveLength(1) };
    },
  },
  {
    name: "openpyxl absolute relationship targets with a note and a table, scored",
    made: "the clean unit written by openpyxl with a note on A2 and a table on another sheet (targets like /xl/comments/comment1.xml), scored with score --out",
    exit: 0,
    expect: "written, the note kept",
    build: async (ctx) => {
      const f = writeWithPython("openpyxl", { sheets: [criteriaSpec(ctx.set), { ...specOf(ctx.cleanSheet()), notes: [{ cell: "A2", text: "Đã rà soát" }] }, { name: "Ghi chú", rows: [["Việc", "Người"], ["Báo cáo", "Lan"]], tables: [{ name: "Viec", ref: "A1:B2" }] }] }, path.join(ctx.dir, "op.xlsx"));
      const out = path.join(ctx.dir, "da-cham.xlsx");
      return {
        argv: ["score", f, "--out", out, "--json"],
        extra: async () => {
          // The output is openpyxl's package patched (absolute targets kept), read as cchc reads it.
          const wb = await loadWorkbookBytes(new Uint8Array(readFileSync(out)));
          expect(JSON.stringify(wb.getWorksheet(CLEAN_SHEET)!.getCell("A2").note)).toContain("Đã rà soát");
        },
      };
    },
  },
  ...(["json", "sheet"] as const).map(
    (form): CorpusEntry => ({
      name: `criteria nested 2 000 deep (${form === "json" ? "JSON" : "sheet form"})`,
      made: form === "json" ? "the fixture criteria JSON with a ninth field 2 000 levels deep" : 'a workbook whose "Bộ tiêu chí" sheet nests codes 9, 9.1, 9.1.1, … 2 000 levels deep',
      exit: 2,
      expect: `bộ tiêu chí bị từ chối (1 lỗi); "… lồng quá sâu (tối đa ${MAX_DEPTH} cấp)"`,
      binary: form === "json",
      build: async (ctx) => {
        if (form === "json") {
          const crit = ctx.criteria("sau", (j) => {
            let node: any = { code: "9", name: "Lĩnh vực sâu" };
            j.nodes.push(node);
            for (let i = 1; i < 2000; i++) {
              const child = { code: `${node.code}.1`, name: `Cấp ${i + 1}` };
              node.children = [child];
              node = child;
            }
            node.max = 1;
          });
          const wb = ctx.file("xa.xlsx", await ctx.clean());
          return { argv: check(wb, "--criteria", crit), names: [crit], lines: [`cchc: ${crit}: bộ tiêu chí bị từ chối (1 lỗi)`, new RegExp(`^cchc: .*sau\\.criteria\\.json: nodes\\[8\\](\\.children\\[0\\]){${MAX_DEPTH}}: Tiêu chí 9(\\.1){${MAX_DEPTH}} nằm ở cấp ${MAX_DEPTH + 1}: bộ tiêu chí lồng quá sâu \\(tối đa ${MAX_DEPTH} cấp\\)$`)] };
        }
        const rows: CellValue[][] = [["Mã bộ tiêu chí", "sau"], ["Tên bộ tiêu chí", "Bộ sâu"], [], ["Mã", "Tên", "Cấp", "Điểm tối đa"]];
        for (let i = 1, code = "9"; i <= 2000; i++, code += ".1") rows.push([code, `Cấp ${i}`, i, i === 2000 ? 1 : null]);
        const f = ctx.file("bo-sau.xlsx", await toXlsx([{ name: "Bộ tiêu chí", values: rows }]));
        return { argv: check(f), lines: [`cchc: ${f}: bộ tiêu chí bị từ chối (1 lỗi)`, new RegExp(`^cchc: .*bo-sau\\.xlsx: .*A${5 + MAX_DEPTH}.*lồng quá sâu \\(tối đa ${MAX_DEPTH} cấp\\)$`)] };
      },
    }),
  ),
  // ---------------------------------------------------------------- --out that is not a new file nor the user's to replace (issue 10: output paths)
  {
    name: "--out is another input (summary a b --out b)",
    made: "summary a.xlsx b.xlsx --out b.xlsx",
    exit: 2,
    expect: "--out là chính tệp đầu vào b.xlsx",
    binary: true,
    build: async (ctx) => {
      const a = ctx.file("a.xlsx", await ctx.clean());
      const b = ctx.file("b.xlsx", await ctx.clean());
      return { argv: ["summary", a, b, "--out", b], names: [b], lines: [`cchc: ${b}: --out là chính tệp đầu vào ${b} (cùng một tệp); hãy ghi ra tệp khác — chưa ghi gì`] };
    },
  },
  {
    name: "--out is the criteria file",
    made: "score xa.xlsx --criteria bo.criteria.json --out bo.criteria.json",
    exit: 2,
    expect: "--out là chính tệp bộ tiêu chí",
    build: async (ctx) => {
      const f = ctx.file("xa.xlsx", await ctx.clean());
      const crit = ctx.criteria("bo", () => undefined);
      return { argv: ["score", f, "--criteria", crit, "--out", crit], names: [crit], lines: [`cchc: ${crit}: --out là chính tệp bộ tiêu chí ${crit} (--criteria); hãy ghi ra tệp khác — chưa ghi gì`] };
    },
  },
  {
    name: "--out is the input's real path, the input given through a directory link",
    made: "score link/xa.xlsx --out real/xa.xlsx (link → real)",
    exit: 2,
    expect: "--out trùng với tệp đầu vào",
    build: async (ctx) => {
      const real = ctx.file("real/xa.xlsx", await ctx.clean());
      const link = path.join(ctx.dir, "link");
      symlinkSync(path.dirname(real), link);
      const viaLink = path.join(link, "xa.xlsx");
      return { argv: ["score", viaLink, "--out", real], inputs: [real], names: [real], lines: [`cchc: ${real}: --out trùng với tệp đầu vào; dùng tên khác, hoặc thêm --in-place để ghi đè`] };
    },
  },
  {
    name: "--out is a hard link to the input",
    made: "revert xa.xlsx --out cung.xlsx, cung.xlsx a hard link of xa.xlsx",
    exit: 2,
    expect: "--out trùng với tệp đầu vào",
    build: async (ctx) => {
      const f = ctx.file("xa.xlsx", await ctx.clean());
      const hard = path.join(ctx.dir, "cung.xlsx");
      linkSync(f, hard);
      return { argv: ["revert", f, "--out", hard], names: [hard], lines: [`cchc: ${hard}: --out trùng với tệp đầu vào; dùng tên khác, hoặc thêm --in-place để ghi đè`] };
    },
  },
  ...(
    [
      ["a FIFO", "mkfifo", "một đường ống (FIFO)"],
      ["a directory", "mkdir", "một thư mục"],
    ] as const
  ).map(
    ([what, how, kind]): CorpusEntry => ({
      name: `--out is ${what}`,
      made: `score xa.xlsx --out ra.xlsx, ra.xlsx made by ${how}`,
      exit: 2,
      expect: `--out không phải một tệp thường mà là ${kind}`,
      build: async (ctx) => {
        const f = ctx.file("xa.xlsx", await ctx.clean());
        const out = path.join(ctx.dir, "ra.xlsx");
        if (how === "mkdir") mkdirSync(out);
        else expect(spawnSync("mkfifo", [out]).status).toBe(0);
        return {
          argv: ["score", f, "--out", out],
          inputs: [f],
          names: [out],
          lines: [`cchc: ${out}: --out không phải một tệp thường mà là ${kind}; hãy chọn đường dẫn tới một tệp — chưa ghi gì`],
          extra: () => expect(how === "mkdir" ? statSync(out).isDirectory() : lstatSync(out).isFIFO()).toBe(true),
        };
      },
    }),
  ),
  // ---------------------------------------------------------------- criteria sets refused (docs/contracts/criteria-set.md, one per reason)
  refused("code repeats", "1.2 renamed to 1.1.1", (j) => (at(j, P.leaf12).code = "1.1.1"), [`${P.leaf12}.code`], 'Mã "1.1.1" bị trùng'),
  refused("leaf without max", "1.2's max removed", (j) => delete at(j, P.leaf12).max, [`${P.leaf12}.max`], "Tiêu chí 1.2 không có tiêu chí con nên phải có điểm tối đa"),
  refused("leaf max 0", "1.3's max set to 0", (j) => (at(j, P.leaf13).max = 0), [`${P.leaf13}.max`], "Điểm tối đa của tiêu chí 1.3 phải lớn hơn 0 (đang là 0)"),
  refused("leaf max negative", "1.3's max set to -1.5", (j) => (at(j, P.leaf13).max = -1.5), [`${P.leaf13}.max`], "phải lớn hơn 0 (đang là -1,5)"),
  refused("parent max not the sum", 'field 2 given "max": 99', (j) => (j.nodes[1].max = 99), ["nodes[1].max"], "Điểm tối đa của 2 là 99 nhưng tổng điểm tối đa các tiêu chí con là 7"),
  refused("tier points above max", "1.4's first tier worth 9 points (max 1.5)", (j) => (at(j, P.leaf14).rule.tiers[0].points = 9), [`${P.leaf14}.rule.tiers[0].points`], "(9) phải từ 0 đến điểm tối đa 1,5"),
  refused("tiers not descending", "1.4's tiers in ascending order", (j) => at(j, P.leaf14).rule.tiers.reverse(), [`${P.leaf14}.rule.tiers[1].from`, `${P.leaf14}.rule.tiers[2].from`, `${P.leaf14}.rule.tiers[2].from`], 'Các mức của 1.4 phải giảm dần theo "from"'),
  refused("deduction step 0", "1.2's deduction step 0", (j) => (at(j, P.leaf12).rule.step = 0), [`${P.leaf12}.rule.step`], "Điểm trừ mỗi lần của 1.2 phải lớn hơn 0"),
  refused("deduction step above max", "1.2's deduction step 5 (max 2)", (j) => (at(j, P.leaf12).rule.step = 5), [`${P.leaf12}.rule.step`], "không vượt điểm tối đa 2 (đang là 5)"),
  refused("late above max", "1.1.1's late points 2 (max 1)", (j) => (at(j, P.leaf111).rule.late = 2), [`${P.leaf111}.rule.late`], "Điểm khi hoàn thành trễ hạn của 1.1.1 (2) vượt điểm tối đa 1"),
  refused("bands share a bound", "the second band's min set to 90", (j) => (j.bands[1].min = 90), ["bands[1].min"], "Hai mức xếp loại có cùng ngưỡng 90"),
  refused("bands share a label", 'the second band labelled "Xuất sắc"', (j) => (j.bands[1].label = "Xuất sắc"), ["bands[1].label"], 'Hai mức xếp loại trùng tên "Xuất sắc"'),
  refused("total max 0", "no nodes at all", (j) => (j.nodes = []), ["nodes"], "Tổng điểm tối đa của bộ tiêu chí bằng 0"),
  refused("unknown key", 'a "maxx" key on 1.2', (j) => (at(j, P.leaf12).maxx = 2), [`${P.leaf12}.maxx`], 'Khóa "maxx" không có trong định dạng bộ tiêu chí'),
  refused(
    "three problems at once",
    "a repeated code, a shared band bound and late above max together: every one listed",
    (j) => {
      at(j, P.leaf12).code = "1.1.1";
      j.bands[1].min = 90;
      at(j, P.leaf111).rule.late = 2;
    },
    ["bands[1].min", `${P.leaf111}.rule.late`, `${P.leaf12}.code`],
    "bị từ chối (3 lỗi)",
  ),
  {
    name: "criteria refused: the workbook's own criteria sheet",
    made: 'the clean workbook whose "Bộ tiêu chí" sheet gives leaf 1.2 a max of 0',
    exit: 2,
    expect: "bộ tiêu chí bị từ chối",
    build: async (ctx) => {
      const f = ctx.file("bo-sai.xlsx", await editWorkbook(await ctx.clean(), (wb) => {
        const ws = wb.getWorksheet("Bộ tiêu chí")!;
        ws.eachRow((row) => {
          if (row.getCell(1).value === "1.2") row.getCell(4).value = 0;
        });
      }));
      return { argv: check(f), lines: [`cchc: ${f}: bộ tiêu chí bị từ chối (1 lỗi)`, /cchc: .*bo-sai\.xlsx: .*Bộ tiêu chí.*Điểm tối đa của tiêu chí 1\.2 phải lớn hơn 0/] };
    },
  },
  {
    name: "criteria JSON that is not JSON",
    made: "a .criteria.json holding `{ nodes: [` (unquoted key, cut short)",
    exit: 2,
    expect: "Tệp không phải JSON hợp lệ (dòng 1, cột 3)",
    binary: true,
    build: async (ctx) => {
      const crit = ctx.file("hong.criteria.json", "{ nodes: [");
      const wb = ctx.file("xa.xlsx", await ctx.clean());
      return { argv: check(wb, "--criteria", crit), names: [crit], lines: [`cchc: ${crit}: bộ tiêu chí bị từ chối (1 lỗi)`, `cchc: ${crit}: Tệp không phải JSON hợp lệ (dòng 1, cột 3)`] };
    },
  },
  {
    name: "criteria JSON empty",
    made: "a zero-byte .criteria.json",
    exit: 2,
    expect: "not valid JSON",
    build: async (ctx) => {
      const crit = ctx.file("rong.criteria.json", "");
      const wb = ctx.file("xa.xlsx", await ctx.clean());
      return { argv: [...check(wb, "--criteria", crit), "--lang", "en"], names: [crit], lines: [`cchc: ${crit}: the criteria set is refused (1 problem)`, /The file is not valid JSON/] };
    },
  },
  {
    name: "criteria JSON is a list",
    made: "a .criteria.json holding []",
    exit: 2,
    expect: "phải là đối tượng",
    build: async (ctx) => {
      const crit = ctx.file("mang.criteria.json", "[]");
      const wb = ctx.file("xa.xlsx", await ctx.clean());
      return { argv: check(wb, "--criteria", crit), names: [crit], lines: [`cchc: ${crit}: bộ tiêu chí bị từ chối (1 lỗi)`, /phải là đối tượng/] };
    },
  },
  {
    name: "criteria file of an unknown type",
    made: "the fixture JSON saved as bo-tieu-chi.txt",
    exit: 2,
    expect: "tệp bộ tiêu chí phải là .criteria.json",
    build: async (ctx) => {
      const crit = ctx.file("bo-tieu-chi.txt", readFileSync(FIXTURE));
      const wb = ctx.file("xa.xlsx", await ctx.clean());
      return { argv: check(wb, "--criteria", crit), names: [crit], lines: [/bo-tieu-chi\.txt: tệp bộ tiêu chí phải là \.criteria\.json/] };
    },
  },
  {
    name: "criteria workbook without a criteria sheet",
    made: "a workbook with only a unit sheet given as --criteria",
    exit: 2,
    expect: "không có bộ tiêu chí",
    build: async (ctx) => {
      const crit = ctx.file("khong-bo.xlsx", await toXlsx([ctx.cleanSheet()]));
      const wb = ctx.file("xa.xlsx", await ctx.clean());
      return { argv: check(wb, "--criteria", crit), names: [crit], lines: [/khong-bo\.xlsx: không có bộ tiêu chí/] };
    },
  },
  // ---------------------------------------------------------------- files and arguments
  {
    name: "directory given as the workbook",
    made: "a directory named thu-muc.xlsx",
    exit: 2,
    expect: "không đọc được tệp (là thư mục / is a directory)",
    build: async (ctx) => {
      const d = path.join(ctx.dir, "thu-muc.xlsx");
      mkdirSync(d);
      return { argv: check(d), inputs: [], lines: [`cchc: ${d}: không đọc được tệp (là thư mục / is a directory)`] };
    },
  },
  {
    name: "directory given as the criteria",
    made: "a directory named bo.criteria.json",
    exit: 2,
    expect: "is a directory",
    build: async (ctx) => {
      const d = path.join(ctx.dir, "bo.criteria.json");
      mkdirSync(d);
      const wb = ctx.file("xa.xlsx", await ctx.clean());
      return { argv: check(wb, "--criteria", d), names: [d], lines: [`cchc: ${d}: không đọc được tệp (là thư mục / is a directory)`] };
    },
  },
  {
    name: "missing workbook",
    made: "a path that does not exist",
    exit: 2,
    expect: "không tìm thấy tệp",
    build: async (ctx) => {
      const f = path.join(ctx.dir, "khong-co.xlsx");
      return { argv: check(f), inputs: [], lines: [`cchc: ${f}: không tìm thấy tệp`] };
    },
  },
  {
    name: "missing criteria file",
    made: "--criteria naming a file that does not exist",
    exit: 2,
    expect: "file not found",
    build: async (ctx) => {
      const crit = path.join(ctx.dir, "khong-co.criteria.json");
      const wb = ctx.file("xa.xlsx", await ctx.clean());
      return { argv: [...check(wb, "--criteria", crit), "--lang", "en"], names: [crit], lines: [`cchc: ${crit}: file not found`] };
    },
  },
  {
    name: "one good and one bad workbook",
    made: "check clean.xlsx rong.xlsx (the second empty)",
    exit: 2,
    expect: "rong.xlsx: tệp rỗng",
    build: async (ctx) => {
      const good = ctx.file("sach.xlsx", await ctx.clean());
      const bad = ctx.file("rong.xlsx", "");
      return {
        argv: ["check", good, bad, "--json"],
        names: [bad],
        lines: [`cchc: ${bad}: tệp rỗng (0 byte)`],
        extra: (o) => expect(o.stderr).not.toContain("sach.xlsx"),
      };
    },
  },
  {
    name: "two bad workbooks",
    made: "check of an empty file and a missing one: both named",
    exit: 2,
    expect: "one line per file",
    build: async (ctx) => {
      const a = ctx.file("rong.xlsx", "");
      const b = path.join(ctx.dir, "khong-co.xlsx");
      return { argv: ["check", a, b], inputs: [a], names: [a, b], lines: [`cchc: ${a}: tệp rỗng (0 byte)`, `cchc: ${b}: không tìm thấy tệp`] };
    },
  },
  {
    name: "--out in a missing directory",
    made: "score clean.xlsx --out khong-co/da-cham.xlsx",
    exit: 2,
    expect: "không ghi được tệp (ENOENT)",
    binary: true,
    build: async (ctx) => {
      const f = ctx.file("xa.xlsx", await ctx.clean());
      const out = path.join(ctx.dir, "khong-co", "da-cham.xlsx");
      return { argv: ["score", f, "--out", out], out, names: [out], lines: [`cchc: ${out}: không ghi được tệp (ENOENT)`] };
    },
  },
  {
    name: "--out in a missing directory, summary",
    made: "summary clean.xlsx --out khong-co/tong-hop.xlsx",
    exit: 2,
    expect: "cannot write the file (ENOENT)",
    build: async (ctx) => {
      const f = ctx.file("xa.xlsx", await ctx.clean());
      const out = path.join(ctx.dir, "khong-co", "tong-hop.xlsx");
      return { argv: ["summary", f, "--out", out, "--lang", "en"], out, names: [out], lines: [`cchc: ${out}: cannot write the file (ENOENT)`] };
    },
  },
  ...(
    [
      ["revert: a workbook never scored", "none", "không có lần chạy nào để hoàn tác"],
      ["revert: the undo data cut short", "short", "không đọc được dữ liệu hoàn tác (length)"],
      ["revert: undo data that is not JSON", "json", "không đọc được dữ liệu hoàn tác (json)"],
      ["revert: undo data of an unknown format", "foreign", "không đọc được dữ liệu hoàn tác (format)"],
      ["revert: undo data that would validate the whole sheet", "whole-sheet", "không đọc được dữ liệu hoàn tác (format)"],
      ["revert: a protected sheet", "protected", "trang tính đang được bảo vệ (Xã Sạch)"],
    ] as [string, string, string][]
  ).map(
    ([name, how, fragment]): CorpusEntry => ({
      name,
      made: `cchc revert on a scored workbook: ${how}`,
      exit: 2,
      expect: fragment,
      binary: how === "short",
      build: async (ctx) => {
        const f = ctx.file("xa.xlsx", await ctx.clean());
        const scored = path.join(ctx.dir, "da-cham.xlsx");
        if ((await runCapture(["score", f, "--out", scored])).code !== 0) throw new Error("the clean workbook did not score");
        const snapshot = (wb: ExcelJS.Workbook) => wb.getWorksheet("cchc_hoan_tac")!;
        const edits: Record<string, (wb: ExcelJS.Workbook) => void | Promise<void>> = {
          none: (wb) => wb.removeWorksheet(snapshot(wb).id),
          short: (wb) => {
            snapshot(wb).getCell("A2").value = String(snapshot(wb).getCell("A2").value).slice(0, -10);
          },
          json: (wb) => {
            snapshot(wb).getCell("A1").value = JSON.stringify({ format: "cchc-hoan-tac/1", chunks: 1, chars: 6 });
            snapshot(wb).getCell("A2").value = "{nope}";
          },
          foreign: (wb) => {
            snapshot(wb).getCell("A1").value = JSON.stringify({ format: "cchc-hoan-tac/9", chunks: 1 });
          },
          "whole-sheet": (wb) => {
            const json = JSON.stringify({ format: "cchc-hoan-tac/1", createdAt: "", cells: [], addedSheets: [], replacedSheets: [], addedFormats: [], deletedFormats: [], validations: [{ sheet: "Xã Sạch", ranges: ["A1:XFD1048576"] }] });
            snapshot(wb).getCell("A1").value = JSON.stringify({ format: "cchc-hoan-tac/1", chunks: 1, chars: json.length });
            snapshot(wb).getCell("A2").value = json;
          },
          protected: (wb) => wb.getWorksheet("Xã Sạch")!.protect("", {}),
        };
        const bytes = await editWorkbook(readFileSync(scored), edits[how]);
        const file = ctx.file("da-cham-sua.xlsx", bytes);
        const out = path.join(ctx.dir, "hoan-tac.xlsx");
        return { argv: ["revert", file, "--out", out], out, lines: [`cchc: ${file}: ${fragment}`] };
      },
    }),
  ),
  {
    name: "--out is the input",
    made: "score xa.xlsx --out xa.xlsx without --in-place",
    exit: 2,
    expect: "--out trùng với tệp đầu vào",
    build: async (ctx) => {
      const f = ctx.file("xa.xlsx", await ctx.clean());
      return { argv: ["score", f, "--out", f], lines: [`cchc: ${f}: --out trùng với tệp đầu vào; dùng tên khác, hoặc thêm --in-place để ghi đè`] };
    },
  },
  ...(
    [
      ["unknown command", ["chek", "xa.xlsx"], 'lệnh không có: "chek"'],
      ["unknown option", ["check", "xa.xlsx", "--jsn"], "Unknown option '--jsn'"],
      ["option the command does not take", ["check", "xa.xlsx", "--out", "x.xlsx"], "lệnh check không nhận --out"],
      ["missing --out", ["score", "xa.xlsx"], "cchc score cần --out OUT.xlsx"],
      ["no workbook", ["check", "--json"], "cchc check cần ít nhất một tệp .xlsx"],
      ["--criteria without a value", ["check", "xa.xlsx", "--criteria"], "argument missing"],
      ["--lang other than vi/en", ["check", "xa.xlsx", "--lang", "fr"], '--lang chỉ nhận vi hoặc en (nhận được "fr")'],
      ["template without --units", ["template", "--criteria", "FIXTURE", "--out", "OUT"], 'cchc template cần --units "Xã A;Xã B"'],
      ["score with two workbooks", ["score", "xa.xlsx", "xa.xlsx", "--out", "OUT"], "cchc score cần đúng một tệp .xlsx"],
    ] as [string, string[], string][]
  ).map(
    ([name, args, fragment], i): CorpusEntry => ({
      name: `bad arguments: ${name}`,
      made: `cchc ${args.join(" ")}`,
      exit: 2,
      expect: fragment,
      binary: i === 1,
      build: async (ctx) => {
        const wb = ctx.file("xa.xlsx", await ctx.clean());
        const out = path.join(ctx.dir, "out.xlsx");
        const argv = args.map((a) => (a === "xa.xlsx" ? wb : a === "FIXTURE" ? FIXTURE : a === "OUT" ? out : a));
        return { argv, inputs: [wb, FIXTURE], out, names: [], lines: [fragment] };
      },
    }),
  ),
];

/** `check` of `file` must find nothing and give the clean workbook's scores. */
async function sameAsClean(ctx: Ctx, file: string): Promise<Case> {
  const clean = ctx.file("sach.xlsx", await ctx.clean());
  const baseline = JSON.parse((await runCapture(check(clean))).stdout);
  return {
    argv: check(file),
    inputs: [file, clean],
    extra: (o) => {
      const report = JSON.parse(o.stdout);
      expect(report.findings).toEqual([]);
      expect(report.units.map(strip)).toEqual(baseline.units.map(strip));
    },
  };
}

/** Units without what differs between two files of the same content (file name). */
function strip(u: Record<string, unknown>): Record<string, unknown> {
  const { file: _file, ...rest } = u;
  return rest;
}
