/** `bin/cchc.js` in a clone where the command was never compiled: one plain line and exit 2, not a stack trace. */
import { spawnSync } from "child_process";
import { copyFileSync, mkdirSync } from "fs";
import * as path from "path";
import { expectPlainStderr, ROOT, tempDir } from "../support/cli";

test("an unbuilt command says to build it, in one line, exit 2", () => {
  const copy = tempDir();
  mkdirSync(path.join(copy, "bin"));
  copyFileSync(path.join(ROOT, "bin", "cchc.js"), path.join(copy, "bin", "cchc.js"));
  const r = spawnSync(process.execPath, [path.join(copy, "bin", "cchc.js"), "--version"], {
    encoding: "utf8",
  });
  expect(r.status).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).toContain("npm run build:cli");
  expectPlainStderr(r.stderr);
});
