import { tokenize } from "../../formula/tokenize";
import { isOwnName, OWN_NAME_PREFIX } from "../../owned/names";
import { NAME_MAX_CHARS } from "../limits";
import { ExcelRule, Violation } from "../rule";

export const definedNames: ExcelRule = {
  meta: {
    id: "defined-names",
    description: `Names the plan sets are "${OWN_NAME_PREFIX}" followed by letters, digits, "." and "_", at most ${NAME_MAX_CHARS} characters, never a cell reference, each set once.`,
    source:
      'Microsoft Support, "Names in formulas" (valid characters; a name cannot be a cell reference; 255 characters); Excel compares names without case. Our prefix: docs/writing-workbooks.md §1.',
  },
  check(plan) {
    const out: Violation[] = [];
    const seen = new Set<string>();
    for (const n of plan.names) {
      const bad = (message: string) => out.push({ rule: this.meta.id, at: n.name, message });
      if (!isOwnName(n.name) || !/^[A-Za-z0-9._]+$/.test(n.name.slice(OWN_NAME_PREFIX.length)))
        bad(`not "${OWN_NAME_PREFIX}" + letters, digits, "." and "_"`);
      if (n.name.length > NAME_MAX_CHARS) bad(`${n.name.length} characters`);
      const tokens = tokenize(n.name);
      if (tokens.length === 1 && tokens[0].kind === "ref") bad("reads as a cell reference");
      if (/^R\d*C\d*$/i.test(n.name)) bad("reads as an R1C1 reference");
      if (seen.has(n.name.toUpperCase())) bad("set twice");
      seen.add(n.name.toUpperCase());
    }
    return out;
  },
};
