import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { projectRoot } from "../test/support/paths";
import { FIXTURE, fixtureSet, sampleWorkbook } from "../test/support/sample";

/** Regenerates examples/ from the test fixture: `npm run make-sample`. */
async function main(): Promise<void> {
  const root = projectRoot();
  const dir = path.join(root, "examples");
  // The fixture with a "$schema" key first, so an editor opening the example checks and completes it.
  const fixture = readFileSync(FIXTURE, "utf8");
  writeFileSync(
    path.join(dir, "xa-mau-2025.criteria.json"),
    fixture.replace(/^\{\n/, '{\n "$schema": "../schema/criteria-set.schema.json",\n')
  );
  writeFileSync(path.join(dir, "xa-mau-2025.xlsx"), await sampleWorkbook(fixtureSet()));
  console.log("examples/xa-mau-2025.xlsx, examples/xa-mau-2025.criteria.json");
}

void main();
