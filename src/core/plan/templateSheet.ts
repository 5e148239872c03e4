import { IndexedSet } from "../criteria/indexed";
import { CellValue, SheetGrid } from "../port";

export const TEMPLATE_HEADERS = [
  "STT",
  "Lĩnh vực/Tiêu chí/Tiêu chí thành phần",
  "Điểm tối đa",
  "Kết quả (tỷ lệ)",
  "Điểm tự chấm",
  "Tài liệu kiểm chứng",
  "Điểm thẩm định",
  "Ghi chú/Giải trình",
];
export const TEMPLATE_HEADER_ROW = 4;

/** A blank unit sheet for a set: title rows, the header, one row per node, the total and adjustment rows. */
export function templateUnitGrid(set: IndexedSet, unitName: string, sheetName: string): SheetGrid {
  const rows: CellValue[][] = [];
  rows.push([set.set.title]);
  rows.push([`Đơn vị: ${unitName}`]);
  // Where the set has unit groups, the unit names its own in the next cell (core/sheet/unitGroupCell.ts).
  rows.push(set.set.unitGroups?.length ? ["Nhóm đơn vị:", null] : []);
  rows.push([...TEMPLATE_HEADERS]);
  for (const n of set.nodes) rows.push([n.code, n.name, n.max, null, null, null, null, null]);
  rows.push([null, "Tổng điểm", set.maxTotal]);
  for (const a of set.adjustments) rows.push([a.code, a.name, a.max]);
  return { name: sheetName, values: rows };
}

/** Excel sheet names: at most 31 characters, none of []:*?/\ , unique without regard to case. */
export function sheetNameFor(unitName: string, taken: Set<string>): string {
  const base =
    unitName
      .replace(/[[\]:*?/\\]/g, " ")
      .replace(/^'+|'+$/g, "")
      .trim()
      .slice(0, 31) || "Đơn vị";
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++)
    name = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}
