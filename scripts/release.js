#!/usr/bin/env node
// A release a province can deploy: the pane, the ribbon's function file and the browser page built for one
// https address, with the manifest for that address, web.config for IIS and a short guide (HUONG-DAN.txt).
//
//   npm run release -- --url https://cchc.example.gov.vn/ [--out release] [--manifest-version 0.3.0.1]
//
// Writes the folder (default release/) and the same files as <folder>.zip. Everything is built in a
// temporary folder beside it and checked (no localhost, every manifest URL under the address and naming a
// file of the folder, the offline manifest checks of `npm run validate`); only then does it replace a
// previous release, so a failure leaves the folder as it was. Exit code 0 done, 2 refused or failed (one
// plain line on stderr, Vietnamese / English).

"use strict";

const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { parseArgs } = require("util");
const { AddressError, releaseBaseUrl } = require("./release/baseUrl");
const { releaseGuide } = require("./release/guide");
const { DEV_URL, elementText, manifestUrls, setElementText } = require("./release/manifest");
const { listFiles, zipFolder } = require("./release/zipFolder");

const ROOT = path.resolve(__dirname, "..");
const PAGES = ["taskpane.html", "commands.html", "trinh-duyet.html"];
const GUIDE = "HUONG-DAN.txt";
const VERSION = /^\d{1,5}(\.\d{1,5}){0,3}$/;

const USAGE = `Dựng bản phát hành cho một địa chỉ HTTPS / Build a release for an HTTPS address:
  npm run release -- --url https://cchc.example.gov.vn/ [--out release] [--manifest-version 0.3.0.1]

  --url                 địa chỉ thư mục trên máy chủ / the folder's address on the server (https)
  --out                 thư mục ra (mặc định release) / output folder (default release); also <out>.zip
  --manifest-version    <Version> của manifest, khi chỉ manifest đổi / the manifest's <Version>, when
                        only the manifest changes (default: manifest.xml's)
`;

/** A refusal or failure reported as one plain line. */
class ReleaseError extends Error {}

