import { draftFromForm } from "../../core/criteria/fromForm/draftFromForm";
import { draftToJson } from "../../core/criteria/fromForm/draftJson";
import { formSheet } from "../../core/criteria/fromForm/formSheet";
import { draftNoteMessage } from "../../core/criteria/fromForm/messages";
import { Draft } from "../../core/criteria/fromForm/draft";
import { draftSheetPlan } from "../../core/criteria/fromForm/draftSheetPlan";
import { DomainError } from "../../core/errors/domainError";
import { newWorkbook } from "../../xlsx/xlsxFilePort";
import { writeAtomically } from "../atomicWrite";
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
  const json = /\.json$/i.test(opts.out.given);
  if (!json && !/\.xlsx$/i.test(opts.out.given))
    throw new FileError(opts.out.given, new DomainError("criteria-unknown-type"));
  const { read } = await readWorkbookFile(file);
  const grid = formSheet(read, opts.sheet);
  const result = grid ? draftFromForm(grid) : undefined;
  if (!result || (!result.ok && result.reason === "no-form"))
    throw new FileError(file, new DomainError("form-not-found", { sheet: opts.sheet ?? "" }));
  if (!result.ok)
    throw new FileError(
      file,
      new DomainError("criteria-refused", {
        count: result.problems.length,
        problems: result.problems,
      })
    );
  const { draft } = result;
  await writeAtomically(opts.out, json ? draftToJson(draft) : await draftWorkbook(draft));
  for (const n of draft.notes)
    ctx.io.err(`${file}: ${n.sheet}!${n.cell}: ${draftNoteMessage(n, ctx.lang)}\n`);
  const items = draft.toConfirm.length;
  ctx.io.out(
    ctx.lang === "en"
      ? `Written: ${opts.out.given} (a draft from sheet "${draft.sheet}"; ${items} items to confirm, listed under ${json ? '"toConfirm"' : '"Cần xác nhận"'})\n`
      : `Đã ghi: ${opts.out.given} (bản nháp từ trang "${draft.sheet}"; ${items} mục cần xác nhận, liệt kê ở ${json ? '"toConfirm"' : 'cột "Cần xác nhận"'})\n`
  );
  return 0;
}

/** The draft as a "Bộ tiêu chí" sheet, with the "Cần xác nhận" column after the set's own. */
async function draftWorkbook(draft: Draft): Promise<Uint8Array> {
  return newWorkbook(draftSheetPlan(draft));
}
