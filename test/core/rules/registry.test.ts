import { readFileSync } from "fs";
import * as path from "path";
import { RULE_SEVERITY } from "../../../src/core/findings/finding";
import { RULE_IDS } from "../../../src/core/findings/ruleIds";
import { RULES } from "../../../src/core/findings/rules";
import { projectRoot } from "../../support/paths";

const contract = readFileSync(path.join(projectRoot(), "docs", "contracts", "report.md"), "utf8");

/** The rows of the "Finding rules" table: | `rule` | severity | when |. */
function contractTable(): [string, string][] {
  const section = contract.split(/^## /m).find((s) => s.startsWith("Finding rules"))!;
  return section
    .split("\n")
    .map((line) => /^\|\s*`([a-z-]+)`\s*\|\s*(\w+)\s*\|/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [m[1], m[2]]);
}

/** The rules the status section lists as "Added by this project": `id` (severity). */
function contractAdditions(): [string, string][] {
  // The line that names the rules this project added (other "Added by this project" lines are about fields).
  const line = contract
    .split("\n")
    .find((l) => l.includes("Added by this project") && /`[a-z-]+` \(\w+\)/.test(l))!;
  return [...line.matchAll(/`([a-z-]+)` \((\w+)\)/g)].map((m) => [m[1], m[2]]);
}

describe("the rule registry against docs/contracts/report.md", () => {
  test("the table has the 22 rules of the contract", () => {
    expect(contractTable()).toHaveLength(22);
    expect(contractAdditions()).toHaveLength(4);
  });

  test("the registry holds exactly the table's rules and the additions, with their severities, in order", () => {
    const registry = Object.values(RULES).map((r) => [r.id, r.severity]);
    expect(registry).toEqual([...contractTable(), ...contractAdditions()]);
  });

  test("each rule sits under its own id, and the id list is the registry's", () => {
    for (const [id, rule] of Object.entries(RULES)) expect(rule.id).toBe(id);
    expect(Object.keys(RULES)).toEqual([...RULE_IDS]);
  });

  test("severities are read from the registry", () => {
    expect(Object.entries(RULE_SEVERITY)).toEqual(
      Object.values(RULES).map((r) => [r.id, r.severity])
    );
  });

  test("every rule has its own table of cases", () => {
    for (const id of RULE_IDS)
      expect(() => readFileSync(path.join(__dirname, `${id}.test.ts`))).not.toThrow();
  });
});
