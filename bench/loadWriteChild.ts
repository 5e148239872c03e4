/**
 * The end-to-end baseline of the write bench: ExcelJS loading FILE (`xlsx.readFile`) and writing it back to OUT
 * (`xlsx.writeFile`), nothing else — what `cchc score FILE --out OUT` is compared with.
 */
import ExcelJS from "exceljs";

async function main(): Promise<void> {
  const [file, out] = process.argv.slice(2);
  if (!file || !out) throw new Error("usage: loadWriteChild FILE OUT");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  await wb.xlsx.writeFile(out);
}

main().catch((e) => {
  process.stderr.write(`loadWriteChild: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
});
