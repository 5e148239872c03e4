#!/usr/bin/env node
"use strict";
const path = require("path");
const main = path.join(__dirname, "..", "lib", "cli", "main.js");
if (!require("fs").existsSync(main)) {
  // A clone where the command has not been built yet (`npm ci` builds it through `prepare`).
  process.stderr.write(
    `cchc: chưa biên dịch lệnh — chạy "npm run build:cli" trong ${path.join(__dirname, "..")} ` +
      `(the command is not built: run "npm run build:cli")\n`
  );
  process.exit(2);
}
require(main);
