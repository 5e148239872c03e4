/**
 * tsconfig.tools.json compiles all of test/support with only Node's types, and test/support/cli.ts (a jest helper)
 * uses jest's `expect`; without jest's types there, `tsc -p tsconfig.tools.json` fails and `npm run bench` never
 * starts. Referencing them here keeps the bench runnable; drop this once test/support/cli.ts brings its own
 * reference or tsconfig.tools.json leaves it out.
 */
/// <reference types="jest" />
