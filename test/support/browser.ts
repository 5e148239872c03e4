/**
 * Real-browser test support: builds the pane once with webpack (preview: local Office.js copy, plain http),
 * serves the build from a tiny static server on a free port, and launches Debian's Chromium through
 * playwright-core with a fresh profile. Never downloads a browser (no `playwright install`).
 */
import { execFile } from "child_process";
import { existsSync, mkdtempSync, promises as fs, rmSync } from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { projectRoot } from "./paths";

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

/** `webpack --mode development --env preview` into `outDir` (not dist/: a build there is someone else's). */
export function buildPreview(outDir: string): Promise<void> {
  const root = projectRoot();
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [root] });
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [cli, "--mode", "development", "--env", "preview", "--output-path", outDir, "--no-stats"],
      { cwd: root, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NODE_ENV: "development" } },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`webpack failed: ${error.message}\n${stdout}\n${stderr}`));
        else resolve();
      }
    );
  });
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".css": "text/css",
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1 at a free port; only files inside `dir`, GET/HEAD only. */
export async function serveDir(dir: string): Promise<StaticServer> {
  const root = path.resolve(dir);
  const server = http.createServer(async (req, res) => {
    try {
      const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
      const file = path.resolve(
        root,
        "." + (pathname.endsWith("/") ? pathname + "taskpane.html" : pathname)
      );
      if (!file.startsWith(root + path.sep) || (req.method !== "GET" && req.method !== "HEAD")) {
        res.writeHead(404).end();
        return;
      }
      const body = await fs.readFile(file);
      res.writeHead(200, {
        "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
        "Cache-Control": "no-store",
      });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface Chromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Debian's Chromium, headless, with a fresh user-data-dir removed on close. */
export async function launchChromium(options: { locale?: string } = {}): Promise<Chromium> {
  const profile = mkdtempSync(path.join(os.tmpdir(), "cchc-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    acceptDownloads: true,
    locale: options.locale ?? "vi-VN",
    viewport: { width: 400, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Reads a value from the page until `check` accepts it (React renders after the event that changed its
 * state, so a read right after a click may see the previous render). Throws check's last error on timeout.
 */
export async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => void,
  timeoutMs = 10_000
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      check(await read());
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

export interface ServedPane {
  /** The server's address, ending in "/". */
  readonly url: string;
  /** A temporary folder for the test file's own files (removed after it, with the build). */
  readonly dir: string;
}

/**
 * One preview build of the pane, served for the tests of the calling describe block: built before them (jest's
 * beforeAll), served from a temporary folder, removed after them.
 */
export function servedPane(prefix: string): ServedPane {
  let dir = "";
  let server: StaticServer | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), prefix));
    await buildPreview(path.join(dir, "dist"));
    server = await serveDir(path.join(dir, "dist"));
  }, 240_000);
  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return {
    get url() {
      if (!server)
        throw new Error("servedPane: the build is not served yet (use it inside a test)");
      return server.url;
    },
    get dir() {
      return dir;
    },
  };
}

/** A page of `browser` on the pane (in Vietnamese), once its file button can be used. */
export async function openPane(browser: Chromium, url: string): Promise<Page> {
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(url + "taskpane.html");
  await page
    .getByRole("button", { name: "Mở tệp .xlsx…" })
    .and(page.locator(":enabled"))
    .waitFor({ timeout: 60_000 });
  return page;
}

/** Shows a job's tab ("Kiểm tra", "Chấm điểm", "Tổng hợp", "Mùa chấm"): the pane keeps one job in view. */
export async function showJob(page: Page, name: string): Promise<void> {
  const tab = page.getByRole("tab", { name, exact: true });
  await tab.click();
  await eventually(
    () => tab.getAttribute("aria-selected"),
    (v) => expect(v).toBe("true")
  );
}
