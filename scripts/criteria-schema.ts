import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { CRITERIA_SCHEMA_FILE, criteriaJsonSchemaText } from "../src/core/criteria/criteriaSchema";

/**
 * Writes schema/criteria-set.schema.json from the criteria schema (src/core/criteria/criteriaSchema.ts):
 * `npm run schema`. With --check it writes nothing and exits 1 when the committed file differs.
 */
function main(): number {
  const file = path.resolve(__dirname, "../..", CRITERIA_SCHEMA_FILE);
  const text = criteriaJsonSchemaText();
  if (process.argv.includes("--check")) {
    let current = "";
    try {
      current = readFileSync(file, "utf8");
    } catch {
      // missing: differs
    }
    if (current === text) return 0;
    console.error(`${CRITERIA_SCHEMA_FILE} is out of date: run npm run schema`);
    return 1;
  }
  writeFileSync(file, text);
  console.log(CRITERIA_SCHEMA_FILE);
  return 0;
}

process.exitCode = main();
