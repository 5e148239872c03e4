/**
 * The layers of docs/architecture.md as rules that fail the build (`npm run deps`, run by .ci/run).
 *
 *   src/core                    pure: no host, no UI, no file format library, no Node
 *   src/excel, src/xlsx         adapters: the port over Office.js and over .xlsx packages
 *   src/cli, src/taskpane,      faces: they call core's use cases and hand them an adapter
 *   src/commands, src/dialog
 *
 * Every rule is an error. test/deps/boundaries.test.ts runs this file over test/deps/fixture, a tree that
 * breaks each rule once, so each rule is shown able to fail. `Office` and `Excel` are globals, not
 * imports: eslint.config.mjs forbids them in src/core (no-restricted-globals).
 */

const CORE = "^src/core/";
const ADAPTERS = "^src/(excel|xlsx)/";
const FACES = "^src/(cli|taskpane|commands|dialog)/";

/**
 * What a face may import from an adapter: the module that builds the adapter's port (named `port.ts` or
 * `<something>Port.ts`, e.g. src/xlsx/xlsxPort.ts), which the face hands to a use case, and the host
 * services below, which are not use cases: they act on the host itself, not on the scoring workbook's
 * contents. Everything else a face needs from an adapter it gets through a use case in src/core/usecases.
 */
const FACE_MAY_IMPORT_FROM_ADAPTERS = [
  "^src/(excel|xlsx)/(port|[A-Za-z0-9/]*/port|[A-Za-z0-9/]*[a-z0-9]Port)\\.ts$",
  // Selecting a finding's cell in Excel (the pane's click on a finding).
  "^src/excel/navigation\\.ts$",
  // "So sánh với bản trước": the changed cells highlighted, a rule of the tool's own (no use case writes it).
  "^src/excel/compareHighlight\\.ts$",
  // The pane re-checks when the workbook changes (Office.js change events).
  "^src/excel/changeEvents\\.ts$",
  // "Kiểm tra môi trường": a probe of the Excel host itself, with its report text.
  "^src/excel/environmentCheck/(runEnvironmentCheck|reportText)\\.ts$",
  // The command line gives the package writer Node's zlib (the browser bundle keeps jszip's own deflate).
  "^src/xlsx/package/partDeflate\\.ts$",
  // The pane tells the add-in's own writes from a person's edits (change events fire for both).
  "^src/excel/writeGuard\\.ts$",
  // The ribbon's type of Excel.run (the host's batch runner), which it hands to the use cases.
  "^src/excel/excelRunner\\.ts$",
  // The command line's size limits, checked with Node's zlib before a package is opened.
  "^src/xlsx/limits\\.ts$",
];

/** Packages src/core may never import: the host, the UI, the file-format libraries (adapters' business). */
const NOT_IN_CORE = [
  "@microsoft/office-js",
  "@types/office-js",
  "office-js",
  "react",
  "react-dom",
  "@fluentui",
  "@testing-library",
  "exceljs",
  "jszip",
  "htmlparser2",
  "domhandler",
  "domutils",
  "dom-serializer",
  "entities",
  "@xmldom/xmldom",
  "docx",
  "playwright-core",
];
const packagePath = (name) => `(^|/)node_modules/${name.replace(/[.]/g, "\\.")}(/|$)`;

module.exports = {
  forbidden: [
    {
      name: "core-no-host-ui-or-formats",
      comment:
        "src/core is pure: no Office.js, React, Fluent UI, ExcelJS, jszip or XML library (docs/architecture.md).",
      severity: "error",
      from: { path: CORE },
      to: { path: NOT_IN_CORE.map(packagePath) },
    },
    {
      name: "core-no-node",
      comment:
        "src/core is pure: no Node builtin (fs, path, zlib, crypto, …); I/O belongs to adapters and faces.",
      severity: "error",
      from: { path: CORE },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "core-imports-only-core",
      comment:
        "src/core never reaches out to an adapter or a face: they depend on it, not it on them.",
      severity: "error",
      from: { path: CORE },
      to: { path: "^src/", pathNot: CORE },
    },
    {
      name: "no-cycles",
      comment:
        "No import cycle anywhere in src (type-only imports count: they tie the modules together too).",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "no-folder-cycles",
      comment:
        "No cycle between folders either (check → scoring → check is a loop even when no single module " +
        "closes it): a folder's modules depend on folders below it, never back.",
      severity: "warn",
      scope: "folder",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "adapters-not-each-other",
      comment: "src/excel and src/xlsx never import each other: what they share lives in src/core.",
      severity: "error",
      from: { path: "^src/(excel|xlsx)/" },
      to: { path: "^src/(excel|xlsx)/", pathNot: "^src/$1/" },
    },
    {
      name: "adapters-not-faces",
      comment: "An adapter never imports a face (cli, taskpane, commands, dialog).",
      severity: "error",
      from: { path: ADAPTERS },
      to: { path: FACES },
    },
    {
      name: "cli-not-office",
      comment:
        "The command line never imports the Office.js adapter or the add-in's faces (it runs under Node).",
      severity: "error",
      from: { path: "^src/cli/" },
      to: { path: "^src/(excel|taskpane|commands|dialog)/" },
    },
    {
      name: "office-faces-not-cli",
      comment: "The pane, the ribbon and the dialog never import the command line (Node only).",
      severity: "error",
      from: { path: "^src/(taskpane|commands|dialog)/" },
      to: { path: "^src/cli/" },
    },
    {
      name: "office-faces-not-each-other",
      comment:
        "The pane, the ribbon and the dialog are separate pages; the dialog shows what the ribbon sends it " +
        "(commands/dialogText.ts is their shared format). commands/commands.ts takes pickLang from the pane's " +
        "i18n: move pickLang to core/i18n and drop that exception.",
      severity: "error",
      from: { path: "^src/(taskpane|commands|dialog)/" },
      to: {
        path: "^src/(taskpane|commands|dialog)/",
        pathNot: ["^src/$1/", "^src/commands/dialogText\\.ts$", "^src/taskpane/i18n\\.ts$"],
      },
    },
    {
      name: "faces-reach-adapters-through-use-cases",
      comment:
        "A face imports from an adapter only the module that builds its port (port.ts, *Port.ts) and the " +
        "host services listed in FACE_MAY_IMPORT_FROM_ADAPTERS; reading, scoring, summary and revert go " +
        "through src/core/usecases.",
      severity: "error",
      from: { path: FACES },
      to: { path: ADAPTERS, pathNot: FACE_MAY_IMPORT_FROM_ADAPTERS },
    },
    {
      name: "no-unresolvable",
      comment: "Every import resolves (a rule that cannot see an import cannot hold it).",
      severity: "error",
      from: { path: "^src/" },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // Type-only imports are dependencies too (an interface imported from a module ties to it).
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
      extensions: [".ts", ".tsx", ".js", ".jsx", ".json", ".d.ts"],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
