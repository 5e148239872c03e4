import { Document } from "@xmldom/xmldom";
import {
  chartsAndDrawings,
  commentsAndNotes,
  definedNames,
  dynamicArrays,
  excelSample,
  externalLink,
  macroWorkbook,
  partsAndSettings,
  pivotTable,
  protection,
  sharedFormulas,
  templateWorkbook,
  validationsAndFormats,
} from "./excelMade";
import { NS } from "./packageRead";
import { escapeText, setCell } from "./packageEdit";
import { libreOfficeMade, openpyxlMade, xlsxwriterMade } from "./programMade";

/** One workbook of the corpus: how it is made, and what it holds that a writer could lose. */
export interface CorpusEntry {
  /** File name, with the extension the program would give it (.xlsx, .xlsm, .xltx). */
  file: string;
  /** What it holds, for the test's name. */
  holds: string;
  build(dir: string): Promise<Uint8Array>;
}

export const EXCEL_MADE: CorpusEntry[] = [
  { file: "charts-drawings.xlsx", holds: "charts on a unit sheet and another sheet, a chartsheet, a text box, a picture, sparklines, a header image", build: chartsAndDrawings },
  { file: "pivot.xlsx", holds: "a pivot table with its cache (definition and records) reading a unit sheet", build: pivotTable },
  { file: "comments.xlsx", holds: "threaded comments with replies and persons, legacy notes with real authors", build: commentsAndNotes },
  { file: "names.xlsx", holds: "names: constants, OFFSET, LAMBDA, whole column and row, two print areas, sheet-local, =SUM(CotDiem)", build: definedNames },
  { file: "external-link.xlsx", holds: "an external link part and cells reading [1]Sheet1!A1", build: externalLink },
  { file: "dynamic-array.xlsx", holds: "dynamic-array formulas (cm=1, xl/metadata.xml) on a unit sheet and another sheet", build: dynamicArrays },
  { file: "validations-formats.xlsx", holds: "x14 cross-sheet dropdown and data bar, duplicateValues, uniqueValues, beginsWith", build: validationsAndFormats },
  { file: "protection.xlsx", holds: "legacy, modern and LibreOffice-style sheet passwords, protected ranges, structure protection, password to modify, unlocked cells", build: protection },
  { file: "parts-settings.xlsx", holds: "custom properties, custom XML, a web extension, custom views, ignored errors, a calculated table column, manual calculation with iteration, page breaks", build: partsAndSettings },
  { file: "shared-formula.xlsx", holds: "a shared formula and an array formula anchored on rows the tool overwrites", build: sharedFormulas },
  { file: "macros.xlsm", holds: "macros (vbaProject.bin) and the macro-enabled content type", build: macroWorkbook },
  { file: "template.xltx", holds: "the template content type", build: templateWorkbook },
];

export const PROGRAM_MADE: CorpusEntry[] = [
  { file: "openpyxl-made.xlsx", holds: "absolute relationship targets, a note, a table, formulas without cached values (openpyxl)", build: openpyxlMade },
  { file: "xlsxwriter-made.xlsx", holds: "a chart, sparklines, a text box, a calculated table column, formulas cached as 0 (XlsxWriter)", build: xlsxwriterMade },
  { file: "libreoffice-made.xlsx", holds: "a table without style info, LibreOffice's sheet protection, a named range (LibreOffice)", build: libreOfficeMade },
];

/** A person's own sheet whose name the tool would like for itself. */
export interface Collision extends CorpusEntry {
  /** The person's sheet, exactly as named in the file. */
  sheet: string;
}

/**
 * The sample plus a person's own sheet named like the tool's summary or undo sheet (in any case or Unicode
 * form), holding their own figures, and a formula on "Hướng dẫn" reading it.
 */
function collision(file: string, sheet: string, at: number | undefined): Collision {
  return {
    file,
    sheet,
    holds: `a person's own sheet "${sheet}"${sheet !== sheet.normalize("NFC") ? " (NFD)" : ""} read by a formula`,
    build: async () => {
      const pkg = await excelSample();
      const rows: [string, number][] = [
        ["Tổng hợp của văn phòng (tự lập)", 0],
        ["Số hồ sơ tiếp nhận", 1250],
        ["Số hồ sơ đúng hạn", 1231],
      ];
      const cells = rows
        .map(([label, n], i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>${escapeText(label)}</t></is></c>${n ? `<c r="B${i + 1}"><v>${n}</v></c>` : ""}</row>`)
        .join("");
      await pkg.addSheet(
        sheet,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}"><dimension ref="A1:B3"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>` +
          `<sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="1" width="34" customWidth="1"/></cols><sheetData>${cells}</sheetData>` +
          `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`,
        { at }
      );
      const hd: Document = await pkg.sheet("Hướng dẫn");
      setCell(hd, "A4", `<f>'${sheet}'!B3/'${sheet}'!B2</f><v>${1231 / 1250}</v>`);
      return pkg.bytes();
    },
  };
}

export const COLLISIONS: Collision[] = [
  collision("own-tong-hop.xlsx", "Tổng hợp", 0),
  collision("own-tong-hop-upper.xlsx", "TỔNG HỢP", undefined),
  collision("own-tong-hop-nfd.xlsx", "tổng hợp".normalize("NFD"), undefined),
  collision("own-hoan-tac.xlsx", "CCHC_HOAN_TAC", undefined),
];
