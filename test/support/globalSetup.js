const { execFileSync } = require("child_process");
const path = require("path");

/** The command-line tests run the real `cchc`: build it from the current sources once per test run. */
module.exports = async () => {
  const root = path.join(__dirname, "..", "..");
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"], { cwd: root, stdio: "inherit" });
};
