import rule from "../../../src/core/findings/rules/unit-group-unknown";
import { groupedSet, withGroupCell } from "../../support/sample";
import { ruleTester } from "../../support/ruleTester";

const set = groupedSet();
const GROUPS = ["Xã không có TTHC", "Xã chưa có dịch vụ công trực tuyến"];

ruleTester(rule, {
  valid: [
    { name: "no group cell", set },
    { name: "the group by name", set, edit: (s) => withGroupCell(s.values, "Xã không có TTHC") },
    {
      name: "the group by id, in capitals",
      set,
      edit: (s) => withGroupCell(s.values, "KHONG-TTHC"),
    },
    {
      name: "the group in the next cell, in lower case with extra spaces",
      set,
      edit: (s) => withGroupCell(s.values, " xã  không có tthc ", true),
    },
    {
      name: "the label with nothing beside it yet",
      set,
      edit: (s) => (s.values[2] = ["Nhóm đơn vị:"]),
    },
  ],
  invalid: [
    {
      // As Excel compares the text in the written formulas: diacritics count.
      name: "the group's name without diacritics",
      set,
      edit: (s) => withGroupCell(s.values, "Xa khong co TTHC"),
      findings: [{ cell: "A3", params: { group: "Xa khong co TTHC", groups: GROUPS } }],
    },
    {
      name: "a group the set does not have",
      set,
      edit: (s) => withGroupCell(s.values, "Xã vùng cao"),
      findings: [{ cell: "A3", params: { group: "Xã vùng cao", groups: GROUPS } }],
    },
    {
      name: "in the next cell",
      set,
      edit: (s) => withGroupCell(s.values, "Phường", true),
      findings: [{ cell: "B3", params: { group: "Phường", groups: GROUPS } }],
    },
    {
      name: "a set that declares no groups",
      edit: (s) => withGroupCell(s.values, "Xã không có TTHC"),
      findings: [{ cell: "A3", params: { group: "Xã không có TTHC", groups: [] } }],
    },
  ],
});
