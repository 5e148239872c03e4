/**
 * The dependency rules (.dependency-cruiser.cjs, `npm run deps`) and the Office.js globals rule of
 * eslint.config.mjs, run over a tree that breaks each rule (test/deps/fixture): each rule must report
 * exactly the imports that break it and none of the imports it allows.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { projectRoot } from "../support/paths";

const ROOT = projectRoot();
const FIXTURE = path.join(ROOT, "test", "deps", "fixture");

interface Violation {
  rule: string;
  severity: string;
  from: string;
  to: string;
}

/** A package in node_modules by its name ("react", "@types/office-js"); a module of the tree by its path. */
function shortName(resolved: string): string {
  const inPackages = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(resolved);
  return inPackages ? inPackages[1] : resolved;
}

const BIN = path.join(ROOT, "node_modules", "dependency-cruiser", "bin");

/** The fixture's violations, and the exit code `depcruise` gives them with its default (err) report. */
function cruiseFixture(): { violations: Violation[]; exitCode: number | null } {
  const json = path.join(mkdtempSync(path.join(tmpdir(), "cchc-deps-")), "cruise.json");
  const cruise = spawnSync(
    process.execPath,
    [
      path.join(BIN, "dependency-cruise.mjs"),
      "src",
      "--config",
      path.join(ROOT, ".dependency-cruiser.cjs"),
      "--output-type",
      "json",
      "--output-to",
      json,
    ],
    { cwd: FIXTURE, encoding: "utf8" }
  );
  expect(cruise.stderr).toBe("");
  expect(cruise.status).toBe(0);
  const result = JSON.parse(readFileSync(json, "utf8")) as {
    summary: {
      violations: { rule: { name: string; severity: string }; from: string; to: string }[];
    };
  };
  // The same result through the err report, which `npm run deps` uses: its exit code fails .ci/run.
  const report = spawnSync(
    process.execPath,
    [path.join(BIN, "depcruise-fmt.mjs"), json, "--output-type", "err", "--exit-code"],
    {
      cwd: FIXTURE,
      encoding: "utf8",
    }
  );
  return {
    exitCode: report.status,
    violations: result.summary.violations.map((v) => ({
      rule: v.rule.name,
      severity: v.rule.severity,
      from: v.from,
      to: shortName(v.to),
    })),
  };
}

