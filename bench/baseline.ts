/**
 * The baseline child: ExcelJS merely loading each file given (one at a time, `xlsx.readFile`) and visiting every
 * stored cell (eachRow / eachCell, reading cell.value). Prints what it visited, as one JSON line, so the parent can
 * check it did the same amount of work as the command it is compared with.
 */
import ExcelJS from "exceljs";

async function main(): Promise<void> {
  const files = process.argv.slice(2);
  let sheets = 0;
  let rows = 0;
  let cells = 0;
  let filled = 0;
  for (const file of files) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    for (const ws of wb.worksheets) {
      sheets++;
      ws.eachRow((row) => {
        rows++;
        row.eachCell((cell) => {
          cells++;
          if (cell.value !== null && cell.value !== undefined) filled++;
        });
      });
    }
  }
  process.stdout.write(JSON.stringify({ files: files.length, sheets, rows, cells, filled }) + "\n");
}

main().catch((e) => {
  process.stderr.write(`baseline: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
});
