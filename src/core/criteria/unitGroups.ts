import { Adjustment, UnitGroup } from "./model";
import { unitGroupShape } from "./criteriaSchema";
import { Checker } from "./criteriaChecker";

/**
 * The set's unit groups (model.ts UnitGroup): ids and names that tell groups apart, and codes of nodes the set
 * has (an adjustment is not a criterion: it is never "not assessed"). Undefined when the set declares none.
 */
export function readUnitGroups(
  c: Checker,
  raw: unknown,
  codes: Map<string, string>,
  adjustments: Adjustment[]
): UnitGroup[] | undefined {
  if (raw === undefined) return undefined;
  const list = c.array(raw, "unitGroups");
  if (!list) return undefined;
  const adjustmentCodes = new Set(adjustments.map((a) => a.code));
  const seen = new Map<string, string>();
  const out: UnitGroup[] = [];
  list.forEach((item, i) => {
    const path = `unitGroups[${i}]`;
    const o = c.object(item, path);
    if (!o) return;
    c.keys(o, unitGroupShape, path);
    const id = c.field(o, unitGroupShape, "id", path);
    const name = c.field(o, unitGroupShape, "name", path);
    // A unit sheet names its group by id or by name, compared as Excel compares them: no two groups may match.
    const own = new Map<string, string>();
    for (const [key, value] of [
      ["id", id],
      ["name", name],
    ] as const) {
      if (!value) continue;
      const folded = groupKey(value);
      const first = seen.get(folded);
      if (first !== undefined)
        c.report("unit-group-duplicate", `${path}.${key}`, { group: value, first });
      else if (!own.has(folded)) own.set(folded, `${path}.${key}`);
    }
    for (const [folded, at] of own) seen.set(folded, at);
    const notAssessed = c.field(o, unitGroupShape, "notAssessed", path);
    if (notAssessed?.length === 0)
      c.report("unit-group-empty", `${path}.notAssessed`, { group: id });
    notAssessed?.forEach((code, j) => {
      if (!codes.has(code) || adjustmentCodes.has(code))
        c.report("unit-group-unknown-code", `${path}.notAssessed[${j}]`, { group: id, node: code });
    });
    if (id && name && notAssessed?.length) out.push({ id, name, notAssessed });
  });
  return out;
}

/** The group a unit sheet names (its id or name, compared as groupKey does), or undefined. */
export function unitGroupNamed(
  groups: UnitGroup[] | undefined,
  text: string
): UnitGroup | undefined {
  const key = groupKey(text);
  return groups?.find((g) => groupKey(g.id) === key || groupKey(g.name) === key);
}

/**
 * A group's name as the written formulas compare it (plan/groupTerms.ts): Excel's "=" ignores case, TRIM drops
 * outer spaces and collapses inner ones; diacritics count ("Xa" is not "Xã"), so the check agrees with the sheet.
 */
export function groupKey(text: string): string {
  return text.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
}

/**
 * A group's settings row of the criteria sheet (name, id, codes) as its JSON: the codes "3; 7.5" split at ";" or
 * line breaks (a comma may be a decimal comma); empty cells left out, for the checks to name.
 */
export function unitGroupJson(name: string, id: string, codes: string): Record<string, unknown> {
  const notAssessed = codes
    .split(/[;\n]/)
    .map((c) => c.trim())
    .filter(Boolean);
  return { id: id || undefined, name: name || undefined, notAssessed };
}
