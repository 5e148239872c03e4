import { randomBytes } from "crypto";
import { promises as fs, Stats, unlinkSync } from "fs";
import * as path from "path";
import { DomainError } from "../core/errors/domainError";
import { FileError } from "./files";
import { OutTarget } from "./outputPath";

const SIGNALS: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

/**
 * Writes a temporary file beside the target and renames it over the target, so that no reader ever sees half a
 * file and, with --in-place, the original stays whole until the new one is complete and on disk:
 * - the temporary file is created readable by its owner only, given the replaced file's owner and group (where the
 *   process may: as root, or its own group) and then its mode (a 444 file stays 444: a read-only file in a
 *   writable directory is replaced by rename), and synced before the rename; the directory is synced after;
 * - on any failure, and on SIGINT, SIGTERM or SIGHUP while it exists, the temporary file is removed (on a signal
 *   the process then dies of that signal, as it would have).
 */
export async function writeAtomically(
  target: OutTarget,
  data: Buffer | Uint8Array | string
): Promise<void> {
  const dir = path.dirname(path.resolve(target.path));
  const tmp = path.join(
    dir,
    `.${path.basename(target.path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`
  );
  let created = false;
  const removeTmp = () => {
    if (!created) return;
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
  };
  const onSignal = (signal: NodeJS.Signals) => {
    removeTmp();
    release();
    process.kill(process.pid, signal);
  };
  const release = () => SIGNALS.forEach((s) => process.off(s, onSignal));
  SIGNALS.forEach((s) => process.on(s, onSignal));

  let fh: fs.FileHandle | undefined;
  try {
    fh = await fs.open(tmp, "wx", target.replaces ? 0o600 : 0o666);
    created = true;
    await fh.writeFile(data);
    if (target.replaces) await keepOwnerAndMode(fh, target.replaces);
    await fh.sync();
    await fh.close();
    fh = undefined;
    await testPause();
    await fs.rename(tmp, target.path);
    created = false;
    await syncDirectory(dir);
  } catch (e) {
    await fh?.close().catch(() => undefined);
    removeTmp();
    throw new FileError(
      target.given,
      new DomainError("write-failed", { reason: (e as NodeJS.ErrnoException).code ?? String(e) })
    );
  } finally {
    release();
  }
}

async function keepOwnerAndMode(fh: fs.FileHandle, was: Stats): Promise<void> {
  // Owner first: changing it clears set-id bits, which the mode then puts back.
  try {
    await fh.chown(was.uid, was.gid);
  } catch {
    // Not permitted to give the file away: keep at least its group where the process is a member of it.
    await fh.chown(-1, was.gid).catch(() => undefined);
  }
  await fh.chmod(was.mode & 0o7777);
}

/** Best effort: some file systems cannot sync a directory. */
async function syncDirectory(dir: string): Promise<void> {
  let d: fs.FileHandle | undefined;
  try {
    d = await fs.open(dir, "r");
    await d.sync();
  } catch {
    // the rename is done; durability of the directory entry is the file system's
  } finally {
    await d?.close().catch(() => undefined);
  }
}

/**
 * For the tests only: CCHC_TEST_WRITE_PAUSE_MS holds the write after the temporary file is complete and before the
 * rename, so that a test can interrupt it at exactly that point (test/cli/outputPaths.test.ts).
 */
async function testPause(): Promise<void> {
  const ms = Number(process.env.CCHC_TEST_WRITE_PAUSE_MS);
  if (ms > 0) await new Promise((r) => setTimeout(r, ms));
}
