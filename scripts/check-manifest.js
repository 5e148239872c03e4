#!/usr/bin/env node
// Offline check of an add-in-only XML manifest, for `npm run validate`.
//
// `office-addin-manifest validate` posts the manifest to Microsoft's validation service, which needs the
// network (run it as `npm run validate:online` before publishing). This script needs none: it parses the
// manifest with saxes (the strict XML parser ExcelJS depends on), so a malformed file fails with its line
// and column, then checks what the service would reject or what would break at sideload:
//   - root OfficeApp (TaskPaneApp) in the 1.1 namespace, its children present and in schema order;
//   - Id is a GUID, Version has 1-4 numeric parts, locales look like vi-VN, Permissions is a known level;
//   - every resid points to a resource of the right kind (Label/Title: ShortStrings, Description:
//     LongStrings, Image: Images, URLs: Urls); resource ids unique and at most 32 characters; control and
//     group ids unique; texts within 125 (short) / 250 (long) characters, overrides included;
//   - every URL is https; https://localhost:3000/ URLs name a file the build serves (assets/*, or a page
//     with a template in src/), and icons are PNGs of the declared size;
//   - every ExecuteFunction FunctionName is registered in src/commands/commands.ts.
// Usage: node scripts/check-manifest.js [manifest.xml ...]   Exit code 1 when an error is found.
//
// A built release (npm run release) is checked with --base <its URL> --dir <its folder>: then every URL
// must start with that base and name a file in that folder (icons: PNGs of the declared size).
//   node scripts/check-manifest.js --base https://cchc.example.gov.vn/ --dir release release/manifest.xml

"use strict";

const fs = require("fs");
const path = require("path");
const { SaxesParser } = require("saxes");

const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};
const ROOT = path.resolve(__dirname, "..");
const DEV_URL = "https://localhost:3000/";

/** Command-line options: --base URL and --dir DIR (a built release), then manifest files. */
function parseArgs(argv) {
  const options = { base: DEV_URL, dir: undefined, files: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--base" || argv[i] === "--dir") {
      if (argv[i + 1] === undefined) throw new Error(`${argv[i]} needs a value`);
      options[argv[i].slice(2)] = argv[++i];
    } else if (argv[i].startsWith("--")) throw new Error(`unknown option ${argv[i]}`);
    else options.files.push(argv[i]);
  }
  if (options.dir !== undefined && options.base === DEV_URL)
    throw new Error("--dir needs --base (the URL the folder is served at)");
  if (!options.base.endsWith("/")) throw new Error("--base must end with /");
  return options;
}
const ORDER = [
  "Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description",
  "IconUrl", "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements",
  "DefaultSettings", "Permissions", "AllowSnapshot", "VersionOverrides", "ExtendedOverrides",
]; // prettier-ignore
const REQUIRED = ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description"];
const PERMISSIONS = [
  "Restricted",
  "ReadDocument",
  "ReadAllDocument",
  "WriteDocument",
  "ReadWriteDocument",
];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOCALE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
// Which resource list an element's resid must point into, by the element's local name.
const RESID_KIND = {
  Label: "ShortStrings",
  Title: "ShortStrings",
  Description: "LongStrings",
  Image: "Images",
  SourceLocation: "Urls",
  FunctionFile: "Urls",
  LearnMoreUrl: "Urls",
};
const MAX_TEXT = { ShortStrings: 125, LongStrings: 250 };

/** Parses XML into { name, uri, attrs: { qname: value }, attrNs: { "uri|local": value }, children, line }. */
function parse(xml) {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const top = { children: [] };
  const stack = [top];
  let failure;
  parser.on("error", (err) => {
    failure = failure || err;
  });
  parser.on("opentag", (tag) => {
    const node = { name: tag.local, uri: tag.uri, attrs: {}, attrNs: {}, children: [], text: "" };
    node.line = parser.line;
    for (const attr of Object.values(tag.attributes)) {
      node.attrs[attr.name] = attr.value;
      node.attrNs[`${attr.uri}|${attr.local}`] = attr.value;
    }
    stack[stack.length - 1].children.push(node);
    stack.push(node);
  });
  parser.on("text", (text) => {
    if (stack.length > 1) stack[stack.length - 1].text += text;
  });
  parser.on("closetag", () => stack.pop());
  parser.write(xml).close();
  if (failure) throw failure;
  return top.children[0];
}

function* walk(node, ancestors = []) {
  yield [node, ancestors];
  for (const child of node.children) yield* walk(child, [...ancestors, node]);
}

const child = (node, name) => node && node.children.find((c) => c.name === name);
const xsiType = (node) => node.attrNs[`${NS.xsi}|type`];

function pngSize(file) {
  const buf = fs.readFileSync(file);
  if (buf.length < 24 || buf.toString("latin1", 1, 4) !== "PNG") return undefined;
  return [buf.readUInt32BE(16), buf.readUInt32BE(20)];
}

