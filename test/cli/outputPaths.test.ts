import { spawn, spawnSync } from "child_process";
import { chmodSync, chownSync, copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync } from "fs";
import { createServer, Server } from "net";
import * as path from "path";
import { ROOT, SAMPLE, SAMPLE_CRITERIA, cchc, expectPlainStderr, sha256, tempDir } from "../support/cli";

/**
 * Where `--out` may write (docs/contracts/cli.md): never over an input workbook or the criteria file, whatever path,
 * link or spelling names it; never into something that is not a regular file; and `--in-place` replaces the
 * real file, keeping its mode and owner, without leaving its temporary file behind on failure or interruption.
 */

const isRoot = process.getuid?.() === 0;

/** Every entry under dir, links not followed: what a refused run must leave exactly as it was. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      const st = lstatSync(p);
      const id = `${st.mode.toString(8)} ${st.uid}:${st.gid} ${st.ino} mtime=${st.mtimeMs}`;
      if (st.isSymbolicLink()) out[p] = `link → ${readlinkSync(p)} ${id}`;
      else if (st.isDirectory()) {
        out[p] = `dir ${id}`;
        walk(p);
      } else if (st.isFile()) out[p] = `file ${st.size} ${sha256(p)} ${id}`;
      else out[p] = `special ${id}`;
    }
  };
  walk(dir);
  return out;
}

/** A run that must be refused: exit 2, one plain line naming --out as given, nothing on stdout, nothing changed. */
async function expectRefused(dir: string, args: string[], out: string, fragment: RegExp | string) {
  const before = tree(dir);
  const r = await cchc(...args);
  expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 2, stdout: "" });
  expectPlainStderr(r.stderr);
  const lines = r.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0].startsWith(`cchc: ${out}: `)).toBe(true);
  if (typeof fragment === "string") expect(lines[0]).toContain(fragment);
  else expect(lines[0]).toMatch(fragment);
  expect(tree(dir)).toEqual(before);
  return lines[0];
}

function setup(): { dir: string; a: string; b: string; crit: string } {
  const dir = tempDir();
  const a = path.join(dir, "a.xlsx");
  const b = path.join(dir, "b.xlsx");
  const crit = path.join(dir, "bo.criteria.json");
  copyFileSync(SAMPLE, a);
  copyFileSync(SAMPLE, b);
  copyFileSync(SAMPLE_CRITERIA, crit);
  return { dir, a, b, crit };
}

