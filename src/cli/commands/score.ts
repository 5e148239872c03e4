import { IndexedSet } from "../../core/criteria/indexed";
import { InputError } from "../../core/inputError";
import { buildReport } from "../../core/report/report";
import { weakCriterionFindings } from "../../core/scoring/leafAverages";
import { scoreXlsx } from "../../xlsx/scoreXlsx";
import { criteriaForWorkbook } from "../criteriaSource";
import { writeAtomically } from "../atomicWrite";
import { displayName, FileError, readWorkbookFile } from "../files";
import { CommandContext } from "../io";
import { OutTarget } from "../outputPath";
import { printReport } from "../printReport";

export async function scoreCommand(
  file: string,
  opts: { criteria?: IndexedSet; out: OutTarget; json: boolean },
  ctx: CommandContext
): Promise<number> {
  const { bytes, read } = await readWorkbookFile(file);
  const set = criteriaForWorkbook(file, read, opts.criteria, ctx.lang);
  let done;
  try {
    done = await scoreXlsx(bytes, read, set, displayName(file));
  } catch (e) {
    throw e instanceof InputError ? new FileError(file, e) : e;
  }
  const { result, scored } = done;
  await writeAtomically(opts.out, done.bytes);

  for (const c of scored.conflicts) {
    const asNumber = c.kind === "number";
    ctx.io.err(
      ctx.lang === "en"
        ? `cchc: note: ${c.sheet}!${c.cell} held the typed ${asNumber ? "text" : "value"} ${c.value}; it is now ${asNumber ? "the number " + c.formula : "a formula"} (the input file is unchanged)\n`
        : `cchc: lưu ý: ô ${c.sheet}!${c.cell} có ${asNumber ? "văn bản" : "giá trị nhập tay"} ${c.value}; nay là ${asNumber ? "số " + c.formula : "công thức"} (tệp gốc không đổi)\n`
    );
  }
  const findings = [...result.findings, ...weakCriterionFindings(scored.leaves)];
  const report = buildReport(set, result.units, findings, ctx.lang, ctx.version);
  return printReport(report, opts.json, ctx, opts.out.given);
}
