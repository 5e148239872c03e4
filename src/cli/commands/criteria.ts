import { CRITERIA_SHEET } from "../../core/check/sheetNames";
import { criteriaToJson } from "../../core/criteria/serialize";
import { criteriaToRows } from "../../core/criteria/sheetForm";
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
    const rows = criteriaToRows(set);
    const width = Math.max(...rows.map((r) => r.length));
    const bytes = await newWorkbook({
      sheets: [
        {
          name: CRITERIA_SHEET,
          owned: true,
          columnWidths: [10, 50, 6, 10, 10, 12, 36, 12, 14, 10, 10],
        },
      ],
      ranges: [
        {
          sheet: CRITERIA_SHEET,
          at: "A1",
          cells: rows.map((r) =>
            Array.from({ length: width }, (_, i) => ({ value: r[i] ?? null }))
          ),
        },
      ],
      styles: [],
      conditionalFormats: [],
      validations: [],
      names: [],
    });
    await writeAtomically(opts.out, bytes);
  } else {
    throw new FileError(opts.out.given, new DomainError("criteria-unknown-type"));
  }
  ctx.io.out(ctx.lang === "en" ? `Written: ${opts.out.given}\n` : `Đã ghi: ${opts.out.given}\n`);
  return 0;
}
