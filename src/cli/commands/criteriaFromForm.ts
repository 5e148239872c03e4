import { draftFromForm } from "../../core/criteria/fromForm/draftFromForm";
import { draftToJson } from "../../core/criteria/fromForm/draftJson";
import { formSheet } from "../../core/criteria/fromForm/formSheet";
import { draftNoteMessage } from "../../core/criteria/fromForm/messages";
import { InputError } from "../../core/inputError";
import { writeAtomically } from "../atomicWrite";
import { CriteriaRefused } from "../criteriaSource";
import { FileError, readWorkbookFile } from "../files";
import { CommandContext } from "../io";
import { OutTarget } from "../outputPath";

/**
 * `cchc criteria FORM.xlsx --from-form [--sheet NAME] --out SET.criteria.json`: a draft set from a scoring form.
 * What did not add up on the form goes to stderr, one line each; the form itself is only read.
 */
export async function criteriaFromFormCommand(
  file: string,
  opts: { out: OutTarget; sheet?: string },
  ctx: CommandContext
): Promise<number> {
  if (!/\.json$/i.test(opts.out.given))
    throw new FileError(opts.out.given, new InputError("criteria-unknown-type"));
  const { read } = await readWorkbookFile(file);
  const grid = formSheet(read, opts.sheet);
  const result = grid ? draftFromForm(grid) : undefined;
  if (!result || (!result.ok && result.reason === "no-form"))
    throw new FileError(file, new InputError("form-not-found", { sheet: opts.sheet ?? "" }));
  if (!result.ok) throw new CriteriaRefused(file, result.problems);
  const { draft } = result;
  await writeAtomically(opts.out, draftToJson(draft));
  for (const n of draft.notes)
    ctx.io.err(`${file}: ${n.sheet}!${n.cell}: ${draftNoteMessage(n, ctx.lang)}\n`);
  const items = draft.toConfirm.length;
  ctx.io.out(
    ctx.lang === "en"
      ? `Written: ${opts.out.given} (a draft from sheet "${draft.sheet}"; ${items} items to confirm, listed under "toConfirm")\n`
      : `Đã ghi: ${opts.out.given} (bản nháp từ trang "${draft.sheet}"; ${items} mục cần xác nhận, liệt kê ở "toConfirm")\n`
  );
  return 0;
}
