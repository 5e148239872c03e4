/**
 * `npm run release`: the folder a province puts on its own HTTPS server, and the same files as a .zip. The
 * release is built once, for a made-up address with a path and no trailing slash, and checked as IT staff and
 * Office would meet it: the manifest (only that address, every URL a file of the folder, the offline checks
 * of `npm run validate`), the zip, the pages' references, and the browser page opened from a disk (file://).
 */
import { execFile } from "child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import { DOMParser, type Element as XmlElement, type Node as XmlNode } from "@xmldom/xmldom";
import JSZip from "jszip";
import type { Page } from "playwright-core";
import { checkWorkbook } from "../../src/core/check/checkWorkbook";
import { criteriaFromWorkbook } from "../../src/core/criteria/fromWorkbook";
import { indexSet } from "../../src/core/criteria/indexed";
import { loadWorkbookBytes } from "../../src/xlsx/loadWorkbook";
import { readWorkbook } from "../../src/xlsx/readWorkbook";
import { eventually, launchChromium, type Chromium } from "../support/browser";
import { expectPlainStderr } from "../support/cli";
import { projectRoot } from "../support/paths";

const ROOT = projectRoot();
const RELEASE = path.join(ROOT, "scripts", "release.js");
const SAMPLE = path.join(ROOT, "examples", "xa-mau-2025.xlsx");
const ADDRESS = "https://cchc.so-noi-vu.example/cong-cu/cham-diem";
const BASE = `${ADDRESS}/`;
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `node scripts/release.js …` as `npm run release -- …` runs it (asynchronously: jest's timers keep going). */
function release(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [RELEASE, ...args],
      { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      }
    );
  });
}

function run(file: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [file, ...args], { cwd: ROOT }, (error, stdout, stderr) => {
      resolve({
        code: error ? (typeof error.code === "number" ? error.code : -1) : 0,
        stdout,
        stderr,
      });
    });
  });
}

/** Files under `dir`, "/"-separated and sorted (written here, not taken from the release script). */
function filesUnder(dir: string, prefix = ""): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) => {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      return entry.isDirectory() ? filesUnder(dir, rel) : [rel];
    })
    .sort();
}

/** Every URL in the manifest: attribute values and element texts starting with http(s), namespaces aside. */
function urlsIn(xml: string): string[] {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  const urls: string[] = [];
  const visit = (node: XmlNode): void => {
    if (node.nodeType === 1) {
      for (const attr of Array.from((node as XmlElement).attributes)) {
        if (attr.name !== "xmlns" && attr.prefix !== "xmlns" && /^https?:/i.test(attr.value))
          urls.push(attr.value);
      }
    } else if (node.nodeType === 3 && /^https?:/i.test((node.nodeValue ?? "").trim())) {
      urls.push((node.nodeValue ?? "").trim());
    }
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
  };
  visit(doc);
  return urls;
}

async function coreFindingCount(file: string): Promise<{ findings: number; units: number }> {
  const read = readWorkbook(await loadWorkbookBytes(readFileSync(file)));
  const own = criteriaFromWorkbook(read, "vi");
  if (!own?.ok) throw new Error("the sample's criteria sheet should be accepted");
  const result = checkWorkbook(indexSet(own.set), read, path.basename(file));
  return { findings: result.findings.length, units: result.units.length };
}

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "cchc-release-"));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Temporary folders the release script works in, left in `dir` (there must be none after a run). */
const leftovers = (dir: string): string[] =>
  readdirSync(dir).filter((name) => name.includes("-building-"));

