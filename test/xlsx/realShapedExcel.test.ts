import { EXCEL_MADE } from "../support/realShaped/corpus";
import { corpusTests } from "../support/realShaped/corpusTests";

/**
 * Issue 10 item 7, files as Excel users have them: each is scored and reverted with the real command line and
 * compared part by part with the original (test/support/realShaped/nothingLost.ts says what may change).
 */
describe("real-shaped workbooks made in Excel: nothing lost", () => {
  corpusTests(EXCEL_MADE, "excel");
});
