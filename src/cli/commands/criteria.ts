import { CRITERIA_SHEET } from "../../core/check/sheetNames";
import { criteriaToJson } from "../../core/criteria/serialize";
import { criteriaSheetPlan } from "../../core/criteria/sheetPlan";
import { DomainError } from "../../core/errors/domainError";
import { newWorkbook } from "../../xlsx/xlsxFilePort";
import { loadCriteriaFile } from "../criteriaSource";
import { writeAtomically } from "../atomicWrite";
import { FileError } from "../files";
import { CommandContext } from "../io";
import { OutTarget } from "../outputPath";

/** Converts a set between its JSON and sheet forms, after checking it. */
export async function criteriaCommand(
  file: string,
  opts: { out: OutTarget },
  ctx: CommandContext
): Promise<number> {
  const set = (await loadCriteriaFile(file, ctx.lang)).set;
  if (/\.json$/i.test(opts.out.given)) {
    await writeAtomically(opts.out, criteriaToJson(set));
  } else if (/\.xlsx$/i.test(opts.out.given)) {
    const bytes = await newWorkbook(criteriaSheetPlan(set, CRITERIA_SHEET));
    await writeAtomically(opts.out, bytes);
  } else {
    throw new FileError(opts.out.given, new DomainError("criteria-unknown-type"));
  }
  ctx.io.out(ctx.lang === "en" ? `Written: ${opts.out.given}\n` : `Đã ghi: ${opts.out.given}\n`);
  return 0;
}
