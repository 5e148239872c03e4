import rule from "../../../src/core/findings/rules/header-not-found";
import { ruleTester } from "../../support/ruleTester";

const sheet = (header: string[]) => () => [{ name: "Xã Thiếu", values: [header, ["1", "x", 1, "a"]] }];

ruleTester(rule, {
  valid: [
    { name: "a complete unit sheet" },
    { name: "a two-row header", spec: { twoRowHeader: true, appraisalRounds: 2 } },
    { name: "a sheet that does not look like a scoring sheet", sheets: () => [{ name: "Ghi chú", values: [["Ghi chú"], ["x"]] }] },
    { name: "headers typed in NFD", spec: { nfd: true } },
  ],
  invalid: [
    {
      name: "no max column",
      sheets: sheet(["STT", "Nội dung", "Điểm tự chấm", "Tài liệu kiểm chứng"]),
      findings: [{ sheet: "Xã Thiếu", params: { missing: ["max"], headerRow: 1 } }],
    },
    {
      name: "no self-score column",
      sheets: sheet(["STT", "Nội dung", "Điểm tối đa", "Tài liệu kiểm chứng"]),
      findings: [{ sheet: "Xã Thiếu", params: { missing: ["self"], headerRow: 1 } }],
    },
    {
      name: "no code column, the header below a title",
      sheets: () => [{ name: "Xã Thiếu", values: [["Bảng điểm"], ["Nội dung", "Điểm tối đa", "Điểm tự chấm"], ["x", 1, 1]] }],
      findings: [{ sheet: "Xã Thiếu", params: { missing: ["code"], headerRow: 2 } }],
    },
    {
      name: "one finding per sheet that lacks a column",
      sheets: () => [
        { name: "A", values: [["STT", "Nội dung", "Điểm tự chấm", "Tài liệu kiểm chứng"]] },
        { name: "B", values: [["STT", "Nội dung", "Điểm tự chấm", "Tài liệu kiểm chứng"]] },
      ],
      findings: [
        { sheet: "A", params: { missing: ["max"], headerRow: 1 } },
        { sheet: "B", params: { missing: ["max"], headerRow: 1 } },
      ],
    },
  ],
});
