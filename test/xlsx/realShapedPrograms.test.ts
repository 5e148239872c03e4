import { PROGRAM_MADE } from "../support/realShaped/corpus";
import { corpusTests } from "../support/realShaped/corpusTests";

/**
 * Issue 10 item 7, files written by other programs — openpyxl, XlsxWriter (Debian's, via /usr/bin/python3) and
 * LibreOffice (from flat ODF) — each made by the program itself, scored, reverted and compared part by part.
 */
describe("real-shaped workbooks written by openpyxl, XlsxWriter and LibreOffice: nothing lost", () => {
  corpusTests(PROGRAM_MADE, "programs");
});
