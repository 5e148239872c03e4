import { IndexedNode, IndexedSet } from "../criteria/indexed";
import { canonicalCode } from "../sheet/codes";
import { UnitGroup } from "../criteria/model";

/** The codes of the leaves under (or at) the nodes `group` is not assessed on; none without a group. */
export function notAssessedCodes(set: IndexedSet, group: UnitGroup | undefined): Set<string> {
  const out = new Set<string>();
  const add = (node: IndexedNode) => {
    if (node.isLeaf) out.add(node.code);
    node.children.forEach(add);
  };
  for (const code of group?.notAssessed ?? []) {
    const node = set.byCode.get(canonicalCode(code));
    if (node) add(node);
  }
  return out;
}

/** True when the node of `code` is one `group` is not assessed on, or lies under one. */
export function isNotAssessed(
  set: IndexedSet,
  group: UnitGroup | undefined,
  code: string
): boolean {
  if (!group) return false;
  const listed = new Set(group.notAssessed.map(canonicalCode));
  for (let node = set.byCode.get(canonicalCode(code)); node; node = node.parent)
    if (listed.has(canonicalCode(node.code))) return true;
  return false;
}
