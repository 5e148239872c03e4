/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  // The jsdom tests render the pane; resolve packages as Node does (uuid's browser build is ESM-only).
  testEnvironmentOptions: { customExportConditions: ["node", "node-addons"] },
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }],
  },
  testTimeout: 60000,
  globalSetup: "<rootDir>/test/support/globalSetup.js",
};
