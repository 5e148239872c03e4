import { Lang } from "../core/i18n/lang";
import { InputError } from "../core/inputError";
import {
  PreviousFigures,
  previousProblemMessage,
  readPreviousReport,
} from "../core/report/previousFigures";
import { FileError, readBytes } from "./files";

/** Last year's `--json` report, read and checked; anything else is one line naming the file (exit 2). */
export async function readPreviousFile(file: string, lang: Lang): Promise<PreviousFigures> {
  const bytes = await readBytes(file);
  const refuse = (reason: string) =>
    new FileError(file, new InputError("file-unreadable", { reason }));
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8").replace(/^\uFEFF/, ""));
  } catch (e) {
    throw refuse(
      (lang === "en" ? "not JSON: " : "không phải JSON: ") +
        (e instanceof Error ? e.message.split("\n")[0] : String(e))
    );
  }
  const read = readPreviousReport(json);
  if (!read.ok) throw refuse(previousProblemMessage(read.problem, lang, read.detail));
  return read.figures;
}