describe("what the release refuses, writing nothing", () => {
  test.each([
    ["http://cchc.example.gov.vn/", /https:\/\//],
    ["https://localhost:3000/", /localhost/],
    ["https://127.0.0.1/cchc/", /localhost/],
    ["https://cchc.example.gov.vn/cchc/?v=2", /\?query/],
    ["https://cchc.example.gov.vn/cchc/taskpane.html", /folder, not of a page/],
    ["https://user:secret@cchc.example.gov.vn/", /user name or password/],
    ["cchc.example.gov.vn", /not a web address/],
    ["", /no address/],
  ])("--url %j", async (url, reason) => {
    const out = path.join(tmp, "refused");
    const r = await release(["--url", url, "--out", out]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^release: /);
    expect(lines[0]).toMatch(reason);
    expectPlainStderr(r.stderr);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.zip`)).toBe(false);
  });

  test("a folder that is not an earlier release is not overwritten", async () => {
    const out = path.join(tmp, "tai-lieu");
    mkdirSync(out);
    writeFileSync(path.join(out, "bao-cao.docx"), "not a release");
    const r = await release(["--url", BASE, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^release: .*not a release/m);
    expect(readdirSync(out)).toEqual(["bao-cao.docx"]);
  });

  test("when the build fails, the previous release and its zip stay as they were", async () => {
    const parent = path.join(tmp, "failing");
    const out = path.join(parent, "release");
    mkdirSync(path.join(out, "js"), { recursive: true });
    const previous: Record<string, string> = {
      "manifest.xml": "<OfficeApp/>",
      "taskpane.html": "previous pane",
      "HUONG-DAN.txt": "previous guide",
      "js/taskpane.old.js": "previous script",
    };
    for (const [name, text] of Object.entries(previous)) writeFileSync(path.join(out, name), text);
    writeFileSync(`${out}.zip`, "previous zip");
    // A webpack that fails half-way: preloaded into every node process the release starts, it makes
    // webpack-cli empty its output folder (as output.clean does), write one file there, and fail.
    const failing = path.join(tmp, "failing-webpack.js");
    writeFileSync(
      failing,
      [
        'const fs = require("fs");',
        'if (/webpack-cli[\\\\/]bin[\\\\/]cli\\.js$/.test(process.argv[1] || "")) {',
        '  const dir = process.argv[process.argv.indexOf("--output-path") + 1];',
        "  fs.rmSync(dir, { recursive: true, force: true });",
        "  fs.mkdirSync(dir, { recursive: true });",
        '  fs.writeFileSync(dir + "/taskpane.half.js", "");',
        '  process.stderr.write("ERROR simulated webpack failure\\n");',
        "  process.exit(1);",
        "}",
      ].join("\n")
    );
    const r = await release(["--url", BASE, "--out", out], {
      NODE_OPTIONS: `--require ${failing}`,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("simulated webpack failure");
    expect(r.stderr.trim().split("\n").pop()).toMatch(/^release: .*webpack failed/);
    expect(filesUnder(out)).toEqual(Object.keys(previous).sort());
    for (const [name, text] of Object.entries(previous))
      expect(readFileSync(path.join(out, name), "utf8")).toBe(text);
    expect(readFileSync(`${out}.zip`, "utf8")).toBe("previous zip");
    expect(readdirSync(parent).sort()).toEqual(["release", "release.zip"]);
  });
});

describe("a release for a made-up address", () => {
  const out = (): string => path.join(tmp, "phat-hanh");
  let built: Run;
  let manifest: string;

  // One production build for every test here (a minute or two on this machine).
  beforeAll(async () => {
    built = await release(["--url", ADDRESS, "--out", out()]);
    if (built.code !== 0)
      throw new Error(`release failed (${built.code}):\n${built.stdout}\n${built.stderr}`);
    manifest = readFileSync(path.join(out(), "manifest.xml"), "utf8");
  }, 600_000);

  test("writes the folder and the zip, and nothing else beside them", () => {
    expect(readdirSync(tmp).filter((n) => n.startsWith("phat-hanh"))).toEqual([
      "phat-hanh",
      "phat-hanh.zip",
    ]);
    expect(leftovers(tmp)).toEqual([]);
    const files = filesUnder(out());
    for (const name of [
      "manifest.xml",
      "taskpane.html",
      "commands.html",
      "trinh-duyet.html",
      "web.config",
      "HUONG-DAN.txt",
    ])
      expect(files).toContain(name);
    expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
    // Scripts carry a content hash in their names, under js/ (the part a server may cache for good).
    const scripts = files.filter((f) => f.endsWith(".js"));
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toMatch(/^js\/[\w-]+\.[0-9a-f]{8}\.js$/);
  });

  test("the manifest names only the release's address, and every URL in it is a file of the folder", () => {
    expect(manifest).not.toMatch(/localhost/i);
    const urls = urlsIn(manifest);
    expect(urls.length).toBeGreaterThanOrEqual(10);
    for (const url of urls) {
      expect(url.startsWith(BASE)).toBe(true);
      const file = path.join(out(), ...decodeURIComponent(url.slice(BASE.length)).split("/"));
      expect({ url, exists: existsSync(file) }).toEqual({ url, exists: true });
    }
    expect(urls).toContain(`${BASE}taskpane.html`);
    expect(urls).toContain(`${BASE}commands.html`);
    // Same identity and version as the source manifest: only the addresses differ.
    const source = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    const text = (xml: string, name: string): string | undefined =>
      new DOMParser().parseFromString(xml, "application/xml").getElementsByTagName(name)[0]
        ?.textContent ?? undefined;
    expect(text(manifest, "Id")).toBe(text(source, "Id"));
    expect(text(manifest, "Version")).toBe(text(source, "Version"));
  });

  test("the manifest passes the offline validation of npm run validate, checked against the folder", async () => {
    const file = path.join(out(), "manifest.xml");
    const info = await run(require.resolve("office-addin-manifest/cli.js", { paths: [ROOT] }), [
      "info",
      file,
    ]);
    expect(info.code).toBe(0);
    expect(info.stdout).toContain(`Source Location: ${BASE}taskpane.html`);
    const check = path.join(ROOT, "scripts", "check-manifest.js");
    const offline = await run(check, ["--base", BASE, "--dir", out(), file]);
    expect(offline.stderr).toBe("");
    expect(offline.code).toBe(0);
    // The same check refuses the folder for another address, and a folder missing an icon.
    const elsewhere = await run(check, ["--base", "https://other.example/", "--dir", out(), file]);
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stderr).toMatch(/is outside the release/);
    const partial = path.join(tmp, "partial");
    cpSync(out(), partial, { recursive: true });
    rmSync(path.join(partial, "assets", "score-32.png"));
    const missing = await run(check, ["--base", BASE, "--dir", partial, file]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`serves ${BASE}assets/score-32.png`);
  });

  test("release.zip holds exactly the folder's files, byte for byte, at its root", async () => {
    const zip = await JSZip.loadAsync(readFileSync(`${out()}.zip`));
    const entries = Object.values(zip.files).filter((entry) => !entry.dir);
    const files = filesUnder(out());
    expect(entries.map((entry) => entry.name).sort()).toEqual(files);
    for (const entry of entries) {
      const bytes = await entry.async("nodebuffer");
      expect({
        name: entry.name,
        same: bytes.equals(readFileSync(path.join(out(), entry.name))),
      }).toEqual({
        name: entry.name,
        same: true,
      });
    }
  });

  test("web.config is well-formed XML, and the guide names the address and the browser page", () => {
    const errors: string[] = [];
    new DOMParser({
      onError: (level, message) => void (level !== "warning" && errors.push(message)),
    }).parseFromString(readFileSync(path.join(out(), "web.config"), "utf8"), "application/xml");
    expect(errors).toEqual([]);
    const guide = readFileSync(path.join(out(), "HUONG-DAN.txt"), "utf8");
    expect(guide).toContain(`${BASE}manifest.xml`);
    expect(guide).toContain(`${BASE}trinh-duyet.html`);
    expect(guide).toContain("appsforoffice.microsoft.com");
  });

  describe("its pages in Chromium, opened from a folder on disk whose path has spaces and diacritics", () => {
    let browser: Chromium;
    let folder: string;

    beforeAll(async () => {
      folder = path.join(tmp, "Thư mục chung", "CCHC bản phát hành");
      cpSync(out(), folder, { recursive: true });
      browser = await launchChromium({ locale: "vi-VN" });
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
    });

    /** Opens a page of the copied folder; requests off the disk are recorded and refused (no network). */
    async function open(name: string): Promise<{
      page: Page;
      requested: string[];
      offDisk: string[];
      failed: string[];
      errors: string[];
    }> {
      const page = await browser.context.newPage();
      const requested: string[] = [];
      const offDisk: string[] = [];
      const failed: string[] = [];
      const errors: string[] = [];
      await page.route(/^(https?|wss?):/, (route) => {
        offDisk.push(route.request().url());
        return route.abort();
      });
      page.on("request", (request) => void requested.push(request.url()));
      page.on("requestfailed", (request) => {
        if (request.url().startsWith("file:")) failed.push(request.url());
      });
      page.on("pageerror", (error) => errors.push(error.message));
      page.on("console", (message) => {
        if (message.type() === "error" && !/appsforoffice\.microsoft\.com/.test(message.text()))
          errors.push(message.text());
      });
      await page.goto(pathToFileURL(path.join(folder, name)).href);
      return { page, requested, offDisk, failed, errors };
    }

    /** Waits until the pane takes a file; on a timeout, says which of the folder's files did not load. */
    async function paneReady(page: Page, failed: string[], errors: string[]): Promise<void> {
      try {
        await page
          .getByRole("button", { name: "Mở tệp .xlsx…" })
          .and(page.locator(":enabled"))
          .waitFor({ timeout: 60_000 });
      } catch (error) {
        throw new Error(
          `the pane did not start; failed: ${failed.join(", ")}; errors: ${errors.join(" | ")}\n${error}`
        );
      }
    }

    test("trinh-duyet.html checks the sample workbook with nothing but the folder's files", async () => {
      const expected = await coreFindingCount(SAMPLE);
      const { page, requested, offDisk, failed, errors } = await open("trinh-duyet.html");
      await paneReady(page, failed, errors);
      await eventually(
        () => page.getByTestId("mode-badge").textContent(),
        (v) => expect(v).toBe("Chế độ trình duyệt")
      );
      await page.setInputFiles("[data-testid=workbook-input]", SAMPLE);
      await page
        .getByTestId("file-name")
        .filter({ hasText: "xa-mau-2025.xlsx" })
        .waitFor({ timeout: 60_000 });
      await eventually(
        () => page.getByTestId("finding").count(),
        (v) => expect(v).toBe(expected.findings),
        60_000
      );
      await eventually(
        () => page.getByTestId("unit-row").count(),
        (v) => expect(v).toBe(expected.units)
      );
      // ExcelJS's lazy chunk came from the folder, over file://, as did everything else.
      const inFolder = pathToFileURL(folder).href + "/";
      expect(requested.some((url) => /\/js\/exceljs\.[0-9a-f]{8}\.js$/.test(url))).toBe(true);
      for (const url of requested) expect(url.startsWith(inFolder)).toBe(true);
      expect(offDisk).toEqual([]);
      expect(failed).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    }, 180_000);

    test("taskpane.html and commands.html ask for Office.js from Microsoft's CDN and find every other file in the folder", async () => {
      for (const name of ["taskpane.html", "commands.html"]) {
        const { page, offDisk, failed, errors } = await open(name);
        await page.waitForLoadState("load");
        expect({ name, offDisk }).toEqual({ name, offDisk: [OFFICE_JS_CDN] });
        const scripts = await page
          .locator("script[src]")
          .evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).src));
        expect(scripts[0]).toBe(OFFICE_JS_CDN);
        expect(scripts.length).toBeGreaterThan(1);
        if (name === "taskpane.html") {
          // Without Office.js (the CDN refused) the pane falls back to its browser mode, from the folder alone.
          await paneReady(page, failed, errors);
        }
        expect({ name, failed }).toEqual({ name, failed: [] });
        await page.close();
      }
    }, 180_000);
  });
});
