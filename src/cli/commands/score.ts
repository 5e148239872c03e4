import { IndexedSet } from "../../core/criteria/indexed";
import { DomainError } from "../../core/errors/domainError";
import { buildReport } from "../../core/report/report";
import { weakCriterionFindings } from "../../core/scoring/leafAverages";
import { score } from "../../core/usecases/score";
import { xlsxWorkbookPort } from "../../xlsx/xlsxWorkbookPort";
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
  const { source, read } = await readWorkbookFile(file);
  let done;
  try {
    // Typed values are replaced without asking: each is noted below, and the input file is never changed.
    done = await score(xlsxWorkbookPort(source, read), {
      given: opts.criteria,
      lang: ctx.lang,
      file: displayName(file),
      confirmTypedCells: () => true,
    });
  } catch (e) {
    throw e instanceof DomainError ? new FileError(file, e) : e;
  }
  if (done.status !== "written") throw new Error("typed cells not confirmed");
  const { check: result, scored, set } = done;
  await writeAtomically(opts.out, done.applied.bytes);

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
