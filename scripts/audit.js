#!/usr/bin/env node
/**
 * npm audit of what reaches people: the command's production dependencies and the libraries webpack bundles
 * into the pane (listed in package.json "cchc.bundledInPane"; they are development dependencies because the
 * installed command never loads them). Fails on a high or critical advisory in either; advisories in build and
 * test tools only are counted, not failed on. Where the registry answers the audit request with an error (some
 * mirrors do not serve the audit endpoint), it says so plainly and does not pretend the check passed.
 */
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
const lock = JSON.parse(fs.readFileSync(path.join(root, "package-lock.json"), "utf8"));

/** Lock paths ("node_modules/a/node_modules/b") reachable from the given top-level packages, by Node's resolution. */
function reachable(roots) {
  const seen = new Set();
  const resolve = (from, name) => {
    let dir = from;
    for (;;) {
      const candidate = dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`;
      if (lock.packages[candidate]) return candidate;
      if (!dir) return undefined;
      const cut = dir.lastIndexOf("/node_modules/");
      dir = cut < 0 ? "" : dir.slice(0, cut);
    }
  };
  const visit = (at) => {
    if (!at || seen.has(at)) return;
    seen.add(at);
    const entry = lock.packages[at];
    for (const name of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies }))
      visit(resolve(at, name));
  };
  for (const name of roots) visit(resolve("", name));
  return seen;
}

const shipped = reachable([
  ...Object.keys(pkg.dependencies || {}),
  ...((pkg.cchc && pkg.cchc.bundledInPane) || []),
]);

let out = "";
try {
  out = execFileSync("npm", ["audit", "--json"], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
} catch (error) {
  out = error.stdout || ""; // npm audit exits non-zero when it finds anything
}
let report;
try {
  report = JSON.parse(out);
} catch {
  report = undefined;
}
if (!report || report.error || !report.vulnerabilities) {
  console.log(
    `audit: NOT CHECKED — the registry did not answer the audit request (${out.slice(0, 200).replace(/\n/g, " ")})`
  );
  process.exit(0);
}

const count = { shipped: {}, tools: {} };
const failing = [];
for (const [name, v] of Object.entries(report.vulnerabilities)) {
  const isShipped = (v.nodes || []).some((node) => shipped.has(node));
  const bucket = isShipped ? count.shipped : count.tools;
  bucket[v.severity] = (bucket[v.severity] || 0) + 1;
  if (isShipped && (v.severity === "high" || v.severity === "critical"))
    failing.push(`${name} (${v.severity})`);
}
const line = (c) =>
  `${c.critical || 0} critical, ${c.high || 0} high, ${c.moderate || 0} moderate, ${c.low || 0} low`;
console.log(
  `audit: ${line(count.shipped)} (what is shipped: the command's dependencies and the pane's bundle)`
);
console.log(`audit: ${line(count.tools)} (build and test tools only)`);
if (failing.length > 0) {
  console.log(`audit: FAILED — ${failing.join(", ")}; run \`npm audit\` for the advisories`);
  process.exit(1);
}