describe("dependency rules (.dependency-cruiser.cjs) over test/deps/fixture", () => {
  let violations: Violation[];
  let exitCode: number | null;
  beforeAll(() => {
    ({ violations, exitCode } = cruiseFixture());
  }, 120000);

  test("the errors fail the command: a non-zero exit code", () => {
    expect(exitCode).not.toBe(0);
    expect(exitCode).not.toBeNull();
  });

  const key = (v: { rule: string; from: string; to: string }): string =>
    `${v.rule}: ${v.from} → ${v.to}`;

  test("every import that breaks a module rule is reported, as an error, and nothing else is", () => {
    const moduleRules = violations.filter((v) => v.rule !== "no-folder-cycles");
    const expected = [
      // src/core is pure
      ["core-no-node", "src/core/readsFile.ts", "fs"],
      ["core-no-node", "src/core/readsFile.ts", "zlib"],
      ["core-no-host-ui-or-formats", "src/core/usesLibraries.ts", "@types/office-js"],
      ["core-no-host-ui-or-formats", "src/core/usesLibraries.ts", "@microsoft/office-js"],
      ["core-no-host-ui-or-formats", "src/core/usesLibraries.ts", "react"],
      ["core-no-host-ui-or-formats", "src/core/usesLibraries.ts", "@fluentui/react-components"],
      ["core-no-host-ui-or-formats", "src/core/usesLibraries.ts", "exceljs"],
      ["core-no-host-ui-or-formats", "src/core/usesLibraries.ts", "jszip"],
      ["core-no-host-ui-or-formats", "src/core/usesLibraries.ts", "htmlparser2"],
      ["core-imports-only-core", "src/core/readsAdapter.ts", "src/xlsx/readCells.ts"],
      // a cycle, reported once; the type-only import in second.ts closes it
      ["no-cycles", "src/core/cycle/first.ts", "src/core/cycle/second.ts"],
      // adapters
      ["adapters-not-each-other", "src/xlsx/readCells.ts", "src/excel/host.ts"],
      ["adapters-not-each-other", "src/excel/writesPackage.ts", "src/xlsx/format.ts"],
      ["adapters-not-faces", "src/excel/writesPackage.ts", "src/commands/label.ts"],
      // faces
      ["cli-not-office", "src/cli/command.ts", "src/excel/host.ts"],
      ["office-faces-not-cli", "src/taskpane/pane.ts", "src/cli/help.ts"],
      ["office-faces-not-each-other", "src/taskpane/pane.ts", "src/commands/label.ts"],
      ["faces-reach-adapters-through-use-cases", "src/cli/command.ts", "src/excel/host.ts"],
      ["faces-reach-adapters-through-use-cases", "src/cli/command.ts", "src/xlsx/readCells.ts"],
      // an import nobody can check
      ["no-unresolvable", "src/core/missing.ts", "./notThere"],
    ].map(([rule, from, to]) => key({ rule, from, to }));
    expect(moduleRules.map(key).sort()).toEqual([...expected].sort());
    expect(moduleRules.every((v) => v.severity === "error")).toBe(true);
  });

  test("what the rules allow is not reported: zod in core, a port module, a host service, the dialog's text", () => {
    const allowed = [
      { from: "src/core/usesSchema.ts", to: "zod" },
      { from: "src/cli/command.ts", to: "src/xlsx/xlsxPort.ts" },
      { from: "src/taskpane/pane.ts", to: "src/excel/navigation.ts" },
      { from: "src/dialog/dialog.ts", to: "src/commands/dialogText.ts" },
    ];
    for (const a of allowed) {
      expect(violations.filter((v) => v.from === a.from && v.to === a.to)).toEqual([]);
    }
  });

  test("a cycle between folders that no single module closes is reported (a warning for now)", () => {
    const folderCycles = violations.filter((v) => v.rule === "no-folder-cycles");
    const pairs = folderCycles.map((v) => `${v.from} → ${v.to}`);
    expect(pairs).toEqual(
      expect.arrayContaining(["src/core/alpha → src/core/beta", "src/core/beta → src/core/alpha"])
    );
    expect(folderCycles.every((v) => v.severity === "warn")).toBe(true);
    // The tree has no module cycle through alpha and beta: only the folder rule sees this loop.
    expect(violations.filter((v) => v.rule === "no-cycles" && /alpha|beta/.test(v.from))).toEqual(
      []
    );
  });
});

describe("Office.js globals in src/core (eslint no-restricted-globals, no-restricted-syntax)", () => {
  const code = [
    "export function language(range: Excel.Range): string {",
    "  return Office.context.displayLanguage + String(range);",
    "}",
    "export type Context = Excel.Interfaces.RangeData;",
    "export type Host = typeof Office;",
    "export type Failure = OfficeExtension.Error;",
    "",
  ].join("\n");

  function lint(file: string): { ruleId: string | null; line: number }[] {
    const r = spawnSync(
      process.execPath,
      [
        path.join(ROOT, "node_modules", "eslint", "bin", "eslint.js"),
        "--format",
        "json",
        "--stdin",
        "--stdin-filename",
        file,
      ],
      { cwd: ROOT, input: code, encoding: "utf8" }
    );
    const [result] = JSON.parse(r.stdout) as {
      messages: { ruleId: string | null; line: number }[];
    }[];
    return result.messages;
  }

  test("are errors in src/core, in values and in types", () => {
    const messages = lint("src/core/fixtureProbe.ts");
    expect(messages.map((m) => `${m.line} ${m.ruleId}`).sort()).toEqual([
      "1 no-restricted-syntax",
      "2 no-restricted-globals",
      "4 no-restricted-syntax",
      "5 no-restricted-syntax",
      "6 no-restricted-syntax",
    ]);
  }, 120000);

  test("are allowed in src/excel", () => {
    expect(lint("src/excel/fixtureProbe.ts")).toEqual([]);
  }, 120000);
});
