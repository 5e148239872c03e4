// ESLint 9 flat config for `npm run lint`: office-addin-lint check uses ./eslint.config.mjs (by this
// exact name) and lints src/**/*.{ts,tsx,js,jsx}.
// Base: eslint-plugin-office-addins' React preset (eslint recommended, Office API rules, Prettier with
// office-addin-prettier-config). Its TypeScript block covers .ts only, so it is repeated for
// .tsx/.jsx; the parser is set explicitly (the preset's own reference to it comes out undefined,
// which is why office-addin-lint's default config sets it too); rules TypeScript already enforces
// are off for TypeScript files. Both imported packages come with office-addin-lint.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import reactHooks from "eslint-plugin-react-hooks";

const preset = officeAddins.configs.react;
// The preset's block with the Office API rules and prettier/prettier (its `files` leave out .tsx).
const tsBlock = preset.find((block) => block.rules && "prettier/prettier" in block.rules);
if (!tsBlock)
  throw new Error("eslint-plugin-office-addins: the TypeScript block of the preset was not found");

const OFFICE_GLOBALS = ["Office", "Excel", "OfficeExtension", "OfficeCore"];
const OFFICE_GLOBALS_RE = `/^(${OFFICE_GLOBALS.join("|")})$/`;
const NOT_IN_CORE = "src/core is pure: Office.js belongs to src/excel (docs/architecture.md).";
const THROUGH_XML =
  "Change a part's tree through src/xlsx/xml's helpers: they tell an element it no longer matches the markup it was read from (xml/sourceMarkup.ts).";
const TREE_FIELDS = "/^(attribs|children|data|parent|prev|next|startIndex|endIndex|name)$/";

export default [
  {
    ignores: [
      "dist/**",
      "lib/**",
      "coverage/**",
      "node_modules/**",
      "bench/out/**",
      "test/.tmp/**",
    ],
  },
  ...preset,
  { ...tsBlock, files: ["**/*.{jsx,tsx}"] },
  {
    files: ["**/*.{ts,tsx,mts,cts,jsx}"],
    languageOptions: { parser: tsParser, ecmaVersion: "latest", sourceType: "module" },
    rules: {
      // TypeScript checks names (globals such as Office, Excel, Buffer) better than no-undef.
      "no-undef": "off",
      // React 17+ JSX transform ("jsx": "react-jsx"): no React in scope needed.
      "react/react-in-jsx-scope": "off",
      "react/jsx-uses-react": "off",
      // Props are typed by TypeScript.
      "react/prop-types": "off",
    },
  },
  {
    // The pane's one JavaScript module (modes/xlsxWorkerSpawn.js: import.meta for webpack's worker) is an ES
    // module in the browser.
    files: ["src/**/*.js"],
    languageOptions: {
      ecmaVersion: "latest",
      sourceType: "module",
      globals: { Worker: "readonly", URL: "readonly" },
    },
  },
  {
    // The Rules of React and the React Compiler's checks (eslint-plugin-react-hooks' recommended set) on the React
    // code, the pane (its .ts hooks too) and any .tsx; a missing effect dependency fails the lint like every other
    // finding. Not elsewhere: src/cli's usePartDeflate()/usePartInflate() (JSZip's codecs) are no React hooks.
    ...reactHooks.configs.flat.recommended,
    files: ["src/taskpane/**/*.{ts,tsx}", "src/**/*.tsx"],
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    // The Office API rules follow Office.js proxy objects (load, context.sync). Only src/excel, the
    // pane and the commands use Office.js; in core, xlsx and cli, ExcelJS's getCell() and load()
    // would be mistaken for Office.js calls.
    files: ["src/core/**", "src/xlsx/**", "src/cli/**"],
    rules: Object.fromEntries(
      Object.keys(tsBlock.rules)
        .filter((rule) => rule.startsWith("office-addins/"))
        .map((rule) => [rule, "off"])
    ),
  },
  {
    // src/core is pure (docs/architecture.md). dependency-cruiser (.dependency-cruiser.cjs) holds its
    // imports; Office.js's globals come with no import: no-restricted-globals holds their values
    // (Office.context), no-restricted-syntax their types (Excel.Range, typeof Office).
    files: ["src/core/**"],
    rules: {
      "no-restricted-globals": [
        "error",
        ...OFFICE_GLOBALS.map((name) => ({ name, message: NOT_IN_CORE })),
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: `TSQualifiedName > Identifier.left[name=${OFFICE_GLOBALS_RE}]`,
          message: NOT_IN_CORE,
        },
        {
          selector: `TSTypeQuery > Identifier.exprName[name=${OFFICE_GLOBALS_RE}]`,
          message: NOT_IN_CORE,
        },
      ],
    },
  },
  {
    // An element nobody changed is written back as the markup it was read from: a change made around the helpers
    // of src/xlsx/xml would be written as if it had not happened.
    files: ["src/xlsx/**/*.ts", "src/cli/**/*.ts"],
    ignores: ["src/xlsx/xml/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { name: "domutils", message: THROUGH_XML },
        { name: "domhandler", message: THROUGH_XML },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: `AssignmentExpression > MemberExpression.left[computed=false][property.name=${TREE_FIELDS}]`,
          message: THROUGH_XML,
        },
        {
          selector:
            "AssignmentExpression > MemberExpression.left > MemberExpression.object[computed=false][property.name='attribs']",
          message: THROUGH_XML,
        },
        {
          selector:
            "UnaryExpression[operator='delete'] MemberExpression[computed=false][property.name='attribs']",
          message: THROUGH_XML,
        },
      ],
    },
  },
];
