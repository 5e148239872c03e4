import rule from "../../../src/core/findings/rules/not-assessed-scored";
import { groupedSet, withGroupCell } from "../../support/sample";
import { cellOf, ruleTester } from "../../support/ruleTester";

const set = groupedSet();
/** Every leaf of field 3 with nothing typed, not even appraised. */
const FIELD_3_EMPTY = Object.fromEntries(
  set.leaves
    .filter((l) => l.field.code === "3")
    .map((l) => [l.code, { self: null, evidence: null, appraised: [null] }])
);
const EMPTY_7_5_6 = {
  "7.5": { self: null, evidence: null },
  "7.6": { self: null, evidence: null },
};

ruleTester(rule, {
  valid: [
    { name: "a unit in no group scores everything", set },
    {
      name: "the group's criteria left empty",
      set,
      spec: { leaves: EMPTY_7_5_6 },
      edit: (s) => withGroupCell(s.values, "chua-dvc"),
    },
    {
      name: "the group's criteria left out of the sheet",
      set,
      spec: { omit: ["7.5", "7.6"] },
      edit: (s) => withGroupCell(s.values, "chua-dvc"),
    },
  ],
  invalid: [
    {
      name: "a score typed for one of the group's criteria",
      set,
      spec: { leaves: { ...EMPTY_7_5_6, "7.6": { self: 2 } } },
      edit: (s) => withGroupCell(s.values, "chua-dvc"),
      findings: [
        {
          cell: cellOf("7.6", "self"),
          criterion: "7.6",
          params: { group: "Xã chưa có dịch vụ công trực tuyến" },
        },
      ],
    },
    {
      name: "self-score and appraisal in a whole field the group skips",
      set,
      spec: {
        appraisalRounds: 1,
        leaves: { ...FIELD_3_EMPTY, "3.4": { self: 1, appraised: [0.5] } },
      },
      edit: (s) => withGroupCell(s.values, "Xã không có TTHC"),
      findings: [
        { cell: cellOf("3.4", "self"), criterion: "3.4", params: { group: "Xã không có TTHC" } },
        {
          cell: cellOf("3.4", "appraised"),
          criterion: "3.4",
          params: { group: "Xã không có TTHC" },
        },
      ],
    },
  ],
});