/** The file that serves a URL under `base`: in `dir` (a release), else in this repository; or undefined. */
function localFileFor(url, base, dir) {
  const rel = url.slice(base.length).split(/[?#]/)[0];
  if (dir !== undefined) {
    let decoded;
    try {
      decoded = decodeURIComponent(rel);
    } catch {
      return undefined;
    }
    const root = path.resolve(dir);
    const file = path.resolve(root, decoded);
    return file.startsWith(root + path.sep) ? file : undefined;
  }
  if (rel.startsWith("assets/")) return path.join(ROOT, rel);
  const page = /^([a-z0-9-]+)\.html$/i.exec(rel);
  if (page) return path.join(ROOT, "src", page[1], `${page[1]}.html`);
  return undefined;
}

function check(file, { base = DEV_URL, dir } = {}) {
  const errors = [];
  const warnings = [];
  const at = (node) => `${file}:${node.line}`;
  let root;
  try {
    root = parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    return { errors: [`${file}: not well-formed XML: ${err.message}`], warnings };
  }
  if (!root || root.name !== "OfficeApp" || root.uri !== NS.app) {
    errors.push(`${file}: the root element must be OfficeApp in ${NS.app}`);
    return { errors, warnings };
  }
  if (xsiType(root) !== "TaskPaneApp") errors.push(`${at(root)}: xsi:type must be TaskPaneApp`);

  // OfficeApp's children: presence and order.
  let last = -1;
  for (const c of root.children) {
    const index = ORDER.indexOf(c.name);
    if (index < 0) errors.push(`${at(c)}: unexpected element ${c.name} in OfficeApp`);
    else if (index < last)
      errors.push(`${at(c)}: ${c.name} is out of order (schema order: ${ORDER.join(", ")})`);
    else last = index;
  }
  for (const name of [...REQUIRED, "DefaultSettings", "Permissions"]) {
    if (!child(root, name)) errors.push(`${file}: OfficeApp has no ${name}`);
  }
  const text = (name) => (child(root, name) ? child(root, name).text.trim() : "");
  if (child(root, "Id") && !GUID.test(text("Id"))) errors.push(`${file}: Id is not a GUID`);
  if (child(root, "Version") && !/^\d{1,5}(\.\d{1,5}){0,3}$/.test(text("Version"))) {
    errors.push(`${file}: Version must be 1 to 4 numbers separated by dots`);
  }
  if (child(root, "DefaultLocale") && !LOCALE.test(text("DefaultLocale"))) {
    errors.push(`${file}: DefaultLocale "${text("DefaultLocale")}" is not a locale`);
  }
  if (child(root, "Permissions") && !PERMISSIONS.includes(text("Permissions"))) {
    errors.push(`${file}: Permissions must be one of ${PERMISSIONS.join(", ")}`);
  }
  const settings = child(root, "DefaultSettings");
  if (settings && !child(settings, "SourceLocation"))
    errors.push(`${file}: DefaultSettings has no SourceLocation`);
  for (const [name, max] of [
    ["DisplayName", 125],
    ["Description", 250],
  ]) {
    const node = child(root, name);
    if (!node) continue;
    const values = [node.attrs.DefaultValue, ...node.children.map((o) => o.attrs.Value)];
    if (node.attrs.DefaultValue === undefined || node.attrs.DefaultValue.trim() === "") {
      errors.push(`${at(node)}: ${name} needs a DefaultValue`);
    }
    for (const value of values) {
      if (value !== undefined && [...value].length > max)
        errors.push(`${at(node)}: ${name} is over ${max} characters`);
    }
  }
  for (const set of [...walk(child(root, "Requirements") || { children: [] })].map(([n]) => n)) {
    if (set.name === "Set" && !set.attrs.Name)
      errors.push(`${at(set)}: a requirement Set needs a Name`);
  }

  // Resources of VersionOverrides: kinds, ids, lengths.
  const resources = new Map(); // id -> { kind, node }
  const ids = new Map();
  const functionNames = [];
  for (const [node, ancestors] of walk(root)) {
    if (
      node.name === "Override" &&
      node.attrs.Locale !== undefined &&
      !LOCALE.test(node.attrs.Locale)
    ) {
      errors.push(`${at(node)}: Override Locale "${node.attrs.Locale}" is not a locale`);
    }
    const parent = ancestors[ancestors.length - 1];
    if (
      parent &&
      ["Images", "Urls", "ShortStrings", "LongStrings"].includes(parent.name) &&
      node.attrs.id
    ) {
      const id = node.attrs.id;
      if (resources.has(id)) errors.push(`${at(node)}: resource id "${id}" is defined twice`);
      if (id.length > 32) errors.push(`${at(node)}: resource id "${id}" is over 32 characters`);
      resources.set(id, { kind: parent.name, node });
      const max = MAX_TEXT[parent.name];
      const values = [node.attrs.DefaultValue, ...node.children.map((o) => o.attrs.Value)];
      for (const value of values) {
        if (max && value !== undefined && [...value].length > max) {
          errors.push(`${at(node)}: "${id}" is over ${max} characters`);
        }
      }
    } else if ((node.name === "Control" || node.name === "Group") && node.attrs.id) {
      if (ids.has(node.attrs.id)) errors.push(`${at(node)}: id "${node.attrs.id}" is used twice`);
      if (node.attrs.id.length > 125)
        errors.push(`${at(node)}: id "${node.attrs.id}" is over 125 characters`);
      ids.set(node.attrs.id, node);
    }
    if (node.name === "FunctionName") functionNames.push({ name: node.text.trim(), node });
  }
  const used = new Set();
  for (const [node] of walk(root)) {
    const resid = node.attrs.resid;
    if (resid === undefined) continue;
    used.add(resid);
    const resource = resources.get(resid);
    const kind = RESID_KIND[node.name];
    if (!resource) errors.push(`${at(node)}: resid "${resid}" is not defined in Resources`);
    else if (kind && resource.kind !== kind) {
      errors.push(
        `${at(node)}: ${node.name} resid "${resid}" must be in ${kind}, not ${resource.kind}`
      );
    } else if (node.name === "Image" && node.attrs.size) {
      resource.sizes = [...(resource.sizes || []), Number(node.attrs.size)];
    }
  }
  for (const [id, { node }] of resources) {
    if (!used.has(id)) warnings.push(`${at(node)}: resource "${id}" is not used`);
  }

  // URLs: https, served by the build, icons of the right size.
  const urls = []; // { url, node, size }
  for (const name of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"]) {
    const node = child(root, name);
    if (node)
      urls.push({
        url: node.attrs.DefaultValue,
        node,
        size: { IconUrl: 32, HighResolutionIconUrl: 64 }[name],
      });
  }
  if (settings && child(settings, "SourceLocation")) {
    urls.push({
      url: child(settings, "SourceLocation").attrs.DefaultValue,
      node: child(settings, "SourceLocation"),
    });
  }
  for (const { kind, node, sizes } of resources.values()) {
    if (kind === "Images" || kind === "Urls") {
      for (const size of new Set(sizes || [undefined]))
        urls.push({ url: node.attrs.DefaultValue, node, size });
    }
  }
  for (const { url, node, size } of urls) {
    if (!url || !/^https:\/\/[^/]+/.test(url)) {
      errors.push(`${at(node)}: "${url}" is not an https URL`);
      continue;
    }
    if (!url.startsWith(base)) {
      if (dir !== undefined) errors.push(`${at(node)}: "${url}" is outside the release (${base})`);
      continue;
    }
    const local = localFileFor(url, base, dir);
    if (!local || !fs.existsSync(local) || !fs.statSync(local).isFile()) {
      errors.push(
        `${at(node)}: nothing in ${dir === undefined ? "the build" : dir} serves ${url}`
      );
      continue;
    }
    if (local.endsWith(".png") && size) {
      const actual = pngSize(local);
      const shown = path.relative(dir === undefined ? ROOT : dir, local);
      if (!actual) errors.push(`${at(node)}: ${shown} is not a PNG`);
      else if (actual[0] !== size || actual[1] !== size) {
        errors.push(
          `${at(node)}: ${shown} is ${actual.join("x")}, declared ${size}x${size}`
        );
      }
    }
  }

  // ExecuteFunction names must be registered by the function file's script.
  const commandsTs = path.join(ROOT, "src/commands/commands.ts");
  const commandsSource = fs.existsSync(commandsTs) ? fs.readFileSync(commandsTs, "utf8") : "";
  for (const { name, node } of functionNames) {
    if (!/^[A-Za-z_$][\w$.]*$/.test(name))
      errors.push(`${at(node)}: FunctionName "${name}" is not a name`);
    else if (!new RegExp(`\\b${name.replace(/[$.]/g, "\\$&")}\\b`).test(commandsSource)) {
      errors.push(
        `${at(node)}: FunctionName "${name}" is not registered in src/commands/commands.ts`
      );
    }
  }
  return { errors, warnings };
}

let options;
try {
  options = parseArgs(process.argv.slice(2));
} catch (err) {
  console.error(`error: ${err.message}`);
  process.exit(2);
}
let failed = false;
for (const file of options.files.length ? options.files : ["manifest.xml"]) {
  const { errors, warnings } = check(file, options);
  for (const w of warnings) console.warn(`warning: ${w}`);
  for (const e of errors) console.error(`error: ${e}`);
  if (errors.length) failed = true;
  else console.log(`${file}: well-formed, structure and references check out (offline check).`);
}
process.exitCode = failed ? 1 : 0;
