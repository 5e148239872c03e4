import rule from "../../../src/core/findings/rules/no-scoring-sheet";
import { ruleTester } from "../../support/ruleTester";
import { unitSheet } from "../../support/workbookBuilder";

ruleTester(rule, {
  valid: [
    { name: "a unit sheet" },
    { name: "a sheet that looks like a scoring sheet gets header-not-found instead", sheets: () => [{ name: "X", values: [["STT", "Nội dung", "Điểm tự chấm"]] }] },
    { name: "a unit sheet among others", sheets: (set) => [{ name: "Hướng dẫn", values: [["Hướng dẫn"]] }, unitSheet(set, { sheet: "Xã A" })] },
    { name: "a title above the header", spec: { titleRows: 6 } },
  ],
  invalid: [
    { name: "an instructions sheet only", sheets: () => [{ name: "Hướng dẫn", values: [["Hướng dẫn chấm điểm"], ["Mỗi đơn vị một trang"]] }], findings: [{ params: {} }] },
    { name: "no sheet at all", sheets: () => [], findings: [{ params: {} }] },
    { name: "only the summary sheet", sheets: () => [{ name: "Tổng hợp", values: [["STT", "Điểm tối đa", "Điểm tự chấm"], ["1", 1, 1]] }], findings: [{ params: {} }] },
    { name: "only the criteria sheet", sheets: () => [{ name: "Bộ tiêu chí", values: [["STT", "Điểm tối đa", "Điểm tự chấm"], ["1", 1, 1]] }], findings: [{ params: {} }] },
    { name: "an empty sheet", sheets: () => [{ name: "Sheet1", values: [] }], findings: [{ params: {} }] },
  ],
});
