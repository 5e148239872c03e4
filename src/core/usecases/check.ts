import { checkWorkbook, WorkbookCheck } from "../check/checkWorkbook";
import { WorkbookRead } from "../port";
import { CriteriaInUse, criteriaInUse, CriteriaOptions } from "./criteriaInUse";
import { ReadPurpose, WorkbookPort } from "./workbookPort";

export interface CheckOptions extends CriteriaOptions {
  /** The file's name, for the findings (the command line, the browser mode). */
  file?: string;
}

export interface Checked extends CriteriaInUse {
  read: WorkbookRead;
  check: WorkbookCheck;
}

/** "Kiểm tra": reads the workbook, finds the criteria set that applies and checks every unit sheet. */
export async function check(
  port: Pick<WorkbookPort, "read">,
  options: CheckOptions,
  purpose: ReadPurpose = "check"
): Promise<Checked> {
  return checkRead(await port.read(purpose), options);
}

/** The check of a workbook already read. */
export function checkRead(read: WorkbookRead, options: CheckOptions): Checked {
  const criteria = criteriaInUse(read, options);
  return { ...criteria, read, check: checkWorkbook(criteria.set, read, options.file) };
}
