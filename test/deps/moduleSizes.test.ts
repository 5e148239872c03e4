// Issue 11: modules stay small enough to read — no source file over 400 lines, the unit check a composition of
// rules (under 80), the pane a composition of hooks and components (under 150).
import * as fs from "fs";
import * as path from "path";

const src = path.join(__dirname, "..", "..", "src");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const lines = (file: string) => fs.readFileSync(file, "utf8").split("\n").length;

test("no source file is over 400 lines", () => {
  const files = sourceFiles(src);
  expect(files.length).toBeGreaterThan(100);
  const long = files
    .filter((file) => lines(file) > 400)
    .map((file) => `${path.relative(src, file)}: ${lines(file)}`);
  expect(long).toEqual([]);
});

test.each([
  ["core/check/checkUnit.ts", 80],
  ["taskpane/Pane.tsx", 150],
])("%s stays under %i lines", (file, limit) => {
  expect(lines(path.join(src, file))).toBeLessThan(limit);
});