function options(argv) {
  try {
    return parseArgs({
      args: argv,
      options: {
        url: { type: "string" },
        out: { type: "string" },
        "manifest-version": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new ReleaseError(`${error.message.split("\n")[0]} (npm run release -- --help)`);
  }
}

/** A folder `out` may be replaced only if it is missing, empty, or an earlier release. */
function checkReplaceable(out) {
  if (!fs.existsSync(out)) return;
  if (!fs.statSync(out).isDirectory()) {
    throw new ReleaseError(`${out}: đã có và không phải thư mục / exists and is not a folder`);
  }
  const entries = fs.readdirSync(out);
  const isRelease = ["manifest.xml", "taskpane.html", GUIDE].every((f) => entries.includes(f));
  if (entries.length > 0 && !isRelease) {
    throw new ReleaseError(
      `${out}: thư mục đã có và không phải một bản phát hành, không ghi đè / ` +
        "the folder exists and is not a release; it is not overwritten"
    );
  }
}

function run(command, args, env) {
  return spawnSync(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
}

function buildInto(staging, base) {
  const webpack = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  const args = ["--mode", "production", "--env", "release", "--output-path", staging];
  // NODE_ENV=test (jest) would make webpack.config.js use its local Office.js copy: a release uses the CDN.
  const result = run(process.execPath, [webpack, ...args, "--stats", "errors-warnings"], {
    NODE_ENV: "production",
    ADDIN_PROD_URL: base,
  });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout || ""}${result.stderr || ""}`);
    const why = result.error ? result.error.message : `exit code ${result.status}`;
    throw new ReleaseError(`webpack không dựng được / webpack failed (${why})`);
  }
}

/** The checks a release must pass before it replaces anything. */
function verify(dir, base) {
  const file = path.join(dir, "manifest.xml");
  const xml = fs.readFileSync(file, "utf8");
  if (/localhost/i.test(xml) || xml.includes(DEV_URL)) {
    throw new ReleaseError(
      "manifest.xml vẫn nhắc tới localhost / manifest.xml still names localhost"
    );
  }
  for (const { url, element } of manifestUrls(xml)) {
    if (!url.startsWith(base)) {
      throw new ReleaseError(`manifest.xml: ${element} ${url} nằm ngoài / is outside ${base}`);
    }
  }
  for (const page of PAGES) {
    if (!fs.existsSync(path.join(dir, page))) {
      throw new ReleaseError(`thiếu ${page} / ${page} is missing`);
    }
  }
  const checks = [
    [require.resolve("office-addin-manifest/cli.js", { paths: [ROOT] }), "info", file],
    [path.join(__dirname, "check-manifest.js"), "--base", base, "--dir", dir, file],
  ];
  for (const [script, ...args] of checks) {
    const result = run(process.execPath, [script, ...args]);
    if (result.status !== 0) {
      process.stderr.write(`${result.stdout || ""}${result.stderr || ""}`);
      throw new ReleaseError(
        `manifest.xml không qua kiểm tra ngoại tuyến / manifest.xml fails the offline checks (${path.basename(script)})`
      );
    }
  }
}

function removeQuietly(target) {
  if (target) fs.rmSync(target, { recursive: true, force: true });
}

async function release(argv) {
  const opts = options(argv);
  if (opts.help) {
    process.stdout.write(USAGE);
    return;
  }
  const base = releaseBaseUrl(opts.url);
  const out = path.resolve(opts.out === undefined ? path.join(ROOT, "release") : opts.out);
  const zipPath = `${out}.zip`;
  const wanted = opts["manifest-version"];
  if (wanted !== undefined && !VERSION.test(wanted)) {
    throw new ReleaseError(
      `--manifest-version "${wanted}": cần 1–4 số cách nhau bằng dấu chấm / needs 1 to 4 numbers separated by dots`
    );
  }
  if (ROOT === out || ROOT.startsWith(out + path.sep)) {
    throw new ReleaseError(`${out}: là thư mục dự án / is the project's folder`);
  }
  checkReplaceable(out);

  fs.mkdirSync(path.dirname(out), { recursive: true });
  const staging = fs.mkdtempSync(path.join(path.dirname(out), `.${path.basename(out)}-building-`));
  const zipTemp = `${staging}.zip`;
  let old;
  try {
    process.stderr.write(`Đang dựng cho / building for ${base} …\n`);
    buildInto(staging, base);

    const manifestFile = path.join(staging, "manifest.xml");
    let manifest = fs.readFileSync(manifestFile, "utf8");
    if (wanted !== undefined) manifest = setElementText(manifest, "Version", wanted);
    fs.writeFileSync(manifestFile, manifest);
    const version = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version;
    fs.copyFileSync(
      path.join(__dirname, "release", "web.config"),
      path.join(staging, "web.config")
    );
    fs.writeFileSync(
      path.join(staging, GUIDE),
      releaseGuide({
        base,
        version,
        manifestVersion: elementText(manifest, "Version"),
        builtAt: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
      })
    );
    verify(staging, base);
    fs.writeFileSync(zipTemp, await zipFolder(staging));

    // Only now is anything replaced: the old release moves aside, the new one takes its name.
    if (fs.existsSync(out)) {
      old = `${staging}-old`;
      fs.renameSync(out, old);
    }
    fs.renameSync(staging, out);
    fs.renameSync(zipTemp, zipPath);
  } catch (error) {
    if (old && !fs.existsSync(out)) fs.renameSync(old, out);
    removeQuietly(zipTemp);
    throw error;
  } finally {
    removeQuietly(staging);
    removeQuietly(old);
  }

  const files = listFiles(out);
  process.stdout.write(
    [
      `${path.relative(process.cwd(), out) || out}/ (${files.length} tệp / files) và / and ` +
        `${path.relative(process.cwd(), zipPath)} (${Math.round(fs.statSync(zipPath).size / 1024)} KB)`,
      `  manifest: ${base}manifest.xml`,
      `  ngăn / pane: ${base}taskpane.html`,
      `  trình duyệt / browser mode: ${base}trinh-duyet.html`,
      `  xem / see ${path.join(path.relative(process.cwd(), out) || out, GUIDE)} và / and docs/deploy.md`,
      "",
    ].join("\n")
  );
}

release(process.argv.slice(2)).catch((error) => {
  const known = error instanceof ReleaseError || error instanceof AddressError;
  const message = known ? error.message : `${error.message || error}`.split("\n")[0];
  process.stderr.write(`release: ${message}\n`);
  process.exitCode = 2;
});