describe("--out that names an input is refused, whatever spells it", () => {
  test("summary a.xlsx b.xlsx --out b.xlsx", async () => {
    const { dir, a, b } = setup();
    const line = await expectRefused(dir, ["summary", a, b, "--out", b], b, "--out");
    expect(line).toContain(b);
  });

  test("--out equal to the --criteria file: score, summary, template", async () => {
    const { dir, a, crit } = setup();
    await expectRefused(dir, ["score", a, "--criteria", crit, "--out", crit], crit, "--criteria");
    await expectRefused(dir, ["summary", a, "--criteria", crit, "--out", crit], crit, "--criteria");
    await expectRefused(dir, ["template", "--criteria", crit, "--units", "Xã A;Xã B", "--out", crit, "--lang", "en"], crit, "--criteria");
  });

  test("--out equal to a criteria workbook given as --criteria", async () => {
    const { dir, a } = setup();
    const critBook = path.join(dir, "bo.xlsx");
    copyFileSync(SAMPLE, critBook);
    await expectRefused(dir, ["score", a, "--criteria", critBook, "--out", critBook], critBook, "--criteria");
  });

  test("the input reached through a symlink, --out its real path (score, revert, criteria)", async () => {
    const { dir, a, crit } = setup();
    const link = path.join(dir, "link.xlsx");
    symlinkSync(a, link);
    await expectRefused(dir, ["score", link, "--out", a], a, "--out");
    await expectRefused(dir, ["revert", link, "--out", a], a, "--out");
    const critLink = path.join(dir, "link.criteria.json");
    symlinkSync(crit, critLink);
    await expectRefused(dir, ["criteria", critLink, "--out", crit], crit, "--out");
    // and the other way round: the real input, --out the link
    await expectRefused(dir, ["summary", a, "--out", link], link, "--out");
  });

  test("the input reached through a directory symlink, --out its real path", async () => {
    const { dir } = setup();
    const real = path.join(dir, "real");
    mkdirSync(real);
    const input = path.join(real, "xa.xlsx");
    copyFileSync(SAMPLE, input);
    const viaLink = path.join(dir, "via");
    symlinkSync(real, viaLink);
    await expectRefused(dir, ["score", path.join(viaLink, "xa.xlsx"), "--out", input], input, "--out");
    // x/.. through a directory link is the link target's parent, not dir: the kernel's reading is the one that counts
    const deep = path.join(real, "deep");
    mkdirSync(deep);
    const up = path.join(dir, "up");
    symlinkSync(deep, up);
    const spelled = `${up}/../xa.xlsx`; // the kernel resolves this to real/xa.xlsx
    await expectRefused(dir, ["summary", input, "--out", spelled], spelled, "--out");
  });

  test("relative spellings: ./x/../a.xlsx", async () => {
    const { dir, a } = setup();
    mkdirSync(path.join(dir, "x"));
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      await expectRefused(dir, ["summary", "a.xlsx", "--out", "./x/../a.xlsx"], "./x/../a.xlsx", "--out");
      await expectRefused(dir, ["score", "./x/../a.xlsx", "--out", "a.xlsx"], "a.xlsx", "--out");
    } finally {
      process.chdir(cwd);
    }
    expect(existsSync(a)).toBe(true);
  });

  test("a hard link to the input", async () => {
    const { dir, a } = setup();
    const hard = path.join(dir, "hard.xlsx");
    linkSync(a, hard);
    await expectRefused(dir, ["score", a, "--out", hard], hard, "--out");
    await expectRefused(dir, ["revert", hard, "--out", a], a, "--out");
  });
});

