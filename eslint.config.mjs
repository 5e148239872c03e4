// ESLint 9 flat config, used by `npm run lint` (office-addin-lint check, which picks up ./eslint.config.mjs
// by that exact name and lints src/**/*.{ts,tsx,js,jsx}).
// Base: eslint-plugin-office-addins' React preset (eslint recommended, typescript-eslint parser, Office API
// rules, Prettier with office-addin-prettier-config). Its TypeScript block covers .ts only; it is extended here
// to .tsx/.jsx and given the parser explicitly (the preset's own parser reference comes out undefined, which
// is why office-addin-lint's default config also sets it), and rules TypeScript already enforces are turned
// off for TypeScript files. Both packages come with office-addin-lint.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

const preset = officeAddins.configs.react;
// The preset's block with the Office API rules and prettier/prettier (its `files` leave out .tsx).
const tsBlock = preset.find((block) => block.rules && "prettier/prettier" in block.rules);
if (!tsBlock)
  throw new Error("eslint-plugin-office-addins: the TypeScript block of the preset was not found");

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
      // TypeScript checks names (globals such as Office, Excel, Buffer included) better than no-undef.
      "no-undef": "off",
      // React 17+ JSX transform ("jsx": "react-jsx"): no React in scope needed.
      "react/react-in-jsx-scope": "off",
      "react/jsx-uses-react": "off",
      // Props are typed by TypeScript.
      "react/prop-types": "off",
    },
  },
];
