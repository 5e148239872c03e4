import { lstatSync, realpathSync, Stats, statSync } from "fs";
import { DomainError, DomainErrorCode } from "../core/errors/domainError";
import { FileError } from "./files";

/** Where a command writes: the path as the user gave it (for messages) and the file actually replaced. */
export interface OutTarget {
  /** --out as given. */
  given: string;
  /** The path written by rename: a link's real file, so the link stays a link. */
  path: string;
  /** The file being replaced, if one exists: its mode and owner are kept. */
  replaces?: Stats;
}

/** A file the command reads, and what it is to the command. */
export interface ReadFile {
  file: string;
  role: "input" | "criteria";
}

interface Identity {
  real: string;
  dev: number;
  ino: number;
}

/**
 * Checks --out before anything is read or written. Refused, with one line naming --out: a path that is (through
 * any link, hard link or spelling: the same real path, or the same device and inode) one of the files read, and
 * anything that exists and is not a regular file (a FIFO, a device such as /dev/null, a directory, a socket, a
 * link to nothing). `inPlace`: "given" lets --out be the input workbook (score, revert with --in-place), which is
 * then replaced through its real path; "possible" refuses it with a hint to add --in-place; "no" just refuses it.
 */
export function checkOut(
  out: string,
  reads: ReadFile[],
  inPlace: "no" | "possible" | "given" = "no"
): OutTarget {
  const refuse = (code: DomainErrorCode, params: Record<string, string> = {}) =>
    new FileError(out, new DomainError(code, params));
  let link: Stats | undefined;
  try {
    link = lstatSync(out);
  } catch {
    // A new path (or one that cannot be looked at: the write will say why): no input can be it.
  }
  if (!link) return { given: out, path: out };

  let st: Stats;
  try {
    st = statSync(out);
  } catch {
    throw refuse("out-not-regular", { kind: "dangling-link" });
  }
  const kind = specialKind(st);
  if (kind) throw refuse("out-not-regular", { kind });

  const outId = identityOf(out, st) ?? { real: out, dev: st.dev, ino: st.ino };
  const same = (r: ReadFile) => {
    const id = identityOf(r.file);
    return id && sameFile(outId, id) ? id : undefined;
  };
  const criteria = reads.find((r) => r.role === "criteria" && same(r));
  if (criteria) throw refuse("out-is-criteria", { file: criteria.file });
  for (const r of reads) {
    const id = same(r);
    if (!id) continue;
    // In place: the input's own file is replaced, even when --out names it through a hard link.
    if (inPlace === "given") return { given: out, path: id.real, replaces: statSync(r.file) };
    throw inPlace === "possible"
      ? refuse("out-exists-as-input")
      : refuse("out-is-input", { file: r.file });
  }
  return { given: out, path: outId.real, replaces: st };
}

/**
 * The kernel's reading of a path: realpath(3), not Node's lexical one, which takes "link/.." to be the link's
 * own directory where the kernel goes to the parent of the link's target.
 */
function identityOf(file: string, known?: Stats): Identity | undefined {
  try {
    const st = known ?? statSync(file);
    return { real: realpathSync.native(file), dev: st.dev, ino: st.ino };
  } catch {
    return undefined;
  }
}

function sameFile(a: Identity, b: Identity): boolean {
  return a.real === b.real || (a.dev === b.dev && a.ino === b.ino);
}

function specialKind(st: Stats): string | undefined {
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return "directory";
  if (st.isFIFO()) return "fifo";
  if (st.isSocket()) return "socket";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "device";
  return "other";
}