describe("--out that is not a regular file is refused", () => {
  test("a FIFO", async () => {
    const { dir, a } = setup();
    const fifo = path.join(dir, "pipe.xlsx");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    await expectRefused(dir, ["score", a, "--out", fifo], fifo, /FIFO/);
    await expectRefused(dir, ["summary", a, "--out", fifo, "--lang", "en"], fifo, /FIFO/);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  test("a character device: one made here first, then /dev/null itself", async () => {
    const { dir, a, crit } = setup();
    if (isRoot) {
      // The same device as /dev/null (1,3), made inside the test directory, so that a tool that would replace it
      // fails here before it could touch the real one.
      const dev = path.join(dir, "null.xlsx");
      expect(spawnSync("mknod", [dev, "c", "1", "3"]).status).toBe(0);
      await expectRefused(dir, ["score", a, "--out", dev], dev, /thiết bị|device/);
      expect(lstatSync(dev).isCharacterDevice()).toBe(true);
    }
    const before = lstatSync("/dev/null");
    const r = await cchc("criteria", crit, "--out", "/dev/null");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^cchc: \/dev\/null: .*(thiết bị|device)/);
    const after = lstatSync("/dev/null");
    expect(after.isCharacterDevice()).toBe(true);
    expect([after.ino, after.mode, after.rdev]).toEqual([before.ino, before.mode, before.rdev]);
  });

  test("a directory", async () => {
    const { dir, a } = setup();
    const d = path.join(dir, "out.xlsx");
    mkdirSync(d);
    await expectRefused(dir, ["score", a, "--out", d], d, /thư mục/);
    await expectRefused(dir, ["template", "--criteria", SAMPLE_CRITERIA, "--units", "Xã A", "--out", d, "--lang", "en"], d, /directory/);
  });

  test("a socket", async () => {
    const { dir, a } = setup();
    const sock = path.join(dir, "s.xlsx");
    const server: Server = createServer();
    await new Promise<void>((r) => server.listen(sock, r));
    try {
      await expectRefused(dir, ["score", a, "--out", sock], sock, /socket/);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  test("a symlink to nowhere", async () => {
    const { dir, a } = setup();
    const dangling = path.join(dir, "gone.xlsx");
    symlinkSync(path.join(dir, "nothing-here.xlsx"), dangling);
    await expectRefused(dir, ["score", a, "--out", dangling], dangling, "--out");
  });

  test("a new path and an existing unrelated file are fine", async () => {
    const { dir, a } = setup();
    const fresh = path.join(dir, "moi.xlsx");
    expect((await cchc("score", a, "--out", fresh)).code).toBe(1);
    const before = sha256(fresh);
    expect((await cchc("score", a, "--out", fresh)).code).toBe(1);
    expect(statSync(fresh).isFile()).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(sha256(a)).toBe(sha256(SAMPLE));
    expect(before).toBeTruthy();
  });
});

describe("--in-place", () => {
  test("through a symlink: the target is updated, the link stays a link", async () => {
    const { dir } = setup();
    const realDir = path.join(dir, "that");
    mkdirSync(realDir);
    const real = path.join(realDir, "xa.xlsx");
    copyFileSync(SAMPLE, real);
    const link = path.join(dir, "xa.xlsx");
    symlinkSync(real, link);
    const r = await cchc("score", link, "--out", link, "--in-place");
    expect(r.code).toBe(1);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(real);
    expect(sha256(real)).not.toBe(sha256(SAMPLE));
    expect(readdirSync(dir).concat(readdirSync(realDir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    const back = await cchc("revert", link, "--out", link, "--in-place");
    expect(back.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  test("a read-only file stays read-only (444), replaced by rename", async () => {
    const { a } = setup();
    chmodSync(a, 0o444);
    const r = await cchc("score", a, "--out", a, "--in-place");
    expect(r.code).toBe(1);
    expect(statSync(a).mode & 0o7777).toBe(0o444);
    expect(sha256(a)).not.toBe(sha256(SAMPLE));
    const back = await cchc("revert", a, "--out", a, "--in-place");
    expect(back.code).toBe(0);
    expect(statSync(a).mode & 0o7777).toBe(0o444);
  });

  (isRoot ? test : test.skip)("another user's 640 file keeps its owner, group and mode (as root)", async () => {
    const { a } = setup();
    chownSync(a, 12345, 23456);
    chmodSync(a, 0o640);
    const r = await cchc("score", a, "--out", a, "--in-place");
    expect(r.code).toBe(1);
    const st = statSync(a);
    expect({ uid: st.uid, gid: st.gid, mode: st.mode & 0o7777 }).toEqual({ uid: 12345, gid: 23456, mode: 0o640 });
    expect(sha256(a)).not.toBe(sha256(SAMPLE));
  });

  test("--in-place through a hard link name replaces the input's own file", async () => {
    const { dir, a } = setup();
    const hard = path.join(dir, "hard.xlsx");
    linkSync(a, hard);
    const r = await cchc("score", a, "--out", hard, "--in-place");
    expect(r.code).toBe(1);
    expect(sha256(a)).not.toBe(sha256(SAMPLE));
  });

  test("--in-place still refuses --out equal to the criteria file", async () => {
    const { dir, a, crit } = setup();
    await expectRefused(dir, ["score", a, "--criteria", crit, "--out", crit, "--in-place"], crit, "--criteria");
  });

  test("the temporary file is synced before the rename, and the directory after (strace)", () => {
    const { dir, a } = setup();
    const log = path.join(dir, "trace.txt");
    const r = spawnSync("strace", ["-f", "-qq", "-e", "trace=openat,fsync,fdatasync,rename,renameat,renameat2", "-o", log, process.execPath, path.join(ROOT, "bin", "cchc.js"), "score", a, "--out", a, "--in-place"], { encoding: "utf8" });
    if (r.error) return console.warn(`strace not usable: ${r.error.message}`);
    expect(r.status).toBe(1);
    const lines = readFileSync(log, "utf8").split("\n");
    const tmpOpen = lines.findIndex((l) => /openat\(.*\.tmp"/.test(l) && /O_CREAT/.test(l));
    expect(tmpOpen).toBeGreaterThanOrEqual(0);
    const fd = /= (\d+)$/.exec(lines[tmpOpen].trim())![1];
    const renameAt = lines.findIndex((l) => /rename/.test(l) && l.includes(".tmp") && l.includes("a.xlsx"));
    expect(renameAt).toBeGreaterThan(tmpOpen);
    const synced = lines.slice(tmpOpen, renameAt).some((l) => new RegExp(`f(data)?sync\\(${fd}\\)`).test(l));
    expect(synced).toBe(true);
    const dirOpen = lines.slice(renameAt).findIndex((l) => l.includes(`"${dir}"`) && /O_DIRECTORY|O_RDONLY/.test(l));
    expect(dirOpen).toBeGreaterThanOrEqual(0);
    const after = lines.slice(renameAt + dirOpen);
    const dirFd = /= (\d+)$/.exec(after[0].trim())![1];
    expect(after.some((l) => new RegExp(`fsync\\(${dirFd}\\)`).test(l))).toBe(true);
  });
});

/**
 * Interrupting a write: the binary is run with CCHC_TEST_WRITE_PAUSE_MS, which holds it after the temporary file is
 * written and before the rename. The test sees the temporary file exist, then signals the process, so the signal
 * lands mid-write by construction rather than by luck.
 */
describe("an interrupted or failed write leaves no temporary file", () => {
  function startPaused(args: string[], pauseMs = 60_000) {
    const child = spawn(process.execPath, [path.join(ROOT, "bin", "cchc.js"), ...args], {
      env: { ...process.env, CCHC_TEST_WRITE_PAUSE_MS: String(pauseMs) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (b) => (stderr += b));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.on("exit", (code, signal) => r({ code, signal })));
    return { child, exited, stderr: () => stderr };
  }

  async function waitForTmp(dir: string, ms = 60_000): Promise<string> {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      const tmp = readdirSync(dir).find((f) => f.endsWith(".tmp"));
      if (tmp) return tmp;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no temporary file appeared in ${dir}`);
  }

  test.each(["SIGTERM", "SIGINT"] as const)("%s during --in-place: the input whole, no .tmp", async (signal) => {
    const { dir, a } = setup();
    const before = tree(dir);
    const p = startPaused(["score", a, "--out", a, "--in-place"]);
    await waitForTmp(dir);
    p.child.kill(signal);
    const end = await p.exited;
    expect(end.signal).toBe(signal);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(tree(dir)).toEqual(before);
  });

  test("SIGTERM while writing a new --out: nothing left", async () => {
    const { dir, a } = setup();
    const out = path.join(dir, "moi.xlsx");
    const p = startPaused(["summary", a, "--out", out]);
    await waitForTmp(dir);
    p.child.kill("SIGTERM");
    await p.exited;
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  test("a rename that fails: one plain line, the temporary file removed", async () => {
    const { dir, a } = setup();
    const out = path.join(dir, "moi.xlsx");
    const p = startPaused(["score", a, "--out", out], 3_000);
    await waitForTmp(dir);
    // While it waits, the destination becomes a non-empty directory: the rename must fail.
    mkdirSync(path.join(out, "x"), { recursive: true });
    const end = await p.exited;
    expect(end.code).toBe(2);
    expect(p.stderr()).toMatch(new RegExp(`^cchc: ${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: `));
    expectPlainStderr(p.stderr());
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    rmSync(out, { recursive: true });
  });
});
